// A sweep's verdict: its trials ranked by one metric, and the deflated Sharpe ratio of the best
// (Bailey and Lopez de Prado 2014): the more variants were tried, the higher the Sharpe ratio the
// best of them shows by luck alone, and the less its own Sharpe ratio says.

import { type Metrics, metricByName, metricNames } from "../report/metrics/index.ts";
import { type InferenceMetrics, inferenceMetrics } from "../report/metrics/inference.ts";
import type { TrialResult } from "./trial.ts";

/** Metrics where less is better: the ranking puts their lowest first. */
const LOWER_IS_BETTER: ReadonlySet<string> = new Set([
  "volatility",
  "maxDrawdown",
  "maxDrawdownBars",
  "maxDrawdownDays",
  "longestDrawdownBars",
  "timeUnderWater",
  "turnover",
]);

export interface RankedTrial {
  readonly rank: number;
  readonly trial: TrialResult;
  /** The ranking metric (null: undefined for this trial, ranked last). */
  readonly value: number | null;
}

export interface SweepVerdict {
  readonly rankBy: string;
  readonly order: "descending" | "ascending";
  /** Trials that ran to the end, best first (ties by trial index), then the failed ones. */
  readonly ranked: readonly RankedTrial[];
  readonly failed: readonly TrialResult[];
  /** The best trial's Sharpe ratio deflated by the trials' Sharpe ratios; null fields when it cannot be. */
  readonly best: (InferenceMetrics & { readonly sharpe: number | null; readonly why: string | null }) | null;
}

/** Throws for a metric name computeMetrics has not, listing the names it has. */
export function checkRankBy(name: string): string {
  if (!(metricNames as readonly string[]).includes(name))
    throw new Error(`--rank-by ${name}: unknown metric; known metrics: ${metricNames.join(", ")}`);
  return name;
}

export function rankTrials(trials: readonly TrialResult[], rankBy: string): SweepVerdict {
  checkRankBy(rankBy);
  const sign = LOWER_IS_BETTER.has(rankBy) ? -1 : 1;
  const ran = trials.filter((trial) => trial.metrics !== null);
  const scored = ran.map((trial) => ({ trial, value: metricByName(trial.metrics as Metrics, rankBy) }));
  scored.sort((a, b) => {
    if (a.value === null || b.value === null)
      return a.value === b.value ? a.trial.index - b.trial.index : a.value === null ? 1 : -1;
    return sign * (b.value - a.value) || a.trial.index - b.trial.index;
  });
  const ranked = scored.map((entry, i) => ({ rank: i + 1, ...entry }));
  return {
    rankBy,
    order: sign > 0 ? "descending" : "ascending",
    ranked,
    failed: trials.filter((trial) => trial.metrics === null),
    best: ranked.length === 0 ? null : deflated(ranked[0].trial.metrics as Metrics, ran),
  };
}

/** The deflated Sharpe ratio of `best` among the trials with a Sharpe ratio (each counted as independent). */
function deflated(best: Metrics, ran: readonly TrialResult[]): SweepVerdict["best"] {
  const sharpes = ran
    .map((trial) => (trial.metrics as Metrics).sharpe)
    .filter((s): s is number => s !== null);
  const none = { probabilisticSharpe: null, trials: null, expectedMaxSharpe: null, deflatedSharpe: null };
  if (best.sharpe === null)
    return { ...none, sharpe: null, why: "the best trial has no Sharpe ratio (its returns do not vary)" };
  if (sharpes.length < 2)
    return { ...none, sharpe: best.sharpe, why: "fewer than 2 trials have a Sharpe ratio to deflate by" };
  const moments = { sharpe: best.sharpe, skew: best.skew, kurtosis: best.kurtosis, n: best.bars };
  return {
    ...inferenceMetrics(moments, best.periodsPerYear, { trialSharpes: sharpes }),
    sharpe: best.sharpe,
    why: null,
  };
}
