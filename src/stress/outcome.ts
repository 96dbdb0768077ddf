// `assay stress`: one simulated path's run reduced to its outcome (SPEC 7 and 9: the events and
// the per-bar equity of its records), with the return and drawdown of docs/metrics.md.
import type { OutcomeRecords } from "../model/index.ts";
import { periodsPerYearOf } from "../report/metrics/annualization.ts";
import { drawdownMetrics } from "../report/metrics/drawdown.ts";
import { returnMetrics } from "../report/metrics/returns.ts";
import { cumulativeReturns, drawdownSeries, periodReturns } from "../report/series.ts";
import type { OutcomeLayout, PathOutcome } from "./chunk.ts";

export interface PathRun {
  readonly records: OutcomeRecords;
  /** The path's bar times (UTC ms), one per bar. */
  readonly times: Float64Array;
  /** The equity before bar 0, which the returns start from (the config's initialCash). */
  readonly initialCash: number;
  /** What annualizes the CAGR; default inferred from the times (docs/metrics.md). */
  readonly periodsPerYear?: number;
  /** The path's likelihood ratio under importance sampling; default 1. */
  readonly weight?: number;
}

/**
 * Final equity, CAGR and max drawdown as computeMetrics gives them; the bar of the first
 * marginCall, the first liquidation (either cause) and the bankruptcy (-1 for none); the equity
 * at the layout's fan bars.
 */
export function pathOutcome(run: PathRun, layout: OutcomeLayout): PathOutcome {
  const { records, times, initialCash } = run;
  const equity = records.series.equity;
  if (equity.length !== layout.bars || times.length !== layout.bars)
    throw new Error(
      `stress outcome: ${equity.length} bars of records and ${times.length} bar times for a layout of ${layout.bars} bars`,
    );
  if (!Number.isFinite(initialCash) || initialCash <= 0)
    throw new Error(`stress outcome field=initialCash: must be finite and > 0, got ${initialCash}`);
  const weight = run.weight ?? 1;
  if (!Number.isFinite(weight) || weight < 0)
    throw new Error(
      `stress outcome field=weight: must be finite and >= 0 (a likelihood ratio), got ${weight}`,
    );
  const returns = periodReturns(records, initialCash);
  const years = layout.bars / periodsPerYearOf(times, run.periodsPerYear);
  const firstBar = (kind: OutcomeRecords["events"][number]["kind"]) =>
    records.events.reduce(
      (first, event) => (event.kind === kind && (first < 0 || event.t < first) ? event.t : first),
      -1,
    );
  return {
    finalEquity: equity[layout.bars - 1],
    cagr: returnMetrics(cumulativeReturns(returns), years).cagr,
    maxDrawdown: drawdownMetrics(drawdownSeries(returns), times).maxDrawdown,
    firstMarginCallBar: firstBar("marginCall"),
    firstLiquidationBar: firstBar("liquidation"),
    bankruptBar: firstBar("bankrupt"),
    fanEquity: Array.from(layout.fanBars, (t) => equity[t]),
    weight,
  };
}
