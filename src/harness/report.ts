// SPEC 10: the report of `assay check` (and of `assay merge`). Everything outside `meta` is a
// deterministic function of the inputs (properties, runs, seed, chunk size, shard) and of the
// code: the same run on 1 worker or 8, or merged from its shards, gives the same JSON outside
// `meta`, unless a chunk meets its time limit (a shrink stopped there, `shrinkInterrupted`, or
// a chunk stopped before its last case, reported crashed): where that happens depends on speed. `meta` holds what depends on the machine and the moment: time, host, durations,
// workers. Files are written whole or not at all (a temporary file renamed into place).

import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { DEFAULT_ENGINE_TIMEOUT_MS, type EngineCommand } from "../protocol/engine-process.ts";
import { addCounts, type Counts, sortedCounts } from "./coverage.ts";
import type { Chunk } from "./plan.ts";
import type { ChunkResult, Counterexample } from "./task.ts";

export const REPORT_FORMAT = "assay-check/1";

export interface CheckReport {
  readonly format: typeof REPORT_FORMAT;
  readonly meta: CheckMeta;
  readonly seed: number;
  /** Cases per property asked for (the whole run, every shard together). */
  readonly runs: number;
  readonly chunkSize: number;
  /** `k/N`; `0/1` for a whole run, and for a merge of all N shards. */
  readonly shard: string;
  /** Failing chunks over every property: counterexamples and crashes. */
  readonly failures: number;
  readonly properties: readonly PropertyReport[];
  /** Coverage classes summed over every property. */
  readonly coverage: Counts;
}

export interface CheckMeta {
  readonly createdAt: string;
  readonly host: string;
  readonly durationMs: number;
  readonly workers: number;
  readonly shard: string;
  readonly node: string;
  /** Worker time per property (the sum of its chunks' fast-check time). */
  readonly ms: Readonly<Record<string, number>>;
  /** For a merged report: the metadata of each shard report, in shard order, with its file. */
  readonly shards?: readonly (CheckMeta & { readonly file: string })[];
}

export interface PropertyReport {
  /** Registry name (`--properties`). */
  readonly name: string;
  /** The property's own name: the invariant. */
  readonly title: string;
  /** Chunks this report holds. */
  readonly chunks: number;
  /** Cases run (a chunk that fails stops at its first failing case; a crashed chunk counts 0). */
  readonly runs: number;
  /** Cases skipped by preconditions (known issues). */
  readonly skipped: number;
  /** counterexamples.length + crashed.length. */
  readonly failures: number;
  readonly counterexamples: readonly CounterexampleEntry[];
  readonly crashed: readonly CrashedChunk[];
  readonly coverage: Counts;
}

export interface CounterexampleEntry extends Counterexample {
  readonly chunk: number;
  /** The chunk's fast-check seed: with `path`, it replays the shrunk case. */
  readonly seed: number;
  readonly replay: string;
}

/** A chunk whose task did not return: the worker threw outside the check, exited, or timed out. */
export interface CrashedChunk {
  readonly chunk: number;
  readonly seed: number;
  /** Cases the chunk was to run. */
  readonly runs: number;
  readonly error: string;
  /** Re-runs the whole chunk in one process. */
  readonly replay: string;
}

export type ChunkOutcome =
  | { readonly kind: "done"; readonly chunk: Chunk; readonly result: ChunkResult }
  | { readonly kind: "crashed"; readonly chunk: Chunk; readonly error: string };

export interface ReportInput {
  readonly seed: number;
  readonly runs: number;
  readonly chunkSize: number;
  readonly shard: string;
  /** Registry name and title of each property, in report order. */
  readonly properties: readonly { readonly name: string; readonly title: string }[];
  /** Every chunk of the shard, any order. */
  readonly outcomes: readonly ChunkOutcome[];
  /** The --registry argument when it is not the default, for the replay lines. */
  readonly registry?: string;
  /** The --engine argument (the engine under test when not the fast engine), for the replay lines. */
  readonly engine?: string;
  /** The --engine-cmd argument and its flags, for the replay lines. */
  readonly engineCommand?: EngineCommand;
}

