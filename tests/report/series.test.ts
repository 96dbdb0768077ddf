import { describe, expect, it } from "vitest";
import {
  cashFlowsPerBar,
  costSeries,
  cumulativeReturns,
  DEFAULT_ROLLING_WINDOW_BARS,
  drawdownSeries,
  exposureSeries,
  monthlyReturns,
  periodReturns,
  rollingSharpe,
  rollingVolatility,
  yearlyReturns,
} from "../../src/report/series.ts";
import { cashFlow, testFill, testRecords, timesOf } from "../helpers/records.ts";

describe("periodReturns()", () => {
  it("periodReturns() puts a deposit into the bar's base, not its gain", () => {
    // t0: 100 / 100 - 1 = 0; t1: 50 deposited at step 1, 160 / (100 + 50) - 1 = 1/15; t2: 168 / 160 - 1 = 0.05
    const records = testRecords([100, 160, 168], { events: [cashFlow(1, 50)] });
    const returns = periodReturns(records, 100);
    expect(returns[0]).toBe(0);
    expect(returns[1]).toBeCloseTo(1 / 15, 15);
    expect(returns[2]).toBeCloseTo(0.05, 15);
  });

  it("periodReturns() takes a withdrawal out of the base", () => {
    // t2: 40 withdrawn, base 110 - 40 = 70, 77 / 70 - 1 = 0.1 (not 77 / 110 - 1 = -0.3)
    const returns = periodReturns(testRecords([100, 110, 77], { events: [cashFlow(2, -40)] }), 100);
    expect(returns[1]).toBeCloseTo(0.1, 15);
    expect(returns[2]).toBeCloseTo(0.1, 15);
  });

  it("periodReturns() measures bar 0 from the initial equity, and returns 0 from a base <= 0", () => {
    // t0: -10 / 100 - 1 = -1.1 (a loss past the equity); t1: base -10, nothing at stake: 0
    expect(periodReturns(testRecords([-10, 5]), 100)).toEqual([-1.1, 0]);
  });

  it("cashFlowsPerBar() adds the flows of each bar", () => {
    const records = testRecords([1, 1, 1], { events: [cashFlow(1, 50), cashFlow(1, -20), cashFlow(2, 5)] });
    expect(cashFlowsPerBar(records)).toEqual([0, 30, 5]);
  });
});

describe("compounded series", () => {
  it("cumulativeReturns() compounds: 1.1 x 0.5 - 1 = -0.45", () => {
    const cumulative = cumulativeReturns([0.1, -0.5]);
    expect(cumulative[0]).toBeCloseTo(0.1, 15);
    expect(cumulative[1]).toBeCloseTo(-0.45, 15);
  });

  it("drawdownSeries() falls from a running peak that starts at the initial 1", () => {
    // wealth 0.9, 1.08, 0.81; peak 1, 1.08, 1.08: 0.9 - 1 = -0.1, 0, 0.81 / 1.08 - 1 = -0.25
    const drawdown = drawdownSeries([-0.1, 0.2, -0.25]);
    expect(drawdown[0]).toBeCloseTo(-0.1, 15);
    expect(drawdown[1]).toBe(0);
    expect(drawdown[2]).toBeCloseTo(-0.25, 15);
  });
});

