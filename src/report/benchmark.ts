// A benchmark for a run: the panel's assets bought in equal money at the first bar's close and
// held, with no costs, so that a strategy can be read against doing nothing clever.
import type { Panel } from "../model/index.ts";

export interface Benchmark {
  readonly label: string;
  /** Its value at each bar's close, from `initialEquity` invested at bar 0's close. */
  readonly equity: number[];
  /** How it was built, in a sentence for the page. */
  readonly description: string;
}

/**
 * initialEquity / N in each of the N assets with a close at bar 0, at that close; value_t =
 * sum_i (initialEquity / N) x close_i,t / close_i,0, a missing close holding the asset's last
 * one. Null when no asset has a close at bar 0.
 */
export function equalWeightBenchmark(panel: Panel, initialEquity: number): Benchmark | null {
  const n = panel.symbols.length;
  const bars = panel.times.length;
  const held: number[] = [];
  for (let i = 0; i < n; i++) if (bars > 0 && !Number.isNaN(panel.close[i])) held.push(i);
  if (held.length === 0) return null;
  const stake = initialEquity / held.length;
  const last = held.map((i) => panel.close[i]);
  const equity: number[] = [];
  for (let t = 0; t < bars; t++) {
    let value = 0;
    held.forEach((i, k) => {
      const close = panel.close[t * n + i];
      if (!Number.isNaN(close)) last[k] = close;
      value += (stake * last[k]) / panel.close[i];
    });
    equity.push(value);
  }
  const left = n - held.length;
  return {
    label: "equal-weight buy and hold",
    equity,
    description:
      `Benchmark: ${held.length} asset${held.length === 1 ? "" : "s"} bought in equal money at the first bar's close and held, no costs` +
      (left > 0 ? ` (${left} without a first-bar close left out)` : "") +
      "; a missing close holds the last one; deposits and withdrawals do not enter it.",
  };
}
