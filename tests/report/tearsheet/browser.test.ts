// The tearsheet as a person sees it: `assay run --report` writes the page, headless Chromium
// opens it from disk, and the test reads what the browser drew. It writes the screenshot the
// README shows, reports/tearsheet.png.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backtest } from "../../../src/api/backtest.ts";
import { syntheticPanel } from "../../../src/data/index.ts";
import { money, percent, ratio } from "../../../src/report/format.ts";
import type { Metrics } from "../../../src/report/metrics/index.ts";
import { CHART_IDS } from "../../../src/report/tearsheet/charts/index.ts";
import { HEADLINE } from "../../../src/report/tearsheet/from-run.ts";
import { momentum, rankLongShort } from "../../../src/strategy/rank-long-short.ts";
import { chromiumPath, expectLoadsAlone, openPage, skipsWithoutChromium } from "../../helpers/chromium.ts";
import { runCli } from "../../helpers/cli.ts";

// A leveraged long/short book (Reg T 32%, maintenance 30%, refusals not scaled) on 20
// synthetic assets over two years: margin calls, forced fills and rejections to draw.
const RUN_FLAGS = {
  assets: 20,
  bars: 504,
  seed: 42,
  targetValue: 300_000,
  set: { initialRate: 0.32, maintLong: 0.3, onInsufficient: "reject" },
} as const;
const CONFIG_FILE = "examples/momentum.json";
const PAGE = resolve("reports/tearsheet.html");
const SCREENSHOT = resolve("reports/tearsheet.png");

describe.skipIf(skipsWithoutChromium("tests/report/tearsheet/browser.test.ts"))(
  "tearsheet in headless Chromium",
  () => {
    let browser: Browser;
    let metrics: Metrics;

    beforeAll(async () => {
      const executablePath = chromiumPath();
      const { code, err } = await runCli([
        "run",
        ...["--config", CONFIG_FILE, "--engine", "fast"],
        ...[
          "--assets",
          String(RUN_FLAGS.assets),
          "--bars",
          String(RUN_FLAGS.bars),
          "--seed",
          String(RUN_FLAGS.seed),
        ],
        ...["--target-value", String(RUN_FLAGS.targetValue)],
        ...Object.entries(RUN_FLAGS.set).flatMap(([key, value]) => ["--set", `${key}=${value}`]),
        ...["--report", "--report-name", "tearsheet"],
      ]);
      expect(code, err).toBe(0);
      // The same run through the library: the numbers the page must show.
      metrics = backtest({
        data: syntheticPanel({ assets: RUN_FLAGS.assets, bars: RUN_FLAGS.bars, seed: RUN_FLAGS.seed }),
        strategy: rankLongShort({
          signal: momentum(20),
          longs: 5,
          shorts: 5,
          targetValue: RUN_FLAGS.targetValue,
        }),
        config: { ...JSON.parse(readFileSync(CONFIG_FILE, "utf8")), ...RUN_FLAGS.set },
      }).metrics;
      browser = await chromium.launch({ executablePath });
    });

    afterAll(async () => {
      await browser?.close();
    });

    it("the page loads with no console or page error and fetches nothing but itself", async () => {
      await expectLoadsAlone(browser, PAGE);
    });

    it("every chart is drawn, with a size and marks", async () => {
      const { page } = await openPage(browser, PAGE);
      // The log chart shows once the checkbox is ticked, in the linear chart's place.
      const visible = async (ids: readonly string[]) => {
        for (const id of ids) {
          const svg = page.locator(`#chart-${id} svg`);
          const box = await svg.boundingBox();
          expect(box, id).not.toBeNull();
          expect(box?.width, id).toBeGreaterThan(400);
          expect(box?.height, id).toBeGreaterThan(200);
          const items = await svg.locator('g.role-mark > [role="graphics-symbol"]').count();
          expect(items, id).toBeGreaterThan(0);
        }
      };
      expect(CHART_IDS).toContain("equity-log");
      await visible(CHART_IDS.filter((id) => id !== "equity-log"));
      expect(await page.locator("#chart-equity-log").isVisible()).toBe(false);
      await page.locator("#log-scale").check();
      await visible(["equity-log"]);
      expect(await page.locator("#chart-equity").isVisible()).toBe(false);
      await page.close();
    });

    it("the headline numbers are the metrics, formatted as the page formats them", async () => {
      const { page } = await openPage(browser, PAGE);
      const shown = await page
        .locator("#headline div")
        .evaluateAll((items) =>
          items.map((item) => [item.querySelector("dt")?.textContent, item.querySelector("dd")?.textContent]),
        );
      const byLabel = Object.fromEntries(shown);
      expect(shown).toEqual(HEADLINE.map(({ label, value }) => [label, value(metrics)]));
      // A few by hand, so that the table above cannot drift from the metrics unseen.
      expect(byLabel["Total return"]).toBe(percent(metrics.totalReturn));
      expect(byLabel["Max drawdown"]).toBe(percent(metrics.maxDrawdown));
      expect(byLabel["Sharpe ratio"]).toBe(ratio(metrics.sharpe as number));
      expect(byLabel["Closed trades"]).toBe(String(metrics.closedTrades));
      expect(byLabel["Costs paid"]).toBe(money(metrics.costs.total));
      await page.close();
    });

    it("the events and trades the run had are on the page", async () => {
      const { page } = await openPage(browser, PAGE);
      const counts = Object.fromEntries(
        await page
          .locator("#events > table tbody tr")
          .evaluateAll((rows) =>
            rows.map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent)),
          ),
      );
      expect(metrics.events.marginCalls).toBeGreaterThan(0);
      expect(counts["margin calls"]).toBe(String(metrics.events.marginCalls));
      expect(counts["forced fills"]).toBe(String(metrics.events.liquidations));
      expect(counts["rejected: insufficientBuyingPower"]).toBe(
        String(metrics.events.rejectionsByReason.insufficientBuyingPower),
      );
      // The strip under the curve has a row of ticks for margin calls.
      const ticks = await page.locator('#chart-equity [aria-label*="kind: marginCall"]').count();
      expect(ticks).toBeGreaterThan(0);
      expect(await page.locator("#trades h2").textContent()).toMatch(/^Trades \(\d+\)$/);
      expect(await page.locator("#trades tbody tr").count()).toBeGreaterThan(0);
      await page.close();
    });

    it("writes reports/tearsheet.png, the whole page, for people to look at", async () => {
      const { page } = await openPage(browser, PAGE);
      const png = await page.screenshot({ fullPage: true });
      writeFileSync(SCREENSHOT, png);
      // PNG: the signature, then IHDR's width and height (big-endian, bytes 16..23).
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(1100);
      expect(png.readUInt32BE(20)).toBeGreaterThan(2000);
      await page.close();
    });
  },
);
