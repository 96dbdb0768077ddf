// Timing one (case, engine): warm-up runs, then timed runs of engine.run() alone (inputs built
// before, a fresh strategy made before each run), their median and min, the orders count and
// the process's peak RSS. main.ts runs each measurement in a fresh child process (run-one.ts),
// so the peak RSS is that case's.
import type { Engine } from "../src/model/index.ts";
import type { BenchCase, CaseInputs, CaseName } from "./cases.ts";

export interface Measurement {
  readonly name: CaseName;
  readonly engine: string;
  readonly assets: number;
  readonly bars: number;
  readonly orders: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
  readonly peakRssMB: number;
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

/** Timed run durations (ms) and the orders count, which must be the same on every run. */
export function timeRuns(
  engine: Engine,
  inputs: CaseInputs,
  plan: RunPlan,
): { timesMs: number[]; orders: number } {
  if (!(Number.isInteger(plan.runs) && plan.runs >= 1))
    throw new Error(`runs must be >= 1, got ${plan.runs}`);
  const { panel, config } = inputs;
  const timesMs: number[] = [];
  let orders = -1;
  // One collection before the warm-up, none between runs: a forced full GC before each run
  // leaves the heap cold and made every run of the fast engine 5x slower (258 vs 51 ms).
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < plan.warmup + plan.runs; i++) {
    const strategy = inputs.strategy();
    const start = performance.now();
    const records = engine.run(panel, config, strategy);
    const elapsed = performance.now() - start;
    const count = records.orders.length;
    if (orders !== -1 && count !== orders)
      throw new Error(`${engine.name}: run ${i + 1} made ${count} orders, run 1 made ${orders}`);
    orders = count;
    if (i >= plan.warmup) timesMs.push(elapsed);
  }
  return { timesMs, orders };
}

export interface MeasureOptions extends Partial<RunPlan> {
  /** The engine's registry name (default engine.name). */
  readonly engineName?: string;
}

/** Builds the case's inputs once, then times the engine on them. */
export function measureCase(benchCase: BenchCase, engine: Engine, options: MeasureOptions = {}): Measurement {
  const inputs = benchCase.build();
  const { timesMs, orders } = timeRuns(engine, inputs, {
    warmup: options.warmup ?? benchCase.warmup,
    runs: options.runs ?? benchCase.runs,
  });
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
  };
}
