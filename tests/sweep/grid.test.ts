import { describe, expect, it } from "vitest";
import { gridPoints, MAX_TRIALS, parseGrid } from "../../src/sweep/grid.ts";

describe("parseGrid()", () => {
  it("reads lists and inclusive ranges, keeping their decimals", () => {
    expect(parseGrid(["k=1,2,3", "n=10:50:10", "w=0.1:0.3:0.1"])).toEqual([
      { key: "k", values: [1, 2, 3] },
      { key: "n", values: [10, 20, 30, 40, 50] },
      // 0.1 + 2 x 0.1 = 0.30000000000000004 in float64: kept to the inputs' one decimal.
      { key: "w", values: [0.1, 0.2, 0.3] },
    ]);
    // 10:45:10 stops at 40, the last value on the step.
    expect(parseGrid(["n=10:45:10"])[0].values).toEqual([10, 20, 30, 40]);
    expect(parseGrid(["n=7"])[0].values).toEqual([7]);
  });

  it("refuses what is not a grid of numbers, saying which param and why", () => {
    expect(() => parseGrid([])).toThrow("sweep: no --param to sweep");
    expect(() => parseGrid(["k=1,a"])).toThrow(
      '--param k: value "a" is not a number (a sweep varies numbers)',
    );
    expect(() => parseGrid(["k="])).toThrow('--param k: value "" is not a number');
    expect(() => parseGrid(["k"])).toThrow("--param k: expected key=v1,v2,... or key=start:stop:step");
    expect(() => parseGrid(["k=5:1:1"])).toThrow("--param k=5:1:1: an empty range (stop 1 < start 5)");
    expect(() => parseGrid(["k=1:5:0"])).toThrow("--param k=1:5:0: the step must be > 0, got 0");
    expect(() => parseGrid(["k=1:5"])).toThrow("--param k=1:5: a range is start:stop:step");
    expect(() => parseGrid(["k=1,2", "k=3"])).toThrow("--param k: given twice");
    expect(() => parseGrid(["k=1,2,1"])).toThrow("--param k=1,2,1: 1 is listed twice");
    expect(() => parseGrid(["a=1:1000:1", "b=1:1000:1"])).toThrow(
      `sweep: a (1000) x b (1000) = 1000000 trials, more than ${MAX_TRIALS}; narrow the grid`,
    );
  });
});

describe("gridPoints()", () => {
  it("is every combination, the first param varying slowest", () => {
    expect(gridPoints(parseGrid(["a=1,2", "b=10:30:10"]))).toEqual([
      { a: 1, b: 10 },
      { a: 1, b: 20 },
      { a: 1, b: 30 },
      { a: 2, b: 10 },
      { a: 2, b: 20 },
      { a: 2, b: 30 },
    ]);
  });
});
