// The library's one call: data, a strategy and a config in, a Result out (the SPEC 9 records,
// the resolved config, the summary, the manifest hash), on either engine.
import { referenceEngine } from "../../reference/engine.ts";
import { manifestHash } from "../compare/index.ts";
import type { ConfigInput } from "../config/index.ts";
import { loadCsvPanel, writeRecordsCSV, writeRecordsParquet } from "../data/index.ts";
import { fastEngine } from "../engine/index.ts";
import type { Engine, Panel, Records, RunConfig, Strategy } from "../model/index.ts";
import { computeMetrics, type Metrics, type MetricsOptions } from "../report/metrics/index.ts";
import { type RunSummary, summarize } from "../report/summary.ts";
import { runConfigFor, runRecords } from "./run.ts";

export const ENGINES = { fast: fastEngine, reference: referenceEngine } as const;
export type EngineName = keyof typeof ENGINES;

export interface BacktestOptions {
  /** A Panel, or the path of a long-format CSV (loaded with loadCsvPanel). */
  readonly data: Panel | string;
  readonly strategy: Strategy;
  /** Over assay's defaults; resolved (and checked) by resolveConfig. Default {}. */
  readonly config?: ConfigInput;
  /** Default "fast". */
  readonly engine?: EngineName;
  /** Periods per year, risk-free rate, trials for the deflated Sharpe ratio (docs/metrics.md). */
  readonly metrics?: Pick<MetricsOptions, "periodsPerYear" | "riskFree" | "trialSharpes" | "trials">;
}

export interface Result {
  readonly records: Records;
  readonly config: RunConfig;
  readonly summary: RunSummary;
  /** Returns, risk, drawdown, trades, exposure, costs and account events (docs/metrics.md); computed on first read. */
  readonly metrics: Metrics;
  /** SPEC I15's hash of panel, config and records; computed on first read. */
  readonly manifestHash: string;
  /** Records, config, summary, metrics and hash as plain data (what JSON.stringify writes). */
  toJSON(): {
    records: Records;
    config: RunConfig;
    summary: RunSummary;
    metrics: Metrics;
    manifestHash: string;
  };
  /** Writes orders, fills, trades, equity, positions, events and warnings as CSV into dir (docs/data.md); returns the paths. */
  toCSV(dir: string): string[];
  /** The same tables as Parquet, typed columns that pandas and polars read as they are; returns the paths. */
  toParquet(dir: string): string[];
}

export function backtest(options: BacktestOptions): Result {
  const { data, strategy } = options;
  const engine = engineNamed(options.engine ?? "fast");
  if (strategy === null || typeof strategy !== "object" || typeof strategy.onBar !== "function")
    throw new Error("backtest() field=strategy: expected a Strategy { name, onBar(ctx) }");
  const panel = typeof data === "string" ? loadCsvPanel(data) : data;
  if (panel === null || typeof panel !== "object" || !(panel.times instanceof Float64Array))
    throw new Error("backtest() field=data: expected a Panel or the path of a CSV file");
  const config = runConfigFor(
    panel,
    options.config ?? {},
    { config: "config", data: typeof data === "string" ? data : "data" },
    strategy.fillAt,
  );
  return runBacktest(panel, config, strategy, engine, options.metrics);
}

/** A run on a checked panel and a resolved config (runConfigFor). */
export function runBacktest(
  panel: Panel,
  config: RunConfig,
  strategy: Strategy,
  engine: Engine,
  metricsOptions: BacktestOptions["metrics"] = {},
): Result {
  const records = runRecords(panel, config, strategy, engine);
  // Computed on first read, as metrics are: the summary reads every order record, which the fast
  // engine makes only when asked (a stress path that reads its equity and events never does).
  let summary: RunSummary | undefined;
  let hash: string | undefined;
  let metrics: Metrics | undefined;
  const result: Result = {
    records,
    config,
    get summary() {
      summary ??= summarize(records, panel.times, config.initialCash);
      return summary;
    },
    get metrics() {
      metrics ??= computeMetrics(records, panel.times, {
        ...metricsOptions,
        initialEquity: config.initialCash,
        multipliers: config.instruments.map((instrument) => instrument.multiplier),
      });
      return metrics;
    },
    get manifestHash() {
      hash ??= manifestHash(records, { panel, config });
      return hash;
    },
    toJSON: () => ({
      records,
      config,
      summary: result.summary,
      metrics: result.metrics,
      manifestHash: result.manifestHash,
    }),
    toCSV: (dir) => writeRecordsCSV(records, panel, dir),
    toParquet: (dir) => writeRecordsParquet(records, panel, dir),
  };
  return result;
}

function engineNamed(name: string): Engine {
  if (!Object.hasOwn(ENGINES, name))
    throw new Error(
      `backtest() field=engine: expected ${Object.keys(ENGINES)
        .map((known) => `"${known}"`)
        .join(" or ")}, got ${JSON.stringify(name)}`,
    );
  return ENGINES[name as EngineName];
}