/** The report of a run from its chunk outcomes, merged in chunk order. */
export function buildReport(input: ReportInput, meta: Omit<CheckMeta, "ms">): CheckReport {
  const ms: Record<string, number> = {};
  const properties = input.properties.map(({ name, title }) => {
    const outcomes = input.outcomes
      .filter((o) => o.chunk.property === name)
      .sort((a, b) => a.chunk.chunk - b.chunk.chunk);
    const coverage: Counts = {};
    const counterexamples: CounterexampleEntry[] = [];
    const crashed: CrashedChunk[] = [];
    let runs = 0;
    let skipped = 0;
    let time = 0;
    for (const outcome of outcomes) {
      const { chunk } = outcome;
      if (outcome.kind === "crashed") {
        crashed.push({
          chunk: chunk.chunk,
          seed: chunk.seed,
          runs: chunk.runs,
          error: outcome.error,
          replay: replayCommand({
            property: name,
            seed: chunk.seed,
            runs: chunk.runs,
            ...modulesOf(input),
          }),
        });
        continue;
      }
      const { result } = outcome;
      runs += result.runs;
      skipped += result.skipped;
      time += result.ms;
      addCounts(coverage, result.coverage);
      if (result.counterexample !== null) {
        const { path } = result.counterexample;
        counterexamples.push({
          chunk: chunk.chunk,
          seed: chunk.seed,
          ...result.counterexample,
          replay: replayCommand(
            path === null
              ? { property: name, seed: chunk.seed, runs: chunk.runs, ...modulesOf(input) }
              : { property: name, seed: chunk.seed, path, ...modulesOf(input) },
          ),
        });
      }
    }
    ms[name] = Math.round(time);
    return {
      name,
      title,
      chunks: outcomes.length,
      runs,
      skipped,
      failures: counterexamples.length + crashed.length,
      counterexamples,
      crashed,
      coverage: sortedCounts(coverage),
    };
  });
  return {
    format: REPORT_FORMAT,
    meta: { ...meta, ms },
    seed: input.seed,
    runs: input.runs,
    chunkSize: input.chunkSize,
    shard: input.shard,
    failures: properties.reduce((sum, p) => sum + p.failures, 0),
    properties,
    coverage: totalCoverage(properties),
  };
}

export function totalCoverage(properties: readonly PropertyReport[]): Counts {
  const total: Counts = {};
  for (const p of properties) addCounts(total, p.coverage);
  return sortedCounts(total);
}

/**
 * `npm run assay -- replay --seed S --path P --property NAME` (or `--runs R` to re-run a whole
 * chunk): through the package script, which runs in any checkout, whatever npx resolves `assay` to.
 */
export function replayCommand(options: {
  readonly property: string;
  readonly seed: number;
  readonly path?: string;
  readonly runs?: number;
  readonly registry?: string;
  readonly engine?: string;
  readonly engineCommand?: EngineCommand;
}): string {
  const parts = ["npm run assay -- replay", `--seed ${options.seed}`];
  if (options.path !== undefined) parts.push(`--path ${options.path}`);
  if (options.runs !== undefined) parts.push(`--runs ${options.runs}`);
  parts.push(`--property ${options.property}`);
  if (options.registry !== undefined) parts.push(`--registry ${options.registry}`);
  if (options.engine !== undefined) parts.push(`--engine ${options.engine}`);
  const command = options.engineCommand;
  if (command !== undefined) {
    parts.push(`--engine-cmd ${JSON.stringify(command.command)}`);
    if (command.timeoutMs !== DEFAULT_ENGINE_TIMEOUT_MS) parts.push(`--engine-timeout ${command.timeoutMs}`);
    if (command.capabilities) parts.push("--capabilities");
  }
  return parts.join(" ");
}

/** The modules a replay line must name: those the run was given. */
function modulesOf(input: ReportInput): Pick<ReportInput, "registry" | "engine" | "engineCommand"> {
  return {
    ...(input.engineCommand === undefined ? {} : { engineCommand: input.engineCommand }),
    ...(input.registry === undefined ? {} : { registry: input.registry }),
    ...(input.engine === undefined ? {} : { engine: input.engine }),
  };
}

