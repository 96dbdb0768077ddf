import { describe, expect, it } from "vitest";
import { worstPaths } from "../../../src/stress/estimate/worst.ts";
import { chunkOf } from "../fixtures.ts";

describe("worstPaths()", () => {
  const chunk = chunkOf(
    [5, -3, 7, -3, 0].map((finalEquity) => ({ finalEquity })),
    { firstPath: 10 },
  );

  it("worstPaths() lists the k lowest final equities with their run's path indices, ties by index", () => {
    expect(worstPaths(chunk, 3)).toEqual([
      { path: 11, finalEquity: -3 },
      { path: 13, finalEquity: -3 },
      { path: 14, finalEquity: 0 },
    ]);
  });

  it("worstPaths() gives every path when k exceeds them, and refuses a k that is not a positive integer", () => {
    expect(worstPaths(chunk, 9).map((worst) => worst.path)).toEqual([11, 13, 14, 10, 12]);
    expect(() => worstPaths(chunk, 0)).toThrow("worst paths field=k: must be an integer >= 1, got 0");
  });
});
