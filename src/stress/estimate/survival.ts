// `assay stress`: Kaplan-Meier survival curves of the time to an event (the first margin call,
// ruin), bar by bar, with Greenwood's variance for a 95 % band.
import { eventBars, type OutcomeChunk, type OutcomeEvent } from "../chunk.ts";
import { Z_95 } from "./interval.ts";

/** Per bar t: S(t) = P(no event by the end of bar t), its band, and the counts it came from. */
export interface SurvivalCurve {
  readonly survival: number[];
  readonly low: number[];
  readonly high: number[];
  /** n_t: paths with neither the event nor their censoring before bar t. */
  readonly atRisk: number[];
  /** d_t: events at bar t. */
  readonly events: number[];
}

/**
 * Kaplan and Meier (1958, JASA 53, 457-481) over bars 0 .. bars - 1. Path i has time[i], the bar
 * of its event when observed[i] is nonzero, else the last bar it was seen without one (censored
 * after that bar: at risk through it). n_t = #{i: time_i >= t}, d_t = #{i observed: time_i = t},
 *
 *   S(t) = prod over u <= t of (1 - d_u / n_u)
 *   Var S(t) = S(t)^2 sum over u <= t of d_u / (n_u (n_u - d_u))      (Greenwood 1926)
 *
 * and the band S +- Z_95 sqrt(Var), clipped to [0, 1]. Once S reaches 0 (d_u = n_u) its
 * variance is 0; a bar with nobody at risk keeps the last S and band.
 */
export function kaplanMeier(time: Int32Array, observed: Uint8Array, bars: number): SurvivalCurve {
  if (!Number.isInteger(bars) || bars < 1)
    throw new Error(`Kaplan-Meier field=bars: must be an integer >= 1, got ${bars}`);
  if (observed.length !== time.length)
    throw new Error(`Kaplan-Meier: ${time.length} times for ${observed.length} observed flags`);
  if (time.length === 0) throw new Error("Kaplan-Meier: no paths (an empty set of outcomes)");
  const events = new Array<number>(bars).fill(0);
  const leaving = new Array<number>(bars).fill(0);
  time.forEach((t, i) => {
    if (!Number.isInteger(t) || t < 0 || t >= bars)
      throw new Error(`Kaplan-Meier path ${i} field=time: bar ${t} outside [0, ${bars})`);
    leaving[t]++;
    if (observed[i] !== 0) events[t]++;
  });
  const curve: SurvivalCurve = { survival: [], low: [], high: [], atRisk: [], events };
  let atRisk = time.length;
  let survival = 1;
  let greenwood = 0;
  for (let t = 0; t < bars; t++) {
    const d = events[t];
    if (d > 0) {
      survival *= 1 - d / atRisk;
      if (d < atRisk) greenwood += d / (atRisk * (atRisk - d));
    }
    const half = Z_95 * survival * Math.sqrt(greenwood);
    curve.survival.push(survival);
    curve.low.push(Math.max(0, survival - half));
    curve.high.push(Math.min(1, survival + half));
    curve.atRisk.push(atRisk);
    atRisk -= leaving[t];
  }
  return curve;
}

/**
 * The survival curve of the time to the event's first occurrence, every path that never had it
 * censored at the horizon (its last bar).
 */
export function timeToEvent(chunk: OutcomeChunk, event: OutcomeEvent): SurvivalCurve {
  const bars = eventBars(chunk, event);
  return kaplanMeier(
    Int32Array.from(bars, (t) => (t >= 0 ? t : chunk.bars - 1)),
    Uint8Array.from(bars, (t) => (t >= 0 ? 1 : 0)),
    chunk.bars,
  );
}
