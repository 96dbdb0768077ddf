import { describe, expect, it } from "vitest";
import type { OrderRecord, TradeRecord } from "../../src/model/index.ts";
import { inferPeriodsPerYear } from "../../src/report/metrics/annualization.ts";
import {
  computeMetrics,
  type MetricsOptions,
  metricByName,
  metricNames,
} from "../../src/report/metrics/index.ts";
import { cashFlow, equityOf, testFill, testRecords, timesOf } from "../helpers/records.ts";

const WEEK = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"];
// The series of metrics-quantstats.test.ts: 8 weekdays from Mon 2024-01-01.
const RETURNS = [0.05, -0.01, 0.02, -0.02, 0.01, 0.0, -0.05, 0.04];
const DATES = [...WEEK, "2024-01-08", "2024-01-09", "2024-01-10"];
const metricsOf = (returns: readonly number[], dates: readonly string[], options: MetricsOptions = {}) =>
  computeMetrics(testRecords(equityOf(returns)), timesOf(dates), { initialEquity: 100, ...options });

describe("computeMetrics() drawdown", () => {
  it("dates and measures a drawdown that has not recovered by the end", () => {
    // wealth 1.05 1.0395 1.06029 1.03908 1.04948 1.04948 0.99700 1.03688: peak bar 2 (01-03),
    // trough bar 6 (01-09), under water bars 3..7 = 5 bars, 01-03 to the last bar 01-10 = 7 days;
    // bar 1 is under water too (1.0395 < 1.05): 6 of 8 bars, 0.75
    const metrics = metricsOf(RETURNS, DATES);
    expect(metrics.maxDrawdownPeak).toBe("2024-01-03");
    expect(metrics.maxDrawdownTrough).toBe("2024-01-09");
    expect(metrics.maxDrawdownRecovery).toBeNull();
    expect(metrics.maxDrawdownBars).toBe(5);
    expect(metrics.maxDrawdownDays).toBe(7);
    expect(metrics.longestDrawdownBars).toBe(5);
    expect(metrics.timeUnderWater).toBe(0.75);
  });

  it("dates a drawdown from the start that recovers", () => {
    // wealth 0.8, 0.88, 1.056, 1.056, 1.1616: the peak is the initial 1 (dated the first bar),
    // trough bar 0 (-0.2), back above 1 at bar 2 (01-03): 2 bars under water, 01-01 to 01-03 = 2 days
    const metrics = metricsOf([-0.2, 0.1, 0.2, 0, 0.1], WEEK);
    expect(metrics.maxDrawdown).toBeCloseTo(0.2, 15);
    expect(metrics.maxDrawdownPeak).toBe("2024-01-01");
    expect(metrics.maxDrawdownTrough).toBe("2024-01-01");
    expect(metrics.maxDrawdownRecovery).toBe("2024-01-03");
    expect(metrics.maxDrawdownBars).toBe(2);
    expect(metrics.maxDrawdownDays).toBe(2);
    expect(metrics.timeUnderWater).toBe(0.4);
  });

  it("without a loss: no drawdown, and the ratios over a loss are null", () => {
    const metrics = metricsOf([0.01, 0.02, 0.01, 0.03, 0.01], WEEK);
    expect(metrics.maxDrawdown).toBe(0);
    expect(metrics.maxDrawdownPeak).toBeNull();
    expect(metrics.maxDrawdownBars).toBe(0);
    expect(metrics.timeUnderWater).toBe(0);
    expect(metrics.calmar).toBeNull();
    expect(metrics.sortino).toBeNull();
    expect(metrics.omega).toBeNull();
    expect(metrics.profitFactor).toBeNull();
    expect(metrics.winRate).toBe(1);
  });

  it("flat returns: sd 0 leaves Sharpe, VaR, skew and kurtosis null, and the win rate undefined", () => {
    const metrics = metricsOf([0, 0, 0, 0, 0], WEEK);
    expect(metrics.volatility).toBe(0);
    for (const name of ["sharpe", "valueAtRisk", "expectedShortfall", "skew", "kurtosis", "winRate"] as const)
      expect(metrics[name], name).toBeNull();
  });
});

