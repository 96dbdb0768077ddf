import { inverse, Matrix } from "ml-matrix";
import { mean } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { syntheticPanel } from "../../src/data/synthetic.ts";
import { fitGarch, fitGarchPanel, fitGbm, garchLogLikelihood } from "../../src/stress/fit.ts";
import { pathPanel } from "../../src/stress/path.ts";
import { resolveStressModel } from "../../src/stress/spec.ts";
import { closeToClose, simulate, spec } from "./helpers.ts";

describe("fitGarch()", () => {
  it("fitGarch() recovers (omega, alpha, beta) = (2e-6, 0.08, 0.90) from 20,000 simulated bars within 4 SE", () => {
    // The SEs are the fit's own: the inverse of the observed information (the numerical Hessian
    // of -log L at the estimate). At seed 12 they are 2.1e-7, 0.0041 and 0.0051; the estimates
    // 1.94e-6, 0.0814 and 0.8990 are within 0.4 SE.
    const truth = { omega: 2e-6, alpha: 0.08, beta: 0.9 };
    const model = spec({ model: "garch", symbols: ["A"], mu: 0, ...truth });
    const returns = closeToClose(simulate(model, 20_000, 12), 0);
    const fit = fitGarch(returns);
    const m = mean(returns);
    const e = returns.map((r) => r - m);
    const h1 = e.reduce((sum, x) => sum + x * x, 0) / (e.length - 1);
    const names = ["omega", "alpha", "beta"] as const;
    const at = names.map((name) => fit[name]);
    const logL = (x: number[]) => garchLogLikelihood(e, { omega: x[0], alpha: x[1], beta: x[2] }, h1);
    const steps = at.map((x) => x * 1e-3);
    const hessian = names.map((_, i) =>
      names.map((_, j) => {
        const shifted = (di: number, dj: number) => {
          const x = at.slice();
          x[i] += di * steps[i];
          x[j] += dj * steps[j];
          return logL(x);
        };
        return (
          (shifted(1, 1) - shifted(1, -1) - shifted(-1, 1) + shifted(-1, -1)) / (4 * steps[i] * steps[j])
        );
      }),
    );
    const covariance = inverse(new Matrix(hessian).mul(-1));
    names.forEach((name, i) => {
      const se = Math.sqrt(covariance.get(i, i));
      expect(se).toBeLessThan(truth[name] * 0.25); // the series is long enough to tell
      expect(Math.abs(fit[name] - truth[name])).toBeLessThan(4 * se);
    });
  });
});

describe("fitGarchPanel()", () => {
  it("fitGarchPanel() fits each asset's close-to-close returns, skipping pairs with a missing close", () => {
    const model = spec({
      model: "garch",
      symbols: ["A", "B"],
      mu: 0.05,
      omega: [2e-6, 5e-6],
      alpha: [0.08, 0.1],
      beta: [0.9, 0.85],
      ohlcv: { missingRate: 0.05 },
    });
    const { panel } = pathPanel(model, { path: 3, seed: 8, bars: 3000, start: "2010-01-04" });
    const fit = fitGarchPanel(panel, "simulated");
    for (const i of [0, 1]) {
      const returns: number[] = [];
      for (let t = 1; t < 3000; t++) {
        const [before, now] = [panel.close[(t - 1) * 2 + i], panel.close[t * 2 + i]];
        if (!Number.isNaN(before) && !Number.isNaN(now)) returns.push(Math.log(now / before));
      }
      expect(returns.length).toBeLessThan(2999); // some pairs were skipped
      const one = fitGarch(returns);
      expect([fit.omega[i], fit.alpha[i], fit.beta[i]]).toEqual([one.omega, one.alpha, one.beta]);
    }
  });
});

describe("fitGbm()", () => {
  it("fitGbm() recovers mu, sigma and the correlation of a simulated 5,000-bar panel", () => {
    // sigma 0.3: annualized sample sd has SE 0.3 / sqrt(2 x 5000) = 0.003; mu's SE is
    // 0.3 / sqrt(5000 / 252) = 0.067; the correlation 0.5's SE (1 - 0.25) / sqrt(5000) = 0.0106. 4 SE each.
    const model = spec({
      model: "gbm",
      symbols: ["A", "B"],
      mu: [0.08, -0.02],
      sigma: 0.3,
      correlation: [
        [1, 0.5],
        [0.5, 1],
      ],
    });
    const { panel } = pathPanel(model, { path: 0, seed: 4, bars: 5000, start: "2000-01-03" });
    const fit = fitGbm(panel, "simulated");
    [0.08, -0.02].forEach((mu, i) => {
      expect(Math.abs(fit.sigma[i] - 0.3)).toBeLessThan(4 * 0.003);
      expect(Math.abs(fit.mu[i] - mu)).toBeLessThan(4 * 0.067);
    });
    expect(fit.correlation[0][0]).toBe(1);
    expect(fit.correlation[0][1]).toBe(fit.correlation[1][0]);
    expect(Math.abs(fit.correlation[0][1] - 0.5)).toBeLessThan(4 * 0.0106);
    // The fit is a gbm input as it stands: symbols included.
    const refit = resolveStressModel({ model: "gbm", ...fit }, { source: "fitted" });
    expect(refit.symbols).toEqual(["A", "B"]);
  });

  it("fitGbm() refuses a panel with fewer than 60 returns, naming the asset", () => {
    const panel = syntheticPanel({ assets: 2, bars: 60 });
    expect(() => fitGbm(panel, "data/short.csv")).toThrow(
      "fit data/short.csv asset=S000: 59 daily returns (bars with a present close on the bar before), a fit needs >= 60",
    );
  });
});
