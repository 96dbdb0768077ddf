// `assay stress`'s run: the plan's chunks on a Piscina pool of worker threads, a few in flight per
// worker (so --until-width can stop early), each finished chunk appended to the checkpoint; the
// result is the chunks in plan order, the same for any worker count, chunk arrival order, resume
// or shard merge.
import { createHash } from "node:crypto";
import { Piscina } from "piscina";
import { type Shard, WHOLE } from "../../harness/plan.ts";
import type { OutcomeChunk } from "../chunk.ts";
import { untilWidth, type WidthReached } from "../estimate/until-width.ts";
import { appendChunk, readCheckpoint, startCheckpoint } from "./checkpoint.ts";
import type { ChunkTask } from "./chunk-task.ts";
import { type PlannedChunk, planChunks } from "./plan.ts";
import type { StressSetup } from "./setup.ts";

const WORKER = new URL("./worker.mjs", import.meta.url).href;
/** Chunks waiting per worker: enough to keep it busy, few enough to stop soon after --until-width. */
const QUEUED_PER_WORKER = 2;

export interface StressRunOptions {
  readonly setup: StressSetup;
  readonly paths: number;
  readonly chunkSize: number;
  readonly shard?: Shard;
  readonly workers: number;
  /** Where finished chunks are appended; null for none. */
  readonly checkpoint: string | null;
  /** Read the checkpoint's chunks and run only the others. */
  readonly resume?: boolean;
  /** Stop at the first chunk boundary where the ruin interval is narrower than this. */
  readonly untilWidth?: number;
  /** After each chunk: paths done (resumed ones included) of the plan's. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface StressRun {
  /** The kept chunks, in plan order (with --until-width, up to its boundary). */
  readonly chunks: readonly OutcomeChunk[];
  readonly plannedPaths: number;
  readonly stopped: WidthReached | null;
  readonly resumedChunks: number;
  readonly workers: number;
  readonly durationMs: number;
}

/** The run's identity in its checkpoint: a digest of everything that decides its chunks. */
export function runIdentity(options: StressRunOptions): string {
  const { setup, paths, chunkSize, shard = WHOLE } = options;
  return createHash("sha256").update(JSON.stringify({ setup, paths, chunkSize, shard })).digest("hex");
}

export async function runStress(options: StressRunOptions): Promise<StressRun> {
  const started = performance.now();
  const { workers, checkpoint } = options;
  if (!Number.isSafeInteger(workers) || workers < 1)
    throw new Error(`stress: --workers must be a whole number >= 1, got ${workers}`);
  if (options.untilWidth !== undefined && (options.shard ?? WHOLE).count > 1)
    throw new Error("stress: --until-width stops on the whole run's plan; it cannot be sharded");
  const plan = planChunks(options.paths, options.chunkSize, options.shard);
  const identity = runIdentity(options);
  const done =
    options.resume === true && checkpoint !== null
      ? readCheckpoint(checkpoint, identity)
      : new Map<number, OutcomeChunk>();
  const resumedChunks = done.size;
  if (checkpoint !== null && resumedChunks === 0) startCheckpoint(checkpoint, identity);
  const plannedPaths = plan.reduce((n, chunk) => n + chunk.paths, 0);
  const pathsDone = () => plan.reduce((n, chunk) => n + (done.has(chunk.index) ? chunk.paths : 0), 0);
  options.onProgress?.(pathsDone(), plannedPaths);
  let stopped = widthReached(plan, done, options.untilWidth);
  const pending = plan.filter((chunk) => !done.has(chunk.index));
  if (stopped === null && pending.length > 0) {
    const pool = new Piscina<ChunkTask, OutcomeChunk>({
      filename: WORKER,
      minThreads: workers,
      maxThreads: workers,
      concurrentTasksPerWorker: 1,
    });
    try {
      let next = 0;
      let failure: unknown = null;
      const inFlight = new Set<Promise<void>>();
      const launch = (chunk: PlannedChunk) => {
        const task = pool
          .run({ setup: options.setup, firstPath: chunk.firstPath, paths: chunk.paths })
          .then((outcomes) => {
            done.set(chunk.index, outcomes);
            if (checkpoint !== null) appendChunk(checkpoint, chunk.index, outcomes);
            options.onProgress?.(pathsDone(), plannedPaths);
            stopped ??= widthReached(plan, done, options.untilWidth);
          })
          .catch((error: unknown) => {
            failure ??= error;
          })
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
      };
      while (next < pending.length || inFlight.size > 0) {
        while (
          failure === null &&
          stopped === null &&
          next < pending.length &&
          inFlight.size < workers * QUEUED_PER_WORKER
        )
          launch(pending[next++]);
        if (inFlight.size === 0) break;
        await Promise.race(inFlight);
      }
      if (failure !== null) throw failure;
    } finally {
      await pool.destroy();
    }
  }
  const kept = stopped === null ? plan : plan.slice(0, stopped.chunks);
  return {
    chunks: kept.map((chunk) => done.get(chunk.index) as OutcomeChunk),
    plannedPaths,
    stopped,
    resumedChunks,
    workers,
    durationMs: performance.now() - started,
  };
}

/** --until-width's verdict on the chunks done from the plan's start without a gap. */
function widthReached(
  plan: readonly PlannedChunk[],
  done: ReadonlyMap<number, OutcomeChunk>,
  width: number | undefined,
): WidthReached | null {
  if (width === undefined) return null;
  const prefix: OutcomeChunk[] = [];
  for (const chunk of plan) {
    const outcomes = done.get(chunk.index);
    if (outcomes === undefined) break;
    prefix.push(outcomes);
  }
  return prefix.length === 0 ? null : untilWidth(prefix, width);
}
