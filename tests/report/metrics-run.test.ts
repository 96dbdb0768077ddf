// Metrics on real runs (backtest(), both engines): a deposit or a withdrawal moves equity but is
// no gain or loss, in result.metrics and result.summary alike.
import { describe, expect, it } from "vitest";
import {
  backtest,
  type EngineName,
  periodReturns,
  scheduledOrders,
  syntheticPanel,
} from "../../src/index.ts";
import { isoDate } from "../../src/model/index.ts";

const panel = syntheticPanel({ assets: 2, bars: 60, seed: 7 });
const FLOW_BAR = 30;
// 100 units of S000 decided at bar 0, filled at bar 1's open and held: the same position
// whatever the cash, so every bar's money gain is the same with or without a flow.
const buyAndHold = () => scheduledOrders(new Map([[0, [{ asset: "S000", size: 100 }]]]));
const runWith = (engine: EngineName, cashFlows: { date: string; amount: number }[]) =>
  backtest({
    data: panel,
    strategy: buyAndHold(),
    engine,
    config: { initialCash: 100_000, cashFlows },
  });
const flowOn = (amount: number) => [{ date: isoDate(panel.times[FLOW_BAR]), amount }];

describe("metrics of a run with cash flows", () => {
  for (const engine of ["fast", "reference"] as const) {
    it(`a deposit leaves the returns unchanged up to it, and each bar's gain unchanged (${engine})`, () => {
      const plain = runWith(engine, []);
      const deposited = runWith(engine, flowOn(50_000));
      const before = periodReturns(plain.records, 100_000);
      const after = periodReturns(deposited.records, 100_000);
      expect(deposited.records.events.filter((event) => event.kind === "cashFlow")).toHaveLength(1);
      expect(after.slice(0, FLOW_BAR)).toEqual(before.slice(0, FLOW_BAR));
      // The bar's gain in money: return x base = E_t - (E_{t-1} + F_t), the same in both runs.
      const gain = (equity: readonly number[], returns: readonly number[], t: number, flow: number) =>
        returns[t] * (equity[t - 1] + flow);
      for (let t = FLOW_BAR; t < panel.times.length; t++) {
        const flow = t === FLOW_BAR ? 50_000 : 0;
        expect(gain(deposited.records.series.equity, after, t, flow)).toBeCloseTo(
          gain(plain.records.series.equity, before, t, 0),
          6,
        );
      }
      // Without the flow adjustment the deposit would show as a 50% gain on bar 30.
      expect(Math.abs(after[FLOW_BAR])).toBeLessThan(0.1);
    });
  }

  it("a deposit into an idle account is no return: totalReturn and maxDrawdown 0 in metrics and summary", () => {
    const idle = backtest({
      data: panel,
      strategy: scheduledOrders(new Map()),
      config: { initialCash: 100_000, cashFlows: flowOn(50_000) },
    });
    expect(idle.summary.finalEquity).toBe(150_000);
    expect(idle.summary.totalReturn).toBe(0);
    expect(idle.metrics.totalReturn).toBe(0);
    expect(idle.metrics.maxDrawdown).toBe(0);
    expect(idle.metrics.volatility).toBe(0);
  });

  it("a withdrawal is no loss: the summary reads the metrics' flow-adjusted return and drawdown", () => {
    const withdrawn = runWith("fast", flowOn(-40_000));
    const equity = withdrawn.records.series.equity;
    // The unadjusted reading would be a loss of about 40%.
    expect(equity[equity.length - 1] / 100_000 - 1).toBeLessThan(-0.3);
    expect(withdrawn.summary.totalReturn).toBe(withdrawn.metrics.totalReturn);
    expect(withdrawn.summary.maxDrawdown).toBe(withdrawn.metrics.maxDrawdown);
    expect(withdrawn.metrics.maxDrawdown).toBeLessThan(0.3);
  });

  it("result.metrics passes backtest()'s metrics options through: periodsPerYear and trials", () => {
    const result = backtest({
      data: panel,
      strategy: buyAndHold(),
      config: { initialCash: 100_000 },
      metrics: { periodsPerYear: 12, trialSharpes: [0.5, 1, 1.5] },
    });
    expect(result.metrics.periodsPerYear).toBe(12);
    expect(result.metrics.years).toBe(60 / 12);
    expect(result.metrics.trials).toBe(3);
    expect(result.metrics.deflatedSharpe).not.toBeNull();
  });
});
