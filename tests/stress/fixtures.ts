// Outcome chunks written by hand for the estimator tests: each path's fields over a default
// (equity 100, no event, weight 1, no fan bars).
import { type OutcomeChunk, outcomeLayout, type PathOutcome, packOutcomes } from "../../src/stress/chunk.ts";

export const QUIET: PathOutcome = {
  finalEquity: 100,
  cagr: 0,
  maxDrawdown: 0,
  firstMarginCallBar: -1,
  firstLiquidationBar: -1,
  bankruptBar: -1,
  fanEquity: [],
  weight: 1,
};

export function chunkOf(
  paths: readonly Partial<PathOutcome>[],
  options: { readonly firstPath?: number; readonly bars?: number; readonly fanBars?: readonly number[] } = {},
): OutcomeChunk {
  return packOutcomes(
    outcomeLayout(options.bars ?? 10, options.fanBars ?? []),
    options.firstPath ?? 0,
    paths.map((path) => ({ ...QUIET, ...path })),
  );
}

/** n quiet paths, with the listed ones (by index in the chunk) changed. */
export function quietChunk(
  n: number,
  changed: Readonly<Record<number, Partial<PathOutcome>>> = {},
  options: Parameters<typeof chunkOf>[1] = {},
): OutcomeChunk {
  return chunkOf(
    Array.from({ length: n }, (_, i) => changed[i] ?? {}),
    options,
  );
}
