// `assay stress`: the outcomes of a run of paths, columnar (one typed array per field), so a
// worker sends a chunk back as transferable buffers; and their merge in path order.
import { unreachable } from "../model/index.ts";

/** The bars every path of a stress run has, and the bars whose equity the fan chart keeps. */
export interface OutcomeLayout {
  readonly bars: number;
  /** Strictly increasing bar indices in [0, bars). */
  readonly fanBars: Int32Array;
}

/** One path's outcome (outcome.ts reads it off a run's records). Bars are bar indices, -1 for none. */
export interface PathOutcome {
  readonly finalEquity: number;
  readonly cagr: number;
  /** A positive fraction of the peak (docs/metrics.md). */
  readonly maxDrawdown: number;
  readonly firstMarginCallBar: number;
  /** The first forced fill's bar (a margin call's liquidation or a bankruptcy's close-out). */
  readonly firstLiquidationBar: number;
  readonly bankruptBar: number;
  /** Equity at the end of each of the layout's fanBars. */
  readonly fanEquity: readonly number[];
  /** Importance-sampling weight (the likelihood ratio of the path); 1 for a plain path. */
  readonly weight: number;
}

/** Paths firstPath .. firstPath + paths - 1 of a run, field by field. */
export interface OutcomeChunk extends OutcomeLayout {
  readonly firstPath: number;
  readonly paths: number;
  readonly finalEquity: Float64Array;
  readonly cagr: Float64Array;
  readonly maxDrawdown: Float64Array;
  readonly firstMarginCallBar: Int32Array;
  readonly firstLiquidationBar: Int32Array;
  readonly bankruptBar: Int32Array;
  /** paths x fanBars.length, row-major: path i's equity at fanBars[j] is fanEquity[i * fanBars.length + j]. */
  readonly fanEquity: Float64Array;
  readonly weight: Float64Array;
}

export type ChunkColumn =
  | "finalEquity"
  | "cagr"
  | "maxDrawdown"
  | "firstMarginCallBar"
  | "firstLiquidationBar"
  | "bankruptBar"
  | "fanEquity"
  | "weight";

/** What a stress run estimates the probability of. Ruin is bankruptcy (SPEC 7: equity <= 0). */
export type OutcomeEvent = "marginCall" | "liquidation" | "bankrupt";

export const OUTCOME_EVENTS: readonly OutcomeEvent[] = ["marginCall", "liquidation", "bankrupt"];

/** A checked layout: bars an integer >= 1, fan bars integers, strictly increasing, in [0, bars). */
export function outcomeLayout(bars: number, fanBars: readonly number[]): OutcomeLayout {
  if (!Number.isInteger(bars) || bars < 1)
    throw new Error(`stress outcomes field=bars: must be an integer >= 1, got ${bars}`);
  fanBars.forEach((t, j) => {
    if (!Number.isInteger(t) || t < 0 || t >= bars || (j > 0 && t <= fanBars[j - 1]))
      throw new Error(
        `stress outcomes field=fanBars[${j}]: ${t}; fan bars must be integers in [0, ${bars}), strictly increasing`,
      );
  });
  return { bars, fanBars: Int32Array.from(fanBars) };
}

/** Packs the outcomes of paths firstPath, firstPath + 1, ... into a chunk. */
export function packOutcomes(
  layout: OutcomeLayout,
  firstPath: number,
  outcomes: readonly PathOutcome[],
): OutcomeChunk {
  const paths = outcomes.length;
  const fan = layout.fanBars.length;
  const chunk: OutcomeChunk = {
    bars: layout.bars,
    fanBars: Int32Array.from(layout.fanBars),
    firstPath,
    paths,
    finalEquity: Float64Array.from(outcomes, (outcome) => outcome.finalEquity),
    cagr: Float64Array.from(outcomes, (outcome) => outcome.cagr),
    maxDrawdown: Float64Array.from(outcomes, (outcome) => outcome.maxDrawdown),
    firstMarginCallBar: Int32Array.from(outcomes, (outcome) => outcome.firstMarginCallBar),
    firstLiquidationBar: Int32Array.from(outcomes, (outcome) => outcome.firstLiquidationBar),
    bankruptBar: Int32Array.from(outcomes, (outcome) => outcome.bankruptBar),
    fanEquity: new Float64Array(paths * fan),
    weight: Float64Array.from(outcomes, (outcome) => outcome.weight),
  };
  outcomes.forEach((outcome, i) => {
    if (outcome.fanEquity.length !== fan)
      throw new Error(
        `stress outcomes path ${firstPath + i}: ${outcome.fanEquity.length} fan-chart equities for ${fan} fan bars`,
      );
    chunk.fanEquity.set(outcome.fanEquity, i * fan);
  });
  return checkedChunk(chunk);
}

/** The chunk's buffers, for postMessage's transfer list (the chunk is unusable by the sender after). */
export function chunkTransferList(chunk: OutcomeChunk): ArrayBuffer[] {
  return columnsOf(chunk).map((column) => column.buffer as ArrayBuffer);
}

/**
 * The chunks as one, in path order whatever order they arrived in: they must cover a contiguous
 * run of paths without overlap and share one layout.
 */
