// SPEC 10: the reference engine's invariants on generated input. The reference asserts I1-I9, I11-I14
// at every step (it throws an InvariantError naming the invariant, the bar and the numbers); a
// run that completes has kept them all. The post-run checks of record-checks.ts then hold its
// records to SPEC 6.5 and 9 and to I1-I4, I6-I9, I11, I12 and I14 recomputed from the outside.

import { isDeepStrictEqual } from "node:util";
import { referenceEngine } from "../reference/engine.ts";
import { manifestHash } from "../src/compare/index.ts";
import { resolveConfig } from "../src/config/resolve.ts";
import { validatePanel } from "../src/data/validate.ts";
import { fastEngine, runOutcome } from "../src/engine/index.ts";
import type { Engine, Records, RunConfig } from "../src/model/index.ts";
import { type Property, property } from "./property.ts";
import { POST_RUN_CHECKS, type RecordCheck } from "./record-checks.ts";
import { caseStrategy, type RunCase, type RunInputConstraints, runInput } from "./run-input.ts";

export interface ReferenceRun {
  readonly config: RunConfig;
  readonly records: Records;
}

/** Validates the generated case (a harness bug otherwise), resolves its config and runs the reference. */
export function runReference(runCase: RunCase): ReferenceRun {
  const { panel, configInput } = runCase;
  const config = resolveConfig(configInput, panel.symbols, "generated config");
  validatePanel(
    panel,
    "generated panel",
    config.instruments.map((instrument) => instrument.tickSize),
  );
  const records = referenceEngine.run(panel, config, caseStrategy(runCase));
  return { config, records };
}

/** Runs the reference on the case, then every post-run check on its records. Throws on the first failure. */
export function checkReferenceRun(runCase: RunCase): void {
  const { config, records } = runReference(runCase);
  const run = { panel: runCase.panel, config, ordersByBar: runCase.ordersByBar, records };
  for (const check of POST_RUN_CHECKS) check(run);
}

/** The arbitrary behind referenceInvariantsHold, for other budgets or shapes. */
export function referenceInvariantsProperty(constraints: RunInputConstraints = {}): Property<RunCase> {
  return property(
    "reference: every accounting invariant holds at every step, and the records are final and consistent",
    runInput(constraints),
    checkReferenceRun,
  );
}

/**
 * Under each account type and onInsufficient policy (the config arbitrary draws them all), the
 * reference completes without an InvariantError and its records pass every post-run check.
 */
export const referenceInvariantsHold = referenceInvariantsProperty();

/**
 * SPEC 10 on any engine: the engine completes on the case and its records pass every post-run
 * check (I1-I4, I6-I9, I11, I12, I14 recomputed from the records), as the reference's do, or
 * the given ones.
 */
export function engineRecordChecksProperty(
  engine: Engine,
  observe?: (runCase: RunCase, config: RunConfig, records: Records) => void,
  checks: readonly RecordCheck[] = POST_RUN_CHECKS,
): Property<RunCase> {
  return property(
    `${engine.name}: the records keep every accounting invariant, recomputed from the outside`,
    runInput(),
    (runCase) => checkEngineRecords(engine, runCase, checks, observe),
  );
}

/** Runs `engine` on the case and its records through the post-run checks (or the given ones). */
export function checkEngineRecords(
  engine: Engine,
  runCase: RunCase,
  checks: readonly RecordCheck[] = POST_RUN_CHECKS,
  observe?: (runCase: RunCase, config: RunConfig, records: Records) => void,
): void {
  const { panel, configInput, ordersByBar } = runCase;
  const config = resolveConfig(configInput, panel.symbols, "generated config");
  const records = engine.run(panel, config, caseStrategy(runCase));
  observe?.(runCase, config, records);
  for (const check of checks) check({ panel, config, ordersByBar, records });
}

/** SPEC 10 (I15): the same case run twice gives records with the same manifest hash. */
export function engineIsDeterministic(engine: Engine): Property<RunCase> {
  return property(
    `${engine.name}: the same inputs give the same records (manifest hash)`,
    runInput(),
    (runCase) => {
      const { panel, configInput } = runCase;
      const config = resolveConfig(configInput, panel.symbols, "generated config");
      const [first, second] = [0, 1].map(() =>
        manifestHash(engine.run(panel, config, caseStrategy(runCase)), { panel, config }),
      );
      if (first !== second) throw new Error(`determinism: manifest ${first} then ${second}`);
    },
  );
}

/**
 * The fast engine's outcome run (runOutcome: no order, fill, trade or positions records, what
 * `assay stress` runs a path with) gives what its full run gives of the same case: the series,
 * events, ledger totals and warnings, to the bit. The two share the engine but not its record
 * paths, which the outcome run skips: a skip that changed the accounting shows here.
 */
export function outcomeRunMatchesFullRun(): Property<RunCase> {
  return property("fast: an outcome run gives the full run's series and events", runInput(), (runCase) => {
    const { panel, configInput } = runCase;
    const config = resolveConfig(configInput, panel.symbols, "generated config");
    const full = fastEngine.run(panel, config, caseStrategy(runCase));
    const outcome = runOutcome(panel, config, caseStrategy(runCase));
    const { positions: _, ...fullSeries } = full.series;
    const pairs: [string, unknown, unknown][] = [
      ["series", fullSeries, outcome.series],
      ["events", full.events, outcome.events],
      ["ledgerTotals", full.ledgerTotals, outcome.ledgerTotals],
      ["warnings", full.warnings, outcome.warnings],
      ["sameBarFills", full.sameBarFills, outcome.sameBarFills],
    ];
    // Deep strict equality: NaN equals NaN, and -0 is not 0 (to the bit).
    for (const [field, a, b] of pairs)
      if (!isDeepStrictEqual(a, b))
        throw new Error(
          `outcome run: ${field} differs from the full run's:\n full    ${JSON.stringify(a)}\n outcome ${JSON.stringify(b)}`,
        );
  });
}
