import { describe, expect, it } from "vitest";
import type { Metrics } from "../../src/report/metrics/index.ts";
import { inferenceMetrics } from "../../src/report/metrics/inference.ts";
import { rankTrials } from "../../src/sweep/rank.ts";
import type { TrialResult } from "../../src/sweep/trial.ts";

/** A trial with just the metrics the ranking reads (the rest never looked at). */
function trial(index: number, metrics: Partial<Metrics> | null, error: string | null = null): TrialResult {
  const base = { bars: 252, periodsPerYear: 252, skew: 0, kurtosis: 0 };
  return {
    index,
    grid: { k: index },
    metrics: metrics === null ? null : ({ ...base, ...metrics } as Metrics),
    error,
    ms: 1,
  };
}

describe("rankTrials()", () => {
  it("ranks best first, ties by trial index, undefined values last, failed trials apart", () => {
    const verdict = rankTrials(
      [
        trial(0, { sharpe: 1 }),
        trial(1, { sharpe: null }),
        trial(2, { sharpe: 2 }),
        trial(3, null, "boom"),
        trial(4, { sharpe: 1 }),
      ],
      "sharpe",
    );
    expect(verdict.order).toBe("descending");
    expect(verdict.ranked.map((r) => [r.rank, r.trial.index, r.value])).toEqual([
      [1, 2, 2],
      [2, 0, 1],
      [3, 4, 1],
      [4, 1, null],
    ]);
    expect(verdict.failed.map((t) => t.error)).toEqual(["boom"]);
  });

  it("puts the lowest first for a metric where less is better", () => {
    const verdict = rankTrials(
      [trial(0, { maxDrawdown: 0.3, sharpe: 1 }), trial(1, { maxDrawdown: 0.1, sharpe: 0.5 })],
      "maxDrawdown",
    );
    expect(verdict.order).toBe("ascending");
    expect(verdict.ranked.map((r) => r.trial.index)).toEqual([1, 0]);
  });

  it("deflates the best trial's Sharpe ratio by every trial's Sharpe ratio", () => {
    const trials = [trial(0, { sharpe: 0.5 }), trial(1, { sharpe: 1.5 }), trial(2, { sharpe: 1.0 })];
    const best = rankTrials(trials, "sharpe").best;
    // The best (1.5) against the 3 Sharpe ratios; PSR and DSR as metrics/inference.ts defines them.
    const expected = inferenceMetrics({ sharpe: 1.5, skew: 0, kurtosis: 0, n: 252 }, 252, {
      trialSharpes: [0.5, 1.5, 1.0],
    });
    expect(best).toEqual({ ...expected, sharpe: 1.5, why: null });
    // By hand: per-period Sharpe ratios 1/sqrt(252) x (0.5, 1.5, 1.0), their sample variance
    // V = 0.25 / 252; E[max] = sqrt(V) ((1 - g) Phi^-1(2/3) + g Phi^-1(1 - 1/(3e))), g = 0.5772:
    // Phi^-1(0.6667) = 0.4307, Phi^-1(0.8774) = 1.1621: 0.0315 x (0.1821 + 0.6708) = 0.02687 per
    // period, x sqrt(252) = 0.4265 a year.
    expect(best?.expectedMaxSharpe).toBeCloseTo(0.4265, 3);
    expect(best?.trials).toBe(3);
    // DSR = Phi((SR - E[max]) sqrt(n - 1) / sqrt(1 - skew SR + (kurt + 2) / 4 SR^2)), per period:
    // SR = 1.5 / sqrt(252) = 0.09449; (0.09449 - 0.02687) x sqrt(251) = 1.0713; the radicand
    // 1 + 0.5 x 0.09449^2 = 1.00446; Phi(1.0713 / 1.00223) = Phi(1.0689) = 0.8574.
    expect(best?.deflatedSharpe).toBeCloseTo(0.8574, 3);
  });

  it("says why there is no deflated Sharpe ratio", () => {
    expect(rankTrials([trial(0, { sharpe: 1 }), trial(1, { sharpe: null })], "sharpe").best?.why).toBe(
      "fewer than 2 trials have a Sharpe ratio to deflate by",
    );
    expect(rankTrials([trial(0, { sharpe: null, cagr: 1 })], "cagr").best?.why).toBe(
      "the best trial has no Sharpe ratio (its returns do not vary)",
    );
    expect(rankTrials([trial(0, null, "x")], "sharpe").best).toBeNull();
  });

  it("refuses a metric it does not know, listing those it does", () => {
    expect(() => rankTrials([], "sharp")).toThrow(
      /--rank-by sharp: unknown metric; known metrics: bars, .*sharpe/,
    );
  });
});