describe("rolling series", () => {
  const returns = [0.01, 0.02, 0.03, 0.0];

  it("rollingSharpe() of 3-bar windows, 4 periods a year", () => {
    // t2: mean .02, sd .01: 2 x sqrt 4 = 4; t3: [.02 .03 0] mean .016667,
    // sd sqrt((.003333^2 + .013333^2 + .016667^2) / 2) = .015275: 1.091089 x 2 = 2.182179
    const sharpe = rollingSharpe(returns, { periodsPerYear: 4, windowBars: 3 });
    expect(sharpe.slice(0, 2)).toEqual([null, null]);
    expect(sharpe[2]).toBeCloseTo(4, 12);
    expect(sharpe[3]).toBeCloseTo(2.182179, 6);
  });

  it("rollingSharpe() takes the risk-free rate off each return, and is null where a window's sd is 0", () => {
    // riskFree 1.01^4 - 1 a year is 0.01 a bar: t2's window [0, .01, .02] has mean .01, sd .01: 1 x 2 = 2
    const sharpe = rollingSharpe(returns, { periodsPerYear: 4, windowBars: 3, riskFree: 1.01 ** 4 - 1 });
    expect(sharpe[2]).toBeCloseTo(2, 12);
    expect(rollingSharpe([0.01, 0.01, 0.01], { periodsPerYear: 4, windowBars: 3 })[2]).toBeNull();
  });

  it("rollingVolatility() of 3-bar windows: sd x sqrt 4", () => {
    const volatility = rollingVolatility(returns, { periodsPerYear: 4, windowBars: 3 });
    expect(volatility[1]).toBeNull();
    expect(volatility[2]).toBeCloseTo(0.02, 12);
    expect(volatility[3]).toBeCloseTo(0.030551, 6);
  });

  it("rolling series default to quantstats' 126-bar window", () => {
    expect(DEFAULT_ROLLING_WINDOW_BARS).toBe(126);
    const long = Array.from({ length: 127 }, (_, t) => (t % 2 === 0 ? 0.01 : -0.005));
    const volatility = rollingVolatility(long, { periodsPerYear: 252 });
    expect(volatility[124]).toBeNull();
    expect(volatility[125]).not.toBeNull();
  });

  it("rolling series refuse a window under 2 bars and periodsPerYear <= 0", () => {
    expect(() => rollingVolatility(returns, { periodsPerYear: 4, windowBars: 1 })).toThrow(
      "metrics option windowBars: must be an integer >= 2, got 1",
    );
    expect(() => rollingSharpe(returns, { periodsPerYear: 0, windowBars: 3 })).toThrow(
      "metrics option periodsPerYear: must be finite and > 0, got 0",
    );
    expect(() => rollingVolatility(returns, { periodsPerYear: -252 })).toThrow(
      "metrics option periodsPerYear: must be finite and > 0, got -252",
    );
  });
});

describe("calendar tables", () => {
  const times = timesOf(["2023-12-29", "2024-01-02", "2024-01-31", "2024-03-01"]);
  const returns = [0.1, 0.1, -0.5, 0.2];

  it("monthlyReturns() compounds each month's bars; a month without bars is null", () => {
    // 2023: Dec .1; 2024: Jan 1.1 x 0.5 - 1 = -0.45, Feb none, Mar .2, year 0.55 x 1.2 - 1 = -0.34
    const [y2023, y2024] = monthlyReturns(returns, times);
    expect(y2023.year).toBe(2023);
    expect(y2023.months[11]).toBeCloseTo(0.1, 15);
    expect(y2023.months.slice(0, 11)).toEqual(new Array(11).fill(null));
    expect(y2023.total).toBeCloseTo(0.1, 15);
    expect(y2024.year).toBe(2024);
    expect(y2024.months[0]).toBeCloseTo(-0.45, 15);
    expect(y2024.months[1]).toBeNull();
    expect(y2024.months[2]).toBeCloseTo(0.2, 15);
    expect(y2024.total).toBeCloseTo(-0.34, 15);
  });

  it("yearlyReturns() lists each year's compounded return", () => {
    const years = yearlyReturns(returns, times);
    expect(years.map((row) => row.year)).toEqual([2023, 2024]);
    expect(years[1].return).toBeCloseTo(-0.34, 15);
  });
});

describe("exposure and costs per bar", () => {
  it("exposureSeries() divides exposure by equity, null where equity <= 0", () => {
    const records = testRecords([100, 0, 50], {
      series: { grossExposure: [50, 10, 100], netExposure: [-50, 10, 100] },
    });
    const exposure = exposureSeries(records);
    expect(exposure.gross).toEqual([50, 10, 100]);
    expect(exposure.grossLeverage).toEqual([0.5, null, 2]);
    expect(exposure.netLeverage).toEqual([-0.5, null, 2]);
  });

  it("costSeries() adds each bar's fill costs by kind", () => {
    const fills = [
      testFill({
        t: 0,
        asset: "A",
        qty: 10,
        fillPrice: 10,
        commission: 1,
        slippageCost: 0.5,
        impactCost: 0.25,
      }),
      testFill({ t: 2, asset: "A", qty: -10, fillPrice: 11, commission: 1, slippageCost: 0.5 }),
      testFill({ t: 2, asset: "B", qty: 5, fillPrice: 20, commission: 2, impactCost: 1 }),
    ];
    const costs = costSeries(testRecords([100, 100, 100], { fills }));
    expect(costs.commission).toEqual([1, 0, 3]);
    expect(costs.slippage).toEqual([0.5, 0, 0.5]);
    expect(costs.impact).toEqual([0.25, 0, 1]);
  });
});
