// reports/MUTATION.md: the scores as a table, then the surviving mutants of each module by line
// (each to be killed by a new property or scenario, or shown equivalent).
import { equivalenceOf } from "./equivalent.ts";
import type { ModuleScore } from "./score.ts";

export function renderMutation(
  modules: readonly ModuleScore[],
  total: ModuleScore,
  run: { readonly minutes: number; readonly args: readonly string[] },
): string {
  const pct = (s: number | null) => (s === null ? "n/a" : `${(100 * s).toFixed(1)}%`);
  const row = (m: ModuleScore) =>
    `| ${m.module} | ${m.killed} | ${m.timeout} | ${m.survived} | ${m.noCoverage} | ${pct(m.score)} |`;
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
    `\`npm run mutation${run.args.length > 0 ? ` -- ${run.args.join(" ")}` : ""}\` (Stryker, vitest.mutation.config.ts's suites, perTest coverage, incremental), ${run.minutes.toFixed(1)} min on this machine.`,
    "",
    "| module | killed | timeout | survived | no coverage | score |",
    "|---|---:|---:|---:|---:|---:|",
    ...modules.map(row),
    row(total).replace("| all |", "| **all** |"),
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
