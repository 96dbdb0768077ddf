// Timing one (case, engine): warm-up runs, then timed runs of engine.run() (and, for a case that
// says so, the reading of every record; inputs built before, a fresh strategy made before each
// run), their median and min, the GC pauses' share of them, the orders count and the process's
// peak RSS. main.ts runs each measurement in a fresh child process (run-one.ts), so the peak RSS
// is that case's.
import type { Engine, Records } from "../src/model/index.ts";
import type { BenchCase, CaseInputs, CaseName, TimedRegion } from "./cases.ts";
import { observeGcPauses, type Window } from "./gc-pauses.ts";

export interface Measurement {
  readonly name: CaseName;
  readonly engine: string;
  readonly assets: number;
  readonly bars: number;
  readonly orders: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
  /** null when not measured (the bare-loop probe reports none). */
  readonly peakRssMB: number | null;
  /** GC pause time over run time, summed over the timed runs (0.05 is 5%); null when not measured. */
  readonly gcShare: number | null;
}

export interface RunPlan {
  readonly warmup: number;
  readonly runs: number;
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function min(values: readonly number[]): number {
  if (values.length === 0) throw new Error("min of no values");
  return values.reduce((a, b) => Math.min(a, b));
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Reads the records a run makes on first read; returns how many there are. */
export function readEveryRecord(records: Records): number {
  return (
    records.orders.length + records.fills.length + records.trades.length + records.series.positions.length
  );
}

/**
 * Timed run durations (ms), the GC pauses' share of their sum, and the orders count, which must
 * be the same on every run.
 */
export async function timeRuns(
  engine: Engine,
  inputs: CaseInputs,
  plan: RunPlan,
  timed: TimedRegion = "run",
): Promise<{ timesMs: number[]; gcShare: number; orders: number }> {
  if (!(Number.isInteger(plan.runs) && plan.runs >= 1))
    throw new Error(`runs must be >= 1, got ${plan.runs}`);
  const { panel, config } = inputs;
  const readsRecords = timed === "runAndReadRecords";
  const windows: Window[] = [];
  let orders = -1;
  // One collection before the warm-up, none between runs: a forced full GC before each run
  // leaves the heap cold and made every run of the fast engine 5x slower (258 vs 51 ms).
  (globalThis as { gc?: () => void }).gc?.();
  const gc = observeGcPauses();
  for (let i = 0; i < plan.warmup + plan.runs; i++) {
    const strategy = inputs.strategy();
    const start = performance.now();
    const records = engine.run(panel, config, strategy);
    if (readsRecords) readEveryRecord(records);
    const end = performance.now();
    const count = records.orders.length;
    if (orders !== -1 && count !== orders)
      throw new Error(`${engine.name}: run ${i + 1} made ${count} orders, run 1 made ${orders}`);
    orders = count;
    if (i >= plan.warmup) windows.push({ start, end });
  }
  const timesMs = windows.map((w) => w.end - w.start);
  const gcShare = (await gc.pausedMs(windows)) / timesMs.reduce((a, b) => a + b);
  return { timesMs, gcShare, orders };
}

export interface MeasureOptions extends Partial<RunPlan> {
  /** The engine's registry name (default engine.name). */
  readonly engineName?: string;
}

/** Builds the case's inputs once, then times the engine on them. */
export async function measureCase(
  benchCase: BenchCase,
  engine: Engine,
  options: MeasureOptions = {},
): Promise<Measurement> {
  const inputs = benchCase.build();
  const { timesMs, gcShare, orders } = await timeRuns(
    engine,
    inputs,
    { warmup: options.warmup ?? benchCase.warmup, runs: options.runs ?? benchCase.runs },
    benchCase.timed,
  );
  return {
    name: benchCase.name,
    engine: options.engineName ?? engine.name,
    assets: inputs.panel.symbols.length,
    bars: inputs.panel.times.length,
    orders,
    medianMs: median(timesMs),
    minMs: min(timesMs),
    runs: timesMs.length,
    peakRssMB: peakRssMB(),
    gcShare,
  };
}
