// SPEC 9 and issue 6: the differential property. On any generated run, an engine's records equal
// the reference engine's (discrete fields exactly, money within 1e-9 relative, floor 1e-6). The
// engine under test is a parameter, so a patched variant (a planted bug) runs the same property.
import { referenceEngine } from "../reference/engine.ts";
import { diffRecords, renderRecordDivergence } from "../src/compare/index.ts";
import { resolveConfig } from "../src/config/resolve.ts";
import { fastEngine } from "../src/engine/index.ts";
import type { Engine, Records, RunConfig } from "../src/model/index.ts";
import { type Property, property } from "./property.ts";
import { caseStrategy, type RunCase, type RunInputConstraints, runInput } from "./run-input.ts";

/** Runs an engine on a generated case. */
export function runCase(engine: Engine, runCase: RunCase): Records {
  const config = resolveConfig(runCase.configInput, runCase.panel.symbols, "generated config");
  return engine.run(runCase.panel, config, caseStrategy(runCase));
}

/**
 * Throws the first divergence between the reference and `engine` on the case; `observe` sees the
 * reference's config and records first (the runner counts coverage from them, at no extra run).
 */
export function checkAgainstReference(
  engine: Engine,
  value: RunCase,
  observe?: (config: RunConfig, records: Records) => void,
): void {
  const config = resolveConfig(value.configInput, value.panel.symbols, "generated config");
  const reference = referenceEngine.run(value.panel, config, caseStrategy(value));
  observe?.(config, reference);
  const divergence = diffRecords(reference, engine.run(value.panel, config, caseStrategy(value)), {
    names: ["reference", engine.name],
  });
  if (divergence !== null) throw new Error(`differential: ${renderRecordDivergence(divergence)}`);
}

export function engineEqualsReference(
  engine: Engine = fastEngine,
  constraints: RunInputConstraints = {},
): Property<RunCase> {
  return property(
    `differential: ${engine.name} engine == reference engine, record by record`,
    runInput(constraints),
    (value) => checkAgainstReference(engine, value),
  );
}
