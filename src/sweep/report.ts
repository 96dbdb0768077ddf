// `assay sweep --report`: the sweep as one self-contained HTML page (its verdict, the metric over
// the grid drawn by vega-lite to inline SVG, the ranked and failed trials) and a Markdown summary.
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { ReportPaths } from "../cli/report.ts";
import { type Metrics, metricByName } from "../report/metrics/index.ts";
import { htmlTable } from "../report/tearsheet/html.ts";
import { htmlPage } from "../report/tearsheet/page.ts";
import { renderPageSvgs } from "../report/tearsheet/render.ts";
import { sweepChartSpec } from "./chart.ts";
import type { GridAxis } from "./grid.ts";
import type { SweepVerdict } from "./rank.ts";
import { formatMetric, renderSweep, TABLE_METRICS } from "./render.ts";
import type { SweepRun } from "./run-sweep.ts";

export async function writeSweepReport(
  paths: ReportPaths,
  title: string,
  axes: readonly GridAxis[],
  run: SweepRun,
  verdict: SweepVerdict,
): Promise<void> {
  const [svg] = await renderPageSvgs([{ name: "sweep", spec: sweepChartSpec(axes, verdict) }]);
  mkdirSync(dirname(paths.html), { recursive: true });
  writeFileSync(paths.html, sweepPage(title, axes, run, verdict, svg));
  const text = renderSweep(title, axes, run, verdict, 20);
  writeFileSync(
    paths.markdown,
    `# ${title}\n\n\`\`\`text\n${text}\n\`\`\`\n\nCharts: ${basename(paths.html)}\n`,
  );
}

export function sweepPage(
  title: string,
  axes: readonly GridAxis[],
  run: SweepRun,
  verdict: SweepVerdict,
  svg: string,
): string {
  // The table's first lines, the verdict in words, head the page.
  const [, ...notes] = renderSweep(title, axes, run, verdict, 0).split("\n\n")[0].split("\n");
  const columns = [verdict.rankBy, ...TABLE_METRICS.filter((name) => name !== verdict.rankBy)];
  const ranked = htmlTable(
    ["rank", "trial", ...axes.map((axis) => axis.key), ...columns],
    verdict.ranked.map(({ rank, trial }) => [
      String(rank),
      String(trial.index),
      ...axes.map((axis) => String(trial.grid[axis.key])),
      ...columns.map((name) => formatMetric(metricByName(trial.metrics as Metrics, name))),
    ]),
    new Set(Array.from({ length: 2 + axes.length + columns.length }, (_, i) => i)),
  );
  const failed =
    verdict.failed.length === 0
      ? ""
      : `<h2>Failed trials</h2>\n${htmlTable(
          ["trial", ...axes.map((axis) => axis.key), "error"],
          verdict.failed.map((trial) => [
            String(trial.index),
            ...axes.map((axis) => String(trial.grid[axis.key])),
            trial.error ?? "",
          ]),
        )}`;
  const body = [
    `<figure class="chart wide" id="chart-sweep">${svg}</figure>`,
    "<h2>Trials, ranked</h2>",
    `<div class="scroll">${ranked}</div>`,
    failed,
  ].join("\n");
  return htmlPage(title, notes, body);
}
