// Runs one pinned case through every check:
//   node --import tsx properties/reproduce.ts issue <id>        (properties/known-issues.ts)
//   node --import tsx properties/reproduce.ts regression <id>   (properties/regressions.ts)
// Prints "completed" when every check passes, else the error (exit 1). isolated.ts runs it in a
// child process so that an engine hang becomes a timeout instead of a stuck test run.
import { checkReferenceRun } from "./invariants.ts";
import { KNOWN_ISSUES } from "./known-issues.ts";
import { REGRESSIONS } from "./regressions.ts";
import type { RunCase } from "./run-input.ts";

const [list, id] = process.argv.slice(2);
const cases = new Map<string, RunCase>([
  ...KNOWN_ISSUES.map((issue) => [`issue ${issue.id}`, issue.minimalCase] as const),
  ...REGRESSIONS.map((regression) => [`regression ${regression.id}`, regression.runCase] as const),
]);
const runCase = cases.get(`${list} ${id}`);
if (runCase === undefined) {
  console.error(`reproduce: no ${list} "${id}"; pinned: ${[...cases.keys()].join(", ")}`);
  process.exit(2);
}
try {
  checkReferenceRun(runCase);
  console.log("completed");
} catch (error) {
  console.log(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exit(1);
}
