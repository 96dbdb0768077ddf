// `assay stress`: the probability of an event over plainly sampled paths (every weight 1), with
// the Wilson score interval at 95 %.
import { eventCount, firstWeightedPath, type OutcomeChunk, type OutcomeEvent } from "../chunk.ts";
import { type Interval, Z_95 } from "./interval.ts";

export interface Proportion extends Interval {
  /** Paths on which the event happened. */
  readonly hits: number;
  readonly paths: number;
}

/**
 * Wilson's score interval (Wilson 1927, JASA 22, 209-212; Agresti and Coull 1998, eq. 2) for k
 * hits in n paths at z = Z_95:
 *
 *   centre = (k + z^2 / 2) / (n + z^2),  half width = z sqrt(k (n - k) / n + z^2 / 4) / (n + z^2)
 *
 * the set of p the score test does not reject. Unlike k / n +- z sqrt(p (1 - p) / n) it stays
 * inside [0, 1] and is not empty at k = 0: then [0, z^2 / (n + z^2)], 3.84 / n roughly.
 */
export function wilsonInterval(hits: number, paths: number): Proportion {
  if (!Number.isInteger(paths) || paths < 1)
    throw new Error(
      `Wilson interval field=paths: must be an integer >= 1, got ${paths} (an empty set of outcomes)`,
    );
  if (!Number.isInteger(hits) || hits < 0 || hits > paths)
    throw new Error(`Wilson interval field=hits: must be an integer in [0, ${paths}], got ${hits}`);
  const z2 = Z_95 * Z_95;
  const centre = (hits + z2 / 2) / (paths + z2);
  const half = (Z_95 * Math.sqrt((hits * (paths - hits)) / paths + z2 / 4)) / (paths + z2);
  return {
    estimate: hits / paths,
    low: hits === 0 ? 0 : Math.max(0, centre - half),
    high: hits === paths ? 1 : Math.min(1, centre + half),
    hits,
    paths,
  };
}

/** The share of the chunk's paths on which the event happened, with its Wilson interval. */
export function eventProbability(chunk: OutcomeChunk, event: OutcomeEvent): Proportion {
  const weighted = firstWeightedPath(chunk);
  if (weighted >= 0)
    throw new Error(
      `event probability (${event}): path ${weighted} has weight ${chunk.weight[weighted - chunk.firstPath]}, ` +
        "not 1: importance-sampled paths need weightedEventProbability",
    );
  return wilsonInterval(eventCount(chunk, event), chunk.paths);
}
