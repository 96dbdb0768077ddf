// --cross-check: a fixed share of the paths, chosen by (seed, path) alone, also runs on the
// reference engine; a record that differs fails the run, naming the path. A bug planted in the
// fast engine shows the check can fail.
import { afterEach, describe, expect, it } from "vitest";
import { COMMISSION, RunState } from "../../src/engine/state.ts";
import { runChunk } from "../../src/stress/run/chunk-task.ts";
import { isCrossChecked } from "../../src/stress/run/setup.ts";
import { twoAssetSetup } from "./helpers.ts";

const setup = twoAssetSetup({
  strategy: "levered-long-short",
  params: { longs: 1, shorts: 1, lookback: 5 },
  labels: { config: "cross-check config", model: "cross-check model" },
  bars: 40,
  seed: 3,
  fanBars: [0, 39],
  crossCheck: 1,
});

const prototype = RunState.prototype as unknown as { post: (kind: number, amount: number) => void };
const post = prototype.post;
afterEach(() => {
  prototype.post = post;
});

describe("--cross-check", () => {
  it("checks its share of the paths, the same ones for a seed however they are chunked", () => {
    const checked = (seed: number) =>
      Array.from({ length: 100_000 }, (_, path) => isCrossChecked({ seed, crossCheck: 0.01 }, path));
    const one = checked(3);
    const share = one.filter(Boolean).length / one.length;
    // 1% of 100,000: 1000 +- 3 x sqrt(1000 x 0.99) = 1000 +- 94.
    expect(share).toBeGreaterThan(0.00906);
    expect(share).toBeLessThan(0.01094);
    expect(checked(3)).toEqual(one);
    expect(checked(4)).not.toEqual(one);
    expect(isCrossChecked({ seed: 3, crossCheck: 0 }, 0)).toBe(false);
  });

  it("passes when the engines agree, and fails naming the path when the fast engine is wrong", async () => {
    await expect(runChunk({ setup, firstPath: 0, paths: 3 })).resolves.toMatchObject({ paths: 3 });
    // Planted: the fast engine books each commission twice.
    prototype.post = function (this: RunState, kind: number, amount: number) {
      post.call(this, kind, kind === COMMISSION ? 2 * amount : amount);
    };
    await expect(runChunk({ setup, firstPath: 0, paths: 3 })).rejects.toThrow(
      /^stress path 0 \(seed 3; replay it with --replay-path 0\): the cross-check on the reference engine diverged: /,
    );
  });
});
