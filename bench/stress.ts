// The stress benchmark: `assay stress`'s default book, the built-in 2x levered long/short with a
// daily rebalance, on 50 GBM assets over 252 bars, as paths per second on 1 worker and on every
// core (path generation, the fast engine and the outcomes included; no reference cross-check).
// The target: 10,000 paths on 2 workers in <= 60 s.
import { availableParallelism } from "node:os";
import { runStress } from "../src/stress/run/run-stress.ts";
import { fanBarsOf, type StressSetup } from "../src/stress/run/setup.ts";

export interface StressMeasurement {
  readonly description: string;
  readonly byWorkers: readonly {
    readonly workers: number;
    readonly paths: number;
    readonly seconds: number;
    readonly pathsPerS: number;
  }[];
}

const ASSETS = 50;
const BARS = 252;

export async function measureStress(quick: boolean): Promise<StressMeasurement> {
  const symbols = Array.from({ length: ASSETS }, (_, i) => `S${String(i).padStart(2, "0")}`);
  const setup: StressSetup = {
    model: { model: "gbm", symbols, mu: 0.05, sigma: 0.25 },
    modelSource: null,
    strategy: "levered-long-short",
    params: {},
    config: { initialCash: 1_000_000 },
    labels: { config: "bench config", model: "bench model" },
    engine: "fast",
    bars: BARS,
    start: "2024-01-02",
    seed: 1,
    fanBars: fanBarsOf(BARS),
    crossCheck: 0,
  };
  const cores = availableParallelism();
  // One worker runs a fifth of the paths: its rate is per path, the same measure.
  const plan = quick
    ? [
        { workers: 1, paths: 100 },
        { workers: cores, paths: 200 },
      ]
    : [
        { workers: 1, paths: 2_000 },
        { workers: cores, paths: 10_000 },
      ];
  const byWorkers = [];
  for (const { workers, paths } of [...new Map(plan.map((p) => [p.workers, p])).values()]) {
    const run = await runStress({ setup, paths, chunkSize: 50, workers, checkpoint: null });
    const seconds = run.durationMs / 1000;
    byWorkers.push({ workers, paths, seconds, pathsPerS: paths / seconds });
  }
  return {
    description: `levered-long-short (2x, 10/10 of ${ASSETS}, 20-bar momentum, daily rebalance) on GBM paths of ${ASSETS} assets x ${BARS} bars`,
    byWorkers,
  };
}
