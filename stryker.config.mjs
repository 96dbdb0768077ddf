// `npm run mutation`: Stryker's mutants of the two engines, each run against the suites of
// vitest.mutation.config.ts (only the tests that cover the mutated line: perTest coverage).
// Incremental: reports/stryker-incremental.json keeps each mutant's result, so a later run tests
// only the mutants of changed code or changed tests. `--mutate <glob>` narrows a run to a module.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  coverageAnalysis: "perTest",
  mutate: ["reference/**/*.ts", "src/engine/**/*.ts"],
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["progress", "json", "clear-text"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  concurrency: 2,
  timeoutMS: 60_000,
  // Stryker rewrites tsconfig.json's extends and references for its sandbox through TypeScript's
  // JS API, which TypeScript 7 (native) no longer has; this tsconfig has neither to rewrite, so
  // Stryker is pointed at no file and leaves it as it is.
  tsconfigFile: "no-tsconfig-rewrite.json",
  tempDirName: ".stryker-tmp",
  // Removed after every run; mutation/main.ts makes it again, with its link to ../shared.
  cleanTempDir: "always",
};
