import fc from "fast-check";
import { describe, it } from "vitest";
import { engineEqualsReference } from "../../properties/differential.ts";
import { asFastCheck } from "../../properties/property.ts";
import { propertyParams, REPLAY_COMMAND } from "../../properties/replay.ts";

/** The CI budget (ASSAY_RUNS overrides it); a fixed seed (ASSAY_SEED overrides it). */
const CI_RUNS = 1_000;
const CI_SEED = 20_261_126;

describe("the differential property", () => {
  it(`fast == reference on ${CI_RUNS} generated runs (a failure prints: replay: ASSAY_SEED=... ASSAY_PATH="..." ${REPLAY_COMMAND})`, () => {
    fc.assert(asFastCheck(engineEqualsReference()), propertyParams(CI_SEED, undefined, CI_RUNS));
  });
});
