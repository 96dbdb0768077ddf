// The sweep report as a person sees it: `assay sweep --report` writes the page, headless Chromium
// opens it from disk: no error, nothing fetched, a heatmap cell per grid point with its value, the
// ranked trials. It writes reports/sweep.png, which the README shows.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, expectLoadsAlone, openPage, skipsWithoutChromium } from "../helpers/chromium.ts";
import { runCli } from "../helpers/cli.ts";

const PAGE = resolve("reports/sweep.html");
const SCREENSHOT = resolve("reports/sweep.png");
// ma-crossover over fast x slow = 2 x 3 grid points on 6 synthetic assets, two years.
const SWEEP = [
  "sweep",
  "ma-crossover",
  ...["--param", "fast=5,10", "--param", "slow=20:60:20"],
  ...["--assets", "6", "--bars", "504", "--workers", "2"],
  ...["--report", "--report-name", "sweep"],
];

describe.skipIf(skipsWithoutChromium("tests/sweep/report.browser.test.ts"))(
  "sweep report in headless Chromium",
  () => {
    let browser: Browser;
    let table: string;

    beforeAll(async () => {
      const executablePath = chromiumPath();
      const { code, out, err } = await runCli(SWEEP);
      expect(code, err).toBe(0);
      table = out;
      browser = await chromium.launch({ executablePath });
    });

    afterAll(async () => {
      await browser?.close();
    });

    it("loads with no console or page error and fetches nothing but itself", async () => {
      await expectLoadsAlone(browser, PAGE);
    });

    it("draws a heatmap cell per grid point, labelled with the trial's Sharpe ratio", async () => {
      const { page } = await openPage(browser, PAGE);
      const svg = page.locator("#chart-sweep svg");
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(800);
      expect(box?.height).toBeGreaterThan(300);
      const cells = await svg
        .locator("g.mark-rect.role-mark path")
        .evaluateAll((paths) => paths.map((path) => path.getAttribute("aria-label") ?? ""));
      expect(cells).toHaveLength(6);
      const labels = await svg.locator("g.mark-text.role-mark text").allTextContents();
      // The ranked rows' Sharpe ratios (the table's sharpe column, 4 decimals) to 2 decimals.
      const rows = await page
        .locator("table tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
        );
      expect(rows).toHaveLength(6);
      // Columns: rank, trial, fast, slow, sharpe. Each trial's cell sits at its (fast, slow).
      for (const [, , fast, slow] of rows)
        expect(cells.filter((cell) => cell.startsWith(`fast: ${fast}; slow: ${slow}; `))).toHaveLength(1);
      const sharpes = rows.map((row) => Number(row[4]).toFixed(2).replace("-", "\u2212"));
      expect([...labels].sort()).toEqual([...sharpes].sort());
      await page.close();
    });

    it("heads the page with the verdict the command printed", async () => {
      const { page } = await openPage(browser, PAGE);
      const notes = await page.locator("header .note").allTextContents();
      expect(notes).toHaveLength(3);
      for (const note of notes) expect(table).toContain(note);
      expect(notes[2]).toMatch(/^deflated Sharpe ratio of the best: /);
      await page.close();
    });

    it("writes reports/sweep.png for people to look at", async () => {
      const { page } = await openPage(browser, PAGE);
      const png = await page.screenshot({ fullPage: true });
      writeFileSync(SCREENSHOT, png);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(1100);
      await page.close();
    });
  },
);
