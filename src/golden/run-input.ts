// A golden file run on an engine: its panel, config and orders as `assay golden` takes them
// (adapt.ts). The engine process protocol runs a bare `input` the same way, with no `expected`
// to compare (properties/engine-command.ts, examples/engines/fast-process.ts).
import { resolveConfig } from "../config/resolve.ts";
import type { Engine, Records } from "../model/index.ts";
import { scheduledOrders } from "../strategy/declarative.ts";
import { goldenConfigSource, goldenRun } from "./adapt.ts";
import type { GoldenFile, GoldenInput } from "./format.ts";

export interface GoldenRecords {
  readonly records: Records;
  /** The run's bar dates (the comparator reads the expected records' dates against them). */
  readonly dates: string[];
}

export function runGoldenFile(engine: Engine, file: GoldenFile): GoldenRecords {
  const run = goldenRun(file);
  const config = resolveConfig(run.configInput, run.panel.symbols, goldenConfigSource(file));
  return {
    records: engine.run(run.panel, config, scheduledOrders(run.ordersByBar, file.name)),
    dates: run.dates,
  };
}

/** A golden `input` alone, as an engine process receives it; `source` names it in errors. */
export function runGoldenInput(engine: Engine, input: GoldenInput, source: string): GoldenRecords {
  return runGoldenFile(engine, { source, name: source, peer: "assay-spec input", input, expected: {} });
}
