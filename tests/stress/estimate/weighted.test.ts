import { describe, expect, it } from "vitest";
import { gaussian, mulberry32 } from "../../../src/data/random.ts";
import { discreteFirstPassageProbability, longCallLevel } from "../../../src/stress/closed-form.ts";
import { wilsonInterval } from "../../../src/stress/estimate/proportion.ts";
import { weightedEventProbability, weightedProportion } from "../../../src/stress/estimate/weighted.ts";
import { quietChunk } from "../fixtures.ts";

describe("weightedProportion()", () => {
  it("weightedProportion() is the mean of w x 1{hit}, its standard error and Kish's ESS", () => {
    // w = 0.5 1 2 0.5, hits on paths 0 and 2: x = 0.5 0 2 0, mean 2.5 / 4 = 0.625;
    // deviations -0.125 -0.625 1.375 -0.625, squares 0.015625 + 0.390625 + 1.890625 + 0.390625 = 2.6875;
    // sd^2 = 2.6875 / 3 = 0.895833, SE = sqrt(0.895833 / 4) = 0.473242;
    // interval 0.625 -+ 1.959964 x 0.473242 = [-0.302 -> 0, 1.552 -> 1];
    // ESS = (0.5 + 1 + 2 + 0.5)^2 / (0.25 + 1 + 4 + 0.25) = 16 / 5.5 = 2.909091
    const estimate = weightedProportion(Float64Array.from([0.5, 1, 2, 0.5]), Uint8Array.from([1, 0, 1, 0]));
    expect(estimate.estimate).toBe(0.625);
    expect(estimate.standardError).toBeCloseTo(0.473242, 6);
    expect([estimate.low, estimate.high]).toEqual([0, 1]);
    expect(estimate.effectiveSampleSize).toBeCloseTo(16 / 5.5, 12);
    expect(estimate.hits).toBe(2);
  });

  it("weightedProportion() with every weight 1 is the plain share, ESS n, SE sqrt(p (1 - p) n / (n - 1)) / sqrt(n)", () => {
    // 1 hit in 5: mean 0.2, sd^2 = (0.64 + 4 x 0.04) / 4 = 0.2, SE = sqrt(0.2 / 5) = 0.2
    const estimate = weightedProportion(new Float64Array(5).fill(1), Uint8Array.from([0, 0, 1, 0, 0]));
    expect(estimate.estimate).toBe(0.2);
    expect(estimate.standardError).toBeCloseTo(0.2, 12);
    expect(estimate.effectiveSampleSize).toBe(5);
  });

  it("weightedProportion() refuses a negative or NaN weight, fewer than 2 paths and all weights 0", () => {
    const hits = Uint8Array.from([1, 0]);
    expect(() => weightedProportion(Float64Array.from([1, -0.5]), hits)).toThrow(
      "weighted estimate path 1 field=weight: must be finite and >= 0 (a likelihood ratio), got -0.5",
    );
    expect(() => weightedProportion(Float64Array.from([Number.NaN, 1]), hits)).toThrow(
      "weighted estimate path 0 field=weight: must be finite and >= 0 (a likelihood ratio), got NaN",
    );
    expect(() => weightedProportion(Float64Array.from([1]), Uint8Array.from([1]))).toThrow(
      "weighted estimate: needs at least 2 paths for a standard error, got 1",
    );
    expect(() => weightedProportion(new Float64Array(2), hits)).toThrow(
      "weighted estimate: every one of the 2 weights is 0; no path carries any probability",
    );
  });

  it("weightedEventProbability() reads the chunk's event bars and weights", () => {
    const chunk = quietChunk(4, {
      0: { weight: 0.5, bankruptBar: 3 },
      1: { weight: 1 },
      2: { weight: 2, bankruptBar: 0 },
      3: { weight: 0.5, firstMarginCallBar: 1 },
    });
    expect(weightedEventProbability(chunk, "bankrupt")).toEqual(
      weightedProportion(Float64Array.from([0.5, 1, 2, 0.5]), Uint8Array.from([1, 0, 1, 0])),
    );
  });
});

