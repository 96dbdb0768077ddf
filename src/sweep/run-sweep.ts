// `assay sweep`: every trial of the grid on a Piscina pool of worker threads (each builds its own
// strategy, panel and config: nothing but plain data crosses to a worker), results in trial
// order whatever order they finish in, so the report is the same for any worker count.
import { Piscina } from "piscina";
import { type GridAxis, gridPoints } from "./grid.ts";
import type { SweepSetup, TrialResult, TrialTask } from "./trial.ts";

const WORKER = new URL("./worker.mjs", import.meta.url).href;

export interface SweepOptions {
  readonly setup: SweepSetup;
  readonly axes: readonly GridAxis[];
  readonly workers: number;
  /** After each trial: trials done, failed so far, and the total. */
  readonly onProgress?: (done: number, failed: number, total: number) => void;
}

export interface SweepRun {
  /** In trial (grid) order. */
  readonly trials: readonly TrialResult[];
  readonly workers: number;
  readonly durationMs: number;
}

export async function runSweep(options: SweepOptions): Promise<SweepRun> {
  const { workers } = options;
  if (!Number.isSafeInteger(workers) || workers < 1)
    throw new Error(`sweep: --workers must be a whole number >= 1, got ${workers}`);
  const started = performance.now();
  const points = gridPoints(options.axes);
  const pool = new Piscina<TrialTask, TrialResult>({
    filename: WORKER,
    minThreads: workers,
    maxThreads: workers,
    concurrentTasksPerWorker: 1,
  });
  const trials: TrialResult[] = new Array(points.length);
  let done = 0;
  let failed = 0;
  try {
    await Promise.all(
      points.map(async (grid, index) => {
        const result = await pool.run({ index, grid, setup: options.setup });
        trials[index] = result;
        done++;
        if (result.error !== null) failed++;
        options.onProgress?.(done, failed, points.length);
      }),
    );
  } finally {
    await pool.destroy();
  }
  return { trials, workers, durationMs: performance.now() - started };
}
