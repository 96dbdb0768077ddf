// SPEC 10: the reference engine's invariants on generated input. The reference asserts I1-I11
// and I14 at every step (it throws an InvariantError naming the invariant, the bar and the
// numbers); a run that completes has kept them all. The post-run checks of record-checks.ts then
// hold its records to SPEC 6.5 and 9 and to I3, I4, I6 and I9 seen from the outside.

import { referenceEngine } from "../reference/engine.ts";
import { resolveConfig } from "../src/config/resolve.ts";
import { validatePanel } from "../src/data/validate.ts";
import type { Records, RunConfig } from "../src/model/index.ts";
import { scheduledOrders } from "../src/strategy/declarative.ts";
import { type Property, property } from "./property.ts";
import { POST_RUN_CHECKS } from "./record-checks.ts";
import { type RunCase, type RunInputConstraints, runInput } from "./run-input.ts";

export interface ReferenceRun {
  readonly config: RunConfig;
  readonly records: Records;
}

/** Validates the generated case (a harness bug otherwise), resolves its config and runs the reference. */
export function runReference(runCase: RunCase): ReferenceRun {
  const { panel, configInput, ordersByBar } = runCase;
  const config = resolveConfig(configInput, panel.symbols, "generated config");
  validatePanel(
    panel,
    "generated panel",
    config.instruments.map((instrument) => instrument.tickSize),
  );
  const records = referenceEngine.run(panel, config, scheduledOrders(ordersByBar));
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
