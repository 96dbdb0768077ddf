import { describe, expect, it } from "vitest";
import { backtest } from "../../src/api/backtest.ts";
import { scheduledOrders } from "../../src/strategy/declarative.ts";
import { outcomeLayout, packOutcomes } from "../../src/stress/chunk.ts";
import { pathOutcome } from "../../src/stress/outcome.ts";
import { testPanel } from "../helpers/panel.ts";

const DATES = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"];
const flat = (price: number) => [price, price, price, price] as const;

/**
 * A 2x long, no costs, Reg T 50 % / 25 %: t0 decides to buy 200 A, filled at t1's open 100:
 * cash 10000 - 20000 = -10000, equity 10000 >= IM 0.5 x 20000.
 * t2 closes at 60: equity -10000 + 200 x 60 = 2000 < MM 0.25 x 12000 = 3000: marginCall.
 * t3 opens at 60: sell x with 2000 >= 0.25 (200 - x) 60, x >= 66.7: 67, cash -10000 + 4020 = -5980
 * (liquidation, bar 3), 133 left; close 60: equity 2000 >= MM 1995.
 * t4 closes at 40: equity -5980 + 133 x 40 = -660 <= 0: bankrupt; t5 closes the 133 at its open 40.
 * Equity 10000 10000 2000 2000 -660 -660.
 */
function crashRun(crash: boolean) {
  const prices = crash
    ? [flat(100), flat(100), [100, 100, 60, 60] as const, flat(60), [60, 60, 40, 40] as const, flat(40)]
    : DATES.map(() => flat(100));
  const panel = testPanel(DATES, { A: prices });
  const result = backtest({
    data: panel,
    strategy: scheduledOrders(new Map([[0, [{ asset: "A", size: 200 }]]])),
    config: { initialCash: 10_000, maxParticipation: null },
    metrics: { periodsPerYear: 6 },
  });
  return { records: result.records, times: panel.times, metrics: result.metrics };
}

describe("pathOutcome()", () => {
  const layout = outcomeLayout(6, [0, 2, 5]);
  const crash = crashRun(true);
  const outcome = pathOutcome(
    { records: crash.records, times: crash.times, initialCash: 10_000, periodsPerYear: 6 },
    layout,
  );

  it("pathOutcome() finds the call, the liquidation and the bankruptcy at the bars of the records", () => {
    const barsOf = (kind: string) =>
      crash.records.events.filter((event) => event.kind === kind).map((e) => e.t);
    expect(barsOf("marginCall")).toEqual([2]);
    expect(barsOf("liquidation")).toEqual([3, 5]);
    expect(barsOf("bankrupt")).toEqual([4]);
    expect(outcome.firstMarginCallBar).toBe(2);
    expect(outcome.firstLiquidationBar).toBe(3);
    expect(outcome.bankruptBar).toBe(4);
  });

  it("pathOutcome() reads the final equity, the fan bars' equity and the run's CAGR and max drawdown", () => {
    // returns 0, 0, 2000/10000 - 1 = -0.8, 0, -660/2000 - 1 = -1.33, 0 (base -660 <= 0);
    // wealth 1 1 0.2 0.2 -0.066 -0.066: max drawdown 1 + 0.066 = 1.066;
    // one year of 6 bars: CAGR = |1 - 1.066| - 1 = -0.934
    expect(crash.records.series.equity).toEqual([10_000, 10_000, 2000, 2000, -660, -660]);
    expect(outcome.finalEquity).toBe(-660);
    expect(outcome.fanEquity).toEqual([10_000, 2000, -660]);
    expect(outcome.maxDrawdown).toBeCloseTo(1.066, 12);
    expect(outcome.cagr).toBeCloseTo(-0.934, 12);
    expect(outcome.maxDrawdown).toBe(crash.metrics.maxDrawdown);
    expect(outcome.cagr).toBe(crash.metrics.cagr);
    expect(outcome.weight).toBe(1);
  });

  it("pathOutcome() of a quiet path has no events; packOutcomes() puts both paths in columns", () => {
    const quiet = crashRun(false);
    const calm = pathOutcome(
      { records: quiet.records, times: quiet.times, initialCash: 10_000, weight: 0.25 },
      layout,
    );
    expect([calm.firstMarginCallBar, calm.firstLiquidationBar, calm.bankruptBar]).toEqual([-1, -1, -1]);
    expect(calm.finalEquity).toBe(10_000);
    const chunk = packOutcomes(layout, 7, [outcome, calm]);
    expect(chunk.firstPath).toBe(7);
    expect([...chunk.firstMarginCallBar]).toEqual([2, -1]);
    expect([...chunk.firstLiquidationBar]).toEqual([3, -1]);
    expect([...chunk.bankruptBar]).toEqual([4, -1]);
    expect([...chunk.finalEquity]).toEqual([-660, 10_000]);
    expect([...chunk.fanEquity]).toEqual([10_000, 2000, -660, 10_000, 10_000, 10_000]);
    expect([...chunk.weight]).toEqual([1, 0.25]);
  });

  it("pathOutcome() refuses records of another length, a bad initial cash and a bad weight", () => {
    const run = { records: crash.records, times: crash.times, initialCash: 10_000 };
    expect(() => pathOutcome(run, outcomeLayout(5, []))).toThrow(
      "stress outcome: 6 bars of records and 6 bar times for a layout of 5 bars",
    );
    expect(() => pathOutcome({ ...run, initialCash: 0 }, layout)).toThrow(
      "stress outcome field=initialCash: must be finite and > 0, got 0",
    );
    expect(() => pathOutcome({ ...run, weight: -1 }, layout)).toThrow(
      "stress outcome field=weight: must be finite and >= 0 (a likelihood ratio), got -1",
    );
  });
});
