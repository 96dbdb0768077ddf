import { describe, expect, it } from "vitest";
import {
  checkedChunk,
  chunkTransferList,
  eventBars,
  eventCount,
  firstWeightedPath,
  mergeOutcomeChunks,
  outcomeLayout,
  packOutcomes,
} from "../../src/stress/chunk.ts";
import { chunkOf, QUIET } from "./fixtures.ts";

/** Paths first..first + n - 1 with final equity 1000 + path and a fan equity per fan bar 0, 1. */
const numbered = (firstPath: number, n: number) =>
  chunkOf(
    Array.from({ length: n }, (_, i) => ({
      finalEquity: 1000 + firstPath + i,
      bankruptBar: (firstPath + i) % 4 === 0 ? 3 : -1,
      fanEquity: [firstPath + i, -(firstPath + i)],
      weight: 1 + (firstPath + i) / 10,
    })),
    { firstPath, fanBars: [0, 1] },
  );

describe("outcomeLayout()", () => {
  it("outcomeLayout() refuses fan bars outside the bars or out of order, and bars < 1", () => {
    expect(() => outcomeLayout(0, [])).toThrow("stress outcomes field=bars: must be an integer >= 1, got 0");
    expect(() => outcomeLayout(5, [0, 5])).toThrow(
      "stress outcomes field=fanBars[1]: 5; fan bars must be integers in [0, 5), strictly increasing",
    );
    expect(() => outcomeLayout(5, [2, 2])).toThrow("stress outcomes field=fanBars[1]: 2");
  });
});

describe("mergeOutcomeChunks()", () => {
  const parts = [numbered(0, 3), numbered(3, 2), numbered(5, 4)];
  const inOrder = mergeOutcomeChunks(parts);

  it("mergeOutcomeChunks() joins the columns in path order", () => {
    expect(inOrder.firstPath).toBe(0);
    expect(inOrder.paths).toBe(9);
    expect([...inOrder.finalEquity]).toEqual([1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008]);
    expect([...inOrder.bankruptBar]).toEqual([3, -1, -1, -1, 3, -1, -1, -1, 3]);
    expect([...inOrder.fanEquity].slice(6, 12)).toEqual([3, -3, 4, -4, 5, -5]);
    expect(inOrder.weight[8]).toBeCloseTo(1.8, 15);
  });

  it("mergeOutcomeChunks() gives the same chunk whatever order the chunks arrive in", () => {
    expect(mergeOutcomeChunks([parts[2], parts[0], parts[1]])).toEqual(inOrder);
    expect(mergeOutcomeChunks([parts[1], parts[2], parts[0]])).toEqual(inOrder);
  });

  it("mergeOutcomeChunks() refuses a gap, an overlap, two layouts and no chunks", () => {
    expect(() => mergeOutcomeChunks([parts[0], parts[2]])).toThrow(
      "stress outcomes: chunk at path 5 follows paths 0..2; chunks must cover contiguous paths (gap)",
    );
    expect(() => mergeOutcomeChunks([parts[0], numbered(2, 2)])).toThrow(
      "stress outcomes: chunk at path 2 follows paths 0..2; chunks must cover contiguous paths (overlap)",
    );
    const otherFan = chunkOf([QUIET], { firstPath: 3, fanBars: [] });
    expect(() => mergeOutcomeChunks([parts[0], otherFan])).toThrow(
      "stress outcomes: chunk at path 3 has 10 bars and fan bars [], chunk at path 0 10 and [0, 1]; a run has one layout",
    );
    expect(() => mergeOutcomeChunks([])).toThrow(
      "stress outcomes: no chunks to merge (an empty set of outcomes)",
    );
  });
});

describe("chunkTransferList()", () => {
  it("chunkTransferList() moves every column's buffer to the receiver, which gets the same chunk", () => {
    const chunk = numbered(4, 3);
    const copy = structuredClone(chunk);
    const received = structuredClone(chunk, { transfer: chunkTransferList(chunk) });
    expect(received).toEqual(copy);
    expect(chunk.finalEquity.length).toBe(0);
    expect(chunk.fanEquity.length).toBe(0);
    expect(checkedChunk(received)).toBe(received);
  });
});

describe("checkedChunk()", () => {
  it("checkedChunk() refuses a negative or NaN weight, an event bar past the horizon, a short column and no paths", () => {
    const layout = outcomeLayout(10, []);
    expect(() => packOutcomes(layout, 20, [QUIET, { ...QUIET, weight: -0.1 }])).toThrow(
      "stress outcomes path 21 field=weight: must be finite and >= 0 (a likelihood ratio), got -0.1",
    );
    expect(() => packOutcomes(layout, 0, [{ ...QUIET, weight: Number.NaN }])).toThrow(
      "stress outcomes path 0 field=weight: must be finite and >= 0 (a likelihood ratio), got NaN",
    );
    expect(() => packOutcomes(layout, 0, [{ ...QUIET, firstMarginCallBar: 10 }])).toThrow(
      "stress outcomes path 0 event=marginCall: bar 10 outside [-1, 10) (-1 is none)",
    );
    expect(() => checkedChunk({ ...chunkOf([QUIET, QUIET]), cagr: new Float64Array(1) })).toThrow(
      "stress outcomes field=cagr: 1 values for 2 paths (expected 2)",
    );
    expect(() => packOutcomes(layout, 0, [])).toThrow(
      "stress outcomes: a chunk needs at least one path, got 0 (an empty set of outcomes)",
    );
    expect(() => packOutcomes(outcomeLayout(10, [3]), 0, [QUIET])).toThrow(
      "stress outcomes path 0: 0 fan-chart equities for 1 fan bars",
    );
  });

  it("eventBars(), eventCount() and firstWeightedPath() read the columns", () => {
    const chunk = chunkOf([QUIET, { ...QUIET, firstLiquidationBar: 4, weight: 2 }], { firstPath: 6 });
    expect([...eventBars(chunk, "liquidation")]).toEqual([-1, 4]);
    expect([eventCount(chunk, "liquidation"), eventCount(chunk, "bankrupt")]).toEqual([1, 0]);
    expect(firstWeightedPath(chunk)).toBe(7);
    expect(firstWeightedPath(chunkOf([QUIET]))).toBe(-1);
  });
});
