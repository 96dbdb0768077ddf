// `assay run --report`: the run's tearsheet, reports/<name>.html, and its Markdown summary,
// reports/<name>.md. The paths are checked before the run, as --out's folder is.
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import type { Result } from "../api/backtest.ts";
import type { Panel } from "../model/index.ts";
import { equalWeightBenchmark } from "../report/benchmark.ts";
import { money } from "../report/format.ts";
import { tearsheetInputFor } from "../report/tearsheet/from-run.ts";
import { tearsheetMarkdown } from "../report/tearsheet/markdown.ts";

export const REPORTS_DIR = "reports";

export interface ReportPaths {
  readonly html: string;
  readonly markdown: string;
}

/**
 * The files --report writes, named by --report-name or else by the strategy argument (a built-in's
 * name, a file's name without its extension); an unusable name or path is an error now, not
 * after the run.
 */
export function reportPaths(
  strategyArgument: string,
  reportName: string | undefined,
  dir = REPORTS_DIR,
): ReportPaths {
  const name = reportName ?? basename(strategyArgument, extname(strategyArgument));
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name))
    throw new Error(
      `--report-name "${name}": use letters, digits, ".", "_" and "-" (not first a "."); the files go in ${dir}/`,
    );
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new Error(`--report: ${dir} is a file; the tearsheet goes in a folder of that name`);
  const paths = { html: join(dir, `${name}.html`), markdown: join(dir, `${name}.md`) };
  for (const path of Object.values(paths))
    if (existsSync(path) && statSync(path).isDirectory())
      throw new Error(`--report: ${path} is a folder; the tearsheet would be written there as a file`);
  return paths;
}

/**
 * The files of a command's `--report` (`assay sweep`, `assay realism`): named by --report-name or
 * `<prefix>-<strategy>`; null without --report, and --report-name without it is an error.
 */
export function commandReportPaths(
  prefix: string,
  strategyArgument: string,
  options: { readonly report?: boolean; readonly reportName?: string },
): ReportPaths | null {
  if (options.reportName !== undefined && !options.report)
    throw new Error(`--report-name ${options.reportName} without --report: add --report to write the report`);
  if (!options.report) return null;
  return reportPaths(
    strategyArgument,
    options.reportName ?? `${prefix}-${basename(strategyArgument, extname(strategyArgument))}`,
  );
}

export async function writeReport(
  paths: ReportPaths,
  result: Result,
  panel: Panel,
  title: string,
): Promise<void> {
  const { records, config, summary } = result;
  const input = tearsheetInputFor({
    title,
    notes: [
      `Engine ${summary.engine}; ${summary.assets} assets x ${summary.bars} bars, ${summary.first} .. ${summary.last}; ` +
        `${config.account} account, initial cash ${money(config.initialCash)}; ` +
        `${result.metrics.periodsPerYear} bars a year (docs/metrics.md).`,
    ],
    records,
    times: panel.times,
    metrics: result.metrics,
    initialEquity: config.initialCash,
    benchmark: equalWeightBenchmark(panel, config.initialCash),
  });
  // Imported here, not at the top: vega takes some 300 ms to load, which a run without --report
  // should not pay.
  const { renderTearsheet } = await import("../report/tearsheet/index.ts");
  const html = await renderTearsheet(input);
  mkdirSync(dirname(paths.html), { recursive: true });
  writeFileSync(paths.html, html);
  writeFileSync(paths.markdown, tearsheetMarkdown(input, basename(paths.html)));
}
