// `assay realism --report`: the ladder as one self-contained HTML page (the table, the return of
// each step and the equity curves as inline SVG) and its Markdown summary beside it.
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { ReportPaths } from "../cli/report.ts";
import { htmlTable } from "../report/tearsheet/html.ts";
import { htmlPage } from "../report/tearsheet/page.ts";
import { renderPageSvgs } from "../report/tearsheet/render.ts";
import { equityBySteps, returnBySteps } from "./chart.ts";
import { LADDER_HEADER, LADDER_RIGHT, ladderRows, renderLadder } from "./render.ts";
import type { Ladder } from "./run-ladder.ts";

export async function writeRealismReport(
  paths: ReportPaths,
  title: string,
  notes: readonly string[],
  ladder: Ladder,
  dates: readonly string[],
): Promise<void> {
  const [returns, equity] = await renderPageSvgs([
    { name: "realism-returns", spec: returnBySteps(ladder) },
    { name: "realism-equity", spec: equityBySteps(ladder, dates) },
  ]);
  mkdirSync(dirname(paths.html), { recursive: true });
  writeFileSync(paths.html, realismPage(title, notes, ladder, [returns, equity]));
  writeFileSync(
    paths.markdown,
    `# ${title}\n\n${notes.join("\n\n")}\n\n\`\`\`text\n${renderLadder(title, ladder)}\n\`\`\`\n\nCharts: ${basename(paths.html)}\n`,
  );
}

export function realismPage(
  title: string,
  notes: readonly string[],
  ladder: Ladder,
  svgs: readonly string[],
): string {
  const numeric = new Set(LADDER_RIGHT.flatMap((right, c) => (right ? [c] : [])));
  const adds = htmlTable(
    ["step", "adds", "on this run"],
    ladder.steps.map((step, i) => [
      step.name,
      step.adds,
      i === 0 ? "" : step.unchanged ? "no change" : "changes the records",
    ]),
  );
  const body = [
    `<div class="scroll">${htmlTable([...LADDER_HEADER], ladderRows(ladder), numeric)}</div>`,
    `<figure class="chart wide" id="chart-realism-returns">${svgs[0]}</figure>`,
    `<figure class="chart wide" id="chart-realism-equity">${svgs[1]}</figure>`,
    "<h2>The steps</h2>",
    adds,
  ].join("\n");
  return htmlPage(title, notes, body);
}
