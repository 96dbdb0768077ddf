import { describe, expect, it } from "vitest";
import { chunkSeed, parseShard, planChunks } from "../../src/harness/plan.ts";

const input = { properties: ["p", "q"], runs: 1_050, seed: 42, chunkSize: 100 };

describe("planChunks()", () => {
  it("cuts each property's runs into fixed chunks, the last one the rest", () => {
    const chunks = planChunks(input);
    expect(chunks).toHaveLength(22);
    expect(chunks.filter((c) => c.property === "p").map((c) => c.runs)).toEqual([...Array(10).fill(100), 50]);
    expect(chunks.reduce((sum, c) => sum + c.runs, 0)).toBe(2 * 1_050);
  });

  it("is a function of (seed, properties, runs, chunk size) alone: the same chunks on every call", () => {
    expect(planChunks(input)).toEqual(planChunks({ ...input }));
    expect(planChunks({ ...input, seed: 43 })).not.toEqual(planChunks(input));
  });

  it("shards k/N take the chunks i % N === k: N shards partition the chunk list exactly", () => {
    const key = (c: { property: string; chunk: number }) => `${c.property}#${c.chunk}`;
    const whole = planChunks(input);
    for (const count of [1, 2, 3, 7, 30]) {
      const shards = Array.from({ length: count }, (_, index) =>
        planChunks({ ...input, shard: { index, count } }),
      );
      const union = shards.flat();
      expect(new Set(union.map(key)).size).toBe(union.length);
      expect(union.map(key).sort()).toEqual(whole.map(key).sort());
      for (const [index, shard] of shards.entries())
        for (const c of shard) {
          expect(c.chunk % count).toBe(index);
          expect(c).toEqual(whole.find((w) => key(w) === key(c)));
        }
    }
  });

  it("refuses a chunk size below 1 and a fractional run count", () => {
    expect(() => planChunks({ ...input, chunkSize: 0 })).toThrow(/chunk size must be an integer >= 1, got 0/);
    expect(() => planChunks({ ...input, runs: 1.5 })).toThrow(/runs must be an integer >= 0, got 1.5/);
  });
});

describe("chunkSeed()", () => {
  it("is FNV-1a of `seed/property/chunk` mixed by fmix32: pinned values, unsigned 32-bit", () => {
    expect([chunkSeed(0, "p", 0), chunkSeed(0, "p", 1), chunkSeed(1, "p", 0), chunkSeed(0, "q", 0)]).toEqual(
      PINNED,
    );
    for (const seed of PINNED) expect(seed >>> 0).toBe(seed);
  });

  it("gives distinct seeds to the chunks of a run", () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => chunkSeed(7, "reference-invariants", i)));
    expect(seeds.size).toBe(10_000);
  });
});

describe("parseShard()", () => {
  it("reads k/N with k counted from 0 (Kubernetes' JOB_COMPLETION_INDEX)", () => {
    expect(parseShard("0/4")).toEqual({ index: 0, count: 4 });
    expect(parseShard("3/4")).toEqual({ index: 3, count: 4 });
  });

  it.each(["4/4", "1/0", "-1/3", "1", "a/b", "1/2/3"])("refuses %s", (text) => {
    expect(() => parseShard(text)).toThrow(
      `--shard must be k/N with N >= 1 and 0 <= k < N (k counts from 0), got "${text}"`,
    );
  });
});

// Computed independently (Python: FNV-1a 32 over the bytes, then fmix32).
const PINNED = [4013424634, 4200708002, 1798683885, 4135382738];
