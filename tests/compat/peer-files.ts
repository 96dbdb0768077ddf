// A peer's golden file (../shared/golden/<peer>/<name>.json) as an assay run, its profile taken
// out of the config input so that a test can run it with the profile on, off or changed.
import { readFileSync } from "node:fs";
import { resolveConfig } from "../../src/config/index.ts";
import type { ConfigInput } from "../../src/config/input.ts";
import { goldenRun } from "../../src/golden/adapt.ts";
import { parseGolden } from "../../src/golden/format.ts";
import type { CompatProfile, Engine, Records } from "../../src/model/index.ts";
import { scheduledOrders } from "../../src/strategy/declarative.ts";

/** The file's panel, orders and config input without `compat`. */
export function peerFile(peer: CompatProfile, name: string) {
  const path = new URL(`../../../shared/golden/${peer}/${name}.json`, import.meta.url);
  const file = parseGolden(JSON.parse(readFileSync(path, "utf8")), `${name}.json`);
  const run = goldenRun(file);
  const { compat: _, ...configInput } = run.configInput;
  return {
    file,
    run,
    configInput: configInput as ConfigInput,
    build: () => scheduledOrders(run.ordersByBar, name),
  };
}

/** Runs a peer's file under `compat` (null: assay's own defaults) plus `overrides`. */
export function runPeerFile(
  peer: CompatProfile,
  name: string,
  compat: CompatProfile | null,
  engine: Engine,
  overrides: ConfigInput = {},
): Records {
  const { run, configInput, build } = peerFile(peer, name);
  const input = { ...configInput, ...(compat === null ? {} : { compat }), ...overrides };
  return engine.run(run.panel, resolveConfig(input, run.panel.symbols), build());
}
