// The deepest fall of the compounded wealth, when it began, bottomed and recovered, and the
// share of bars spent under water; from the underwater curve of series.ts.
import { isoDate } from "../../model/index.ts";

export interface DrawdownMetrics {
  /** Largest fall from a running peak, as a positive fraction of the peak (quantstats: negative). */
  readonly maxDrawdown: number;
  /** Date of the last bar at the peak before the trough (the first bar's date when the peak is the start). */
  readonly maxDrawdownPeak: string | null;
  readonly maxDrawdownTrough: string | null;
  /** First bar back at the peak, or null if the run ended under water. */
  readonly maxDrawdownRecovery: string | null;
  /** Bars under water in the max drawdown's episode (to recovery, exclusive, or to the end). */
  readonly maxDrawdownBars: number;
  /** Calendar days from the peak to the recovery (or to the last bar). */
  readonly maxDrawdownDays: number;
  /** The longest run of consecutive bars under water. */
  readonly longestDrawdownBars: number;
  /** Share of bars under water (drawdown < 0). */
  readonly timeUnderWater: number;
}

export function drawdownMetrics(drawdown: readonly number[], times: Float64Array): DrawdownMetrics {
  const bars = drawdown.length;
  let trough = -1;
  for (let t = 0; t < bars; t++)
    if (drawdown[t] < 0 && (trough < 0 || drawdown[t] < drawdown[trough])) trough = t;
  let underWater = 0;
  let longest = 0;
  let run = 0;
  for (const value of drawdown) {
    run = value < 0 ? run + 1 : 0;
    if (run > 0) underWater++;
    longest = Math.max(longest, run);
  }
  const timeUnderWater = underWater / bars;
  if (trough < 0)
    return {
      maxDrawdown: 0,
      maxDrawdownPeak: null,
      maxDrawdownTrough: null,
      maxDrawdownRecovery: null,
      maxDrawdownBars: 0,
      maxDrawdownDays: 0,
      longestDrawdownBars: 0,
      timeUnderWater,
    };
  let peak = trough;
  while (peak >= 0 && drawdown[peak] < 0) peak--;
  let recovery: number | null = trough;
  while (recovery < bars && drawdown[recovery] < 0) recovery++;
  if (recovery === bars) recovery = null;
  const peakMs = times[Math.max(peak, 0)];
  const endMs = times[recovery ?? bars - 1];
  return {
    maxDrawdown: -drawdown[trough],
    maxDrawdownPeak: isoDate(peakMs),
    maxDrawdownTrough: isoDate(times[trough]),
    maxDrawdownRecovery: recovery === null ? null : isoDate(times[recovery]),
    maxDrawdownBars: (recovery ?? bars) - (peak + 1),
    maxDrawdownDays: Math.round((endMs - peakMs) / 86_400_000),
    longestDrawdownBars: longest,
    timeUnderWater,
  };
}
