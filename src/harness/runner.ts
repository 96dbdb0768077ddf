// SPEC 10: `assay check`'s parallel runner. The plan's chunks (plan.ts) run on a Piscina pool of
// worker threads, at most one chunk per worker at a time (so a chunk's timeout starts when it
// starts); results merge in chunk order whatever order they finish in. A chunk whose task does
// not return (the worker threw outside the check, exited, or overran its timeout) is reported
// as crashed with its seed, never dropped.

import { existsSync } from "node:fs";
import { availableParallelism, hostname } from "node:os";
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { EngineCommand } from "../protocol/engine-process.ts";
import { errorText } from "./error-text.ts";
import { type Chunk, planChunks, renderShard, type Shard, WHOLE } from "./plan.ts";
import { buildReport, type CheckReport, type ChunkOutcome } from "./report.ts";
import type { ChunkResult, ChunkTask, DescribeTask, PropertyTitle } from "./task.ts";

export interface CheckOptions {
  /**
   * Comma-separated globs over registry names (`*` any run of characters, `?` one); default all
   * (with an engine command, engine-equals-reference).
   */
  readonly properties?: string;
  /** Cases per property (the whole run, all shards together). */
  readonly runs: number;
  readonly workers: number;
  readonly seed: number;
  readonly shard?: Shard;
  /** Cases per chunk (default DEFAULT_CHUNK_SIZE); part of the plan, so the same for every shard. */
  readonly chunkSize?: number;
  /** The registry module, a path or a file: URL (default properties/registry.ts). */
  readonly registry?: string;
  /** The engine under test: a module exporting an Engine, a path or a file: URL (default the fast engine). */
  readonly engine?: string;
  /** `--engine-cmd`: the engine under test is a process, held to the reference by engine-equals-reference. */
  readonly engineCommand?: EngineCommand;
  /** A chunk still running after this is stopped (its worker terminated) and reported crashed. */
  readonly chunkTimeoutMs?: number;
  /** Called once the chunks are planned, with their number. */
  readonly onStart?: (chunks: number) => void;
  /** Called after each chunk. */
  readonly onProgress?: (progress: Progress) => void;
}

export interface Progress {
  /** Chunks finished, of `total`. */
  readonly done: number;
  readonly total: number;
  /** Cases run so far. */
  readonly runs: number;
  /** Failing chunks so far. */
  readonly failures: number;
  /** The property of the chunk that just finished: its chunks finished and planned, cases, failures. */
  readonly property: string;
  readonly propertyDone: number;
  readonly propertyTotal: number;
  readonly propertyRuns: number;
  readonly propertyFailures: number;
}

export const DEFAULT_CHUNK_SIZE = 100;
export const DEFAULT_CHUNK_TIMEOUT_MS = 300_000;
/**
 * fast-check's own time limit, as a share of the chunk timeout: it interrupts only between two
 * runs of the check, so the rest is left for the run under way (an engine that hangs still meets
 * the timeout).
 */
export const TIME_LIMIT_SHARE = 0.8;
/** The one property an engine process runs (`--engine-cmd`): the differential property. */
export const PROCESS_PROPERTY = "engine-equals-reference";
export const DEFAULT_REGISTRY = new URL("../../properties/registry.ts", import.meta.url).href;
const WORKER = new URL("./worker.mjs", import.meta.url).href;

