// Stress model "gbm": correlated geometric Brownian motion. Parameters per asset: mu (arithmetic
// drift per year), sigma (vol per year, >= 0); correlation (N x N, default identity); tilt
// (optional, theta_j per Cholesky factor j, per sqrt(year): importance sampling, diffusion.ts).
// Over a part of a bar lasting d years (overnight: share f of 1/252, intraday: 1 - f):
//   r_i = (mu_i - sigma_i^2 / 2) d + sigma_i sqrt(d) (L x)_i,  x_j = zeta_j + theta_j sqrt(d),
// so E_P[S_T / S_0] = exp(mu T) and each bar's log return has variance sigma_i^2 / 252.
import { field, own } from "../../config/check.ts";
import type { ConfigPlace } from "../../config/errors.ts";
import { perAsset } from "../check.ts";
import { choleskyFactor, identityFactor } from "../correlation.ts";
import { BARS_PER_YEAR, type PathModel } from "../path-model.ts";
import { diffusionScratch, diffusionStep, gbmLogDrift, writeDiffusion } from "./diffusion.ts";

export interface GbmParams {
  readonly mu: Float64Array;
  readonly sigma: Float64Array;
  /** Lower Cholesky factor of the correlation matrix, row-major N x N. */
  readonly factor: Float64Array;
  readonly tilt: Float64Array | null;
}

/** The keys of a diffusion's parameters (gbm, merton, a regime's state). */
export const DIFFUSION_KEYS = ["mu", "sigma", "correlation"] as const;
export const GBM_KEYS = [...DIFFUSION_KEYS, "tilt"] as const;

/** mu, sigma and correlation (default identity) of a diffusive model. */
export function resolveDiffusion(at: ConfigPlace, obj: Record<string, unknown>, n: number) {
  const [place, correlation] = field(at, obj, "correlation", null);
  return {
    mu: perAsset(at, obj, "mu", n, {}),
    sigma: perAsset(at, obj, "sigma", n, { ge: 0 }),
    factor: correlation === null ? identityFactor(n) : choleskyFactor(place, correlation, n),
  };
}

export function resolveGbm(at: ConfigPlace, obj: Record<string, unknown>, n: number): GbmParams {
  const tilt = own(obj, "tilt") === undefined ? null : perAsset(at, obj, "tilt", n, {});
  return { ...resolveDiffusion(at, obj, n), tilt };
}

export function gbmModel(params: GbmParams, overnightShare: number): PathModel {
  const { mu, sigma, factor, tilt } = params;
  const n = mu.length;
  const scratch = diffusionScratch(n);
  const durations = [overnightShare / BARS_PER_YEAR, (1 - overnightShare) / BARS_PER_YEAR];
  const referenceVariance = Float64Array.from(sigma, (s) => s * s * durations[1]);
  const logDrift = gbmLogDrift(mu, sigma);
  return {
    referenceVariance,
    simulate(stream, out) {
      let logRatio = 0;
      for (let t = 0; t < out.bars; t++) {
        const row = t * n;
        for (let part = 0; part < 2; part++) {
          const d = durations[part];
          logRatio += diffusionStep(stream, factor, tilt, d, scratch);
          writeDiffusion(part === 0 ? out.overnight : out.intraday, row, logDrift, sigma, d, scratch.y);
        }
        out.intradayVariance.set(referenceVariance, row);
      }
      return logRatio;
    },
  };
}
