// Is the Sharpe ratio real? The probabilistic Sharpe ratio (Bailey and Lopez de Prado 2012)
// and the deflated Sharpe ratio (Bailey and Lopez de Prado 2014), which raises the bar to the
// Sharpe ratio the best of N unskilled trials would show.
import cdf from "@stdlib/stats-base-dists-normal-cdf";
import quantile from "@stdlib/stats-base-dists-normal-quantile";
import { sampleVariance } from "simple-statistics";

/** Euler-Mascheroni constant, in the expected maximum of N standard normals. */
const EULER_GAMMA = 0.5772156649015329;

export interface InferenceMetrics {
  /** P(true Sharpe > 0) given the sample's length, skew and kurtosis; null when undefined. */
  readonly probabilisticSharpe: number | null;
  /** Number of trials N the deflated Sharpe ratio accounts for; null when none were given. */
  readonly trials: number | null;
  /** The annualized Sharpe ratio the best of `trials` unskilled trials is expected to show. */
  readonly expectedMaxSharpe: number | null;
  /** P(true Sharpe > expectedMaxSharpe): the PSR against the trials' expected maximum. */
  readonly deflatedSharpe: number | null;
}

/** The Sharpe ratios of every trial tried (this run's included), annualized as `sharpe` is. */
export interface Trials {
  readonly trialSharpes: readonly number[];
  /** Independent trials N, when fewer than the Sharpe ratios listed are (default: their count). */
  readonly trials?: number;
}

/**
 * `sharpe` annualized over `n` returns with sample `skew` and excess `kurtosis`. PSR(SR*) =
 * Phi((SR - SR*) sqrt(n - 1) / sqrt(1 - skew SR + (kurtosis + 2) / 4 SR^2)), SR per period; the
 * paper's (gamma4 - 1) / 4 with gamma4 = excess kurtosis + 3.
 */
export function inferenceMetrics(
  moments: { sharpe: number | null; skew: number | null; kurtosis: number | null; n: number },
  periodsPerYear: number,
  trials: Trials | undefined,
): InferenceMetrics {
  const scale = Math.sqrt(periodsPerYear);
  const expected = trials === undefined ? null : expectedMaxSharpe(trials, scale);
  const psr = (benchmark: number) => probabilisticSharpe(moments, benchmark / scale, scale);
  return {
    probabilisticSharpe: psr(0),
    trials: trials === undefined ? null : trialCount(trials),
    expectedMaxSharpe: expected,
    deflatedSharpe: expected === null ? null : psr(expected),
  };
}

function probabilisticSharpe(
  moments: { sharpe: number | null; skew: number | null; kurtosis: number | null; n: number },
  benchmarkPerPeriod: number,
  scale: number,
): number | null {
  const { sharpe, skew, kurtosis, n } = moments;
  if (sharpe === null || skew === null || kurtosis === null) return null;
  const sr = sharpe / scale;
  const radicand = 1 - skew * sr + ((kurtosis + 2) / 4) * sr * sr;
  if (!(radicand > 0)) return null;
  return cdf(((sr - benchmarkPerPeriod) * Math.sqrt(n - 1)) / Math.sqrt(radicand), 0, 1);
}

/**
 * E[max SR] ~ sqrt(V) ((1 - gamma) Phi^-1(1 - 1/N) + gamma Phi^-1(1 - 1/(N e))), V the sample
 * variance of the trials' per-period Sharpe ratios (2014, eq. 6 and appendix); annualized.
 */
function expectedMaxSharpe(trials: Trials, scale: number): number {
  const n = trialCount(trials);
  const variance = sampleVariance(trials.trialSharpes.map((sharpe) => sharpe / scale));
  const z =
    (1 - EULER_GAMMA) * quantile(1 - 1 / n, 0, 1) + EULER_GAMMA * quantile(1 - 1 / (n * Math.E), 0, 1);
  return Math.sqrt(variance) * z * scale;
}

function trialCount(trials: Trials): number {
  const listed = trials.trialSharpes;
  if (!Array.isArray(listed) || listed.length < 2 || !listed.every(Number.isFinite))
    throw new Error(
      `metrics option trialSharpes: expected the finite Sharpe ratios of >= 2 trials, got ${JSON.stringify(listed)}`,
    );
  const n = trials.trials ?? listed.length;
  if (!Number.isInteger(n) || n < 2)
    throw new Error(`metrics option trials: must be an integer >= 2, got ${n}`);
  return n;
}
