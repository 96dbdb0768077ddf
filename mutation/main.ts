// `npm run mutation -- [--render-only] [stryker flags]`: Stryker over reference/ and src/engine/
// (stryker.config.mjs), or over the modules of `--mutate src/engine/numeric.ts,...`; its results
// replace those modules' entries in reports/mutation-ledger.json (ledger.ts), and
// reports/MUTATION.md is made from the ledger: the score of each module measured on its present
// source, the total, the stale and the unmeasured modules, and every surviving mutant by line.
// --render-only remakes MUTATION.md from the ledger (after an edit, to see what went stale).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { EMPTY_LEDGER, type Ledger, mutatedBy, recordRun, type SourcedReport, standing } from "./ledger.ts";
import { renderMutation } from "./render.ts";
import { moduleScores, totalScore } from "./score.ts";

const JSON_REPORT = "reports/mutation/mutation.json";
const LEDGER = "reports/mutation-ledger.json";
const MARKDOWN = "reports/MUTATION.md";
/** stryker.config.mjs's `mutate`: every .ts file under these. */
const MUTATED = ["reference", "src/engine"];

const args = process.argv.slice(2);
const renderOnly = args.includes("--render-only");
let ledger: Ledger = existsSync(LEDGER) ? (JSON.parse(readFileSync(LEDGER, "utf8")) as Ledger) : EMPTY_LEDGER;

if (!renderOnly) {
  // Stryker's sandboxes are folders in .stryker-tmp/, where the tests look for ../shared (the
  // peers' golden files) beside the checkout: a link there points them at it.
  mkdirSync(".stryker-tmp", { recursive: true });
  if (!existsSync(".stryker-tmp/shared")) symlinkSync(resolve("../shared"), ".stryker-tmp/shared");
  const started = Date.now();
  const commit = mutatedCommit(); // as the run starts: the code it mutates
  const stryker = spawnSync("npx", ["stryker", "run", ...args], { stdio: "inherit" });
  if (stryker.status !== 0) process.exit(stryker.status ?? 1);
  const report = JSON.parse(readFileSync(JSON_REPORT, "utf8")) as SourcedReport;
  ledger = recordRun(
    ledger,
    report,
    { measuredAt: new Date().toISOString(), commit, minutes: (Date.now() - started) / 60_000 },
    mutatedBy(args, Object.keys(report.files)),
  );
  writeFileSync(LEDGER, `${JSON.stringify(ledger)}\n`);
}

const place = standing(ledger, mutatedModules(), (module) => readFileSync(module, "utf8"));
const modules = moduleScores(place.current);
const markdown = renderMutation(modules, totalScore(modules), {
  runs: ledger.runs,
  runOf: (module) => ledger.modules[module].run,
  stale: place.stale,
  unmeasured: place.unmeasured,
});
writeFileSync(MARKDOWN, markdown);
process.stdout.write(`${markdown.split("\n## Survivors")[0]}\nwrote ${MARKDOWN}\n`);

function mutatedModules(): string[] {
  return MUTATED.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => `${dir}/${file}`),
  );
}

/** HEAD's short hash, "+edits" when the mutated code differs from it. */
function mutatedCommit(): string {
  const git = (...gitArgs: string[]) => spawnSync("git", gitArgs, { encoding: "utf8" }).stdout.trim();
  const edited = git("status", "--porcelain", "--", ...MUTATED) !== "";
  return `${git("rev-parse", "--short", "HEAD")}${edited ? "+edits" : ""}`;
}
