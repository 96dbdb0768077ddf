// `assay stress`: the worst paths, the k lowest final equities, so a report can replay them.
import type { OutcomeChunk } from "../chunk.ts";

export interface WorstPath {
  /** The path's index in the run (what replays it). */
  readonly path: number;
  readonly finalEquity: number;
}

/** The k lowest final equities, lowest first, ties by path index; all paths when k exceeds them. */
export function worstPaths(chunk: OutcomeChunk, k: number): WorstPath[] {
  if (!Number.isInteger(k) || k < 1)
    throw new Error(`worst paths field=k: must be an integer >= 1, got ${k}`);
  return Array.from(chunk.finalEquity, (finalEquity, i) => ({ path: chunk.firstPath + i, finalEquity }))
    .sort((a, b) => a.finalEquity - b.finalEquity || a.path - b.path)
    .slice(0, k);
}
