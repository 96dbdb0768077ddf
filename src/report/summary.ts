// The headline numbers of a run, computed from its records alone (any engine).
import { isoDate, type Records } from "../model/index.ts";
import { costTotals } from "./metrics/costs.ts";
import { drawdownMetrics } from "./metrics/drawdown.ts";
import { accountEvents } from "./metrics/events.ts";
import { costSeries, cumulativeReturns, drawdownSeries, periodReturns } from "./series.ts";

export interface RunSummary {
  readonly engine: string;
  readonly bars: number;
  readonly assets: number;
  readonly first: string;
  readonly last: string;
  readonly initialEquity: number;
  readonly finalEquity: number;
  readonly finalCash: number;
  /** Compounded flow-adjusted return (a deposit is not a gain): metrics' totalReturn. */
  readonly totalReturn: number;
  /** Largest fall of the compounded flow-adjusted wealth from its peak, as a fraction: metrics' maxDrawdown. */
  readonly maxDrawdown: number;
  readonly orders: number;
  readonly fills: number;
  readonly trades: number;
  readonly openTrades: number;
  /** Costs paid, as positive money: commission; slippage and impact (inside the fill prices); net financing and borrow. */
  readonly costs: {
    readonly commission: number;
    readonly slippage: number;
    readonly impact: number;
    readonly financing: number;
  };
  /** Orders refused with nothing filled (status "rejected"), by reason code. */
  readonly rejectionsByReason: Readonly<Record<string, number>>;
  /** Orders part filled whose rest died (status "partial": scaled, cut to fit, expired), by reason code. */
  readonly cutsByReason: Readonly<Record<string, number>>;
  /** Orders cancelled with nothing filled (zero volume, a cured call, bankruptcy, the strategy), by reason code. */
  readonly cancelledByReason: Readonly<Record<string, number>>;
  /** Orders expired with nothing filled (end of data, a day order's end), by reason code. */
  readonly expiredByReason: Readonly<Record<string, number>>;
  readonly marginCalls: number;
  /** Forced fills (margin-call liquidations and bankruptcy close-outs). */
  readonly liquidations: number;
  /** Date of the bankruptcy, or null. */
  readonly bankrupt: string | null;
  readonly sameBarFills: boolean;
}

/** `initialEquity` is the starting cash (the equity before bar 0's fills). */
export function summarize(records: Records, times: Float64Array, initialEquity: number): RunSummary {
  const bars = records.series.equity.length;
  const returns = periodReturns(records, initialEquity);
  const costs = costTotals(records, costSeries(records));
  const events = accountEvents(records, times);
  const finalEquity = bars > 0 ? records.series.equity[bars - 1] : initialEquity;
  return {
    engine: records.engine,
    bars,
    assets: records.symbols.length,
    first: bars > 0 ? isoDate(times[0]) : "",
    last: bars > 0 ? isoDate(times[bars - 1]) : "",
    initialEquity,
    finalEquity,
    finalCash: bars > 0 ? records.series.cash[bars - 1] : initialEquity,
    totalReturn: bars > 0 ? cumulativeReturns(returns)[bars - 1] : 0,
    maxDrawdown: bars > 0 ? drawdownMetrics(drawdownSeries(returns), times).maxDrawdown : 0,
    orders: records.orders.length,
    fills: records.fills.length,
    trades: records.trades.length,
    openTrades: records.trades.filter((trade) => trade.open).length,
    costs: {
      commission: costs.commission,
      slippage: costs.slippage,
      impact: costs.impact,
      financing: costs.financing + costs.borrow,
    },
    rejectionsByReason: events.rejectionsByReason,
    cutsByReason: events.cutsByReason,
    cancelledByReason: events.cancelledByReason,
    expiredByReason: events.expiredByReason,
    marginCalls: events.marginCalls,
    liquidations: events.liquidations,
    bankrupt: events.bankrupt,
    sameBarFills: records.sameBarFills,
  };
}

// Rounded to cents first, + 0: a -0 (no commission) or -0.001 prints 0.00, not -0.00.
const money = (value: number) =>
  (Math.round(value * 100) / 100 + 0).toLocaleString("en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
const percent = (value: number) => `${(value * 100).toFixed(2)}%`;

export function renderSummary(summary: RunSummary, title: string): string {
  const lines = [
    title,
    `  engine          ${summary.engine}${summary.sameBarFills ? " (same-bar fills: look-ahead if the signal used the close)" : ""}`,
    `  data            ${summary.assets} assets x ${summary.bars} bars, ${summary.first} .. ${summary.last}`,
    `  final equity    ${money(summary.finalEquity)} (cash ${money(summary.finalCash)})`,
    `  return          ${percent(summary.totalReturn)} from ${money(summary.initialEquity)}`,
    `  max drawdown    ${percent(summary.maxDrawdown)}`,
    `  orders          ${summary.orders}, fills ${summary.fills}`,
    `  trades          ${summary.trades} (${summary.openTrades} open at the end)`,
    `  costs           commission ${money(summary.costs.commission)}, slippage ${money(summary.costs.slippage)}, impact ${money(summary.costs.impact)}, financing ${money(summary.costs.financing)}`,
    `  margin calls    ${summary.marginCalls}, forced fills ${summary.liquidations}${summary.bankrupt === null ? "" : `, BANKRUPT on ${summary.bankrupt}`}`,
    `  rejections      ${byReason(summary.rejectionsByReason)}`,
    `  cut (partial)   ${byReason(summary.cutsByReason)}`,
    `  cancelled       ${byReason(summary.cancelledByReason)}`,
    `  expired         ${byReason(summary.expiredByReason)}`,
  ];
  return lines.join("\n");
}

/** "insufficientCash 3, scaled 12" in code order, or "none". */
function byReason(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length === 0 ? "none" : entries.map(([kind, count]) => `${kind} ${count}`).join(", ");
}