describe("computeMetrics() trades", () => {
  const trade = (entryT: number, exitT: number | null, pnl: number): TradeRecord => ({
    asset: "A",
    side: 1,
    entryT,
    exitT,
    absQty: 10,
    entryPrice: 10,
    exitPrice: exitT === null ? null : 10 + pnl / 10,
    realizedPnl: pnl,
    commission: 0,
    pnl,
    open: exitT === null,
  });
  // closed: +30 (bars 0..2), -10 (1..4), 0 (2..3); the open one (+5) is left out
  const records = testRecords([100, 100, 100, 100, 100], {
    trades: [trade(0, 2, 30), trade(1, 4, -10), trade(2, 3, 0), trade(3, null, 5)],
  });
  const metrics = computeMetrics(records, timesOf(WEEK), { initialEquity: 100 });

  it("counts closed trades: 1 win of 3, profit factor 30 / 10 = 3", () => {
    expect(metrics.closedTrades).toBe(3);
    expect(metrics.tradeWinRate).toBeCloseTo(1 / 3, 15);
    expect(metrics.tradeProfitFactor).toBe(3);
  });

  it("expectancy (30 - 10 + 0) / 3 = 6.67, average win 30, average loss -10", () => {
    expect(metrics.expectancy).toBeCloseTo(20 / 3, 12);
    expect(metrics.averageWin).toBe(30);
    expect(metrics.averageLoss).toBe(-10);
  });

  it("holds (2 + 3 + 1) / 3 = 2 bars, Mon->Wed, Tue->Fri, Wed->Thu: (2 + 3 + 1) / 3 = 2 days", () => {
    expect(metrics.averageHoldingBars).toBe(2);
    expect(metrics.averageHoldingDays).toBe(2);
  });

  it("without a closed trade the trade statistics are null", () => {
    const none = computeMetrics(testRecords([100, 100]), timesOf(WEEK.slice(0, 2)), { initialEquity: 100 });
    expect(none.closedTrades).toBe(0);
    for (const name of ["tradeWinRate", "tradeProfitFactor", "expectancy", "averageHoldingBars"] as const)
      expect(none[name], name).toBeNull();
  });
});

describe("computeMetrics() exposure", () => {
  // A (multiplier 1) buys 5 at 10 on bar 0: 50; B (multiplier 2) sells 2 at 50 on bar 1: 2 x 50 x 2 = 200
  const records = testRecords([100, 200, 100, 100], {
    symbols: ["A", "B"],
    fills: [
      testFill({ t: 0, asset: "A", qty: 5, fillPrice: 10 }),
      testFill({ t: 1, asset: "B", qty: -2, fillPrice: 50 }),
    ],
    series: { grossExposure: [50, 100, 0, 200], netExposure: [50, -100, 0, 100] },
  });
  const metrics = computeMetrics(records, timesOf(WEEK.slice(0, 4)), {
    initialEquity: 100,
    multipliers: [1, 2],
  });

  it("turnover: traded 250 / mean equity 125 / (4 / 252 years) = 126 a year", () => {
    expect(metrics.turnover).toBeCloseTo(126, 10);
  });

  it("average exposure (50+100+0+200)/4 = 87.5 gross, (50-100+0+100)/4 = 12.5 net", () => {
    expect(metrics.averageGrossExposure).toBe(87.5);
    expect(metrics.averageNetExposure).toBe(12.5);
  });

  it("average leverage (.5 + .5 + 0 + 2) / 4 = .75 gross, (.5 - .5 + 0 + 1) / 4 = .25 net; 3 of 4 bars exposed", () => {
    expect(metrics.averageGrossLeverage).toBe(0.75);
    expect(metrics.averageNetLeverage).toBe(0.25);
    expect(metrics.exposureTime).toBe(0.75);
  });
});

