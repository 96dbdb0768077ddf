import { describe, it } from "vitest";
import { METAMORPHIC } from "../../properties/metamorphic.ts";
import { propertyParams } from "../../properties/replay.ts";

/** The CI budget per relation, a fixed seed (ASSAY_RUNS and ASSAY_SEED override them). */
const CI_RUNS = 300;
const CI_SEED = 20_261_126;

describe("metamorphic relations (SPEC 11)", () => {
  for (const relation of METAMORPHIC) {
    it(relation.name, () => relation.assert(propertyParams(CI_SEED, undefined, CI_RUNS)));
  }
});
