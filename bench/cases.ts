// The benchmark cases: what data, configuration and strategy each one runs, at full or quick
// sizes, and how many warm-up and timed runs it gets. build() makes the inputs once, outside
// any timed region; strategy() makes a fresh strategy per run so that every run is identical.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolveConfig } from "../src/config/index.ts";
import { loadCsvPanel, syntheticPanel } from "../src/data/index.ts";
import { parseWeightsCsv } from "../src/data/weights-csv.ts";
import { type Panel, type RunConfig, type Strategy, unreachable } from "../src/model/index.ts";
import { fromTargets } from "../src/strategy/from-targets.ts";
import { rankLongShort } from "../src/strategy/rank-long-short.ts";
import { momentumLongShort, momentumTargets, noOrders, sparseOrders } from "./strategies.ts";

export const CASE_NAMES = [
  "seed-study",
  "seed-study-from-targets",
  "seed-study-read-records",
  "rebalance-2000x2520",
  "rebalance-from-targets-2000x2520",
  "sparse-500x100k",
  "floor",
] as const;
export type CaseName = (typeof CASE_NAMES)[number];

export function isCaseName(name: string): name is CaseName {
  return (CASE_NAMES as readonly string[]).includes(name);
}

/** The cases that run the seed study (bench250), each reported as a ratio to the bare loop. */
export const SEED_STUDY_CASES: readonly CaseName[] = [
  "seed-study",
  "seed-study-from-targets",
  "seed-study-read-records",
];

export const SEED_STUDY_CSV = new URL("../../shared/golden/bench250/bars.csv", import.meta.url);
/** The rank strategy's target value per (decision day, asset) on the seed study: `date,asset,target`. */
export const SEED_STUDY_TARGETS_CSV = new URL("../../shared/golden/bench250/targets.csv", import.meta.url);
const SEED = 42;
const MOMENTUM = { lookback: 20, longs: 50, shorts: 50, weight: 0.01 } as const;

export interface CaseInputs {
  readonly panel: Panel;
  readonly config: RunConfig;
  readonly strategy: () => Strategy;
}

/** What a timed run covers: engine.run() alone, or run() and then every record read. */
export type TimedRegion = "run" | "runAndReadRecords";

export interface BenchCase {
  readonly name: CaseName;
  readonly timed: TimedRegion;
  /** Nominal size (the measurement records the built panel's). */
  readonly assets: number;
  readonly bars: number;
  readonly warmup: number;
  readonly runs: number;
  /** One line: data and strategy. */
  readonly description: string;
  build(): CaseInputs;
}

interface Plan {
  readonly assets: number;
  readonly bars: number;
  readonly warmup: number;
  readonly runs: number;
}

const FULL: Readonly<Record<CaseName, Plan>> = {
  // Medians "after warm-up": a few milliseconds of JIT-compiled code needs a few dozen runs first.
  "seed-study": { assets: 250, bars: 252, warmup: 30, runs: 31 },
  "seed-study-from-targets": { assets: 250, bars: 252, warmup: 30, runs: 31 },
  "seed-study-read-records": { assets: 250, bars: 252, warmup: 30, runs: 31 },
  "rebalance-2000x2520": { assets: 2000, bars: 2520, warmup: 2, runs: 5 },
  "rebalance-from-targets-2000x2520": { assets: 2000, bars: 2520, warmup: 2, runs: 5 },
  "sparse-500x100k": { assets: 500, bars: 100_000, warmup: 1, runs: 3 },
  floor: { assets: 500, bars: 20_000, warmup: 5, runs: 9 },
};

const QUICK: Readonly<Record<CaseName, Plan>> = {
  "seed-study": { assets: 250, bars: 252, warmup: 15, runs: 15 },
  "seed-study-from-targets": { assets: 250, bars: 252, warmup: 15, runs: 15 },
  "seed-study-read-records": { assets: 250, bars: 252, warmup: 15, runs: 15 },
  "rebalance-2000x2520": { assets: 500, bars: 504, warmup: 2, runs: 5 },
  "rebalance-from-targets-2000x2520": { assets: 500, bars: 504, warmup: 2, runs: 5 },
  "sparse-500x100k": { assets: 200, bars: 10_000, warmup: 1, runs: 5 },
  floor: { assets: 200, bars: 5_000, warmup: 1, runs: 5 },
};

/** The seed study's account: $1M margin, 0.1% commission, 5 bps slippage (every case uses it). */
export const CONFIG_INPUT = {
  initialCash: 1_000_000,
  account: "margin",
  commission: { model: "percent", rate: 0.001 },
  slippage: { model: "fixedBps", bps: 5 },
} as const;

