// Closed forms that check the Monte Carlo estimators of `assay stress`: the first passage of a
// Brownian motion with drift to a lower barrier, the Broadie-Glasserman-Kou correction for a
// barrier watched only at discrete steps, and the call level of a levered long (SPEC 3.2, 7).
import cdf from "@stdlib/stats-base-dists-normal-cdf";

/**
 * BGK's beta = -zeta(1/2) / sqrt(2 pi) = 1.4603545 / 2.5066283 = 0.5826 (Broadie, Glasserman and
 * Kou 1997, "A continuity correction for discrete barrier options", Mathematical Finance 7(4),
 * 325-349, Theorem 1).
 */
export const BGK_BETA = 0.5826;

/** X_t = m t + s W_t, X_0 = 0, and a barrier at -b. */
export interface FirstPassage {
  /** m: drift of X per unit of time (for log prices under GBM, mu - sigma^2 / 2). */
  readonly drift: number;
  /** s > 0: volatility of X per square root of time. */
  readonly volatility: number;
  /** b > 0: distance from 0 down to the barrier. */
  readonly barrier: number;
  /** T > 0: the horizon, in the same unit of time. */
  readonly horizon: number;
}

/**
 * P(min over [0, T] of X_t <= -b), monitored continuously:
 *
 *   P = Phi((-b - m T) / (s sqrt T)) + exp(-2 m b / s^2) Phi((-b + m T) / (s sqrt T))
 *
 * (the reflection principle with a Girsanov change of drift; Harrison 1985, "Brownian Motion and
 * Stochastic Flow Systems", section 1.8; Borodin and Salminen 2002, Handbook of Brownian Motion,
 * part II, 2.1.1.4). With m = 0 it is 2 Phi(-b / (s sqrt T)).
 */
export function firstPassageProbability(passage: FirstPassage): number {
  const { drift: m, volatility: s, barrier: b, horizon: t } = checkedPassage(passage);
  const scale = s * Math.sqrt(t);
  return cdf((-b - m * t) / scale, 0, 1) + Math.exp((-2 * m * b) / (s * s)) * cdf((-b + m * t) / scale, 0, 1);
}

/**
 * The same probability with X watched only every `step` units of time (a close every bar): BGK's
 * continuity correction moves the barrier away by beta s sqrt(step), b -> b + 0.5826 s sqrt(dt)
 * (in price terms the level H becomes H exp(-0.5826 s sqrt(dt)) for a barrier below). The error
 * is o(1 / sqrt(n)) in the number of steps n.
 */
export function discreteFirstPassageProbability(passage: FirstPassage & { readonly step: number }): number {
  const { step } = passage;
  if (!Number.isFinite(step) || step <= 0 || step > passage.horizon)
    throw new Error(
      `first passage field=step: must be finite, > 0 and <= the horizon ${passage.horizon}, got ${step}`,
    );
  return firstPassageProbability({
    ...passage,
    barrier: passage.barrier + BGK_BETA * passage.volatility * Math.sqrt(step),
  });
}

/**
 * The price ratio S / S0 under which a long bought at `leverage` times its equity, never
 * rebalanced, is in margin call (SPEC 3.2, 7: equity < maintLong x market value). With S0 = 1 and
 * equity 1: L units, cash 1 - L; equity L S - (L - 1) < maintLong L S when
 * S < (L - 1) / (L (1 - maintLong)). A leverage of at most 1 is never called.
 */
export function longCallLevel(leverage: number, maintLong: number): number {
  if (!Number.isFinite(leverage) || leverage <= 1)
    throw new Error(`call level field=leverage: must be finite and > 1 (a levered long), got ${leverage}`);
  if (!Number.isFinite(maintLong) || maintLong < 0 || maintLong >= 1)
    throw new Error(`call level field=maintLong: must be in [0, 1), got ${maintLong}`);
  return (leverage - 1) / (leverage * (1 - maintLong));
}

function checkedPassage(passage: FirstPassage): FirstPassage {
  const fields: [keyof FirstPassage, number, boolean][] = [
    ["drift", passage.drift, Number.isFinite(passage.drift)],
    ["volatility", passage.volatility, passage.volatility > 0 && Number.isFinite(passage.volatility)],
    ["barrier", passage.barrier, passage.barrier > 0 && Number.isFinite(passage.barrier)],
    ["horizon", passage.horizon, passage.horizon > 0 && Number.isFinite(passage.horizon)],
  ];
  for (const [name, value, ok] of fields)
    if (!ok)
      throw new Error(
        `first passage field=${name}: must be finite${name === "drift" ? "" : " and > 0"}, got ${value}`,
      );
  return passage;
}
