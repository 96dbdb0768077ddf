// The shape and tails of the period returns: VaR and expected shortfall (95%), tail ratio,
// skew and kurtosis, and the period win rate and profit factor; quantstats' definitions.
import quantile from "@stdlib/stats-base-dists-normal-quantile";
import { quantileSorted, sampleKurtosis, sampleSkewness, sampleStandardDeviation } from "simple-statistics";
import { meanOf } from "../series.ts";

export const CONFIDENCE = 0.95;

export interface DistributionMetrics {
  /** Parametric (normal) VaR of one period at 95%: the 5% quantile of N(mean, sd) (quantstats' value_at_risk). */
  readonly valueAtRisk: number | null;
  /** Mean of the returns below valueAtRisk, or valueAtRisk when none is (quantstats' cvar). */
  readonly expectedShortfall: number | null;
  /** |95th percentile / 5th percentile| of the returns, linear interpolation (pandas); null when the 5th is 0. */
  readonly tailRatio: number | null;
  /** Adjusted Fisher-Pearson sample skewness (pandas' skew); null under 3 returns. */
  readonly skew: number | null;
  /** Sample excess kurtosis (pandas' kurt, normal = 0); null under 4 returns. */
  readonly kurtosis: number | null;
  /** Periods with a gain over periods with a non-zero return; null when every return is 0. */
  readonly winRate: number | null;
  /** Sum of period gains / |sum of period losses|; null without a loss (quantstats: inf). */
  readonly profitFactor: number | null;
}

export function distributionMetrics(returns: readonly number[]): DistributionMetrics {
  const n = returns.length;
  const sd = n < 2 ? Number.NaN : sampleStandardDeviation(returns as number[]);
  const valueAtRisk = sd > 0 ? quantile(1 - CONFIDENCE, meanOf(returns), sd) : null;
  const sorted = [...returns].sort((a, b) => a - b);
  const upper = quantileSorted(sorted, CONFIDENCE);
  const lower = quantileSorted(sorted, 1 - CONFIDENCE);
  let gains = 0;
  let losses = 0;
  let wins = 0;
  let nonZero = 0;
  for (const r of returns) {
    if (r > 0) {
      gains += r;
      wins++;
    } else losses -= r;
    if (r !== 0) nonZero++;
  }
  return {
    valueAtRisk,
    expectedShortfall: valueAtRisk === null ? null : shortfallBelow(returns, valueAtRisk),
    tailRatio: lower === 0 ? null : Math.abs(upper / lower),
    skew: n < 3 || sd === 0 ? null : sampleSkewness(returns as number[]),
    kurtosis: n < 4 || sd === 0 ? null : sampleKurtosis(returns as number[]),
    winRate: nonZero === 0 ? null : wins / nonZero,
    profitFactor: losses > 0 ? gains / losses : null,
  };
}

function shortfallBelow(returns: readonly number[], valueAtRisk: number): number {
  const tail = returns.filter((r) => r < valueAtRisk);
  return tail.length === 0 ? valueAtRisk : meanOf(tail);
}