describe("computeMetrics() costs and account events", () => {
  const order = (id: number, status: OrderRecord["status"], reason: OrderRecord["reason"]): OrderRecord => ({
    id,
    t: 0,
    asset: "A",
    type: "market",
    sizeType: "units",
    size: 1,
    qty: 1,
    limitPrice: null,
    stopPrice: null,
    timeInForce: "gtc",
    onInsufficient: "reject",
    status,
    filledQty: 0,
    reason,
    doneT: 1,
    deferred: { zeroVolume: 0, volumeCap: 0, missingBar: 0, slippage: 0 },
  });
  const records = testRecords([100, 100, 100, 100], {
    symbols: ["A"],
    fills: [
      testFill({
        t: 1,
        asset: "A",
        qty: 1,
        fillPrice: 10,
        commission: 4,
        slippageCost: 1.5,
        impactCost: 0.5,
      }),
      testFill({ t: 2, asset: "A", qty: -1, fillPrice: 10, forced: true }),
    ],
    orders: [
      order(1, "rejected", { kind: "insufficientCash", required: 10, available: 5 }),
      order(2, "rejected", { kind: "insufficientCash", required: 10, available: 5 }),
      order(3, "expired", { kind: "endOfData" }),
      order(4, "filled", null),
    ],
    events: [
      { kind: "marginCall", t: 1, step: 4, equity: 50, requirement: 60, deficit: 10 },
      { kind: "marginCall", t: 2, step: 4, equity: 50, requirement: 60, deficit: 10 },
      { kind: "withdrawalRefused", t: 2, step: 1, amount: -500, available: 20 },
      { kind: "bankrupt", t: 3, step: 4, equity: -1, requirement: 0 },
    ],
    totals: { commission: 4, realizedPnl: 0, unrealizedPnl: 0 },
    ledgerTotals: {
      commission: -4,
      variationMargin: 0,
      debitInterest: -3,
      creditInterest: 1,
      borrowFee: -2,
      shortRebate: 0.5,
      deposit: 0,
      withdrawal: 0,
    },
  });
  const metrics = computeMetrics(records, timesOf(WEEK.slice(0, 4)), { initialEquity: 100 });

  it("costs by kind: financing 3 - 1 = 2, borrow 2 - 0.5 = 1.5, total 4 + 1.5 + 0.5 + 2 + 1.5 = 9.5", () => {
    expect(metrics.costs).toEqual({
      commission: 4,
      slippage: 1.5,
      impact: 0.5,
      financing: 2,
      borrow: 1.5,
      total: 9.5,
    });
  });

  it("account events: 2 margin calls, 1 forced fill, bankrupt on bar 3's date, refused orders by reason", () => {
    expect(metrics.events).toEqual({
      marginCalls: 2,
      liquidations: 1,
      bankrupt: "2024-01-04",
      withdrawalsRefused: 1,
      rejectionsByReason: { insufficientCash: 2 },
      cutsByReason: {},
      cancelledByReason: {},
      expiredByReason: { endOfData: 1 },
    });
  });
});

describe("computeMetrics() Sharpe inference", () => {
  // The quantstats series: SR 0.153781 a bar, radicand 1.051412 (metrics-quantstats.test.ts).
  it("deflatedSharpe over 4 trials with Sharpe ratios 0 1 2 3 (annualized)", () => {
    // V = var(0,1,2,3) / 252 = 1.666667 / 252, sqrt V = 0.081325 a bar;
    // Phi^-1(1 - 1/4) = 0.674490, Phi^-1(1 - 1/(4e)) = 1.328722;
    // E[max] = 0.081325 x ((1 - 0.577216) x 0.674490 + 0.577216 x 1.328722) = 0.081325 x 1.052123 = 0.085564,
    // annualized x sqrt 252 = 1.358285; DSR = Phi((0.153781 - 0.085564) sqrt 7 / sqrt 1.051412) = Phi(0.176018) = 0.569860
    const metrics = metricsOf(RETURNS, DATES, { trialSharpes: [0, 1, 2, 3] });
    expect(metrics.trials).toBe(4);
    expect(metrics.expectedMaxSharpe).toBeCloseTo(1.358284725416625, 10);
    expect(metrics.deflatedSharpe).toBeCloseTo(0.5698600732848265, 10);
    expect(metrics.probabilisticSharpe).toBeCloseTo(0.6542405181119025, 10);
  });

  it("more independent trials raise the bar: N = 10 with the same variance", () => {
    // Phi^-1(0.9) = 1.281552, Phi^-1(1 - 1/(10e)) = 1.789242: z = 1.574598, E[max] = 2.032798 annualized; DSR 0.526463
    const metrics = metricsOf(RETURNS, DATES, { trialSharpes: [0, 1, 2, 3], trials: 10 });
    expect(metrics.trials).toBe(10);
    expect(metrics.expectedMaxSharpe).toBeCloseTo(2.0327976660261924, 10);
    expect(metrics.deflatedSharpe).toBeCloseTo(0.5264631859511874, 10);
  });

  it("without trials the deflated Sharpe ratio is null", () => {
    const metrics = metricsOf(RETURNS, DATES);
    expect(metrics.trials).toBeNull();
    expect(metrics.deflatedSharpe).toBeNull();
  });
});

