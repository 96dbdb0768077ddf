import { describe, expect, it } from "vitest";
import { expectedShortfall, histogram, quantiles } from "../../../src/stress/estimate/distribution.ts";

describe("quantiles()", () => {
  it("quantiles() are numpy's type 7: numpy.percentile([3,1,4,1,5,9,2,6], [5,25,50,75,95])", () => {
    // sorted 1 1 2 3 4 5 6 9, h = 7p: 5 % h 0.35: 1 + 0.35 x 0 = 1; 25 % h 1.75: 1 + 0.75 x 1 = 1.75;
    // 50 % h 3.5: 3 + 0.5 x 1 = 3.5; 75 % h 5.25: 5 + 0.25 x 1 = 5.25; 95 % h 6.65: 6 + 0.65 x 3 = 7.95
    const values = quantiles(Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6]));
    expect(values.map((value) => Number(value.toFixed(12)))).toEqual([1, 1.75, 3.5, 5.25, 7.95]);
  });

  it("quantiles() refuses a probability outside [0, 1], no values and a value that is not finite", () => {
    expect(() => quantiles([1, 2], [1.5])).toThrow("quantiles: probability must be in [0, 1], got 1.5");
    expect(() => quantiles([1, 2], [Number.NaN])).toThrow(
      "quantiles: probability must be in [0, 1], got NaN",
    );
    expect(() => quantiles([])).toThrow("quantiles: no values (an empty set of outcomes)");
    expect(() => quantiles([1, Number.NaN])).toThrow("quantiles: value 1 is NaN; every value must be finite");
  });
});

describe("histogram()", () => {
  it("histogram() of 0..9 has Sturges' ceil(log2 10) + 1 = 5 bins of width 1.8, as numpy's bins='sturges'", () => {
    const { edges, counts } = histogram([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(edges.map((edge) => Number(edge.toFixed(12)))).toEqual([0, 1.8, 3.6, 5.4, 7.2, 9]);
    expect(counts).toEqual([2, 2, 2, 2, 2]);
  });

  it("histogram() bins are closed on the left, the last on both sides: 0..4 counts 1 1 1 2", () => {
    // 5 values: ceil(log2 5) + 1 = 4 bins of width 1, edges 0 1 2 3 4; 3 and 4 share the last
    expect(histogram([0, 1, 2, 3, 4])).toEqual({ edges: [0, 1, 2, 3, 4], counts: [1, 1, 1, 2] });
  });

  it("histogram() of equal values is one bin", () => {
    expect(histogram([7, 7, 7])).toEqual({ edges: [7, 7], counts: [3] });
  });
});

describe("expectedShortfall()", () => {
  const oneToTen = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];

  it("expectedShortfall() at 95 % of 10 values is the lowest, the half path at the cut standing for it", () => {
    // m = 0.05 x 10 = 0.5, k = 0: ES = 0.5 x 1 / 0.5 = 1
    expect(expectedShortfall(oneToTen, 0.95)).toBeCloseTo(1, 12);
  });

  it("expectedShortfall() counts the path at the cut by its fraction: 75 % of 1..10 is 1.8", () => {
    // m = 2.5, k = 2: (1 + 2 + 0.5 x 3) / 2.5 = 4.5 / 2.5 = 1.8
    expect(expectedShortfall(oneToTen, 0.75)).toBeCloseTo(1.8, 12);
  });

  it("expectedShortfall() takes tied values at the cut by fraction, in any order", () => {
    // 1 2 2 2 5 at 50 %: m = 2.5, k = 2: (1 + 2 + 0.5 x 2) / 2.5 = 1.6, not the mean of all values
    // <= the cut (1 + 2 + 2 + 2) / 4 = 1.75
    expect(expectedShortfall([2, 5, 1, 2, 2], 0.5)).toBeCloseTo(1.6, 12);
    expect(expectedShortfall([2, 2, 2, 1, 5], 0.5)).toBeCloseTo(1.6, 12);
  });

  it("expectedShortfall() at 99 % of 150 values 1..150 is (1 + 0.5 x 2) / 1.5 = 4/3", () => {
    const values = Array.from({ length: 150 }, (_, i) => 150 - i);
    expect(expectedShortfall(values, 0.99)).toBeCloseTo(4 / 3, 12);
  });

  it("expectedShortfall() refuses a level outside (0, 1) and no values", () => {
    expect(() => expectedShortfall([1], 95)).toThrow(
      "expected shortfall: level must be in (0, 1) (0.95 keeps the worst 5 %), got 95",
    );
    expect(() => expectedShortfall([], 0.95)).toThrow(
      "expected shortfall: no values (an empty set of outcomes)",
    );
  });
});
