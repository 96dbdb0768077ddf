// One real run for the comparator tests: a scenario file through the golden runner, on the
// reference engine (tests may import both engines; src/ may not).
import { fileURLToPath } from "node:url";
import { referenceEngine } from "../../reference/engine.ts";
import { resolveConfig } from "../../src/config/index.ts";
import { goldenConfigSource, goldenRun } from "../../src/golden/adapt.ts";
import { readGoldenFile } from "../../src/golden/format.ts";
import type { Engine, Panel, Records, RunConfig } from "../../src/model/index.ts";
import { scheduledOrders } from "../../src/strategy/declarative.ts";

export interface ScenarioRun {
  readonly panel: Panel;
  readonly config: RunConfig;
  readonly records: Records;
}

/** Reads and runs scenarios/<name>.json afresh (new panel, config and records each call). */
export function runScenario(name: string, engine: Engine = referenceEngine): ScenarioRun {
  return runGoldenFile(fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url)), engine);
}

/** Runs any golden-format file through an engine. */
export function runGoldenFile(path: string, engine: Engine): ScenarioRun {
  const file = readGoldenFile(path);
  const run = goldenRun(file);
  const config = resolveConfig(run.configInput, run.panel.symbols, goldenConfigSource(file));
  const records = engine.run(run.panel, config, scheduledOrders(run.ordersByBar, file.name));
  return { panel: run.panel, config, records };
}
