// `assay realism` (issue 15): the ladder of realism. Each step is the user's config with the
// families above it frictionless, so the top step is the user's config itself (checked against a
// plain run of it), each step differs from the one below in its own family's keys only, and a
// hand-computed case shows what one family costs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runBacktest } from "../../src/api/backtest.ts";
import { runConfigFor } from "../../src/api/run.ts";
import type { ConfigInput } from "../../src/config/input.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type { Panel, Strategy } from "../../src/model/index.ts";
import { FRICTIONLESS, ladderSteps, RUNGS } from "../../src/realism/ladder.ts";
import { runLadder } from "../../src/realism/run-ladder.ts";
import { runCli } from "../helpers/cli.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 2);

/** One asset, two bars: open 100, high 101, low 99, close 100. */
const PANEL: Panel = {
  symbols: ["A"],
  times: Float64Array.from([T0, T0 + DAY]),
  open: Float64Array.from([100, 100]),
  high: Float64Array.from([101, 101]),
  low: Float64Array.from([99, 99]),
  close: Float64Array.from([100, 100]),
  volume: Float64Array.from([1_000_000, 1_000_000]),
  extra: {},
};

/** Buys 100 units at the first close. */
const buyOnce = async (): Promise<Strategy> => ({
  name: "buy-once",
  onBar(ctx) {
    if (ctx.t === 0) ctx.submit({ asset: "A", size: 100 });
  },
});

const TARGET: ConfigInput = {
  initialCash: 20_000,
  account: "margin",
  commission: { model: "percent", rate: 0.001 },
  slippage: { model: "fixedBps", bps: 5 },
  maxParticipation: 0.1,
  onZeroVolume: "defer",
  debitRate: 0.05,
};
const labels = { config: "test config", data: "test panel" };

describe("ladderSteps", () => {
  it("goes from frictionless to the target, one family a step, the top step the target itself", () => {
    const steps = ladderSteps(TARGET);
    expect(steps.map((s) => s.name)).toEqual([FRICTIONLESS, ...RUNGS.map((r) => r.name)]);
    expect(steps.at(-1)?.configInput).toEqual(TARGET);
    for (const [i, rung] of RUNGS.entries()) {
      const [below, step] = [steps[i].configInput, steps[i + 1].configInput];
      const changed = Object.keys({ ...below, ...step }).filter(
        (key) =>
          JSON.stringify(below[key as keyof ConfigInput]) !== JSON.stringify(step[key as keyof ConfigInput]),
      );
      for (const key of changed) expect(Object.keys(rung.frictionless)).toContain(key);
    }
    expect(steps[0].configInput).toMatchObject({
      commission: { model: "percent", rate: 0 },
      slippage: { model: "fixedBps", bps: 0 },
      maxParticipation: null,
      onZeroVolume: "fill",
      impact: { model: "none" },
      shortCash: true,
      debitRate: 0,
      settlement: 0,
    });
  });

  it("keeps a futures account on every step (its margins are the instrument's)", () => {
    for (const step of ladderSteps({ account: "futures" })) {
      expect(step.configInput.account).toBe("futures");
      expect(step.configInput.shortCash).toBeUndefined();
    }
  });
});

