// A run's records and metrics as the tearsheet's input: the series from src/report/series.ts,
// the headline from the metrics, dated events from the records; formatting, not arithmetic.
import { fieldsText, isoDate, type Records } from "../../model/index.ts";
import type { Benchmark } from "../benchmark.ts";
import { decimal, money, percent, ratio } from "../format.ts";
import type { Metrics } from "../metrics/index.ts";
import {
  costSeries,
  DEFAULT_ROLLING_WINDOW_BARS,
  drawdownSeries,
  exposureSeries,
  monthlyReturns,
  periodReturns,
  rollingSharpe,
  rollingVolatility,
  yearlyReturns,
} from "../series.ts";
import type { TearsheetEvent, TearsheetInput } from "./input.ts";

export interface TearsheetRun {
  readonly title: string;
  readonly notes: readonly string[];
  readonly records: Records;
  /** The panel's bar times (UTC ms). */
  readonly times: Float64Array;
  readonly metrics: Metrics;
  /** The equity before bar 0, as the metrics were computed with (the config's initialCash). */
  readonly initialEquity: number;
  readonly benchmark: Benchmark | null;
  /** As given to the metrics; default 0. */
  readonly riskFree?: number;
}

/** The trades table stops here (the last ones); the heading says how many there were. */
export const TRADES_LISTED = 500;

/** What the page shows on top: a label and how it reads from the metrics ("n/a" for null). */
export const HEADLINE: readonly { readonly label: string; readonly value: (m: Metrics) => string }[] = [
  { label: "Total return", value: (m) => percent(m.totalReturn) },
  { label: "CAGR", value: (m) => percent(m.cagr) },
  { label: "Volatility (annualized)", value: (m) => orNa(m.volatility, percent) },
  { label: "Sharpe ratio", value: (m) => orNa(m.sharpe, ratio) },
  { label: "Sortino ratio", value: (m) => orNa(m.sortino, ratio) },
  { label: "Max drawdown", value: (m) => percent(m.maxDrawdown) },
  { label: "Calmar ratio", value: (m) => orNa(m.calmar, ratio) },
  { label: "Longest drawdown", value: (m) => `${m.longestDrawdownBars} bars` },
  { label: "Time under water", value: (m) => percent(m.timeUnderWater) },
  { label: "Value at risk (95%, 1 bar)", value: (m) => orNa(m.valueAtRisk, percent) },
  { label: "Expected shortfall", value: (m) => orNa(m.expectedShortfall, percent) },
  { label: "Win rate (bars)", value: (m) => orNa(m.winRate, percent) },
  { label: "Skew", value: (m) => orNa(m.skew, ratio) },
  { label: "Excess kurtosis", value: (m) => orNa(m.kurtosis, ratio) },
  { label: "Probabilistic Sharpe", value: (m) => orNa(m.probabilisticSharpe, percent) },
  { label: "Closed trades", value: (m) => String(m.closedTrades) },
  { label: "Trade win rate", value: (m) => orNa(m.tradeWinRate, percent) },
  { label: "Expectancy per trade", value: (m) => orNa(m.expectancy, money) },
  { label: "Turnover (a year)", value: (m) => orNa(m.turnover, ratio) },
  { label: "Average gross leverage", value: (m) => orNa(m.averageGrossLeverage, ratio) },
  { label: "Exposure time", value: (m) => percent(m.exposureTime) },
  { label: "Costs paid", value: (m) => money(m.costs.total) },
  { label: "Financing", value: (m) => money(m.costs.financing) },
  { label: "Borrow", value: (m) => money(m.costs.borrow) },
];

