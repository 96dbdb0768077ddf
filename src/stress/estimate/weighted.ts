// `assay stress`: the probability of an event over importance-sampled paths: each path drawn
// under a tilted model carries its likelihood ratio w, and P = E_tilted[w 1{event}].
import { eventBars, type OutcomeChunk, type OutcomeEvent } from "../chunk.ts";
import { type Interval, normalInterval } from "./interval.ts";

export interface WeightedProportion extends Interval {
  /** Sample standard deviation of w_i 1{event_i} over sqrt(n). */
  readonly standardError: number;
  /** Kish's (sum w)^2 / sum w^2 over every path: how many plain paths the weights are worth. */
  readonly effectiveSampleSize: number;
  readonly hits: number;
  readonly paths: number;
}

/**
 * With x_i = w_i 1{hit_i} over n paths: estimate = mean(x), standard error = sd(x) / sqrt(n) (sd
 * with n - 1), interval estimate +- Z_95 x standard error clipped to [0, 1] (the central limit
 * theorem; Glasserman 2003, Monte Carlo Methods in Financial Engineering, 4.6), effective sample
 * size (sum w)^2 / sum w^2 (Kish 1965). `hit[i]` is nonzero where path i had the event.
 */
export function weightedProportion(weights: Float64Array, hit: Uint8Array): WeightedProportion {
  const n = weights.length;
  if (hit.length !== n)
    throw new Error(`weighted estimate: ${n} weights for ${hit.length} paths; one weight per path`);
  if (n < 2) throw new Error(`weighted estimate: needs at least 2 paths for a standard error, got ${n}`);
  let sum = 0;
  let sumSquares = 0;
  let hits = 0;
  let total = 0;
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0)
      throw new Error(
        `weighted estimate path ${i} field=weight: must be finite and >= 0 (a likelihood ratio), got ${w}`,
      );
    sum += w;
    sumSquares += w * w;
    if (hit[i] !== 0) {
      hits++;
      total += w;
    }
  });
  if (sumSquares === 0)
    throw new Error(`weighted estimate: every one of the ${n} weights is 0; no path carries any probability`);
  const mean = total / n;
  let squaredDeviations = 0;
  weights.forEach((w, i) => {
    const deviation = (hit[i] !== 0 ? w : 0) - mean;
    squaredDeviations += deviation * deviation;
  });
  const standardError = Math.sqrt(squaredDeviations / (n - 1) / n);
  return {
    ...normalInterval(mean, standardError),
    standardError,
    effectiveSampleSize: (sum * sum) / sumSquares,
    hits,
    paths: n,
  };
}

/** The event's probability from the chunk's paths and their weights. */
export function weightedEventProbability(chunk: OutcomeChunk, event: OutcomeEvent): WeightedProportion {
  return weightedProportion(
    chunk.weight,
    Uint8Array.from(eventBars(chunk, event), (t) => (t >= 0 ? 1 : 0)),
  );
}
