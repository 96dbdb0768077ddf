import fc from "fast-check";
import { describe, it } from "vitest";
import {
  engineIsDeterministic,
  engineRecordChecksProperty,
  outcomeRunMatchesFullRun,
} from "../../properties/invariants.ts";
import { toleratingKnownIssues } from "../../properties/known-issues.ts";
import { asFastCheck } from "../../properties/property.ts";
import { propertyParams } from "../../properties/replay.ts";
import { fastEngine } from "../../src/engine/index.ts";

/** CI budgets and a fixed seed (ASSAY_RUNS and ASSAY_SEED override them; `assay check` explores more). */
const CI_SEED = 20_261_126;

describe("the fast engine's own records (SPEC 10)", () => {
  it("keep every accounting invariant recomputed from the outside (I1-I4, I6-I9, I11, I12, I14), 1000 runs", () => {
    fc.assert(
      asFastCheck(toleratingKnownIssues(engineRecordChecksProperty(fastEngine))),
      propertyParams(CI_SEED, undefined, 1_000),
    );
  });

  it("are deterministic: the same case twice gives the same manifest hash (I15), 300 runs", () => {
    fc.assert(asFastCheck(engineIsDeterministic(fastEngine)), propertyParams(CI_SEED, undefined, 300));
  });

  it("are what an outcome run keeps (series, events, ledger totals) to the bit, 500 runs", () => {
    fc.assert(asFastCheck(outcomeRunMatchesFullRun()), propertyParams(CI_SEED, undefined, 500));
  });
});
