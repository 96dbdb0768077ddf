// A run's core, without the Result around it (backtest.ts): the config resolved for a panel, the
// strategy checked against it and guarded, and the engine's records, full or the outcome run's.
// What a stress worker imports: no data loader, metric or writer comes with it.
import { type ConfigInput, resolveConfig } from "../config/index.ts";
import { validatePanel } from "../data/validate.ts";
import { runOutcome } from "../engine/index.ts";
import type { Engine, FillAt, OutcomeRecords, Panel, Records, RunConfig, Strategy } from "../model/index.ts";
import { guardStrategy } from "./guard.ts";

/**
 * The run's config, resolved over assay's defaults, with the panel checked against its tick grid.
 * `fillAt` (a declarative strategy's fill timing) applies when the input names none; an explicit
 * one still wins, and the run refuses it if it differs. `labels` name the config and the data
 * in errors (the CLI gives its files).
 */
export function runConfigFor(
  panel: Panel,
  input: ConfigInput,
  labels: { readonly config: string; readonly data: string },
  fillAt?: FillAt,
): RunConfig {
  const config = resolveConfig(
    input.fillAt === undefined && fillAt !== undefined ? { ...input, fillAt } : input,
    panel.symbols,
    labels.config,
  );
  // The tick grid is part of the config, so bars are checked against it once both are known.
  validatePanel(
    panel,
    labels.data,
    config.instruments.map((instrument) => instrument.tickSize),
  );
  return config;
}

/** The strategy as a run takes it: its fillAt checked against the config's, its throws said where (guard.ts). */
function runnableStrategy(strategy: Strategy, config: RunConfig): Strategy {
  if (strategy.fillAt !== undefined && strategy.fillAt !== config.fillAt)
    throw new Error(
      `strategy "${strategy.name}" fills at ${JSON.stringify(strategy.fillAt)}, but the config has fillAt ` +
        `${JSON.stringify(config.fillAt)}: set fillAt ${JSON.stringify(strategy.fillAt)} (or price "open")`,
    );
  return guardStrategy(strategy);
}

/** The engine's records of a run on a checked panel and a resolved config (runConfigFor). */
export function runRecords(panel: Panel, config: RunConfig, strategy: Strategy, engine: Engine): Records {
  return engine.run(panel, config, runnableStrategy(strategy, config));
}

/**
 * runRecords' run on the fast engine without order, fill, trade and positions records
 * (runOutcome): the series and events of a stress path. A strategy that reads the records it
 * does not keep throws a StrategyError caused by RecordsNotKept.
 */
export function runOutcomeBacktest(panel: Panel, config: RunConfig, strategy: Strategy): OutcomeRecords {
  return runOutcome(panel, config, runnableStrategy(strategy, config));
}