/** Runs the check and resolves to its report; `report.failures > 0` means exit code 1. */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const started = Date.now();
  const createdAt = new Date(started).toISOString();
  const shard = options.shard ?? WHOLE;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isSafeInteger(options.workers) || options.workers < 1)
    throw new Error(`check: --workers must be an integer >= 1, got ${options.workers}`);
  const registryUrl = resolveRegistry(options.registry);
  const engineUrl = resolveEngineModule(options.engine);
  if (options.engine !== undefined && options.engineCommand !== undefined)
    throw new Error("check: give --engine (a module) or --engine-cmd (a process), not both");
  const modules = { registry: registryUrl, engine: engineUrl, engineCommand: options.engineCommand };
  oneCorePerWorker();
  optimizeOnlyHotCode();
  if (options.workers >= availableParallelism()) scavengeOnTheWorkerThread();
  // The workers start, and load the registry, at once.
  const pool = new Piscina<ChunkTask | DescribeTask, unknown>({
    filename: WORKER,
    minThreads: options.workers,
    maxThreads: options.workers,
    concurrentTasksPerWorker: 1,
    workerData: { registry: registryUrl, engine: engineUrl },
  });
  let outcomes: ChunkOutcome[];
  let properties: PropertyTitle[];
  try {
    // A worker loads the registry (this thread never loads the engines), picks the properties and
    // builds each once for its title: an unknown name or a factory that throws stops the run here.
    const globs = options.properties ?? (options.engineCommand === undefined ? "*" : PROCESS_PROPERTY);
    const describe: DescribeTask = { ...modules, globs };
    properties = (await pool.run(describe, { name: "describe" })) as PropertyTitle[];
    const names = properties.map((p) => p.name);
    const inProcess = names.filter((name) => name !== PROCESS_PROPERTY);
    if (options.engineCommand !== undefined && inProcess.length > 0)
      throw new Error(
        `check --engine-cmd runs ${PROCESS_PROPERTY} only (the others run strategies on an engine in this process), not ${inProcess.join(", ")}`,
      );
    const chunks = planChunks({
      properties: names,
      runs: options.runs,
      seed: options.seed,
      chunkSize,
      shard,
    });
    options.onStart?.(chunks.length);
    outcomes = await runChunks(pool, chunks, modules, options);
  } finally {
    await pool.destroy();
  }
  return buildReport(
    {
      seed: options.seed,
      runs: options.runs,
      chunkSize,
      shard: renderShard(shard),
      properties,
      outcomes,
      registry: options.registry,
      engine: options.engine,
      engineCommand: options.engineCommand,
    },
    {
      createdAt,
      host: hostname(),
      durationMs: Date.now() - started,
      workers: options.workers,
      shard: renderShard(shard),
      node: process.version,
    },
  );
}

/** The registry module's URL: `registry` (a path or URL), or properties/registry.ts. */
export function resolveRegistry(registry: string | undefined): string {
  return registry === undefined ? DEFAULT_REGISTRY : moduleUrl("--registry", registry);
}

/** The engine module's URL (`--engine`, a path or URL), or undefined for the fast engine. */
export function resolveEngineModule(engine: string | undefined): string | undefined {
  return engine === undefined ? undefined : moduleUrl("--engine", engine);
}

/** A path (relative to the working folder) or a URL, as a module URL. */
function moduleUrl(flag: string, module: string): string {
  if (/^(file|data):/.test(module)) return module;
  const path = isAbsolute(module) ? module : resolve(module);
  // Checked here: a worker that fails to import reports no readable error.
  if (!existsSync(path)) throw new Error(`${flag} ${module}: no such file (${path})`);
  return pathToFileURL(path).href;
}

// ---------------------------------------------------------------------------------------------

