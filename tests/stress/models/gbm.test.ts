import cdf from "@stdlib/stats-base-dists-normal-cdf";
import { mean, sampleCorrelation, sampleVariance } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { closeToClose, simulate, spec } from "../helpers.ts";

/** Two assets, mu 0.10, sigma 0.20, correlation 0.6 (the first two tests' model). */
const TWO_CORRELATED = {
  model: "gbm",
  symbols: ["A", "B"],
  mu: 0.1,
  sigma: 0.2,
  correlation: [
    [1, 0.6],
    [0.6, 1],
  ],
} as const;

describe("gbm model", () => {
  it("gbm returns have mean (mu - sigma^2/2)/252, variance sigma^2/252 and the given correlation", () => {
    // mu 0.10, sigma 0.20, rho 0.6, 50,000 bars of one path (seed 17).
    // mean (0.10 - 0.02) / 252 = 3.1746e-4; variance 0.04 / 252 = 1.5873e-4, sd 0.012599.
    // SE of the mean 0.012599 / sqrt(5e4) = 5.63e-5; of the variance 1.5873e-4 sqrt(2 / 5e4) = 1.004e-6;
    // of the correlation (1 - 0.36) / sqrt(5e4) = 2.86e-3. Tolerances are 4 SE.
    const model = spec(TWO_CORRELATED);
    const r = simulate(model, 50_000, 17);
    const a = closeToClose(r, 0);
    const b = closeToClose(r, 1);
    for (const x of [a, b]) {
      expect(Math.abs(mean(x) - 3.1746e-4)).toBeLessThan(4 * 5.63e-5);
      expect(Math.abs(sampleVariance(x) - 1.5873e-4)).toBeLessThan(4 * 1.004e-6);
    }
    expect(Math.abs(sampleCorrelation(a, b) - 0.6)).toBeLessThan(4 * 2.86e-3);
    // The overnight share 0.2 (the default) of the variance: 0.2 x 1.5873e-4 = 3.1746e-5, SE 2.0e-7.
    const overnight = Array.from({ length: r.bars }, (_, t) => r.overnight[t * 2]);
    expect(Math.abs(sampleVariance(overnight) - 3.1746e-5)).toBeLessThan(4 * 2.0e-7);
    expect(r.logRatio).toBe(0);
  });

  it("gbm tilt shifts drifts along the Cholesky factors and returns log LR = -theta W_T^Q - theta^2 T / 2", () => {
    // mu 0.1, sigma 0.2, rho 0.6, theta = [-1, 0]; L = [[1, 0], [0.6, 0.8]]. Under Q asset A's
    // drift moves by 0.2 x 1 x -1 = -0.2 a year, B's by 0.2 x 0.6 x -1 = -0.12. Per bar means:
    // A (0.1 - 0.02 - 0.2) / 252 = -4.762e-4, B (0.1 - 0.02 - 0.12) / 252 = -1.587e-4; SE as
    // above 5.63e-5 over 50,000 bars, 4 SE.
    const model = spec({ ...TWO_CORRELATED, tilt: [-1, 0] });
    const bars = 50_000;
    const r = simulate(model, bars, 23);
    const [a, b] = [closeToClose(r, 0), closeToClose(r, 1)];
    expect(Math.abs(mean(a) + 4.762e-4)).toBeLessThan(4 * 5.63e-5);
    expect(Math.abs(mean(b) + 1.587e-4)).toBeLessThan(4 * 5.63e-5);
    // A is factor 1 alone, so its path gives the Q-Brownian motion exactly:
    // sum r_A = (mu - sigma^2 / 2) T + sigma (W_T^Q + theta T), T = bars / 252 years.
    const years = bars / 252;
    const sumA = a.reduce((x, y) => x + y, 0);
    const wQ = (sumA - 0.08 * years) / 0.2 + years; // theta = -1
    expect(r.logRatio).toBeCloseTo(wQ - years / 2, 8); // -(-1) W - (1) T / 2
  });

  it("gbm tilt: E_Q[LR] = 1 and E_Q[LR 1{log S_T/S_0 < -0.5}] estimates P(event) = Phi(-2.65)", () => {
    // One asset, mu 0.05, sigma 0.2, 252 bars (T = 1 year). Untilted, log S_T/S_0 ~ N(0.03, 0.04),
    // so P(log S_T/S_0 < -0.5) = Phi((-0.5 - 0.03) / 0.2) = Phi(-2.65) = 0.004025.
    const paths = 20_000;
    const terminal = (theta: number) => {
      const model = spec({ model: "gbm", symbols: ["A"], mu: 0.05, sigma: 0.2, tilt: theta });
      return Array.from({ length: paths }, (_, path) => {
        const r = simulate(model, 252, 31, path);
        return { logReturn: mean(closeToClose(r, 0)) * 252, ratio: Math.exp(r.logRatio) };
      });
    };
    // theta -1: LR = exp(W_T^Q - 1/2), Var_Q[LR] = e^1 - 1 = 1.718, SE sqrt(1.718 / 2e4) = 9.27e-3; 4 SE.
    const mild = terminal(-1);
    expect(Math.abs(mean(mild.map((p) => p.ratio)) - 1)).toBeLessThan(4 * 9.27e-3);
    // theta -2.65 centers the tilted law on the event; the estimate is within 4 of its own SEs, and
    // that SE is under a third of plain Monte Carlo's sqrt(p (1 - p) / n) = 4.48e-4.
    const p = cdf(-2.65, 0, 1);
    const weighted = terminal(-2.65).map((x) => (x.logReturn < -0.5 ? x.ratio : 0));
    const estimate = mean(weighted);
    const se = Math.sqrt(sampleVariance(weighted) / paths);
    expect(Math.abs(estimate - p)).toBeLessThan(4 * se);
    expect(se).toBeLessThan(4.48e-4 / 3);
  });
});
