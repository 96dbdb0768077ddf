// `npm run mutation -- [stryker flags]`: Stryker over reference/ and src/engine/ (stryker.config.mjs),
// then reports/MUTATION.md from its JSON report: the score per module, the total, and every
// surviving mutant by line. Extra arguments go to Stryker (`--mutate src/engine/numeric.ts`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { renderMutation } from "./render.ts";
import { type MutationReport, moduleScores, totalScore } from "./score.ts";

const JSON_REPORT = "reports/mutation/mutation.json";
const MARKDOWN = "reports/MUTATION.md";

// Stryker's sandboxes are folders in .stryker-tmp/, where the tests look for ../shared (the peers'
// golden files) beside the checkout: a link there points them at it.
mkdirSync(".stryker-tmp", { recursive: true });
if (!existsSync(".stryker-tmp/shared")) symlinkSync(resolve("../shared"), ".stryker-tmp/shared");

const started = Date.now();
const stryker = spawnSync("npx", ["stryker", "run", ...process.argv.slice(2)], { stdio: "inherit" });
if (stryker.status !== 0) process.exit(stryker.status ?? 1);
const report = JSON.parse(readFileSync(JSON_REPORT, "utf8")) as MutationReport;
const modules = moduleScores(report);
const markdown = renderMutation(modules, totalScore(modules), {
  minutes: (Date.now() - started) / 60_000,
  args: process.argv.slice(2),
});
writeFileSync(MARKDOWN, markdown);
process.stdout.write(`${markdown.split("\n## Survivors")[0]}\nwrote ${MARKDOWN}\n`);
