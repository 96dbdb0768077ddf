// One trial of a sweep, as a worker thread runs it: the strategy built from its params, backtested
// on the sweep's data and config, measured. The panel and config are made once per worker and
// reused; the strategy is made anew per trial (a strategy file loaded as a module of its own), so
// a trial's result is the same whichever worker runs it, after whichever other trials.
import { runBacktest } from "../api/backtest.ts";
import { runConfigFor } from "../api/run.ts";
import { strategyFromParams } from "../cli/built-ins.ts";
import { loadEngine } from "../cli/engines.ts";
import type { ConfigInput } from "../config/index.ts";
import { loadPanel, syntheticPanel } from "../data/index.ts";
import type { Panel, RunConfig } from "../model/index.ts";
import type { Metrics } from "../report/metrics/index.ts";
import type { ParamSet } from "./grid.ts";

/** Where a sweep's bars come from: a file any loader reads, or the synthetic generator. */
export type SweepData =
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "synthetic"; readonly assets: number; readonly bars: number; readonly seed: number };

/** What every trial of a sweep shares (sent to the workers with each trial: plain data). */
export interface SweepSetup {
  /** A built-in's name, or a strategy file's absolute path. */
  readonly strategy: string;
  /** The strategy's fixed params; a trial's grid values are laid over them. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly data: SweepData;
  readonly config: ConfigInput;
  /** The config's and the data's names in error messages. */
  readonly labels: { readonly config: string; readonly data: string };
  readonly engine: string;
}

export interface TrialTask {
  readonly index: number;
  readonly grid: ParamSet;
  readonly setup: SweepSetup;
}

export interface TrialResult {
  readonly index: number;
  readonly grid: ParamSet;
  /** null when the trial failed (its error says why). */
  readonly metrics: Metrics | null;
  readonly error: string | null;
  readonly ms: number;
}

/** This worker's panel and config, by the setup they came from. */
let inputs: { key: string; panel: Panel; config: RunConfig } | null = null;

export default async function runTrial({ index, grid, setup }: TrialTask): Promise<TrialResult> {
  const started = performance.now();
  try {
    const { panel, config } = await inputsFor(setup);
    const strategy = await strategyFromParams(
      setup.strategy,
      { ...setup.params, ...grid },
      panel,
      `trial-${index}`,
    );
    const result = runBacktest(panel, config, strategy, await loadEngine(setup.engine));
    return { index, grid, metrics: result.metrics, error: null, ms: performance.now() - started };
  } catch (error) {
    return { index, grid, metrics: null, error: (error as Error).message, ms: performance.now() - started };
  }
}

async function inputsFor(setup: SweepSetup): Promise<{ panel: Panel; config: RunConfig }> {
  const key = JSON.stringify([setup.data, setup.config]);
  if (inputs?.key !== key) {
    const panel = await panelOf(setup.data);
    inputs = { key, panel, config: runConfigFor(panel, setup.config, setup.labels) };
  }
  return inputs;
}

async function panelOf(data: SweepData): Promise<Panel> {
  return data.kind === "file" ? loadPanel(data.path) : syntheticPanel(data);
}
