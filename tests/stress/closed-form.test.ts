import { describe, expect, it } from "vitest";
import {
  BGK_BETA,
  discreteFirstPassageProbability,
  firstPassageProbability,
  longCallLevel,
} from "../../src/stress/closed-form.ts";

describe("longCallLevel()", () => {
  it("longCallLevel() puts a 3x long under 25 % maintenance in call below 8/9 of its entry", () => {
    // equity 1 buys 3 units at S0 = 1 (IM 0.3 x 3 = 0.9 <= 1): cash 1 - 3 = -2, equity 3S - 2;
    // call when 3S - 2 < 0.25 x 3S = 0.75S, i.e. 2.25S < 2, S < 2 / 2.25 = 8/9 = 0.888889
    expect(longCallLevel(3, 0.25)).toBeCloseTo(8 / 9, 15);
    // 1.5x: equity 1.5S - 0.5 < 0.375S when S < 0.5 / 1.125 = 4/9
    expect(longCallLevel(1.5, 0.25)).toBeCloseTo(4 / 9, 15);
  });

  it("longCallLevel() refuses a leverage of at most 1 and a maintenance outside [0, 1)", () => {
    expect(() => longCallLevel(1, 0.25)).toThrow(
      "call level field=leverage: must be finite and > 1 (a levered long), got 1",
    );
    expect(() => longCallLevel(2, 1)).toThrow("call level field=maintLong: must be in [0, 1), got 1");
  });
});

describe("firstPassageProbability()", () => {
  it("firstPassageProbability() without drift is the reflection principle's 2 Phi(-b / (s sqrt T))", () => {
    // b = 0.3, s = 0.3, T = 1: 2 Phi(-1) = 2 x 0.158655 = 0.317311
    expect(firstPassageProbability({ drift: 0, volatility: 0.3, barrier: 0.3, horizon: 1 })).toBeCloseTo(
      0.3173105078629141,
      12,
    );
  });

  it("firstPassageProbability() with drift adds the reflected term exp(-2mb/s^2)", () => {
    // m = 0.1, s = 0.2, b = 0.1, T = 2: s sqrt T = 0.282843;
    // Phi((-0.1 - 0.2) / 0.282843) = Phi(-1.060660) = 0.144422;
    // exp(-2 x 0.1 x 0.1 / 0.04) = exp(-0.5) = 0.606531; Phi((-0.1 + 0.2) / 0.282843) = Phi(0.353553) = 0.638163;
    // P = 0.144422 + 0.606531 x 0.638163 = 0.144422 + 0.387066 = 0.531488
    expect(firstPassageProbability({ drift: 0.1, volatility: 0.2, barrier: 0.1, horizon: 2 })).toBeCloseTo(
      0.531488,
      5,
    );
  });

  it("firstPassageProbability() reproduces the issue's example: a 3x long called within a year, 0.690 continuous, 0.663 daily", () => {
    // GBM with arithmetic drift 0.05 and sigma 0.3: log drift m = 0.05 - 0.3^2 / 2 = 0.005.
    // The call level 8/9 (longCallLevel above) in log space: b = ln(9/8) = 0.117783.
    // Continuous: (-b - m) / s = -0.409277, Phi = 0.341168; exp(-2 m b / s^2) = exp(-0.013087) = 0.986998;
    // (-b + m) / s = -0.375943, Phi = 0.353479: P = 0.341168 + 0.986998 x 0.353479 = 0.690052.
    // Daily (BGK): b + 0.5826 x 0.3 x sqrt(1/252) = 0.117783 + 0.011010 = 0.128793, the same
    // formula gives 0.662911.
    const passage = { drift: 0.05 - 0.3 ** 2 / 2, volatility: 0.3, barrier: Math.log(9 / 8), horizon: 1 };
    expect(firstPassageProbability(passage)).toBeCloseTo(0.6900518941613492, 12);
    expect(discreteFirstPassageProbability({ ...passage, step: 1 / 252 })).toBeCloseTo(
      0.6629107530001543,
      12,
    );
  });

  it("discreteFirstPassageProbability() is the continuous one at the barrier moved out by 0.5826 s sqrt(dt)", () => {
    const passage = { drift: -0.02, volatility: 0.25, barrier: 0.2, horizon: 0.5 };
    const shifted = 0.2 + BGK_BETA * 0.25 * Math.sqrt(1 / 52);
    expect(discreteFirstPassageProbability({ ...passage, step: 1 / 52 })).toBe(
      firstPassageProbability({ ...passage, barrier: shifted }),
    );
  });

  it("firstPassageProbability() refuses a barrier, volatility or horizon that is not > 0, and a bad step", () => {
    const passage = { drift: 0, volatility: 0.3, barrier: 0.1, horizon: 1 };
    expect(() => firstPassageProbability({ ...passage, barrier: -0.1 })).toThrow(
      "first passage field=barrier: must be finite and > 0, got -0.1",
    );
    expect(() => firstPassageProbability({ ...passage, volatility: Number.NaN })).toThrow(
      "first passage field=volatility: must be finite and > 0, got NaN",
    );
    expect(() => firstPassageProbability({ ...passage, drift: Number.POSITIVE_INFINITY })).toThrow(
      "first passage field=drift: must be finite, got Infinity",
    );
    expect(() => discreteFirstPassageProbability({ ...passage, step: 2 })).toThrow(
      "first passage field=step: must be finite, > 0 and <= the horizon 1, got 2",
    );
  });
});