/** Engines slow enough to measure with fewer runs: at most this warm-up and this many timed runs. */
export const ENGINE_RUN_LIMITS: Readonly<Record<string, { readonly warmup: number; readonly runs: number }>> =
  {
    reference: { warmup: 1, runs: 3 },
  };

/** Engines that only run some cases (too slow for the others), with the cases they run. */
export const ENGINE_CASES: Readonly<Record<string, readonly CaseName[]>> = {
  reference: ["seed-study"],
};

/** Why an engine skips a case, or null when it runs it. */
export function skipReason(engine: string, name: CaseName): string | null {
  const only = ENGINE_CASES[engine];
  if (only === undefined || only.includes(name)) return null;
  return `${engine}: ${only.join(", ")} only`;
}

export function benchCase(name: CaseName, options: { quick?: boolean } = {}): BenchCase {
  const plan = (options.quick ? QUICK : FULL)[name];
  const { assets, bars } = plan;
  const synthetic = () => syntheticPanel({ assets, bars, seed: SEED });
  const inputs = (panel: Panel, strategy: () => Strategy): CaseInputs => ({
    panel,
    config: resolveConfig(CONFIG_INPUT, panel.symbols),
    strategy,
  });
  switch (name) {
    case "seed-study":
      return {
        name,
        ...plan,
        timed: "run",
        description:
          "bench250 bars.csv, the event-driven rank strategy (rankLongShort by score, 25/25 x $20k target value), ranking timed",
        build: () => inputs(seedStudyPanel(), seedStudyRanking),
      };
    case "seed-study-from-targets":
      return {
        name,
        ...plan,
        timed: "run",
        description:
          "bench250 bars.csv, fromTargets values from targets.csv (the rank strategy's decisions, precomputed, as VectorBT gets them)",
        build: () => {
          const panel = seedStudyPanel();
          const values = seedStudyTargetValues(panel);
          return inputs(panel, () => fromTargets({ values }));
        },
      };
    case "seed-study-read-records":
      return {
        name,
        ...plan,
        timed: "runAndReadRecords",
        description:
          "the seed-study case, then its orders, fills, trades and positions read inside the timing (records are made on first read)",
        build: () => inputs(seedStudyPanel(), seedStudyRanking),
      };
    case "rebalance-2000x2520":
      return {
        name,
        ...plan,
        timed: "run",
        description: `synthetic seed ${SEED}, daily 20-bar momentum, 50 long / 50 short at +-1% (targetPercent)`,
        build: () => inputs(synthetic(), () => momentumLongShort(MOMENTUM)),
      };
    case "rebalance-from-targets-2000x2520":
      return {
        name,
        ...plan,
        timed: "run",
        description: "the rebalance case's decisions as fromTargets weights, computed before the run",
        build: () => {
          const panel = synthetic();
          const weights = momentumTargets(panel, MOMENTUM);
          return inputs(panel, () => fromTargets({ weights }));
        },
      };
    case "sparse-500x100k":
      return {
        name,
        ...plan,
        timed: "run",
        description: `synthetic seed ${SEED}, every 1,000 bars buy or close 100 units of 4 assets`,
        build: () => inputs(synthetic(), () => sparseOrders({ every: 1_000, assets: 4, units: 100 })),
      };
    case "floor":
      return {
        name,
        ...plan,
        timed: "run",
        description: `synthetic seed ${SEED}, no orders (cost per bar)`,
        build: () => inputs(synthetic(), noOrders),
      };
    default:
      return unreachable(name);
  }
}

/**
 * targets.csv as fromTargets values, T x N row-major: a listed (date, asset) gets its target, the
 * other assets of a listed date 0, and a date the file does not list (the last bar: no decision)
 * NaN. That is the weights file's layout with other column names and money for weights, so
 * parseWeightsCsv reads it under the weights header.
 */
export function seedStudyTargetValues(panel: Panel): Float64Array {
  const file = fileURLToPath(SEED_STUDY_TARGETS_CSV);
  const text = readFileSync(file, "utf8");
  const header = "date,asset,target";
  if (!text.startsWith(`${header}\n`))
    throw new Error(`${file}:1: expected the header "${header}", got "${text.slice(0, text.indexOf("\n"))}"`);
  return parseWeightsCsv(`date,symbol,weight${text.slice(header.length)}`, file, panel);
}

const seedStudyPanel = () => loadCsvPanel(fileURLToPath(SEED_STUDY_CSV));
const seedStudyRanking = () => rankLongShort({ signal: "score", longs: 25, shorts: 25, targetValue: 20_000 });
