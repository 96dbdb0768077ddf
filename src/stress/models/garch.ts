// Stress model "garch": GARCH(1,1) volatility clustering, per asset, with correlated shocks.
// Parameters per asset: mu (arithmetic drift per year), omega (> 0, daily variance units),
// alpha (>= 0), beta (>= 0) with alpha + beta < 1; correlation (default identity). Per bar,
// with conditional daily variance h_t and correlated unit shocks u (overnight) and v (intraday),
//   overnight = (mu / 252 - h_t / 2) f + sqrt(f h_t) u,  intraday = (mu / 252 - h_t / 2)(1 - f) + sqrt((1 - f) h_t) v,
//   eps_t = sqrt(f h_t) u + sqrt((1 - f) h_t) v,  h_{t+1} = omega + alpha eps_t^2 + beta h_t,
// starting at the stationary variance h_0 = omega / (1 - alpha - beta).

import { field } from "../../config/check.ts";
import type { ConfigPlace } from "../../config/errors.ts";
import { perAsset } from "../check.ts";
import { choleskyFactor, identityFactor } from "../correlation.ts";
import { notStationary } from "../errors.ts";
import { BARS_PER_YEAR, type PathModel } from "../path-model.ts";
import { diffusionScratch, diffusionStep } from "./diffusion.ts";

export interface GarchParams {
  readonly mu: Float64Array;
  readonly omega: Float64Array;
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  readonly factor: Float64Array;
}

export const GARCH_KEYS = ["mu", "omega", "alpha", "beta", "correlation"] as const;

export function resolveGarch(at: ConfigPlace, obj: Record<string, unknown>, n: number): GarchParams {
  const alpha = perAsset(at, obj, "alpha", n, { ge: 0 });
  const beta = perAsset(at, obj, "beta", n, { ge: 0 });
  for (let i = 0; i < n; i++)
    if (!(alpha[i] + beta[i] < 1))
      throw notStationary({ ...at, field: n === 1 ? "alpha" : `alpha[${i}]` }, alpha[i], beta[i]);
  const [place, correlation] = field(at, obj, "correlation", null);
  return {
    mu: perAsset(at, obj, "mu", n, {}),
    omega: perAsset(at, obj, "omega", n, { gt: 0 }),
    alpha,
    beta,
    factor: correlation === null ? identityFactor(n) : choleskyFactor(place, correlation, n),
  };
}

export function garchModel(params: GarchParams, overnightShare: number): PathModel {
  const { mu, omega, alpha, beta, factor } = params;
  const n = mu.length;
  const f = overnightShare;
  const shocks = diffusionScratch(n);
  const overnightShock = new Float64Array(n);
  const variance = new Float64Array(n);
  const stationary = Float64Array.from(omega, (w, i) => w / (1 - alpha[i] - beta[i]));
  return {
    referenceVariance: Float64Array.from(stationary, (h) => (1 - f) * h),
    simulate(stream, out) {
      variance.set(stationary);
      for (let t = 0; t < out.bars; t++) {
        const row = t * n;
        diffusionStep(stream, factor, null, 1, shocks);
        overnightShock.set(shocks.y);
        diffusionStep(stream, factor, null, 1, shocks);
        for (let i = 0; i < n; i++) {
          const h = variance[i];
          const drift = mu[i] / BARS_PER_YEAR - h / 2;
          const overnightNoise = Math.sqrt(f * h) * overnightShock[i];
          const intradayNoise = Math.sqrt((1 - f) * h) * shocks.y[i];
          out.overnight[row + i] = drift * f + overnightNoise;
          out.intraday[row + i] = drift * (1 - f) + intradayNoise;
          out.intradayVariance[row + i] = (1 - f) * h;
          const eps = overnightNoise + intradayNoise;
          variance[i] = omega[i] + alpha[i] * eps * eps + beta[i] * h;
        }
      }
      return 0;
    },
  };
}
