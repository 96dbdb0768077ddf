import cdf from "@stdlib/stats-base-dists-normal-cdf";
import quantile from "@stdlib/stats-base-dists-normal-quantile";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { describe, expect, it } from "vitest";
import {
  BLOCK_AREA,
  BLOCKS,
  EDGE,
  EXP_BLOCK_AREA,
  EXP_BLOCKS,
  EXP_EDGE,
  EXP_HEIGHT,
  EXP_INSIDE,
  EXP_TAIL_START,
  INSIDE,
  normalTail,
  TAIL_START,
  zigguratExponential,
  zigguratNormal,
} from "../../src/stress/ziggurat.ts";

const density = (x: number) => Math.exp(-0.5 * x * x);
const DRAWS = 4_000_000;
const BINS = 200;

/** DRAWS normals from `sample` over one fixed generator. */
function draws(sample: (rng: RandomGenerator, uniform: () => number) => number): Float64Array {
  const rng = xoroshiro128plusFromState([0x1234567, -0x7654321, 0x2468ace, -0x13579bd]);
  const uniform = () => uniformFloat64(rng);
  return Float64Array.from({ length: DRAWS }, () => sample(rng, uniform));
}

/** Pearson's chi-square over BINS bins of equal probability under `distribution` (normal by default). */
function chiSquare(z: Float64Array, distribution: (x: number) => number = (x) => cdf(x, 0, 1)): number {
  const counts = new Float64Array(BINS);
  for (const x of z) counts[Math.min(BINS - 1, Math.floor(distribution(x) * BINS))]++;
  const expected = z.length / BINS;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

/** Draws beyond |x| > 3.8, where the base block's tail sampler is the only source. */
const farTail = (z: Float64Array) => z.filter((x) => Math.abs(x) > 3.8).length;

// Chi-square with 199 degrees of freedom: mean 199, sd sqrt(398) = 20; its 0.999 quantile is
// about 267. Beyond 3.8: 2 (1 - Phi(3.8)) = 1.447e-4, so 579 of 4 x 10^6 draws, sd 24; the band
// is 4 sd. (At 10^6 draws a ziggurat accepting every wedge point scores only about 260.)
const CHI_SQUARE_999 = 267;
const FAR_TAIL_EXPECTED = 2 * (1 - cdf(3.8, 0, 1)) * DRAWS;
const FAR_TAIL_BAND = 4 * Math.sqrt(FAR_TAIL_EXPECTED);

describe("zigguratNormal()", () => {
  it("zigguratNormal()'s blocks each have area V: x_i (f(x_{i+1}) - f(x_i)), and the base R f(R) plus the tail", () => {
    // The tail's area under f = exp(-x^2/2): sqrt(2 pi) (1 - Phi(R)).
    const tailArea = Math.sqrt(2 * Math.PI) * (1 - cdf(TAIL_START, 0, 1));
    expect(TAIL_START * density(TAIL_START) + tailArea).toBeCloseTo(BLOCK_AREA, 9);
    expect(EDGE[0] * density(TAIL_START)).toBeCloseTo(BLOCK_AREA, 12);
    for (let i = 1; i < BLOCKS - 1; i++)
      expect(EDGE[i] * (density(EDGE[i + 1]) - density(EDGE[i]))).toBeCloseTo(BLOCK_AREA, 9);
    // The top block reaches the density's peak f(0) = 1 from x_127.
    expect(EDGE[BLOCKS - 1] * (1 - density(EDGE[BLOCKS - 1]))).toBeCloseTo(BLOCK_AREA, 9);
    expect(EDGE[BLOCKS]).toBe(0);
  });

  it("zigguratNormal() passes a chi-square test of normality over 200 equal-probability bins, and the far tail", () => {
    const z = draws(zigguratNormal);
    expect(chiSquare(z)).toBeLessThan(CHI_SQUARE_999);
    expect(Math.abs(farTail(z) - FAR_TAIL_EXPECTED)).toBeLessThan(FAR_TAIL_BAND);
    // Mean 0 and variance 1 to 4 standard errors (5e-4 and 7.1e-4 at 4 x 10^6 draws).
    const mean = z.reduce((a, x) => a + x, 0) / DRAWS;
    const variance = z.reduce((a, x) => a + x * x, 0) / DRAWS;
    expect(Math.abs(mean)).toBeLessThan(4 * 5e-4);
    expect(Math.abs(variance - 1)).toBeLessThan(4 * 7.1e-4);
  });

  it("the same tests fail a ziggurat that accepts every wedge point, and one that never samples the tail", () => {
    const mutant =
      (acceptWedges: boolean, tail: boolean) => (rng: RandomGenerator, uniform: () => number) => {
        for (;;) {
          const a = rng.next();
          const b = rng.next();
          const i = a & (BLOCKS - 1);
          const u = 2 * ((a >>> 7) * 2 ** -25 + (b >>> 5) * 2 ** -52) - 1;
          if (Math.abs(u) < INSIDE[i]) return u * EDGE[i];
          if (i === 0) return tail ? normalTail(uniform, u < 0) : u * EDGE[0];
          const x = u * EDGE[i];
          if (acceptWedges) return x;
          const atEdge = Math.exp(-0.5 * (EDGE[i] * EDGE[i] - x * x));
          const atNext = Math.exp(-0.5 * (EDGE[i + 1] * EDGE[i + 1] - x * x));
          if (atNext + uniform() * (atEdge - atNext) < 1) return x;
        }
      };
    expect(chiSquare(draws(mutant(true, true)))).toBeGreaterThan(CHI_SQUARE_999);
    // Without the tail sampler nothing lies beyond x_0 = V / f(R) = 3.713.
    expect(farTail(draws(mutant(false, false)))).toBeLessThan(FAR_TAIL_EXPECTED - FAR_TAIL_BAND);
    // The quantile at 1 - 1e-4 (3.719) is past x_0: the check sees where the tail was cut.
    expect(quantile(1 - 1e-4, 0, 1)).toBeGreaterThan(EDGE[0]);
  });
});

// Exp(1): F(x) = 1 - exp(-x). Beyond R = 7.697 (the tail sampler's alone): exp(-R) = 4.54e-4, so
// 1,816 of 4 x 10^6 draws, sd 42.6; the band is 4 sd. Mean 1 (se 5e-4 at 4 x 10^6 draws); second
// moment E X^2 = 2 with Var X^2 = E X^4 - 4 = 24 - 4 = 20, so se sqrt(20 / 4e6) = 2.24e-3.
const exponentialCdf = (x: number) => 1 - Math.exp(-x);
const EXP_FAR_TAIL_EXPECTED = Math.exp(-EXP_TAIL_START) * DRAWS;
const EXP_FAR_TAIL_BAND = 4 * Math.sqrt(EXP_FAR_TAIL_EXPECTED);
const beyondTailStart = (x: Float64Array) => x.filter((v) => v > EXP_TAIL_START).length;

describe("zigguratExponential()", () => {
  it("its blocks each have area V: x_i (f(x_{i+1}) - f(x_i)), and the base R f(R) plus the tail", () => {
    const f = (x: number) => Math.exp(-x);
    // The tail's area under exp(-x) past R is exp(-R).
    expect(EXP_TAIL_START * f(EXP_TAIL_START) + f(EXP_TAIL_START)).toBeCloseTo(EXP_BLOCK_AREA, 12);
    expect(EXP_EDGE[0] * f(EXP_TAIL_START)).toBeCloseTo(EXP_BLOCK_AREA, 12);
    for (let i = 1; i < EXP_BLOCKS - 1; i++) {
      expect(EXP_EDGE[i] * (f(EXP_EDGE[i + 1]) - f(EXP_EDGE[i]))).toBeCloseTo(EXP_BLOCK_AREA, 12);
      expect(EXP_HEIGHT[i]).toBe(f(EXP_EDGE[i]));
    }
    // The top block reaches the density's peak f(0) = 1 from x_255.
    expect(EXP_EDGE[EXP_BLOCKS - 1] * (1 - f(EXP_EDGE[EXP_BLOCKS - 1]))).toBeCloseTo(EXP_BLOCK_AREA, 12);
    expect(EXP_EDGE[EXP_BLOCKS]).toBe(0);
  });

  it("passes a chi-square test over 200 equal-probability bins, the tail past R, and its first two moments", () => {
    const x = draws(zigguratExponential);
    expect(x.reduce((low, v) => Math.min(low, v), Number.POSITIVE_INFINITY)).toBeGreaterThanOrEqual(0);
    expect(chiSquare(x, exponentialCdf)).toBeLessThan(CHI_SQUARE_999);
    expect(Math.abs(beyondTailStart(x) - EXP_FAR_TAIL_EXPECTED)).toBeLessThan(EXP_FAR_TAIL_BAND);
    const mean = x.reduce((a, v) => a + v, 0) / DRAWS;
    const second = x.reduce((a, v) => a + v * v, 0) / DRAWS;
    expect(Math.abs(mean - 1)).toBeLessThan(4 * 5e-4);
    expect(Math.abs(second - 2)).toBeLessThan(4 * 2.24e-3);
  });

  it("the same tests fail one that accepts every wedge point, and one that never samples the tail", () => {
    const mutant =
      (acceptWedges: boolean, tail: boolean) => (rng: RandomGenerator, uniform: () => number) => {
        for (;;) {
          const a = rng.next();
          const b = rng.next();
          const i = a & (EXP_BLOCKS - 1);
          const u = (a >>> 8) * 2 ** -24 + (b >>> 3) * 2 ** -53;
          if (u < EXP_INSIDE[i]) return u * EXP_EDGE[i];
          if (i === 0) return tail ? EXP_TAIL_START - Math.log(1 - uniform()) : u * EXP_EDGE[0];
          const v = u * EXP_EDGE[i];
          if (acceptWedges) return v;
          if (EXP_HEIGHT[i] + uniform() * (EXP_HEIGHT[i + 1] - EXP_HEIGHT[i]) < Math.exp(-v)) return v;
        }
      };
    expect(chiSquare(draws(mutant(true, true)), exponentialCdf)).toBeGreaterThan(CHI_SQUARE_999);
    // Without the tail sampler nothing lies beyond x_0 = V / f(R) = 8.697.
    const cut = draws(mutant(false, false));
    expect(cut.reduce((high, v) => Math.max(high, v), 0)).toBeLessThanOrEqual(EXP_EDGE[0]);
    expect(cut.filter((v) => v > EXP_EDGE[0] - 0.3).length).toBeLessThan(
      Math.exp(-(EXP_EDGE[0] - 0.3)) * DRAWS - 4 * Math.sqrt(Math.exp(-(EXP_EDGE[0] - 0.3)) * DRAWS),
    );
  });
});