describe("runLadder", () => {
  it("prices each family by hand: costs take slippage and commission, the others change no money here", async () => {
    const ladder = await runLadder({
      panel: PANEL,
      configInput: TARGET,
      labels,
      build: buyOnce,
      engine: fastEngine,
    });
    const byName = new Map(ladder.steps.map((s) => [s.name, s]));
    // Frictionless: 100 bought at the open of 100, marked at 100: equity 20,000.
    expect(byName.get(FRICTIONLESS)?.finalEquity).toBeCloseTo(20_000, 9);
    // + costs: price 100 x (1 + 5 bps) = 100.05 (within the high of 101); commission 0.1% of
    // 100 x 100.05 = 10.005; equity 20,000 - 100 x 0.05 - 10.005 = 19,984.995.
    expect(byName.get("+ costs")?.finalEquity).toBeCloseTo(19_984.995, 9);
    expect(byName.get("+ costs")?.costs).toBeCloseTo(15.005, 9);
    // 100 units of a 1,000,000-unit bar are under the 10% cap; no bar without volume; no impact model.
    for (const name of ["+ volume caps", "+ zero-volume policy", "+ impact"])
      expect(byName.get(name)?.unchanged).toBe(true);
    // + margin and financing: cash 20,000 - 10,005 - 10.005 = 9,984.995 stays positive, so no
    // debit interest, and Reg T's 50% of 10,000 fits: the same money, but the records now carry
    // the margin requirements (0 under the frictionless shortCash).
    expect(byName.get("+ margin and financing")?.finalEquity).toBeCloseTo(19_984.995, 9);
    expect(byName.get("+ margin and financing")?.unchanged).toBe(false);
    expect(byName.get("+ settlement")?.unchanged).toBe(true);
  });

  it("ends at the user's config: the top step's records are a plain run's", async () => {
    const configInput: ConfigInput = { ...TARGET, initialCash: 6_000 };
    const ladder = await runLadder({ panel: PANEL, configInput, labels, build: buyOnce, engine: fastEngine });
    const plain = runBacktest(PANEL, runConfigFor(PANEL, configInput, labels), await buyOnce(), fastEngine);
    expect(ladder.steps.at(-1)?.finalEquity).toBe(plain.summary.finalEquity);
    expect(ladder.steps.at(-1)?.equity).toEqual(Array.from(plain.records.series.equity));
    // 6,000 of cash buys 100 x 100.05 = 10,005 only on margin: cash after 6,000 - 10,005 - 10.005
    // = -4,015.005, so frictionless (cash >= 0) refuses the buy, while Reg T (equity 5,984.995 >=
    // 50% of 10,005) takes it: the margin step fills it.
    const steps = new Map(ladder.steps.map((s) => [s.name, s]));
    expect(steps.get(FRICTIONLESS)?.refused).toBe(1);
    expect(steps.get("+ margin and financing")?.unchanged).toBe(false);
    expect(steps.get("+ margin and financing")?.refused).toBe(0);
    // Interest accrues from one close to the next: the loan taken at the last bar's open pays none.
    expect(steps.get("+ margin and financing")?.finalEquity).toBeCloseTo(6_000 - 15.005, 9);
  });
});

describe("assay realism on the seed study", () => {
  it("prints the ladder, its costs step at Backtrader's own final value, and writes the HTML report", async () => {
    const { code, out, err } = await runCli([
      "realism",
      "--data",
      "../shared/golden/bench250/bars.csv",
      "--longs",
      "25",
      "--shorts",
      "25",
      "--target-value",
      "20000",
      "--config",
      "examples/realism.json",
      "--json",
      "--report",
      "--report-name",
      "realism-bench250-test",
    ]);
    expect(code).toBe(0);
    const { steps } = JSON.parse(out);
    expect(steps.map((s: { name: string }) => s.name)).toEqual([FRICTIONLESS, ...RUNGS.map((r) => r.name)]);
    // Frictionless plus commission 0.1% and 5 bps of slippage is Backtrader's broker with the
    // study's costs: its final value is Backtrader's own (../shared/golden/bench250/backtrader.json).
    const backtrader = JSON.parse(readFileSync("../shared/golden/bench250/backtrader.json", "utf8"));
    const costs = steps.find((s: { name: string }) => s.name === "+ costs");
    expect(Math.abs(costs.finalEquity - backtrader.finalValue)).toBeLessThan(1e-6 * backtrader.finalValue);
    expect(costs.fills).toBe(backtrader.fills);
    // The impact model costs money on this book; the financing step changes the records too.
    const impact = steps.find((s: { name: string }) => s.name === "+ impact");
    expect(impact.finalEquity).toBeLessThan(costs.finalEquity);
    expect(steps.find((s: { name: string }) => s.name === "+ margin and financing").unchanged).toBe(false);
    const html = err.match(/wrote the realism report (\S+)/)?.[1] as string;
    const page = readFileSync(html, "utf8");
    expect(page).toContain('id="chart-realism-returns"><svg');
    expect(page).toContain('id="chart-realism-equity"><svg');
    expect(page.match(/<tr><td>\+ /g)?.length).toBe(2 * RUNGS.length);
  }, 60_000);
});
