// Stress fitting (issue 13): model parameters from a loaded panel's daily close-to-close log
// returns r_t = log(close_t / close_{t-1}), over the bars where the asset has both closes.
// Annualized with 252 bars a year: sigma^2 = 252 var(r), mu = 252 mean(r) + sigma^2 / 2 (the
// arithmetic drift of the gbm whose log returns have that mean). The correlation matrix is the
// sample Pearson correlation over the bars where every asset has both closes. GARCH(1,1) by
// Gaussian quasi-maximum likelihood on the demeaned returns e_t, h_1 = var(e),
//   -log L = 1/2 sum_t (log h_t + e_t^2 / h_t),  h_{t+1} = omega + alpha e_t^2 + beta h_t,
// minimized by nelder-mead.ts over omega = exp(x0), alpha = e^x1 / D, beta = e^x2 / D,
// D = 1 + e^x1 + e^x2, which keeps omega > 0, alpha, beta > 0 and alpha + beta < 1.
import { mean, sampleCorrelation, sampleVariance } from "simple-statistics";
import type { Panel } from "../model/panel.ts";
import { tooFewReturns } from "./errors.ts";
import { nelderMead } from "./nelder-mead.ts";
import { BARS_PER_YEAR } from "./path-model.ts";

/** Fewer daily returns than this make the fit an error. */
export const MIN_FIT_RETURNS = 60;

/** A complete gbm input but for `model`: `{ model: "gbm", ...fitGbm(panel, source) }` resolves. */
export interface GbmFit {
  readonly symbols: readonly string[];
  readonly mu: number[];
  readonly sigma: number[];
  readonly correlation: number[][];
}

export interface GarchFit {
  readonly omega: number;
  readonly alpha: number;
  readonly beta: number;
}

/** The panel's symbols, per-asset mu and sigma (per year) and the correlation matrix, as gbm's input. */
export function fitGbm(panel: Panel, source: string): GbmFit {
  const n = panel.symbols.length;
  const perAsset = panel.symbols.map((symbol, i) => {
    const r = closeReturns(panel, i, source);
    const sigma = Math.sqrt(BARS_PER_YEAR * sampleVariance(r));
    return { mu: BARS_PER_YEAR * mean(r) + (sigma * sigma) / 2, sigma, symbol };
  });
  const joint = jointCloseReturns(panel, source);
  const correlation = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : sampleCorrelation(joint[i], joint[j]))),
  );
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) correlation[j][i] = correlation[i][j];
  return {
    symbols: panel.symbols,
    mu: perAsset.map((a) => a.mu),
    sigma: perAsset.map((a) => a.sigma),
    correlation,
  };
}

/** GARCH(1,1) of each asset's close-to-close returns, as garch's omega, alpha, beta per asset. */
export function fitGarchPanel(
  panel: Panel,
  source: string,
): { omega: number[]; alpha: number[]; beta: number[] } {
  const fits = panel.symbols.map((_, i) => fitGarch(closeReturns(panel, i, source)));
  return { omega: fits.map((f) => f.omega), alpha: fits.map((f) => f.alpha), beta: fits.map((f) => f.beta) };
}

/** GARCH(1,1) by Gaussian QML of a return series (>= MIN_FIT_RETURNS, checked by the callers). */
export function fitGarch(returns: readonly number[]): GarchFit {
  const m = mean(returns);
  const e = Float64Array.from(returns, (r) => r - m);
  const variance = sampleVariance(returns);
  const decode = ([x0, x1, x2]: readonly number[]): GarchFit => {
    const d = 1 + Math.exp(x1) + Math.exp(x2);
    return { omega: Math.exp(x0), alpha: Math.exp(x1) / d, beta: Math.exp(x2) / d };
  };
  // Per observation, so the minimizer's tolerance does not scale with the series length.
  const negLogLikelihood = (x: readonly number[]) => -garchLogLikelihood(e, decode(x), variance) / e.length;
  // Start at alpha 0.05, beta 0.90 with the sample variance as the stationary one.
  const start = [Math.log(0.05 * variance), Math.log(0.05 / 0.05), Math.log(0.9 / 0.05)];
  return decode(nelderMead(negLogLikelihood, start, { step: 0.5, tolerance: 1e-12 }).x);
}

/** log L = -1/2 sum_t (log h_t + e_t^2 / h_t) of demeaned returns e, from h_1 = h1 (constants dropped). */
export function garchLogLikelihood(
  e: ArrayLike<number>,
  { omega, alpha, beta }: GarchFit,
  h1: number,
): number {
  let h = h1;
  let sum = 0;
  for (let t = 0; t < e.length; t++) {
    sum += Math.log(h) + (e[t] * e[t]) / h;
    h = omega + alpha * e[t] * e[t] + beta * h;
  }
  return -sum / 2;
}

/** Close-to-close log returns of asset i where both closes are present. */
function closeReturns(panel: Panel, i: number, source: string): number[] {
  const n = panel.symbols.length;
  const out: number[] = [];
  for (let t = 1; t < panel.times.length; t++) {
    const before = panel.close[(t - 1) * n + i];
    const now = panel.close[t * n + i];
    if (!Number.isNaN(before) && !Number.isNaN(now)) out.push(Math.log(now / before));
  }
  if (out.length < MIN_FIT_RETURNS)
    throw tooFewReturns(source, panel.symbols[i], out.length, MIN_FIT_RETURNS);
  return out;
}

/** Per asset, the returns over the bars where every asset has both closes. */
function jointCloseReturns(panel: Panel, source: string): number[][] {
  const n = panel.symbols.length;
  const rows: number[] = [];
  for (let t = 1; t < panel.times.length; t++) {
    let complete = true;
    for (let i = 0; i < n && complete; i++)
      complete = !Number.isNaN(panel.close[(t - 1) * n + i]) && !Number.isNaN(panel.close[t * n + i]);
    if (complete) rows.push(t);
  }
  if (rows.length < MIN_FIT_RETURNS)
    throw tooFewReturns(source, "all (the correlation's joint bars)", rows.length, MIN_FIT_RETURNS);
  return panel.symbols.map((_, i) =>
    rows.map((t) => Math.log(panel.close[t * n + i] / panel.close[(t - 1) * n + i])),
  );
}
