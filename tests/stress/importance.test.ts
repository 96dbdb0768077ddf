// Importance sampling through the whole stress run: a rare margin call, P about 1e-4, estimated
// within 15% from 20,000 tilted paths, where plain sampling sees about 2 hits.
// The book: one asset under GBM (mu 0.05, sigma 0.3, open = the previous close), bought 1.5x at
// initialRate 0.3, never rebalanced, maintenance 25%: called below S/S0 = (1.5 - 1) / (1.5 x 0.75)
// = 4/9, a fall of b = -log(4/9) = 0.81093 in log price, within T = 126 bars = 0.5 year, checked at
// each close. Closed form (BGK): b + 0.5826 x 0.3 x sqrt(1/252) = 0.82194 and drift m = 0.005:
//   P = Phi((-0.82194 - 0.0025) / 0.21213) + exp(-2 x 0.005 x 0.82194 / 0.09) Phi((-0.82194 + 0.0025) / 0.21213)
//     = 1.0200e-4.
// The tilt moves the log drift to -b/T = -1.62186 a year: sigma x theta = -1.62186 - 0.005, theta
// = -5.42287 per sqrt(year); each path is weighted by its likelihood ratio exp(logLikelihoodRatio).
import { describe, expect, it } from "vitest";
import { mergeOutcomeChunks } from "../../src/stress/chunk.ts";
import { discreteFirstPassageProbability, longCallLevel } from "../../src/stress/closed-form.ts";
import { estimatesOf } from "../../src/stress/run/report.ts";
import { runStress } from "../../src/stress/run/run-stress.ts";
import type { StressSetup } from "../../src/stress/run/setup.ts";

const HELD = 126;
const barrier = -Math.log(longCallLevel(1.5, 0.25));
const drift = 0.05 - 0.3 ** 2 / 2;
const closedForm = discreteFirstPassageProbability({
  drift,
  volatility: 0.3,
  barrier,
  horizon: HELD / 252,
  step: 1 / 252,
});
const theta = (-barrier / (HELD / 252) - drift) / 0.3;

function setup(tilt: number | null): StressSetup {
  return {
    model: {
      model: "gbm",
      symbols: ["A"],
      mu: 0.05,
      sigma: 0.3,
      overnightShare: 0,
      ...(tilt === null ? {} : { tilt }),
    },
    modelSource: null,
    strategy: "buy-and-hold",
    params: { leverage: 1.5 },
    config: { initialCash: 1_000_000, initialRate: 0.3, maintLong: 0.25, maxParticipation: null },
    labels: { config: "importance config", model: "importance model" },
    engine: "fast",
    bars: HELD + 1,
    start: "2024-01-02",
    seed: 20_261_206,
    fanBars: [0, HELD],
    crossCheck: 0,
  };
}

async function estimates(tilt: number | null) {
  const run = await runStress({
    setup: setup(tilt),
    paths: 20_000,
    chunkSize: 1000,
    workers: 2,
    checkpoint: null,
  });
  return estimatesOf(mergeOutcomeChunks(run.chunks));
}

describe("importance sampling through assay stress", () => {
  it("the target: 1.02e-4, and the tilt that aims the drift at the barrier", () => {
    expect(closedForm).toBeCloseTo(1.02e-4, 6);
    expect(theta).toBeCloseTo(-5.42287, 4);
  });

  it("20,000 tilted paths estimate it within 15%; the same count of plain paths cannot", async () => {
    const tilted = (await estimates(theta)).importance;
    expect(tilted).not.toBeNull();
    const call = tilted?.marginCall;
    expect(Math.abs((call?.estimate as number) / closedForm - 1)).toBeLessThan(0.15);
    expect(call?.low).toBeLessThan(closedForm);
    expect(call?.high).toBeGreaterThan(closedForm);
    const plain = (await estimates(null)).estimates?.probabilities.marginCall;
    // About 20,000 x 1.02e-4 = 2 hits: a Wilson interval many times wider than the tilted one's.
    expect(plain?.hits).toBeLessThan(8);
    expect((plain?.high as number) - (plain?.low as number)).toBeGreaterThan(
      10 * ((call?.high as number) - (call?.low as number)),
    );
  }, 300_000);
});