/** The report without its metadata: what must be equal between equivalent runs. */
export function withoutMeta(report: CheckReport): Omit<CheckReport, "meta"> {
  const { meta: _meta, ...rest } = report;
  return rest;
}

// ---------------------------------------------------------------------------------------------
// files

/** `reports/check-2026-11-01T12-30-05-123Z` (no extension): a name from the kind and the creation time. */
export function reportBase(folder: string, kind: string, createdAt: string, suffix = ""): string {
  return join(folder, `${kind}-${createdAt.replace(/[:.]/g, "-")}${suffix}`);
}

/** Writes the JSON report to `path`, whole or not at all. */
export function writeJson(path: string, report: CheckReport): void {
  writeWhole(path, `${JSON.stringify(report, null, 2)}\n`);
}

/** Throws unless `path` can be written as a file (checked before a run, not after it). */
export function assertWritableFile(path: string, flag: string): void {
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new Error(`${flag} ${path} is a directory; give a file path`);
    accessSync(path, constants.W_OK);
    return;
  }
  let folder = dirname(path);
  while (!existsSync(folder)) folder = dirname(folder);
  if (!statSync(folder).isDirectory()) throw new Error(`${flag} ${path}: ${folder} is not a directory`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new Error(`${flag} ${path}: the folder ${folder} is not writable`);
  }
}

/** Writes `text` to `path` through a temporary file renamed into place; creates the folder. */
export function writeWhole(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** The report as Markdown: inputs, one row per property, failures with replay lines, coverage. */
export function renderMarkdown(report: CheckReport): string {
  const { meta } = report;
  const lines = [
    `# assay check: ${report.failures === 0 ? "passed" : `${report.failures} failing chunk(s)`}`,
    "",
    `seed ${report.seed}, ${report.runs} runs per property in chunks of ${report.chunkSize}, shard ${report.shard}.`,
    `Created ${meta.createdAt} on ${meta.host} (Node ${meta.node}), ${meta.workers} worker(s), ${seconds(meta.durationMs)}.`,
    "",
    "| property | runs | skipped | failures | crashed | chunks | worker time |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...report.properties.map(
      (p) =>
        `| ${p.name} | ${p.runs} | ${p.skipped} | ${p.counterexamples.length} | ${p.crashed.length} | ${p.chunks} | ${seconds(meta.ms[p.name] ?? 0)} |`,
    ),
    "",
  ];
  for (const p of report.properties) {
    if (p.failures === 0) continue;
    lines.push(`## ${p.name}`, "", p.title, "");
    for (const c of p.counterexamples) {
      lines.push(
        `- chunk ${c.chunk}, seed ${c.seed}, path ${c.path ?? "none"} (${c.runs} runs, ${c.shrinks} shrinks${c.shrinkInterrupted ? ", shrinking stopped at the time limit" : ""}): ${c.error}`,
        `  - replay: \`${c.replay}\``,
      );
    }
    for (const c of p.crashed) {
      lines.push(`- chunk ${c.chunk}, seed ${c.seed}: crashed: ${c.error}`, `  - replay: \`${c.replay}\``);
    }
    lines.push("");
  }
  const names = report.properties.map((p) => p.name);
  const several = names.length > 1;
  lines.push(
    "## Coverage",
    "",
    "Event classes over the generated cases (properties/coverage.ts, src/harness/coverage.ts).",
    "",
    `| class | ${several ? `${names.join(" | ")} | total` : "count"} |`,
    `| --- | ${[...(several ? names : []), "x"].map(() => "---:").join(" | ")} |`,
  );
  for (const [key, total] of Object.entries(report.coverage)) {
    const cells = several ? [...report.properties.map((p) => p.coverage[key] ?? 0), total] : [total];
    lines.push(`| ${key} | ${cells.join(" | ")} |`);
  }
  return `${lines.join("\n")}\n`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