/**
 * A rare call: a 1.5x long (call level 4/9, longCallLevel), GBM with log drift m = 0.005 and
 * sigma s = 0.3 a year, 126 daily closes (T = 0.5). In log space X = m t + s W against the barrier
 * -b, b = ln(9/4) = 0.810930. Daily monitoring (BGK): b -> 0.810930 + 0.5826 x 0.3 x sqrt(1/252)
 * = 0.821940, P = Phi(-3.886449) + exp(-2 x 0.005 x 0.821940 / 0.09) Phi(-3.862879)
 * = 5.0861e-5 + 0.912719 x 5.6029e-5 = 1.0200e-4 (continuous: 1.2614e-4).
 */
describe("weightedProportion() on an importance-sampled Brownian first passage", () => {
  const m = 0.005;
  const s = 0.3;
  const steps = 126;
  const dt = 1 / 252;
  const b = -Math.log(longCallLevel(1.5, 0.25));
  const exact = discreteFirstPassageProbability({
    drift: m,
    volatility: s,
    barrier: b,
    horizon: steps * dt,
    step: dt,
  });
  const paths = 20_000;

  /**
   * Daily increments N(tilt dt, s^2 dt), stopped at the first close at or under -b. A path's
   * likelihood ratio, the product of N(m dt, s^2 dt) over N(tilt dt, s^2 dt) densities of its k
   * increments, is exp((m - tilt) / s^2 X_k - (m^2 - tilt^2) k dt / (2 s^2)); tilt = m gives 1.
   */
  function simulate(tilt: number, seed: number) {
    const random = mulberry32(seed);
    const weights = new Float64Array(paths);
    const hit = new Uint8Array(paths);
    for (let i = 0; i < paths; i++) {
      let x = 0;
      let k = 0;
      while (k < steps && x > -b) {
        x += tilt * dt + s * Math.sqrt(dt) * gaussian(random);
        k++;
      }
      hit[i] = x <= -b ? 1 : 0;
      weights[i] = Math.exp(((m - tilt) / (s * s)) * x - ((m * m - tilt * tilt) * k * dt) / (2 * s * s));
    }
    return { weights, hit };
  }

  // Tilted so the median path ends on the barrier: about half the paths hit (10,786 of them).
  const tilted = simulate(-b / (steps * dt), 1);
  const weighted = weightedProportion(tilted.weights, tilted.hit);

  it("the target's closed form is 1.0200e-4 with daily monitoring", () => {
    expect(b).toBeCloseTo(Math.log(9 / 4), 15);
    expect(exact).toBeCloseTo(1.0199970932e-4, 14);
  });

  it("weightedProportion() with the drift tilted to -b / T lands within 15 % of it from 20,000 paths, seed 1", () => {
    // 1.0468e-4 here, 2.6 % over; 400,000 tilted paths give 1.0375e-4 (BGK's own error, 1.7 %).
    expect(Math.abs(weighted.estimate - exact) / exact).toBeLessThan(0.15);
    expect(weighted.low).toBeLessThan(exact * 1.05);
    expect(weighted.high).toBeGreaterThan(exact * 0.95);
    expect(weighted.hits).toBe(10_786);
  });

  it("plain sampling of the same 20,000 paths sees a few hits and a Wilson interval far wider", () => {
    // 20,000 x 1.02e-4 = 2.0 hits expected; seed 1 draws 3.
    const plain = simulate(m, 1);
    expect(plain.weights.every((w) => Math.abs(w - 1) < 1e-12)).toBe(true);
    const hits = plain.hit.reduce((n, h) => n + h, 0);
    expect(hits).toBe(3);
    const wilson = wilsonInterval(hits, paths);
    // Wilson [5.1e-5, 4.4e-4] against the weighted [1.027e-4, 1.067e-4]: about 97 times as wide
    expect(wilson.high - wilson.low).toBeGreaterThan(50 * (weighted.high - weighted.low));
  });
});
