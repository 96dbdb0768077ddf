// How a sweep reads: a ranked table headed by the trial count and the best trial's deflated
// Sharpe ratio, then the failed trials; and every trial as CSV or JSON rows.
import { tableCsv } from "../data/out/csv.ts";
import { alignTable } from "../report/format.ts";
import { type Metrics, metricByName, metricNames } from "../report/metrics/index.ts";
import type { GridAxis, ParamSet } from "./grid.ts";
import type { SweepVerdict } from "./rank.ts";
import type { SweepRun } from "./run-sweep.ts";

/** The columns beside the params and the ranking metric, in the table. */
export const TABLE_METRICS = ["sharpe", "cagr", "maxDrawdown", "totalReturn", "closedTrades"] as const;

export function renderSweep(
  title: string,
  axes: readonly GridAxis[],
  run: SweepRun,
  verdict: SweepVerdict,
  top: number,
): string {
  const total = run.trials.length;
  const seconds = run.durationMs / 1000;
  const lines = [
    `assay sweep: ${title}`,
    `${total} trials (${verdict.ranked.length} ran, ${verdict.failed.length} failed) on ${run.workers} workers in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(1)} trials/s)`,
    ...bestLines(verdict),
    "",
  ];
  const metricColumns = [verdict.rankBy, ...TABLE_METRICS.filter((name) => name !== verdict.rankBy)];
  const header = ["rank", "trial", ...axes.map((axis) => axis.key), ...metricColumns];
  const rows = verdict.ranked
    .slice(0, top)
    .map(({ rank, trial }) => [
      String(rank),
      String(trial.index),
      ...axes.map((axis) => String(trial.grid[axis.key])),
      ...metricColumns.map((name) => formatMetric(metricByName(trial.metrics as Metrics, name))),
    ]);
  lines.push(...alignedRows(header, rows));
  if (verdict.ranked.length > top)
    lines.push(`... ${verdict.ranked.length - top} more (--top, or --out for all)`);
  if (verdict.failed.length > 0) {
    lines.push("", `failed trials (${verdict.failed.length}):`);
    for (const trial of verdict.failed)
      lines.push(`  trial ${trial.index} (${paramsText(trial.grid)}): ${trial.error}`);
  }
  return lines.join("\n");
}

function bestLines(verdict: SweepVerdict): string[] {
  const first = verdict.ranked[0];
  if (first === undefined) return ["no trial ran to the end: nothing to rank"];
  const best = verdict.best;
  const head = `ranked by ${verdict.rankBy} (${verdict.order}); best: trial ${first.trial.index} (${paramsText(first.trial.grid)}), ${verdict.rankBy} ${formatMetric(first.value)}`;
  if (best === null || best.deflatedSharpe === null)
    return [head, `deflated Sharpe ratio of the best: n/a (${best?.why ?? "no best trial"})`];
  return [
    head,
    `deflated Sharpe ratio of the best: ${best.deflatedSharpe.toFixed(3)} = P(true Sharpe > ${(best.expectedMaxSharpe as number).toFixed(2)}, what the best of ${best.trials} unskilled trials would show); its Sharpe ${formatMetric(best.sharpe)}, PSR ${formatMetric(best.probabilisticSharpe)}`,
  ];
}

/** Every trial in grid order: its params, its error (empty when it ran) and every metric. */
export function sweepCsv(axes: readonly GridAxis[], run: SweepRun): string {
  const { trials } = run;
  const metric = (name: string) =>
    trials.map((trial) => (trial.metrics === null ? null : metricByName(trial.metrics, name)));
  return tableCsv({
    name: "sweep",
    columns: [
      { name: "trial", type: "int32", values: trials.map((trial) => trial.index) },
      ...axes.map((axis) => ({
        name: axis.key,
        type: "float64" as const,
        values: trials.map((trial) => trial.grid[axis.key]),
      })),
      { name: "error", type: "string", values: trials.map((trial) => trial.error) },
      ...metricNames.map((name) => ({ name, type: "float64" as const, values: metric(name) })),
    ],
  });
}

/** The sweep as one JSON document: its grid, the verdict, and every trial with its metrics. */
export function sweepJson(
  title: string,
  axes: readonly GridAxis[],
  run: SweepRun,
  verdict: SweepVerdict,
): string {
  return JSON.stringify(
    {
      sweep: title,
      grid: axes,
      workers: run.workers,
      durationMs: run.durationMs,
      rankBy: verdict.rankBy,
      order: verdict.order,
      best: verdict.best === null ? null : { trial: verdict.ranked[0].trial.index, ...verdict.best },
      ranking: verdict.ranked.map(({ rank, trial, value }) => ({ rank, trial: trial.index, value })),
      trials: run.trials,
    },
    null,
    2,
  );
}

function paramsText(grid: ParamSet): string {
  return Object.entries(grid)
    .map(([key, value]) => `${key}=${value}`)
    .join(", ");
}

/** A metric as the table prints it: n/a when undefined, 4 decimals unless whole. */
export function formatMetric(value: number | null): string {
  if (value === null) return "n/a";
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}

/** Every column right-aligned: the table's numbers line up under their headers. */
function alignedRows(header: readonly string[], rows: readonly string[][]): string[] {
  return alignTable(
    header,
    rows,
    header.map(() => true),
  ).split("\n");
}
