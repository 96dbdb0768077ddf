// The suites `npm run mutation` (Stryker) runs on each mutant of reference/ and src/engine/: the
// ones that decide accounting, fast enough to run thousands of times. The differential test runs
// every golden file and scenario on both engines (a mutant of either engine parts them); the
// scenarios' hand-computed records and the peers' golden outputs catch a mutant of the reference;
// the planted-bug suites are left out (they patch the engines themselves).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "tests/compare/differential.test.ts",
      "tests/compare/cash-flows.test.ts",
      "tests/compare/intake.test.ts",
      "tests/compare/spread.test.ts",
      "tests/compare/scale-search.test.ts",
      "tests/scenarios/scenarios.test.ts",
      "tests/golden/assay-spec.test.ts",
      "tests/compat/backtrader.test.ts",
      "tests/compat/vectorbt.test.ts",
      "tests/reference/fill-reports.test.ts",
      "tests/reference/sizing.test.ts",
      "tests/reference/financing.test.ts",
      "tests/reference/decimal.test.ts",
      "tests/properties/record-checks.test.ts",
      "tests/engine/numeric.test.ts",
      "tests/engine/outcome.test.ts",
      "tests/strategy/submit-market.test.ts",
      "tests/strategy/context-views.test.ts",
      "tests/strategy/from-orders.test.ts",
      "tests/strategy/from-targets.test.ts",
    ],
    testTimeout: 120_000,
  },
});
