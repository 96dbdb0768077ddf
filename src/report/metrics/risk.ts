// Risk-adjusted ratios of the period returns: volatility, Sharpe, Sortino, Calmar, Omega,
// quantstats' definitions (excess over the risk-free rate, sample standard deviation).
import { sampleStandardDeviation } from "simple-statistics";
import { meanOf, sharpeOf } from "../series.ts";

export interface RiskMetrics {
  /** Sample standard deviation of the returns x sqrt(periodsPerYear). */
  readonly volatility: number | null;
  /** mean(excess) / sd(excess) x sqrt(periodsPerYear); null when sd is 0. */
  readonly sharpe: number | null;
  /** mean(excess) / sqrt(sum(min(excess, 0)^2) / n) x sqrt(periodsPerYear); null without a loss. */
  readonly sortino: number | null;
  /** cagr / maxDrawdown; null without a drawdown. */
  readonly calmar: number | null;
  /** sum of excess gains / sum of excess losses (threshold 0); null without a loss. */
  readonly omega: number | null;
}

export function riskMetrics(
  returns: readonly number[],
  excess: readonly number[],
  periodsPerYear: number,
  cagr: number,
  maxDrawdown: number,
): RiskMetrics {
  const n = returns.length;
  const annualizer = Math.sqrt(periodsPerYear);
  let squaredLosses = 0;
  let gains = 0;
  let losses = 0;
  for (const r of excess) {
    if (r < 0) {
      squaredLosses += r * r;
      losses -= r;
    } else gains += r;
  }
  const downside = Math.sqrt(squaredLosses / n);
  return {
    volatility: n < 2 ? null : sampleStandardDeviation(returns as number[]) * annualizer,
    sharpe: sharpeOf(excess, periodsPerYear),
    sortino: downside > 0 ? (meanOf(excess) / downside) * annualizer : null,
    calmar: maxDrawdown > 0 ? cagr / maxDrawdown : null,
    omega: losses > 0 ? gains / losses : null,
  };
}
