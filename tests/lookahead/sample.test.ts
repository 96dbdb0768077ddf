import { describe, expect, it } from "vitest";
import { sampleBars } from "../../src/lookahead/sample.ts";

describe("sampleBars()", () => {
  it("spreads half the samples evenly over the testable bars and draws the rest, seeded and distinct", () => {
    // 11 bars: t = 0..9 are testable. 2 spread: floor(0.5 x 10 / 2) = 2, floor(1.5 x 10 / 2) = 7.
    const bars = sampleBars(11, 4, 7);
    expect(bars).toEqual(expect.arrayContaining([2, 7]));
    expect(bars).toHaveLength(4);
    expect(new Set(bars).size).toBe(4);
    expect(bars).toEqual([...bars].sort((a, b) => a - b));
    expect(bars.every((t) => t >= 0 && t <= 9)).toBe(true);
    expect(sampleBars(11, 4, 7)).toEqual(bars);
    expect(sampleBars(11, 10, 3)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("another seed draws other random bars (the spread ones stay)", () => {
    const draws = new Set([1, 2, 3, 4, 5].map((seed) => sampleBars(101, 6, seed).join(",")));
    expect(draws.size).toBeGreaterThan(1);
  });

  it.each([
    [1, 1, "the data has 1 bar; a look-ahead test needs at least 2 (a bar t and a later bar to perturb)"],
    [
      5,
      20,
      "the data has 5 bars, so at most 4 can be sampled (t = 0..3: the last bar has no later bar to perturb), not 20",
    ],
    [50, 0, "expected a whole number of samples >= 1, got 0"],
  ])("%i bars, %i samples is an error saying why", (bars, samples, message) => {
    expect(() => sampleBars(bars, samples, 1)).toThrow(message);
  });
});
