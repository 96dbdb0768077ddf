// The metrics of a run, from its records and bar times alone (any engine), family by family;
// every one reads the series of series.ts. Formulas and conventions: docs/metrics.md.
import type { Records } from "../../model/index.ts";
import {
  cashFlowsPerBar,
  costSeries,
  cumulativeReturns,
  drawdownSeries,
  excessReturns,
  exposureSeries,
  periodReturns,
} from "../series.ts";
import { periodsPerYearOf } from "./annualization.ts";
import { type CostTotals, costTotals } from "./costs.ts";
import { type DistributionMetrics, distributionMetrics } from "./distribution.ts";
import { type DrawdownMetrics, drawdownMetrics } from "./drawdown.ts";
import { type AccountEvents, accountEvents } from "./events.ts";
import { type ExposureMetrics, exposureMetrics } from "./exposure.ts";
import { type InferenceMetrics, inferenceMetrics } from "./inference.ts";
import { type ReturnMetrics, returnMetrics } from "./returns.ts";
import { type RiskMetrics, riskMetrics } from "./risk.ts";
import { type TradeMetrics, tradeMetrics } from "./trades.ts";

export { inferPeriodsPerYear } from "./annualization.ts";
export type { CostTotals } from "./costs.ts";
export type { AccountEvents } from "./events.ts";

export interface MetricsOptions {
  /** Equity before bar 0 (the run's initial cash); default: bar 0's equity less its cash flow, so bar 0 returns 0. */
  readonly initialEquity?: number;
  /** Default: inferred from the bar times (docs/metrics.md). */
  readonly periodsPerYear?: number;
  /** Risk-free rate per year, as a fraction; default 0. */
  readonly riskFree?: number;
  /** Contract multiplier per symbol, in records.symbols order, for turnover; default 1 each. */
  readonly multipliers?: readonly number[];
  /** Annualized Sharpe ratios of every trial tried, this run's included: enables the deflated Sharpe ratio. */
  readonly trialSharpes?: readonly number[];
  /** Independent trials N for the deflated Sharpe ratio; default trialSharpes.length. */
  readonly trials?: number;
}

export interface RunLength {
  readonly bars: number;
  readonly periodsPerYear: number;
  /** bars / periodsPerYear. */
  readonly years: number;
}

export type Metrics = RunLength &
  ReturnMetrics &
  RiskMetrics &
  DrawdownMetrics &
  DistributionMetrics &
  TradeMetrics &
  ExposureMetrics &
  InferenceMetrics & { readonly costs: CostTotals; readonly events: AccountEvents };

/** The metrics with one number each (null where undefined), by name: what a sweep ranks by. */
export type MetricName = {
  [K in keyof Metrics]: Metrics[K] extends number | null ? K : never;
}[keyof Metrics];

export const metricNames: readonly MetricName[] = [
  "bars",
  "periodsPerYear",
  "years",
  "totalReturn",
  "cagr",
  "volatility",
  "sharpe",
  "sortino",
  "calmar",
  "omega",
  "maxDrawdown",
  "maxDrawdownBars",
  "maxDrawdownDays",
  "longestDrawdownBars",
  "timeUnderWater",
  "valueAtRisk",
  "expectedShortfall",
  "tailRatio",
  "skew",
  "kurtosis",
  "winRate",
  "profitFactor",
  "closedTrades",
  "tradeWinRate",
  "tradeProfitFactor",
  "expectancy",
  "averageWin",
  "averageLoss",
  "averageHoldingBars",
  "averageHoldingDays",
  "turnover",
  "averageGrossExposure",
  "averageNetExposure",
  "averageGrossLeverage",
  "averageNetLeverage",
  "exposureTime",
  "probabilisticSharpe",
  "trials",
  "expectedMaxSharpe",
  "deflatedSharpe",
];

export function computeMetrics(records: Records, times: Float64Array, options: MetricsOptions = {}): Metrics {
  const bars = records.series.equity.length;
  if (bars === 0)
    throw new Error("metrics: the run has no bars (an empty equity series); nothing to measure");
  if (times.length !== bars)
    throw new Error(
      `metrics: ${times.length} bar times for ${bars} bars of records; pass the run's panel.times`,
    );
  const periodsPerYear = periodsPerYearOf(times, options.periodsPerYear);
  const riskFree = options.riskFree ?? 0;
  if (!Number.isFinite(riskFree) || riskFree <= -1)
    throw new Error(
      `metrics option riskFree: must be finite and > -1 (a fraction per year), got ${riskFree}`,
    );
  const years = bars / periodsPerYear;
  const returns = periodReturns(records, initialEquityOf(records, options.initialEquity));
  const excess = excessReturns(returns, riskFree, periodsPerYear);
  const returnPart = returnMetrics(cumulativeReturns(returns), years);
  const drawdown = drawdownMetrics(drawdownSeries(returns), times);
  const distribution = distributionMetrics(returns);
  const risk = riskMetrics(returns, excess, periodsPerYear, returnPart.cagr, drawdown.maxDrawdown);
  return {
    bars,
    periodsPerYear,
    years,
    ...returnPart,
    ...risk,
    ...drawdown,
    ...distribution,
    ...tradeMetrics(records.trades, times),
    ...exposureMetrics(records, exposureSeries(records), multipliersOf(records, options.multipliers), years),
    ...inferenceMetrics(
      // Skew and kurtosis do not move when the risk-free rate is taken out.
      { sharpe: risk.sharpe, skew: distribution.skew, kurtosis: distribution.kurtosis, n: bars },
      periodsPerYear,
      trialsOf(options),
    ),
    costs: costTotals(records, costSeries(records)),
    events: accountEvents(records, times),
  };
}

/** One metric by name, for ranking runs (a sweep's --rank-by); throws on a name it does not know. */
export function metricByName(metrics: Metrics, name: string): number | null {
  if (!(metricNames as readonly string[]).includes(name))
    throw new Error(`unknown metric "${name}"; known metrics: ${metricNames.join(", ")}`);
  return metrics[name as MetricName];
}

/** The equity that bar 0's return is measured from. */
export function initialEquityOf(records: Records, given: number | undefined): number {
  if (given !== undefined) {
    if (!Number.isFinite(given) || given <= 0)
      throw new Error(`metrics option initialEquity: must be finite and > 0, got ${given}`);
    return given;
  }
  return records.series.equity[0] - cashFlowsPerBar(records)[0];
}

function multipliersOf(records: Records, given: readonly number[] | undefined): readonly number[] {
  if (given === undefined) return records.symbols.map(() => 1);
  if (given.length !== records.symbols.length || !given.every((value) => Number.isFinite(value) && value > 0))
    throw new Error(
      `metrics option multipliers: expected ${records.symbols.length} finite values > 0 (one per symbol), got ${JSON.stringify(given)}`,
    );
  return given;
}

function trialsOf(options: MetricsOptions) {
  if (options.trialSharpes === undefined) {
    if (options.trials !== undefined)
      throw new Error("metrics option trials: needs trialSharpes (the trials' Sharpe ratios) beside it");
    return undefined;
  }
  return { trialSharpes: options.trialSharpes, trials: options.trials };
}