export function tearsheetInputFor(run: TearsheetRun): TearsheetInput {
  const { records, times, metrics } = run;
  const returns = periodReturns(records, run.initialEquity);
  const windowBars = rollingWindowOf(returns.length);
  const periods = { periodsPerYear: metrics.periodsPerYear, windowBars };
  const exposure = exposureSeries(records);
  const costs = costSeries(records);
  const dates = barLabels(times);
  return {
    title: run.title,
    notes: run.benchmark === null ? run.notes : [...run.notes, run.benchmark.description],
    dates,
    equity: records.series.equity,
    benchmark: run.benchmark,
    drawdown: drawdownSeries(returns),
    rolling: {
      windowBars,
      sharpe: rollingSharpe(returns, { ...periods, riskFree: run.riskFree ?? 0 }),
      volatility: rollingVolatility(returns, periods),
    },
    monthlyReturns: monthlyReturns(returns, times),
    yearlyReturns: yearlyReturns(returns, times),
    exposure: {
      gross: exposure.gross,
      net: exposure.net,
      grossLeverage: exposure.grossLeverage,
      netLeverage: exposure.netLeverage,
    },
    dailyReturns: returns,
    costs: [
      { kind: "commission", perBar: costs.commission },
      { kind: "slippage", perBar: costs.slippage },
      { kind: "impact", perBar: costs.impact },
    ],
    headline: HEADLINE.map(({ label, value }) => ({ label, value: value(metrics) })),
    trades: {
      rows: records.trades.slice(-TRADES_LISTED).map((trade) => ({
        asset: trade.asset,
        side: trade.side === 1 ? "long" : "short",
        entry: dates[trade.entryT],
        exit: trade.exitT === null ? null : dates[trade.exitT],
        absQty: trade.absQty,
        entryPrice: trade.entryPrice,
        exitPrice: trade.exitPrice,
        pnl: trade.pnl,
      })),
      total: records.trades.length,
    },
    events: datedEvents(records),
    eventCounts: eventCounts(metrics),
  };
}

/** quantstats' 126 bars, or a third of a shorter run, so that its rolling charts are not empty. */
export function rollingWindowOf(bars: number): number {
  return Math.max(2, Math.min(DEFAULT_ROLLING_WINDOW_BARS, Math.floor(bars / 3)));
}

/** ISO dates for daily bars; ISO times where some bar is not at midnight UTC (intraday). */
export function barLabels(times: Float64Array): string[] {
  const intraday = times.some((tsMs) => tsMs % 86_400_000 !== 0);
  return Array.from(times, (tsMs) => (intraday ? new Date(tsMs).toISOString() : isoDate(tsMs)));
}

/**
 * The account's events at their bar, in canonical order, and the orders refused with nothing
 * filled at the bar they were refused on. Settlements, routine bookkeeping, are left out.
 */
function datedEvents(records: Records): TearsheetEvent[] {
  const events: TearsheetEvent[] = records.events
    .filter((event) => event.kind !== "settlement")
    .map((event) => ({
      t: event.t,
      kind: event.kind,
      text: fieldsText(event, ["t", "step", "kind"], shown),
    }));
  for (const order of records.orders)
    if (order.status === "rejected" && order.reason !== null && order.doneT !== null)
      events.push({
        t: order.doneT,
        kind: `rejected: ${order.reason.kind}`,
        text: [
          `order ${order.id}`,
          order.asset,
          `qty=${shown(order.qty)}`,
          fieldsText(order.reason, ["kind"], shown),
        ]
          .filter((part) => part !== "")
          .join(" "),
      });
  return events.sort((a, b) => a.t - b.t);
}

function eventCounts(metrics: Metrics): { label: string; value: string }[] {
  const events = metrics.events;
  const byReason = (status: string, counts: Readonly<Record<string, number>>) =>
    Object.entries(counts)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, count]) => ({ label: `${status}: ${code}`, value: String(count) }));
  return [
    { label: "margin calls", value: String(events.marginCalls) },
    { label: "forced fills", value: String(events.liquidations) },
    { label: "bankrupt", value: events.bankrupt ?? "no" },
    { label: "withdrawals refused", value: String(events.withdrawalsRefused) },
    ...byReason("rejected", events.rejectionsByReason),
    ...byReason("cut", events.cutsByReason),
    ...byReason("cancelled", events.cancelledByReason),
    ...byReason("expired", events.expiredByReason),
  ];
}

/** Money, prices and quantities in an event's detail: to 4 decimals, with thousands separators. */
function shown(value: number): string {
  return decimal(value, 4);
}

function orNa(value: number | null, format: (value: number) => string): string {
  return value === null ? "n/a" : format(value);
}
