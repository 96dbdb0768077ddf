// reports/MUTATION.md: the runs the ledger's results come from, the scores as a table (modules
// measured on their present source), the stale and unmeasured modules, then the surviving mutants
// of each module by line (each to be killed by a new property or scenario, or shown equivalent).
import { equivalenceOf } from "./equivalent.ts";
import type { LedgerRun } from "./ledger.ts";
import type { ModuleScore } from "./score.ts";

export interface LedgerView {
  readonly runs: readonly LedgerRun[];
  /** Each scored module's run: an index into runs. */
  readonly runOf: (module: string) => number;
  readonly stale: readonly string[];
  readonly unmeasured: readonly string[];
}

export function renderMutation(
  modules: readonly ModuleScore[],
  total: ModuleScore,
  ledger: LedgerView,
): string {
  const pct = (s: number | null) => (s === null ? "n/a" : `${(100 * s).toFixed(1)}%`);
  const row = (m: ModuleScore, run: string) =>
    `| ${m.module} | ${run} | ${m.killed} | ${m.timeout} | ${m.survived} | ${m.noCoverage} | ${pct(m.score)} |`;
  const scored = modules.length;
  const all = scored + ledger.stale.length + ledger.unmeasured.length;
  const survivors = modules
    .filter((m) => m.survivors.length > 0)
    .map((m) =>
      [
        `### ${m.module}`,
        "",
        ...m.survivors.map((s) => {
          const equivalent = equivalenceOf(m.module, s.line, s.replacement);
          const shown = s.replacement.replaceAll("`", "'").replaceAll("\n", " ").slice(0, 120);
          return `- line ${s.line}: ${s.mutator} \`${shown}\`${equivalent === undefined ? "" : `: equivalent, ${equivalent.why}`}`;
        }),
        "",
      ].join("\n"),
    );
  return [
    "# Mutation score",
    "",
    "Stryker over `vitest.mutation.config.ts`'s suites (perTest coverage, incremental), one `npm run mutation` run",
    "at a time: each module's score is from its last run (`reports/mutation-ledger.json`), and counts only",
    "while its source is the one that run mutated.",
    "",
    "| run | ended | commit | minutes | modules |",
    "|---:|---|---|---:|---|",
    ...ledger.runs.map(
      (r, i) =>
        `| ${i + 1} | ${r.measuredAt} | ${r.commit} | ${r.minutes.toFixed(1)} | ${r.modules.length} |`,
    ),
    "",
    `Scored: ${scored} of the ${all} modules of reference/ and src/engine/.`,
    ...(ledger.stale.length === 0
      ? []
      : [`Stale (changed since their run; run them again): ${ledger.stale.join(", ")}.`]),
    ...(ledger.unmeasured.length === 0 ? [] : [`Not measured yet: ${ledger.unmeasured.join(", ")}.`]),
    "",
    "| module | run | killed | timeout | survived | no coverage | score |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...modules.map((m) => row(m, String(ledger.runOf(m.module) + 1))),
    row(total, "").replace("| all |", "| **all** |"),
    "",
    `Survivors shown equivalent (mutation/equivalent.ts): ${equivalentCount(modules)} of ${total.survived + total.noCoverage}.`,
    "",
    "## Survivors",
    "",
    ...survivors,
  ].join("\n");
}

function equivalentCount(modules: readonly ModuleScore[]): number {
  return modules.reduce(
    (n, m) =>
      n + m.survivors.filter((s) => equivalenceOf(m.module, s.line, s.replacement) !== undefined).length,
    0,
  );
}
