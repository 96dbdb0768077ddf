// SPEC 10: the named properties `assay check` runs (src/harness/), each built by a factory. A
// factory receives a CheckContext through which its check reports coverage (what the generated
// cases exercised, counted from records it already has, so counting costs no second engine run).
// A factory that ignores the context is fine: `() => myProperty` is a PropertyFactory.
//
// The runner loads this module in every worker thread (the registry is code, not data), so a
// property added here is available to `assay check --properties <name>` and to `assay replay`.
import { fastEngine } from "../src/engine/index.ts";
import { countDeferrals } from "../src/harness/coverage.ts";
import type { Engine } from "../src/model/index.ts";
import type { EngineCommand } from "../src/protocol/engine-process.ts";
import { causalContext } from "./causal-context.ts";
import { type Counts, countCase, countRecords } from "./coverage.ts";
import { declarativeEqualsOnBar } from "./declarative.ts";
import { checkAgainstReference, engineEqualsReference } from "./differential.ts";
import { engineCommandMatchesReference } from "./engine-command.ts";
import {
  engineIsDeterministic,
  engineRecordChecksProperty,
  referenceInvariantsProperty,
  runReference,
} from "./invariants.ts";
import { type KnownIssue, toleratingKnownIssues } from "./known-issues.ts";
import { perturbationKeepsBarsValid } from "./lookahead-perturbation.ts";
import {
  assetPermutation,
  neverTrading,
  noLookAhead,
  scalingByTwo,
  splitOrders,
  zeroSizeOrders,
} from "./metamorphic.ts";
import { type Property, property } from "./property.ts";
import { POST_RUN_CHECKS } from "./record-checks.ts";
import type { RunCase } from "./run-input.ts";

export type { Counts } from "./coverage.ts";

/** What the runner offers a property while it checks generated cases. */
export interface CheckContext {
  /** The engine under test: the fast engine, or the one `assay check --engine <module>` loads. */
  readonly engine: Engine;
  /**
   * `assay check --engine-cmd`: the engine under test is this process instead, and
   * engine-equals-reference (the one property a process can run) holds it to the reference.
   */
  readonly engineCommand?: EngineCommand;
  /**
   * Counts coverage classes: `add` is called with the chunk's counts while the runner counts
   * (the generated cases), not while fast-check shrinks a failure; it is never called outside
   * `assay check`. Keys are dotted classes, e.g. `reason.insufficientCash`, `events.marginCall`.
   */
  coverage(add: (counts: Counts) => void): void;
}

/** Builds a property for the runner; called once per worker thread and property. */
// biome-ignore lint/suspicious/noExplicitAny: properties of every value type (check's parameter is contravariant)
export type PropertyFactory = (context: CheckContext) => Property<any>;

export type PropertyRegistry = Readonly<Record<string, PropertyFactory>>;

/** A context that counts nothing: for vitest, replays, and titles. */
export const NO_COVERAGE: CheckContext = { engine: fastEngine, coverage: () => {} };

/**
 * The properties `assay check` knows, by the name used on its command line and in its reports
 * (the property's own `name` is the longer title that names the invariant).
 */
export const PROPERTIES: PropertyRegistry = {
  "reference-invariants": (context) => observedReferenceInvariants(context),
  "engine-equals-reference": (context) =>
    context.engineCommand === undefined
      ? engineMatchesReference(context)
      : processMatchesReference(context, context.engineCommand),
  "engine-record-checks": (context) =>
    toleratingKnownIssues(
      engineRecordChecksProperty(context.engine, (runCase, config, records) =>
        context.coverage((counts) => {
          countCase(runCase, counts);
          countRecords(runCase, config, records, counts);
        }),
      ),
      undefined,
      countSkip(context),
    ),
  "engine-determinism": (context) => engineIsDeterministic(context.engine),
  "metamorphic-permutation": (context) => assetPermutation(context.engine),
  "metamorphic-scaling": (context) => scalingByTwo(context.engine),
  "metamorphic-zero-size": (context) => zeroSizeOrders(context.engine),
  "metamorphic-split": (context) => splitOrders(context.engine),
  "metamorphic-never-trading": (context) => neverTrading(context.engine),
  "metamorphic-no-look-ahead": (context) => noLookAhead(context.engine),
  "causal-context": () => causalContext,
  "declarative-equals-on-bar": () => declarativeEqualsOnBar,
  "lookahead-perturbation": () => perturbationKeepsBarsValid,
};

/**
 * referenceInvariantsProperty(), with its check spelled out (runReference, then POST_RUN_CHECKS,
 * as checkReferenceRun does) so that coverage is counted from the records it already has; known
 * issues (known-issues.ts) skipped as in vitest and counted as `knownIssue.<id>`.
 */
export function observedReferenceInvariants(context: CheckContext): Property<RunCase> {
  const base = referenceInvariantsProperty();
  const observed = property(base.name, base.arbitrary, (runCase: RunCase) => {
    context.coverage((counts) => countCase(runCase, counts));
    const { config, records } = runReference(runCase);
    context.coverage((counts) => {
      countRecords(runCase, config, records, counts);
      countDeferrals(runCase, records, counts);
    });
    const run = { panel: runCase.panel, config, ordersByBar: runCase.ordersByBar, records };
    for (const check of POST_RUN_CHECKS) check(run);
  });
  return toleratingKnownIssues(observed, undefined, countSkip(context));
}

/**
 * SPEC 10 (I15): the engine under test's records equal the reference's within SPEC 9's
 * tolerances on the generated case (resolveConfig and scheduledOrders as in invariants.ts). A
 * case the reference cannot complete is a failure here too, except the known issues (skipped).
 */
export function engineMatchesReference(context: CheckContext): Property<RunCase> {
  const differential = engineEqualsReference(context.engine);
  const observed = property(differential.name, differential.arbitrary, (runCase: RunCase) =>
    checkAgainstReference(context.engine, runCase, (config, records) =>
      context.coverage((counts) => {
        countRecords(runCase, config, records, counts);
        countDeferrals(runCase, records, counts);
      }),
    ),
  );
  return toleratingKnownIssues(observed, undefined, countSkip(context));
}

function countSkip(context: CheckContext): (issue: KnownIssue) => void {
  return (issue) =>
    context.coverage((counts) => {
      const key = `knownIssue.${issue.id}`;
      counts[key] = (counts[key] ?? 0) + 1;
    });
}

/**
 * engine-equals-reference on an engine process: each case and the fields the engine returned on
 * it (`returned.<field>`) counted, so the report says what was compared.
 */
function processMatchesReference(context: CheckContext, command: EngineCommand): Property<RunCase> {
  return engineCommandMatchesReference(command, (runCase, fields) =>
    context.coverage((counts) => {
      countCase(runCase, counts);
      for (const field of fields) counts[`returned.${field}`] = (counts[`returned.${field}`] ?? 0) + 1;
    }),
  );
}
