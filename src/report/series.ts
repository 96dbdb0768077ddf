// The time series of a run that metrics read and a tearsheet draws, from the records alone (any
// engine): flow-adjusted period returns and what compounds from them, exposure and costs per bar.
// Conventions are quantstats' (simple returns, sample standard deviation); docs/metrics.md.
import { sampleStandardDeviation } from "simple-statistics";
import type { OutcomeRecords, Records } from "../model/index.ts";
import { checkedPeriodsPerYear } from "./metrics/annualization.ts";

/** quantstats' rolling window: 126 bars, six months of daily bars. */
export const DEFAULT_ROLLING_WINDOW_BARS = 126;

/** Deposits (+) and withdrawals (-) posted at each bar (SPEC 12 cashFlow events, step 1). */
export function cashFlowsPerBar(records: OutcomeRecords): number[] {
  const flows = new Array<number>(records.series.equity.length).fill(0);
  for (const event of records.events) if (event.kind === "cashFlow") flows[event.t] += event.amount;
  return flows;
}

/**
 * Bar t's return with its cash flow taken out: a flow posts at step 1, before anything trades,
 * so it joins the base the bar's gain is measured on: r_t = E_t / (E_{t-1} + F_t) - 1, with
 * E_{-1} = initialEquity. A deposit is not a gain. From a base <= 0 (a run past bankruptcy)
 * nothing is at stake and the return is 0.
 */
export function periodReturns(records: OutcomeRecords, initialEquity: number): number[] {
  const equity = records.series.equity;
  const flows = cashFlowsPerBar(records);
  const returns = new Array<number>(equity.length);
  let previous = initialEquity;
  for (let t = 0; t < equity.length; t++) {
    const base = previous + flows[t];
    returns[t] = base > 0 ? equity[t] / base - 1 : 0;
    previous = equity[t];
  }
  return returns;
}

/** Compounded return from the start to the end of each bar: prod(1 + r) - 1. */
export function cumulativeReturns(returns: readonly number[]): number[] {
  let wealth = 1;
  return returns.map((r) => {
    wealth *= 1 + r;
    return wealth - 1;
  });
}

/**
 * Underwater curve: the fall of the compounded wealth from its running peak, <= 0. The peak
 * starts at the initial 1, so a loss on bar 0 is a drawdown (quantstats' phantom baseline).
 */
export function drawdownSeries(returns: readonly number[]): number[] {
  let peak = 1;
  return cumulativeReturns(returns).map((cumulative) => {
    const wealth = 1 + cumulative;
    if (wealth > peak) peak = wealth;
    return wealth / peak - 1;
  });
}

/**
 * Annualized Sharpe ratio of each trailing window of `windowBars` returns, null until a window
 * is full or where its standard deviation is 0. Excess over `riskFree` (per year, deannualized).
 */
export function rollingSharpe(
  returns: readonly number[],
  options: { periodsPerYear: number; windowBars?: number; riskFree?: number },
): (number | null)[] {
  const periodsPerYear = checkedPeriodsPerYear(options.periodsPerYear);
  const excess = excessReturns(returns, options.riskFree ?? 0, periodsPerYear);
  return rolling(excess, windowOf(options.windowBars), (window) => sharpeOf(window, periodsPerYear));
}

/** Annualized sample standard deviation of each trailing window, null until a window is full. */
export function rollingVolatility(
  returns: readonly number[],
  options: { periodsPerYear: number; windowBars?: number },
): (number | null)[] {
  const annualizer = Math.sqrt(checkedPeriodsPerYear(options.periodsPerYear));
  return rolling(
    returns,
    windowOf(options.windowBars),
    (window) => sampleStandardDeviation(window) * annualizer,
  );
}

/** One calendar year's returns, compounded: months[0] is January, null for a month without bars. */
export interface YearOfMonths {
  readonly year: number;
  readonly months: readonly (number | null)[];
  /** The year's compounded return (quantstats' EOY column). */
  readonly total: number;
}

