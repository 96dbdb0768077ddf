// What every path of a stress run shares, as plain data (it crosses to the worker threads with
// each chunk): the model's input (resolved in each worker), the strategy and its params, the
// config input, the engine, the path length, the seed, the fan chart's bars.
import type { ConfigInput } from "../../config/index.ts";

export interface StressSetup {
  /** The stress model's input (resolveStressModel), as the user gave it. */
  readonly model: unknown;
  /** The data file a bootstrap model resamples, absolute; null for the other models. */
  readonly modelSource: string | null;
  /** A built-in's name, or a strategy file's absolute path. */
  readonly strategy: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly config: ConfigInput;
  /** The config's and the model's names in error messages. */
  readonly labels: { readonly config: string; readonly model: string };
  readonly engine: string;
  readonly bars: number;
  /** The first bar's date, ISO. */
  readonly start: string;
  readonly seed: number;
  /** Bars whose equity the fan chart keeps (strictly increasing, < bars). */
  readonly fanBars: readonly number[];
  /** The share of paths also run on the reference engine and compared record by record (0..1). */
  readonly crossCheck: number;
}

/**
 * Whether path i is one of the cross-checked share: a hash of (seed, i), so the same paths are
 * checked on any worker, chunk or shard.
 */
export function isCrossChecked(setup: Pick<StressSetup, "seed" | "crossCheck">, path: number): boolean {
  if (setup.crossCheck <= 0) return false;
  const mixed = Math.imul(path ^ (setup.seed * 0x9e3779b1), 0x85ebca6b) >>> 0;
  return mixed / 2 ** 32 < setup.crossCheck;
}

/** About 60 evenly spaced bars, the first and the last included: enough for a smooth fan. */
export function fanBarsOf(bars: number, most = 60): number[] {
  if (bars <= most) return Array.from({ length: bars }, (_, t) => t);
  return Array.from({ length: most }, (_, j) => Math.round((j * (bars - 1)) / (most - 1)));
}