export function mergeOutcomeChunks(chunks: readonly OutcomeChunk[]): OutcomeChunk {
  if (chunks.length === 0) throw new Error("stress outcomes: no chunks to merge (an empty set of outcomes)");
  const ordered = [...chunks].map(checkedChunk).sort((a, b) => a.firstPath - b.firstPath);
  const first = ordered[0];
  ordered.forEach((chunk, k) => {
    if (k > 0) {
      const expected = ordered[k - 1].firstPath + ordered[k - 1].paths;
      if (chunk.firstPath !== expected)
        throw new Error(
          `stress outcomes: chunk at path ${chunk.firstPath} follows paths ${ordered[k - 1].firstPath}..${expected - 1}; ` +
            `chunks must cover contiguous paths (${chunk.firstPath < expected ? "overlap" : "gap"})`,
        );
    }
    if (chunk.bars !== first.bars || !sameBars(chunk.fanBars, first.fanBars))
      throw new Error(
        `stress outcomes: chunk at path ${chunk.firstPath} has ${chunk.bars} bars and fan bars [${chunk.fanBars.join(", ")}], ` +
          `chunk at path ${first.firstPath} ${first.bars} and [${first.fanBars.join(", ")}]; a run has one layout`,
      );
  });
  const joined = <T extends Float64Array | Int32Array>(
    pick: (chunk: OutcomeChunk) => T,
    make: (n: number) => T,
  ) => {
    const out = make(ordered.reduce((n, chunk) => n + pick(chunk).length, 0));
    let at = 0;
    for (const chunk of ordered) {
      out.set(pick(chunk), at);
      at += pick(chunk).length;
    }
    return out;
  };
  const floats = (n: number) => new Float64Array(n);
  const ints = (n: number) => new Int32Array(n);
  return {
    bars: first.bars,
    fanBars: Int32Array.from(first.fanBars),
    firstPath: first.firstPath,
    paths: ordered.reduce((n, chunk) => n + chunk.paths, 0),
    finalEquity: joined((chunk) => chunk.finalEquity, floats),
    cagr: joined((chunk) => chunk.cagr, floats),
    maxDrawdown: joined((chunk) => chunk.maxDrawdown, floats),
    firstMarginCallBar: joined((chunk) => chunk.firstMarginCallBar, ints),
    firstLiquidationBar: joined((chunk) => chunk.firstLiquidationBar, ints),
    bankruptBar: joined((chunk) => chunk.bankruptBar, ints),
    fanEquity: joined((chunk) => chunk.fanEquity, floats),
    weight: joined((chunk) => chunk.weight, floats),
  };
}

/** The bar of the event's first occurrence on each path, -1 where it did not happen. */
export function eventBars(chunk: OutcomeChunk, event: OutcomeEvent): Int32Array {
  switch (event) {
    case "marginCall":
      return chunk.firstMarginCallBar;
    case "liquidation":
      return chunk.firstLiquidationBar;
    case "bankrupt":
      return chunk.bankruptBar;
    default:
      return unreachable(event);
  }
}

/** The number of paths on which the event happened. */
export function eventCount(chunk: OutcomeChunk, event: OutcomeEvent): number {
  let hits = 0;
  for (const t of eventBars(chunk, event)) if (t >= 0) hits++;
  return hits;
}

/** The first path (run index) whose weight is not 1, or -1 when the chunk is plain sampling. */
export function firstWeightedPath(chunk: OutcomeChunk): number {
  const i = chunk.weight.findIndex((weight) => weight !== 1);
  return i < 0 ? -1 : chunk.firstPath + i;
}

/**
 * A chunk as received (after structured cloning from a worker, say): at least one path, every
 * column as long as its paths say, bars in [-1, bars), weights finite and >= 0.
 */
export function checkedChunk(chunk: OutcomeChunk): OutcomeChunk {
  const { paths, bars, firstPath } = chunk;
  if (!Number.isInteger(paths) || paths < 1)
    throw new Error(
      `stress outcomes: a chunk needs at least one path, got ${paths} (an empty set of outcomes)`,
    );
  if (!Number.isInteger(firstPath) || firstPath < 0)
    throw new Error(`stress outcomes field=firstPath: must be an integer >= 0, got ${firstPath}`);
  outcomeLayout(bars, [...chunk.fanBars]);
  const fan = chunk.fanBars.length;
  for (const [name, column, perPath] of namedColumns(chunk))
    if (column.length !== paths * perPath(fan))
      throw new Error(
        `stress outcomes field=${name}: ${column.length} values for ${paths} paths (expected ${paths * perPath(fan)})`,
      );
  for (const event of OUTCOME_EVENTS)
    eventBars(chunk, event).forEach((t, i) => {
      if (t < -1 || t >= bars)
        throw new Error(
          `stress outcomes path ${firstPath + i} event=${event}: bar ${t} outside [-1, ${bars}) (-1 is none)`,
        );
    });
  chunk.weight.forEach((weight, i) => {
    if (!Number.isFinite(weight) || weight < 0)
      throw new Error(
        `stress outcomes path ${firstPath + i} field=weight: must be finite and >= 0 (a likelihood ratio), got ${weight}`,
      );
  });
  return chunk;
}

/** The chunk's per-path columns by field name, with each one's values per path (1, or the fan's). */
export function namedColumns(
  chunk: OutcomeChunk,
): [ChunkColumn, Float64Array | Int32Array, (fan: number) => number][] {
  const one = () => 1;
  return [
    ["finalEquity", chunk.finalEquity, one],
    ["cagr", chunk.cagr, one],
    ["maxDrawdown", chunk.maxDrawdown, one],
    ["firstMarginCallBar", chunk.firstMarginCallBar, one],
    ["firstLiquidationBar", chunk.firstLiquidationBar, one],
    ["bankruptBar", chunk.bankruptBar, one],
    ["fanEquity", chunk.fanEquity, (fan) => fan],
    ["weight", chunk.weight, one],
  ];
}

function columnsOf(chunk: OutcomeChunk): (Float64Array | Int32Array)[] {
  return [chunk.fanBars, ...namedColumns(chunk).map(([, column]) => column)];
}

function sameBars(a: Int32Array, b: Int32Array): boolean {
  return a.length === b.length && a.every((t, j) => t === b[j]);
}