async function runChunks(
  pool: Piscina<ChunkTask | DescribeTask, unknown>,
  chunks: readonly Chunk[],
  modules: {
    readonly registry: string;
    readonly engine: string | undefined;
    readonly engineCommand: EngineCommand | undefined;
  },
  options: CheckOptions,
): Promise<ChunkOutcome[]> {
  const lanes = Math.min(options.workers, chunks.length);
  const timeoutMs = options.chunkTimeoutMs ?? DEFAULT_CHUNK_TIMEOUT_MS;
  const perProperty = new Map<string, Tally>();
  for (const chunk of chunks) {
    const counts = perProperty.get(chunk.property) ?? { done: 0, total: 0, runs: 0, failures: 0 };
    counts.total++;
    perProperty.set(chunk.property, counts);
  }
  const outcomes: ChunkOutcome[] = new Array(chunks.length);
  const tally: Tally = { done: 0, total: chunks.length, runs: 0, failures: 0 };
  let next = 0;

  const runOne = async (chunk: Chunk): Promise<ChunkOutcome> => {
    // The timeout starts when the worker says fast-check starts, not while a new worker loads.
    const { port1, port2 } = new MessageChannel();
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    port1.once("message", () => {
      if (!settled) timer = setTimeout(() => abort.abort(), timeoutMs).unref();
    });
    const timeLimitMs = Math.floor(timeoutMs * TIME_LIMIT_SHARE);
    const task: ChunkTask = { ...modules, ...chunk, timeLimitMs, started: port2 };
    try {
      const result = (await pool.run(task, { signal: abort.signal, transferList: [port2] })) as ChunkResult;
      if (result.interrupted) {
        const error = `stopped at the time limit (${timeLimitMs} ms) after ${result.runs} of ${chunk.runs} cases, none failing`;
        return { kind: "crashed", chunk, error };
      }
      return { kind: "done", chunk, result };
    } catch (error) {
      const why = abort.signal.aborted
        ? `no result after ${timeoutMs} ms (worker stopped)`
        : errorText(error);
      return { kind: "crashed", chunk, error: why };
    } finally {
      settled = true;
      clearTimeout(timer);
      port1.close();
    }
  };

  // One lane per worker: each takes the next chunk when its previous one is done.
  const lane = async () => {
    while (next < chunks.length) {
      const index = next++;
      const outcome = await runOne(chunks[index]);
      outcomes[index] = outcome;
      const runs = outcome.kind === "done" ? outcome.result.runs : 0;
      const failed = outcome.kind === "crashed" || outcome.result.counterexample !== null ? 1 : 0;
      const counts = perProperty.get(outcome.chunk.property) as Tally;
      for (const t of [tally, counts]) {
        t.done++;
        t.runs += runs;
        t.failures += failed;
      }
      options.onProgress?.({
        done: tally.done,
        total: chunks.length,
        runs: tally.runs,
        failures: tally.failures,
        property: outcome.chunk.property,
        propertyDone: counts.done,
        propertyTotal: counts.total,
        propertyRuns: counts.runs,
        propertyFailures: counts.failures,
      });
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return outcomes;
}

interface Tally {
  done: number;
  total: number;
  runs: number;
  failures: number;
}

/**
 * V8 re-optimizes hot code on background threads by default, and the engines' code keeps being
 * re-optimized as the generated cases vary: one worker then keeps about 1.45 cores busy, and on
 * a 2-core machine a second worker adds little. Compiling on the worker's own thread instead
 * costs one worker little and lets N workers use N cores. V8 reads the flag when an isolate
 * starts, so it holds for the workers started after this call (the flag is process-wide).
 */
function oneCorePerWorker(): void {
  setFlagsFromString("--no-concurrent-recompilation");
}

/**
 * V8 optimizes a function once it has used up its interrupt budget, and every worker compiles for
 * itself: with the default budget (66 KB of bytecode run) a worker spends about 15% of its time in
 * TurboFan, re-optimizing code as the cases vary, and each worker repeats the warm-up. Four times
 * the budget optimizes less of the briefly hot code: 3,000 engine-equals-reference cases ran 3-8%
 * faster on 1 worker and on 2 (2 cores). The budget is read as functions run (process-wide).
 */
function optimizeOnlyHotCode(): void {
  setFlagsFromString(`--interrupt-budget=${4 * 66 * 1024}`);
}

/**
 * V8 splits each scavenge (a young-generation GC, a few hundred per worker and 1,000 cases) over
 * helper threads. With a worker per core no core is idle for them: they take turns with the
 * workers and add hand-offs (2 workers on 2 cores 3-5% faster without; 1 worker 4% slower). V8
 * reads the flag at each scavenge (process-wide).
 */
function scavengeOnTheWorkerThread(): void {
  setFlagsFromString("--no-parallel-scavenge");
}
