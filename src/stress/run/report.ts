// What `assay stress` writes: the report as JSON (run metadata under `meta`, everything else a
// deterministic function of the inputs and the seed), Markdown (the tables it prints) and one
// self-contained HTML page (page.ts); outputs.ts writes them.
import { hostname } from "node:os";
import { money, percent } from "../../report/format.ts";
import { firstWeightedPath, type OutcomeChunk, type OutcomeEvent } from "../chunk.ts";
import { estimateStress, importanceEstimates, type StressEstimates } from "../estimate/index.ts";
import type { Proportion } from "../estimate/proportion.ts";
import type { StressRun } from "./run-stress.ts";
import type { StressSetup } from "./setup.ts";

export interface StressReport {
  readonly meta: {
    readonly createdAt: string;
    readonly host: string;
    readonly durationMs: number;
    readonly workers: number;
    readonly resumedChunks: number;
    readonly shard: string;
  };
  readonly title: string;
  readonly setup: StressSetup;
  readonly plannedPaths: number;
  readonly paths: number;
  /** --until-width's stop: the chunks kept, or null when the run went to the end. */
  readonly stoppedAtChunk: number | null;
  /** Plain sampling: the whole report. Importance-sampled paths (a tilted model): null. */
  readonly estimates: StressEstimates | null;
  /** Importance-sampled paths: the event probabilities, each path weighted by its likelihood ratio. */
  readonly importance: ImportanceEstimates | null;
}

export type ImportanceEstimates = ReturnType<typeof importanceEstimates>;

/** The chunk's estimates: the whole report for plain paths, the weighted probabilities for tilted ones. */
export function estimatesOf(chunk: OutcomeChunk): Pick<StressReport, "paths" | "estimates" | "importance"> {
  return firstWeightedPath(chunk) < 0
    ? { paths: chunk.paths, estimates: estimateStress(chunk), importance: null }
    : { paths: chunk.paths, estimates: null, importance: importanceEstimates(chunk) };
}

/** The run's metadata: when, where, how long, on how many workers; the one part that varies. */
export function stressMeta(run: StressRun, shard: string): StressReport["meta"] {
  return {
    createdAt: new Date().toISOString(),
    host: hostname(),
    durationMs: run.durationMs,
    workers: run.workers,
    resumedChunks: run.resumedChunks,
    shard,
  };
}

export function stressReport(
  title: string,
  setup: StressSetup,
  run: StressRun,
  chunk: OutcomeChunk,
  shard: string,
): StressReport {
  return {
    meta: stressMeta(run, shard),
    title,
    setup,
    plannedPaths: run.plannedPaths,
    stoppedAtChunk: run.stopped?.chunks ?? null,
    ...estimatesOf(chunk),
  };
}

export interface StressTables {
  readonly heading: string;
  readonly tables: readonly { readonly header: string[]; readonly rows: string[][] }[];
  readonly notes: readonly string[];
}

/** The report's headline tables, as the command prints them and the Markdown and HTML show them. */
export function stressTables(report: StressReport): StressTables {
  const stopped =
    report.stoppedAtChunk === null ? "" : ` (stopped by --until-width after chunk ${report.stoppedAtChunk})`;
  const heading = `${report.title}: ${report.paths} paths of ${report.setup.bars} bars${stopped}, seed ${report.setup.seed}`;
  const events: [string, OutcomeEvent][] = [
    ["at least one margin call", "marginCall"],
    ["a liquidation (forced fill)", "liquidation"],
    ["bankruptcy (equity <= 0)", "bankrupt"],
  ];
  if (report.importance !== null) {
    const weighted = report.importance;
    return {
      heading: `${heading}, importance-sampled (a tilted model, each path weighted by its likelihood ratio)`,
      tables: [
        {
          header: ["event", "probability", "95% (normal)", "standard error", "hits", "effective paths"],
          rows: events.map(([label, event]) => {
            const p = weighted[event];
            return [
              label,
              p.estimate.toPrecision(4),
              `${p.low.toPrecision(4)} .. ${p.high.toPrecision(4)}`,
              p.standardError.toPrecision(3),
              `${p.hits} of ${p.paths}`,
              p.effectiveSampleSize.toFixed(1),
            ];
          }),
        },
      ],
      notes: [
        "the distributions of a tilted run are the tilted model's, not the market's: only the probabilities are reported",
      ],
    };
  }
  const e = report.estimates as StressEstimates;
  const probability = (label: string, p: Proportion) => [
    label,
    percent(p.estimate),
    `${percent(p.low)} .. ${percent(p.high)}`,
    `${p.hits} of ${p.paths}`,
  ];
  return {
    heading,
    tables: [
      {
        header: ["event", "probability", "Wilson 95%", "paths"],
        rows: events.map(([label, event]) => probability(label, e.probabilities[event])),
      },
      {
        header: ["quantile", "5%", "25%", "50%", "75%", "95%"],
        rows: [
          ["final equity", ...e.finalEquity.quantiles.map(money)],
          ["CAGR", ...e.cagr.quantiles.map(percent)],
          ["max drawdown", ...e.maxDrawdown.quantiles.map(percent)],
        ],
      },
    ],
    notes: [
      `expected shortfall of final equity: ${money(e.expectedShortfall.level95)} at 95%, ${money(e.expectedShortfall.level99)} at 99%`,
      `worst paths (replay one with --replay-path i): ${e.worst
        .slice(0, 5)
        .map((w) => `${w.path} (${money(w.finalEquity)})`)
        .join(", ")}`,
    ],
  };
}

/** The tables as Markdown (what the command prints, and reports/stress-*.md). */
export function stressMarkdown(report: StressReport): string {
  const { heading, tables, notes } = stressTables(report);
  const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [
    heading,
    ...tables.flatMap(({ header, rows }) => [
      "",
      row(header),
      row(header.map((_, i) => (i === 0 ? "---" : "---:"))),
      ...rows.map(row),
    ]),
    "",
    ...notes,
  ].join("\n");
}
