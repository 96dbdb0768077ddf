// The fast engine's float64 rules (src/engine/numeric.ts, docs/semantics.md "How the fast engine
// keeps float64 from deciding differently"), each at the edge it exists for. Written for the
// mutants that survived the engine-level suites (reports/MUTATION.md): a tie read at the wrong
// scale, a nudge from the wrong magnitude, a grid tolerance gone.
import { describe, expect, it } from "vitest";
import {
  atLeast,
  beyond,
  floorLots,
  gridDivisor,
  offGrid,
  onGrid,
  TIE,
  tickSteps,
  truncLots,
} from "../../src/engine/numeric.ts";

describe("the tie rule", () => {
  it("takes two amounts within TIE x scale as equal, and no further", () => {
    const scale = 1e6;
    // 1e6 - 1e-8 is 1e6 seen through float sums of that size: a tie, so it fits.
    expect(atLeast(1e6 - 1e-8, 1e6, scale)).toBe(true);
    expect(beyond(1e6 + 1e-8, 1e6, scale)).toBe(false);
    // Past the tie (TIE x scale = 1e-7), a real difference decides.
    expect(atLeast(1e6 - 2 * TIE * scale, 1e6, scale)).toBe(false);
    expect(beyond(1e6 + 2 * TIE * scale, 1e6, scale)).toBe(true);
    expect(atLeast(5, 5, 1)).toBe(true);
    expect(beyond(5, 5, 1)).toBe(false);
  });
});

describe("lots from a quotient", () => {
  it("reads an exact whole number through float error of the operands' size", () => {
    expect(truncLots(599.9999999999999)).toBe(600);
    expect(truncLots(-599.9999999999999)).toBe(-600);
    // A target minus a holding of a million lots: 3 lots, off by 1e-10 (an ulp of 1e6).
    expect(truncLots(3 - 1e-10, 1e6)).toBe(3);
    expect(truncLots(-(3 - 1e-10), 1e6)).toBe(-3);
    expect(floorLots(599.9999999999999)).toBe(600);
  });

  it("keeps a true fraction", () => {
    expect(truncLots(599.9999)).toBe(599);
    expect(truncLots(2.5, 1e6)).toBe(2);
    expect(truncLots(-2.5)).toBe(-2);
    expect(floorLots(2.9999)).toBe(2);
    // The nudge stays under half a lot: 1e15 lots nudged by 1e-14 of themselves would gain 10.
    expect(truncLots(1e15 + 0.25)).toBe(1e15);
  });
});

describe("the tick grid", () => {
  it("takes a price a few float operations from a grid price as on it", () => {
    // 979 ticks of 0.01 computed as 9.79 + float error: 979, not 980 for a buy.
    expect(tickSteps(9.790000000000001, 0.01, true)).toBe(979);
    expect(tickSteps(9.789999999999999, 0.01, false)).toBe(979);
    expect(offGrid(9.790000000000001, 0.01)).toBe(false);
  });

  it("rounds a price off the grid up for buys and down for sells", () => {
    expect(tickSteps(9.795, 0.01, true)).toBe(980);
    expect(tickSteps(9.795, 0.01, false)).toBe(979);
    expect(offGrid(9.795, 0.01)).toBe(true);
    expect(tickSteps(12.3, 0.05, true)).toBe(246);
  });

  it("makes amounts from steps exactly where the step's reciprocal is whole", () => {
    expect(gridDivisor(0.01)).toBe(100);
    expect(gridDivisor(1e-8)).toBe(100_000_000);
    expect(onGrid(979, 0.01, gridDivisor(0.01))).toBe(9.79);
    expect(onGrid(3, 0.1, gridDivisor(0.1))).toBe(0.3);
    // 1 / 0.3 is not whole: multiply.
    expect(gridDivisor(0.3)).toBe(0);
    expect(onGrid(10, 0.3, gridDivisor(0.3))).toBe(3);
    expect(gridDivisor(5)).toBe(0);
    expect(onGrid(7, 5, gridDivisor(5))).toBe(35);
  });
});