/** The monthly returns table (year x month, UTC calendar), each cell compounded from its bars. */
export function monthlyReturns(returns: readonly number[], times: Float64Array): YearOfMonths[] {
  const years = new Map<number, { months: (number | null)[]; wealth: number }>();
  for (let t = 0; t < returns.length; t++) {
    const date = new Date(times[t]);
    const year = date.getUTCFullYear();
    let row = years.get(year);
    if (row === undefined) {
      row = { months: new Array<number | null>(12).fill(null), wealth: 1 };
      years.set(year, row);
    }
    const month = date.getUTCMonth();
    row.months[month] = (1 + (row.months[month] ?? 0)) * (1 + returns[t]) - 1;
    row.wealth *= 1 + returns[t];
  }
  return [...years].map(([year, row]) => ({ year, months: row.months, total: row.wealth - 1 }));
}

/** Each calendar year's compounded return, in order. */
export function yearlyReturns(
  returns: readonly number[],
  times: Float64Array,
): { readonly year: number; readonly return: number }[] {
  return monthlyReturns(returns, times).map((row) => ({ year: row.year, return: row.total }));
}

/** Exposure per bar, and leverage as exposure over equity (null where equity <= 0). */
export interface ExposureSeries {
  readonly gross: readonly number[];
  readonly net: readonly number[];
  readonly grossLeverage: readonly (number | null)[];
  readonly netLeverage: readonly (number | null)[];
}

export function exposureSeries(records: Records): ExposureSeries {
  const { equity, grossExposure, netExposure } = records.series;
  const over = (values: readonly number[]) =>
    values.map((value, t) => (equity[t] > 0 ? value / equity[t] : null));
  return {
    gross: grossExposure,
    net: netExposure,
    grossLeverage: over(grossExposure),
    netLeverage: over(netExposure),
  };
}

/**
 * Fill costs per bar, positive money: commission, and slippage and impact (inside the fill
 * prices). Financing and borrow fees are in the records as run totals only (ledgerTotals).
 */
export interface CostSeries {
  readonly commission: readonly number[];
  readonly slippage: readonly number[];
  readonly impact: readonly number[];
}

export function costSeries(records: Records): CostSeries {
  const bars = records.series.equity.length;
  const commission = new Array<number>(bars).fill(0);
  const slippage = new Array<number>(bars).fill(0);
  const impact = new Array<number>(bars).fill(0);
  for (const fill of records.fills) {
    commission[fill.t] += fill.commission;
    slippage[fill.t] += fill.slippageCost;
    impact[fill.t] += fill.impactCost;
  }
  return { commission, slippage, impact };
}

/** Returns less the risk-free rate, given per year and deannualized as (1 + rf)^(1/n) - 1 (quantstats). */
export function excessReturns(
  returns: readonly number[],
  riskFree: number,
  periodsPerYear: number,
): number[] {
  if (!Number.isFinite(riskFree) || riskFree <= -1)
    throw new Error(
      `metrics option riskFree: must be finite and > -1 (a fraction per year), got ${riskFree}`,
    );
  if (riskFree === 0) return [...returns];
  const perPeriod = (1 + riskFree) ** (1 / periodsPerYear) - 1;
  return returns.map((r) => r - perPeriod);
}

/** mean / sample sd x sqrt(periods per year); null for fewer than 2 returns or sd 0. */
export function sharpeOf(excess: readonly number[], periodsPerYear: number): number | null {
  if (excess.length < 2) return null;
  const sd = sampleStandardDeviation(excess as number[]);
  return sd > 0 ? (meanOf(excess) / sd) * Math.sqrt(periodsPerYear) : null;
}

export function meanOf(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** The mean, or null for no values. */
export function meanOrNull(values: readonly number[]): number | null {
  return values.length === 0 ? null : meanOf(values);
}

function windowOf(windowBars = DEFAULT_ROLLING_WINDOW_BARS): number {
  if (!Number.isInteger(windowBars) || windowBars < 2)
    throw new Error(`metrics option windowBars: must be an integer >= 2, got ${windowBars}`);
  return windowBars;
}

function rolling<T>(
  values: readonly number[],
  windowBars: number,
  of: (window: number[]) => T,
): (T | null)[] {
  return values.map((_, t) => (t + 1 < windowBars ? null : of(values.slice(t + 1 - windowBars, t + 1))));
}