describe("computeMetrics() cash flows", () => {
  it("a deposit changes equity, not returns: the same gains with 1000 paid in on bar 2", () => {
    // without: 100 -> 110 -> 121 -> 133.1 (10% a bar); with 1000 in at bar 2's step 1, the book
    // holds the same +10% on a bigger base: 110 -> (110 + 1000) x 1.1 = 1221 -> 1343.1
    const plain = computeMetrics(testRecords([110, 121, 133.1]), timesOf(WEEK.slice(0, 3)), {
      initialEquity: 100,
    });
    const deposited = computeMetrics(
      testRecords([110, 1221, 1343.1], { events: [cashFlow(1, 1000)] }),
      timesOf(WEEK.slice(0, 3)),
      { initialEquity: 100 },
    );
    expect(deposited.totalReturn).toBeCloseTo(plain.totalReturn, 12);
    expect(deposited.totalReturn).toBeCloseTo(0.331, 12);
    expect(deposited.cagr).toBeCloseTo(plain.cagr, 10);
    expect(deposited.maxDrawdown).toBe(0);
  });

  it("a withdrawal is not a loss", () => {
    // 100 -> 110, then 60 taken out at bar 1 and +10% on the 50 left: 55; return 1.1 x 1.1 - 1 = 0.21
    const metrics = computeMetrics(
      testRecords([110, 55], { events: [cashFlow(1, -60)] }),
      timesOf(WEEK.slice(0, 2)),
      { initialEquity: 100 },
    );
    expect(metrics.totalReturn).toBeCloseTo(0.21, 12);
    expect(metrics.maxDrawdown).toBe(0);
  });

  it("without initialEquity bar 0 returns 0: its equity less its flow is the start", () => {
    // start = bar 0's equity 150 less the 50 deposited at bar 0 = 100: bar 0 150 / (100 + 50) - 1 = 0; bar 1 165 / 150 - 1 = 0.1
    const metrics = computeMetrics(
      testRecords([150, 165], { events: [cashFlow(0, 50)] }),
      timesOf(WEEK.slice(0, 2)),
    );
    expect(metrics.totalReturn).toBeCloseTo(0.1, 12);
  });
});

describe("inferPeriodsPerYear()", () => {
  const spaced = (count: number, stepMs: number, start = Date.UTC(2024, 0, 1)) =>
    Float64Array.from({ length: count }, (_, i) => start + i * stepMs);
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;

  it("weekday daily bars: 252; daily bars that trade weekends: 365", () => {
    expect(inferPeriodsPerYear(timesOf(DATES))).toBe(252);
    expect(inferPeriodsPerYear(spaced(10, DAY))).toBe(365);
  });

  it("intraday: days a year x median bars a day (7 hourly bars a weekday: 1764; 24/7 hourly: 8760)", () => {
    const session = timesOf(WEEK).reduce<number[]>((all, day) => {
      for (let hour = 14; hour < 21; hour++) all.push(day + hour * HOUR);
      return all;
    }, []);
    expect(inferPeriodsPerYear(Float64Array.from(session))).toBe(252 * 7);
    expect(inferPeriodsPerYear(spaced(24 * 14, HOUR))).toBe(365 * 24);
  });

  it("weekly, monthly and quarterly bars: round(365.25 / median days) = 52, 12, 4", () => {
    expect(inferPeriodsPerYear(spaced(10, 7 * DAY))).toBe(52);
    const monthEnds = Float64Array.from({ length: 12 }, (_, m) => Date.UTC(2023, m + 1, 0));
    expect(inferPeriodsPerYear(monthEnds)).toBe(12);
    const quarterEnds = Float64Array.from({ length: 8 }, (_, q) => Date.UTC(2022, 3 * (q + 1), 0));
    expect(inferPeriodsPerYear(quarterEnds)).toBe(4);
  });

  it("an override wins over the spacing", () => {
    expect(metricsOf(RETURNS, DATES, { periodsPerYear: 365 }).periodsPerYear).toBe(365);
    // volatility scales by sqrt(365 / 252)
    expect(metricsOf(RETURNS, DATES, { periodsPerYear: 365 }).volatility).toBeCloseTo(
      (metricsOf(RETURNS, DATES).volatility as number) * Math.sqrt(365 / 252),
      12,
    );
  });
});

