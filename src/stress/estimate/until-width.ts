// `assay stress --until-width w`: stop at the first chunk boundary where the ruin probability's
// Wilson interval is narrower than w. It reads the chunks in plan order only, so the paths kept
// are the same however many workers ran and whichever chunk finished first.
import { eventCount, firstWeightedPath, type OutcomeChunk } from "../chunk.ts";
import { type Proportion, wilsonInterval } from "./proportion.ts";

export interface WidthReached {
  /** Chunks of the plan to keep: the first `chunks` ones (later ones are dropped, even if done). */
  readonly chunks: number;
  /** The ruin (bankruptcy) probability over those chunks' paths. */
  readonly ruin: Proportion;
}

/**
 * Given the chunks done so far in plan order (a prefix of the plan: contiguous paths from the
 * first), the first boundary k at which the Wilson interval of P(ruin) over chunks 0..k-1 has
 * high - low < width; null when none has yet.
 */
export function untilWidth(chunksInPlanOrder: readonly OutcomeChunk[], width: number): WidthReached | null {
  if (!(width > 0 && width <= 1))
    throw new Error(`--until-width: must be in (0, 1] (a width of probability), got ${width}`);
  let paths = 0;
  let hits = 0;
  for (const [k, chunk] of chunksInPlanOrder.entries()) {
    const expected = chunksInPlanOrder[0].firstPath + paths;
    if (chunk.firstPath !== expected)
      throw new Error(
        `--until-width: chunk ${k} starts at path ${chunk.firstPath}, expected ${expected}; give the chunks in plan order without gaps`,
      );
    if (firstWeightedPath(chunk) >= 0)
      throw new Error(
        `--until-width: path ${firstWeightedPath(chunk)} is importance-weighted; the Wilson rule needs plain paths`,
      );
    paths += chunk.paths;
    hits += eventCount(chunk, "bankrupt");
    const ruin = wilsonInterval(hits, paths);
    if (ruin.high - ruin.low < width) return { chunks: k + 1, ruin };
  }
  return null;
}
