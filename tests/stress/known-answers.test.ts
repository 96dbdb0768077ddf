// The known answer, through the whole stress run (the path model, the fast engine's
// margin check, the outcomes, the Wilson interval): one asset under GBM (mu 0.05, sigma 0.3, open
// = the previous close), bought 3x levered at initialRate 0.3 on a margin account and never
// rebalanced, no costs, no financing, maintenance 25%. The call level is S/S0 = 8/9
// (equity 3x - 2 < 0.25 x 3x when x < 2 / 2.25), so P(a margin call within the year) is a first
// passage of log(S/S0) = 0.005 t + 0.3 W_t to log(8/9) = -0.11778:
//   - checked at each close (252 a year): BGK's barrier 0.11778 + 0.5826 x 0.3 x sqrt(1/252) = 0.12879,
//     P = Phi((-0.12879 - 0.005) / 0.3) + exp(-2 x 0.005 x 0.12879 / 0.09) Phi((-0.12879 + 0.005) / 0.3)
//       = 0.3280 + 0.9858 x 0.3390 = 0.6629;
//   - checked at each bar's low (the Brownian bridge's minimum): continuous monitoring, 0.6901.
// At 20,000 paths each Wilson interval is about +-0.0065 wide, so each must cover its own value
// and the two must not overlap: the test tells the monitoring rules apart.
import { describe, expect, it } from "vitest";
import { mergeOutcomeChunks } from "../../src/stress/chunk.ts";
import {
  discreteFirstPassageProbability,
  firstPassageProbability,
  longCallLevel,
} from "../../src/stress/closed-form.ts";
import { estimateStress } from "../../src/stress/estimate/index.ts";
import { runStress } from "../../src/stress/run/run-stress.ts";
import type { StressSetup } from "../../src/stress/run/setup.ts";

const PATHS = 20_000;
// Bar 0's close decides, bar 1 opens the position at that close: 252 bars held.
const BARS = 253;

function setup(marginCheckAt: "close" | "adverse-extreme"): StressSetup {
  return {
    model: { model: "gbm", symbols: ["A"], mu: 0.05, sigma: 0.3, overnightShare: 0 },
    modelSource: null,
    strategy: "buy-and-hold",
    params: { leverage: 3 },
    config: {
      initialCash: 1_000_000,
      account: "margin",
      initialRate: 0.3,
      maintLong: 0.25,
      maxParticipation: null,
      marginCheckAt,
    },
    labels: { config: "known-answer config", model: "known-answer model" },
    engine: "fast",
    bars: BARS,
    start: "2024-01-02",
    seed: 20_261_206,
    fanBars: [0, BARS - 1],
    // 1% of the paths on the reference engine too: 200 per rule, compared record by record.
    crossCheck: 0.01,
  };
}

async function callProbability(marginCheckAt: "close" | "adverse-extreme") {
  const run = await runStress({
    setup: setup(marginCheckAt),
    paths: PATHS,
    chunkSize: 500,
    workers: 2,
    checkpoint: null,
  });
  return estimateStress(mergeOutcomeChunks(run.chunks)).probabilities.marginCall;
}

const passage = {
  drift: 0.05 - 0.3 ** 2 / 2,
  volatility: 0.3,
  barrier: -Math.log(longCallLevel(3, 0.25)),
  horizon: 1,
};

describe("assay stress on the issue's known answer", () => {
  it("the closed forms: 8/9, 0.6629 daily (BGK), 0.6901 continuous", () => {
    expect(longCallLevel(3, 0.25)).toBeCloseTo(8 / 9, 12);
    expect(discreteFirstPassageProbability({ ...passage, step: 1 / 252 })).toBeCloseTo(0.6629, 4);
    expect(firstPassageProbability(passage)).toBeCloseTo(0.6901, 4);
  });

  it("margin calls checked at the close: the BGK value, inside the Wilson interval; at the lows: the continuous one", async () => {
    const daily = await callProbability("close");
    const intrabar = await callProbability("adverse-extreme");
    const dailyValue = discreteFirstPassageProbability({ ...passage, step: 1 / 252 });
    const continuousValue = firstPassageProbability(passage);
    expect(daily.paths).toBe(PATHS);
    expect(daily.low).toBeLessThan(dailyValue);
    expect(daily.high).toBeGreaterThan(dailyValue);
    expect(intrabar.low).toBeLessThan(continuousValue);
    expect(intrabar.high).toBeGreaterThan(continuousValue);
    // The two rules are told apart: the intervals do not overlap.
    expect(daily.high).toBeLessThan(intrabar.low);
  }, 300_000);
});
