import { describe, expect, it } from "vitest";
import { poisson } from "../../../src/stress/models/merton.ts";
import { simulate, spec } from "../helpers.ts";

describe("merton model", () => {
  it("merton jumps arrive at lambda / 252 per bar, as gaps at the open", () => {
    // sigma 0, jumpSd 0, jumpMean 0.05, lambda 25 a year: a bar's overnight return is the
    // compensated drift plus 0.05 K, K ~ Poisson(25/252 = 0.099206). 100,000 bars: the mean of K
    // has SE sqrt(0.099206 / 1e5) = 9.96e-4; P(K = 0) = e^-0.099206 = 0.905554 has SE
    // sqrt(0.905554 x 0.094446 / 1e5) = 9.25e-4. Tolerances 4 SE.
    const model = spec({
      model: "merton",
      symbols: ["A"],
      mu: 0,
      sigma: 0,
      jumpIntensity: 25,
      jumpMean: 0.05,
      jumpSd: 0,
    });
    const bars = 100_000;
    const r = simulate(model, bars, 8);
    // Compensated log drift -lambda kappa = -25 (e^0.05 - 1) = -1.281777 a year; overnight share 0.2.
    const driftOvernight = (-25 * (Math.exp(0.05) - 1) * 0.2) / 252;
    const jumps = Array.from(r.overnight, (x) => Math.round((x - driftOvernight) / 0.05));
    expect(jumps.every((k, t) => Math.abs(r.overnight[t] - driftOvernight - 0.05 * k) < 1e-12)).toBe(true);
    expect(Math.abs(jumps.reduce((a, b) => a + b, 0) / bars - 0.099206)).toBeLessThan(4 * 9.96e-4);
    expect(Math.abs(jumps.filter((k) => k === 0).length / bars - 0.905554)).toBeLessThan(4 * 9.25e-4);
    expect(r.intraday.every((x) => Math.abs(x - (-25 * (Math.exp(0.05) - 1) * 0.8) / 252) < 1e-15)).toBe(
      true,
    );
  });

  it("poisson() inverts the CDF: rate 1 gives 0 below e^-1 = 0.3679, 1 below 2e^-1 = 0.7358, then 2", () => {
    expect(poisson(0.3678, 1)).toBe(0);
    expect(poisson(0.3679, 1)).toBe(1);
    expect(poisson(0.7357, 1)).toBe(1);
    expect(poisson(0.7358, 1)).toBe(2);
    expect(poisson(0.999, 0)).toBe(0);
  });
});
