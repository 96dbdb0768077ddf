// Stress paths (issue 13): one correlated Brownian step, shared by the diffusive models. Draws
// n independent standard normals zeta_j, optionally tilted (importance sampling), and writes the
// correlated unit-variance shocks y = L x, where x_j = zeta_j + theta_j sqrt(d) is the factor
// increment in units of sqrt(d).
//
// Tilt (exponential tilting of factor j's Brownian motion W_j by theta_j per unit time): under
// the sampling measure Q, W_j has drift theta_j, so its increment over d is theta_j d + sqrt(d)
// zeta_j. Per step the density ratio is dP/dQ = exp(-theta_j sqrt(d) zeta_j - theta_j^2 d / 2);
// over a path with independent increments the logs add to -theta_j W_T^Q - theta_j^2 T / 2.
import { correlate } from "../correlation.ts";
import type { PathStream } from "../stream.ts";

export interface DiffusionScratch {
  readonly z: Float64Array;
  readonly y: Float64Array;
}

export function diffusionScratch(n: number): DiffusionScratch {
  return { z: new Float64Array(n), y: new Float64Array(n) };
}

/**
 * Leaves L x in scratch.y for one step of duration `d` (years). `tilt` (theta_j per factor) or
 * null; returns the step's log dP/dQ (0 untilted).
 */
export function diffusionStep(
  stream: PathStream,
  factor: Float64Array,
  tilt: Float64Array | null,
  d: number,
  scratch: DiffusionScratch,
): number {
  const { z, y } = scratch;
  const n = z.length;
  let logRatio = 0;
  if (tilt === null) {
    for (let j = 0; j < n; j++) z[j] = stream.normal();
  } else {
    const sqrtD = Math.sqrt(d);
    for (let j = 0; j < n; j++) {
      const zeta = stream.normal();
      const shift = tilt[j] * sqrtD;
      z[j] = zeta + shift;
      logRatio -= shift * zeta + (shift * shift) / 2;
    }
  }
  correlate(factor, z, y, n);
  return logRatio;
}

/** target[row + i] = logDrift_i d + sigma_i sqrt(d) y_i: one part of a bar for every asset. */
export function writeDiffusion(
  target: Float64Array,
  row: number,
  logDrift: Float64Array,
  sigma: Float64Array,
  d: number,
  y: Float64Array,
): void {
  const sqrtD = Math.sqrt(d);
  for (let i = 0; i < logDrift.length; i++) target[row + i] = logDrift[i] * d + sigma[i] * sqrtD * y[i];
}

/** mu_i - sigma_i^2 / 2: the log drift per year of a gbm with arithmetic drift mu. */
export function gbmLogDrift(mu: Float64Array, sigma: Float64Array): Float64Array {
  return Float64Array.from(mu, (m, i) => m - (sigma[i] * sigma[i]) / 2);
}
