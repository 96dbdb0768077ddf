// One chunk of a stress run, as a worker thread runs it: for each path of the chunk, its panel
// from the stream of (seed, path) alone, the strategy made anew from its params on it, a fast
// (or reference) backtest, the path's outcome; the chunk's outcomes go back as transferred typed
// arrays, not records. The model, config and engine are resolved once per worker.
import { move, transferableSymbol, valueSymbol } from "piscina";
import { StrategyError } from "../../api/guard.ts";
import { runConfigFor, runOutcomeBacktest, runRecords } from "../../api/run.ts";
import { strategyFromParams } from "../../cli/built-ins.ts";
import { loadEngine } from "../../cli/engines.ts";
import { diffRecords, renderRecordDivergence } from "../../compare/index.ts";
import { fastEngine } from "../../engine/index.ts";
import { RecordsNotKept } from "../../engine/logs.ts";
import type { Engine, OutcomeRecords, Panel, Records, RunConfig } from "../../model/index.ts";
import {
  chunkTransferList,
  type OutcomeChunk,
  outcomeLayout,
  type PathOutcome,
  packOutcomes,
} from "../chunk.ts";
import { pathOutcome } from "../outcome.ts";
import { type PathScratch, pathPanel, pathScratch } from "../path.ts";
import { BARS_PER_YEAR } from "../path-model.ts";
import { resolveStressModel, type StressModelSpec } from "../spec.ts";
import { isCrossChecked, type StressSetup } from "./setup.ts";

export interface ChunkTask {
  readonly setup: StressSetup;
  /** Paths firstPath .. firstPath + paths - 1. */
  readonly firstPath: number;
  readonly paths: number;
}

interface Resolved {
  readonly key: string;
  readonly spec: StressModelSpec;
  readonly scratch: PathScratch;
  readonly engine: Engine;
  config: RunConfig | null;
  /** Whether the strategy read the records an outcome run does not keep (pathRecords). */
  readsRecords: boolean;
}

/** This worker's model, buffers and engine, by the setup they came from. */
let resolved: Resolved | null = null;

export default async function runChunkTask(task: ChunkTask): Promise<unknown> {
  return move(transferable(await runChunk(task)));
}

/** The chunk's outcomes; throws, naming the path and its seed, when a path's run throws. */
export async function runChunk({ setup, firstPath, paths }: ChunkTask): Promise<OutcomeChunk> {
  const inputs = await resolvedFor(setup);
  const layout = outcomeLayout(setup.bars, setup.fanBars);
  const outcomes: PathOutcome[] = [];
  for (let path = firstPath; path < firstPath + paths; path++) {
    try {
      const { panel, logLikelihoodRatio } = pathPanel(
        inputs.spec,
        { path, seed: setup.seed, bars: setup.bars, start: setup.start },
        inputs.scratch,
      );
      inputs.config ??= runConfigFor(panel, setup.config, {
        config: setup.labels.config,
        data: setup.labels.model,
      });
      const records = await pathRecords(panel, inputs.config, inputs, setup, path);
      outcomes.push(
        pathOutcome(
          {
            records,
            times: panel.times,
            initialCash: inputs.config.initialCash,
            // Paths are daily weekday bars by construction: no need to infer it from each one's times.
            periodsPerYear: BARS_PER_YEAR,
            weight: Math.exp(logLikelihoodRatio),
          },
          layout,
        ),
      );
    } catch (error) {
      throw new Error(
        `stress path ${path} (seed ${setup.seed}; replay it with --replay-path ${path}): ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  return packOutcomes(layout, firstPath, outcomes);
}

/**
 * The path's run. On the fast engine, not cross-checked, an outcome run (no order, fill or trade
 * records: runOutcome), unless the strategy reads them: then, as for the rest of the worker's
 * paths, a full one. Both give the same series and events, so the choice never shows.
 */
async function pathRecords(
  panel: Panel,
  config: RunConfig,
  inputs: Resolved,
  setup: StressSetup,
  path: number,
): Promise<OutcomeRecords> {
  const strategy = () => strategyFromParams(setup.strategy, setup.params, panel, "stress");
  if (inputs.engine === fastEngine && !inputs.readsRecords && !isCrossChecked(setup, path)) {
    try {
      return runOutcomeBacktest(panel, config, await strategy());
    } catch (error) {
      if (!(error instanceof StrategyError && error.cause instanceof RecordsNotKept)) throw error;
      inputs.readsRecords = true;
    }
  }
  const records = runRecords(panel, config, await strategy(), inputs.engine);
  if (isCrossChecked(setup, path)) await crossCheck(panel, config, setup, records);
  return records;
}

/** The path again on the reference engine: any record that differs fails the run. */
async function crossCheck(panel: Panel, config: RunConfig, setup: StressSetup, fast: Records): Promise<void> {
  const strategy = await strategyFromParams(setup.strategy, setup.params, panel, "stress");
  const reference = runRecords(panel, config, strategy, await loadEngine("reference"));
  const divergence = diffRecords(reference, fast, { names: ["reference", setup.engine] });
  if (divergence !== null)
    throw new Error(
      `the cross-check on the reference engine diverged: ${renderRecordDivergence(divergence)}`,
    );
}

async function resolvedFor(setup: StressSetup): Promise<Resolved> {
  const key = JSON.stringify([setup.model, setup.modelSource, setup.engine, setup.bars, setup.start]);
  if (resolved?.key !== key) {
    // The data loaders (Arrow, Parquet, CSV) load only for a model fitted to or resampling a file.
    const source =
      setup.modelSource === null
        ? undefined
        : await (await import("../../data/load.ts")).loadPanel(setup.modelSource);
    const spec = resolveStressModel(setup.model, { source: setup.labels.model }, source);
    resolved = {
      key,
      spec,
      scratch: pathScratch(spec, setup.bars, setup.start),
      engine: await loadEngine(setup.engine),
      config: null,
      readsRecords: false,
    };
  }
  return resolved;
}

/** The chunk as Piscina's Transferable: its typed arrays' buffers move instead of being copied. */
function transferable(chunk: OutcomeChunk) {
  return {
    get [transferableSymbol]() {
      return chunkTransferList(chunk);
    },
    get [valueSymbol]() {
      return chunk;
    },
  };
}