describe("computeMetrics() bad input", () => {
  const records = testRecords(equityOf(RETURNS));
  const times = timesOf(DATES);

  it("refuses an empty series", () => {
    expect(() => computeMetrics(testRecords([]), new Float64Array(0))).toThrow(
      "metrics: the run has no bars (an empty equity series); nothing to measure",
    );
  });

  it("refuses periodsPerYear <= 0 or not finite", () => {
    for (const periodsPerYear of [0, -252, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => computeMetrics(records, times, { periodsPerYear })).toThrow(
        `metrics option periodsPerYear: must be finite and > 0, got ${periodsPerYear}`,
      );
  });

  it("asks for periodsPerYear when one bar cannot show a spacing", () => {
    expect(() => computeMetrics(testRecords([100]), timesOf(["2024-01-01"]))).toThrow(
      "metrics: periodsPerYear cannot be inferred from 1 bar(s); give options.periodsPerYear (backtest(): metrics.periodsPerYear)",
    );
  });

  it("refuses bar times that do not match the records", () => {
    expect(() => computeMetrics(records, timesOf(WEEK))).toThrow(
      "metrics: 5 bar times for 8 bars of records; pass the run's panel.times",
    );
  });

  it("refuses a bad initialEquity, riskFree, multipliers or trials", () => {
    expect(() => computeMetrics(records, times, { initialEquity: 0 })).toThrow(
      "metrics option initialEquity: must be finite and > 0, got 0",
    );
    expect(() => computeMetrics(records, times, { riskFree: -1 })).toThrow(
      "metrics option riskFree: must be finite and > -1 (a fraction per year), got -1",
    );
    expect(() => computeMetrics(records, times, { multipliers: [1] })).toThrow(
      "metrics option multipliers: expected 0 finite values > 0 (one per symbol), got [1]",
    );
    expect(() => computeMetrics(records, times, { trials: 5 })).toThrow(
      "metrics option trials: needs trialSharpes (the trials' Sharpe ratios) beside it",
    );
    expect(() => computeMetrics(records, times, { trialSharpes: [1] })).toThrow(
      "metrics option trialSharpes: expected the finite Sharpe ratios of >= 2 trials, got [1]",
    );
    expect(() => computeMetrics(records, times, { trialSharpes: [1, 2], trials: 1.5 })).toThrow(
      "metrics option trials: must be an integer >= 2, got 1.5",
    );
  });
});

describe("metricByName()", () => {
  const metrics = metricsOf(RETURNS, DATES);

  it("metricByName() reads a metric by its name", () => {
    expect(metricByName(metrics, "sharpe")).toBe(metrics.sharpe);
    expect(metricByName(metrics, "maxDrawdown")).toBe(metrics.maxDrawdown);
  });

  it("metricByName() refuses an unknown name, listing the known ones", () => {
    expect(() => metricByName(metrics, "sharp")).toThrow(
      `unknown metric "sharp"; known metrics: ${metricNames.join(", ")}`,
    );
    expect(() => metricByName(metrics, "costs")).toThrow('unknown metric "costs"');
  });

  it("metricNames lists every metric that is one number, and nothing else", () => {
    // A run where every metric is defined: trades that won and lost, a position, trials.
    const records = testRecords(equityOf(RETURNS), {
      trades: [winAndLoss(5), winAndLoss(-3)],
      series: { grossExposure: RETURNS.map(() => 50), netExposure: RETURNS.map(() => 50) },
    });
    const full = computeMetrics(records, timesOf(DATES), { initialEquity: 100, trialSharpes: [0, 1] });
    const numeric = Object.entries(full)
      .filter(([, value]) => typeof value === "number")
      .map(([name]) => name);
    expect([...metricNames].sort()).toEqual(numeric.sort());
  });
});

function winAndLoss(pnl: number): TradeRecord {
  const entry = { asset: "A", side: 1, entryT: 0, exitT: 3, absQty: 1, entryPrice: 10 } as const;
  return { ...entry, exitPrice: 10 + pnl, realizedPnl: pnl, commission: 0, pnl, open: false };
}
