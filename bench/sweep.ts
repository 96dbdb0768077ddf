// The sweep benchmark: `assay sweep`'s throughput, trials per second, on the seed study (the
// bench250 bars, rank-long-short over longs x shorts = 5..50 x 5..50: 100 trials), on 1 worker
// and on every core. Each timing is a whole sweep: the pool's start (a worker registers tsx and
// loads the engine), every trial's backtest and metrics, the pool's end.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { type GridAxis, parseGrid } from "../src/sweep/grid.ts";
import { runSweep } from "../src/sweep/run-sweep.ts";
import type { SweepSetup } from "../src/sweep/trial.ts";
import { CONFIG_INPUT, SEED_STUDY_CSV } from "./cases.ts";
import { median } from "./measure.ts";

export interface SweepMeasurement {
  readonly description: string;
  readonly trials: number;
  readonly runs: number;
  /** By worker count: the median seconds of a whole sweep and its trials per second. */
  readonly byWorkers: readonly {
    readonly workers: number;
    readonly medianS: number;
    readonly trialsPerS: number;
  }[];
}

export async function measureSweep(quick: boolean): Promise<SweepMeasurement> {
  const axes: GridAxis[] = parseGrid(
    quick ? ["longs=5:25:5", "shorts=5:20:5"] : ["longs=5:50:5", "shorts=5:50:5"],
  );
  const trials = axes.reduce((n, axis) => n * axis.values.length, 1);
  const setup: SweepSetup = {
    strategy: "rank-long-short",
    params: { targetValue: 20_000, signal: "score" },
    data: { kind: "file", path: fileURLToPath(SEED_STUDY_CSV) },
    config: CONFIG_INPUT,
    labels: { config: "bench config", data: "bench250 bars.csv" },
    engine: "fast",
  };
  const runs = quick ? 1 : 3;
  const workerCounts = [...new Set([1, availableParallelism()])];
  const byWorkers = [];
  for (const workers of workerCounts) {
    const seconds: number[] = [];
    for (let run = 0; run < runs; run++) {
      const sweep = await runSweep({ setup, axes, workers });
      const failed = sweep.trials.filter((trial) => trial.error !== null);
      if (failed.length > 0)
        throw new Error(`sweep bench: trial ${failed[0].index} failed: ${failed[0].error}`);
      seconds.push(sweep.durationMs / 1000);
    }
    const medianS = median(seconds);
    byWorkers.push({ workers, medianS, trialsPerS: trials / medianS });
  }
  return {
    description: `seed study (bench250), rank-long-short ${axes.map((a) => `${a.key} ${a.values[0]}..${a.values.at(-1)}`).join(" x ")}, fast engine`,
    trials,
    runs,
    byWorkers,
  };
}
