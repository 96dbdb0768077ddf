// Stress model "merton": Merton jump-diffusion, the gbm diffusion plus jumps landing as gaps at
// the open. Parameters per asset: mu, sigma, correlation as gbm; jumpIntensity (lambda, jumps
// per year, >= 0), jumpMean (m) and jumpSd (s >= 0) of the log jump size. Jumps are independent
// across assets. Per bar, K ~ Poisson(lambda / 252) and the overnight log return gains
// K m + s sqrt(K) zeta (the sum of K normal log jumps). The drift is compensated,
//   r_i = (mu_i - sigma_i^2 / 2 - lambda_i kappa_i) d + sigma_i sqrt(d) (L z)_i,  kappa = e^(m + s^2/2) - 1,
// so E[S_T / S_0] = exp(mu T) as in gbm. Every bar draws one uniform (K by inversion) and one
// normal per asset, jump or not, so the draw order never depends on the jumps.
import type { ConfigPlace } from "../../config/errors.ts";
import { perAsset } from "../check.ts";
import { BARS_PER_YEAR, type PathModel } from "../path-model.ts";
import { diffusionScratch, diffusionStep, writeDiffusion } from "./diffusion.ts";
import { DIFFUSION_KEYS, resolveDiffusion } from "./gbm.ts";

export interface MertonParams {
  readonly mu: Float64Array;
  readonly sigma: Float64Array;
  readonly factor: Float64Array;
  readonly jumpIntensity: Float64Array;
  readonly jumpMean: Float64Array;
  readonly jumpSd: Float64Array;
}

export const MERTON_KEYS = [...DIFFUSION_KEYS, "jumpIntensity", "jumpMean", "jumpSd"] as const;

export function resolveMerton(at: ConfigPlace, obj: Record<string, unknown>, n: number): MertonParams {
  return {
    ...resolveDiffusion(at, obj, n),
    jumpIntensity: perAsset(at, obj, "jumpIntensity", n, { ge: 0 }),
    jumpMean: perAsset(at, obj, "jumpMean", n, {}),
    jumpSd: perAsset(at, obj, "jumpSd", n, { ge: 0 }),
  };
}

export function mertonModel(params: MertonParams, overnightShare: number): PathModel {
  const { mu, sigma, factor, jumpIntensity, jumpMean, jumpSd } = params;
  const n = mu.length;
  const scratch = diffusionScratch(n);
  const durations = [overnightShare / BARS_PER_YEAR, (1 - overnightShare) / BARS_PER_YEAR];
  const referenceVariance = Float64Array.from(sigma, (s) => s * s * durations[1]);
  const logDrift = Float64Array.from(mu, (m, i) => {
    const kappa = Math.exp(jumpMean[i] + (jumpSd[i] * jumpSd[i]) / 2) - 1;
    return m - (sigma[i] * sigma[i]) / 2 - jumpIntensity[i] * kappa;
  });
  const barJumpRate = Float64Array.from(jumpIntensity, (lambda) => lambda / BARS_PER_YEAR);
  return {
    referenceVariance,
    simulate(stream, out) {
      for (let t = 0; t < out.bars; t++) {
        const row = t * n;
        for (let part = 0; part < 2; part++) {
          const d = durations[part];
          diffusionStep(stream, factor, null, d, scratch);
          writeDiffusion(part === 0 ? out.overnight : out.intraday, row, logDrift, sigma, d, scratch.y);
        }
        for (let i = 0; i < n; i++) {
          const jumps = poisson(stream.uniform(), barJumpRate[i]);
          const zeta = stream.normal();
          out.overnight[row + i] += jumps * jumpMean[i] + jumpSd[i] * Math.sqrt(jumps) * zeta;
        }
        out.intradayVariance.set(referenceVariance, row);
      }
      return 0;
    },
  };
}

/** Poisson(rate) by inversion of one uniform u in [0, 1): the smallest k with CDF(k) > u. */
export function poisson(u: number, rate: number): number {
  let k = 0;
  let p = Math.exp(-rate);
  let cdf = p;
  while (u >= cdf && p > 0) {
    k++;
    p *= rate / k;
    cdf += p;
  }
  return k;
}
