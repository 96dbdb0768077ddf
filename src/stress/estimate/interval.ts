// `assay stress`: the 95 % intervals every estimator reports, and the normal quantile they use.
import quantile from "@stdlib/stats-base-dists-normal-quantile";

/** Phi^-1(0.975) = 1.959964: a two-sided 95 % normal interval is estimate +- Z_95 x standard error. */
export const Z_95 = quantile(0.975, 0, 1);

/** A probability's point estimate and its 95 % interval, inside [0, 1]. */
export interface Interval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/** estimate +- Z_95 x standardError, clipped to [0, 1] (a probability cannot leave it). */
export function normalInterval(estimate: number, standardError: number): Interval {
  return {
    estimate,
    low: Math.max(0, estimate - Z_95 * standardError),
    high: Math.min(1, estimate + Z_95 * standardError),
  };
}
