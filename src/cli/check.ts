// `assay check`, `assay merge`, `assay replay`: the property runner (src/harness/) on the command
// line. The harness is imported when one of them runs, so other commands load neither
// fast-check nor the worker pool.

import { availableParallelism } from "node:os";
import { extname } from "node:path";
import type { Command } from "commander";
import type { CheckReport } from "../harness/report.ts";
import { DEFAULT_ENGINE_TIMEOUT_MS, type EngineCommand } from "../protocol/engine-process.ts";
import type { CliIo } from "./main.ts";

/** `--engine-cmd` and its flags, on check and replay. */
interface EngineCommandFlags {
  engineCmd?: string;
  engineTimeout: string;
  capabilities?: boolean;
}

interface CheckFlags extends EngineCommandFlags {
  properties?: string;
  runs: string;
  workers: string;
  seed?: string;
  shard?: string;
  chunkSize: string;
  chunkTimeout: string;
  out?: string;
  reports: string;
  registry?: string;
  engine?: string;
  against: string;
}

interface MergeFlags {
  out?: string;
  reports: string;
}

interface ReplayFlags extends EngineCommandFlags {
  seed: string;
  path?: string;
  runs?: string;
  property: string;
  registry?: string;
  engine?: string;
  out?: string;
}

export function registerCheck(program: Command, io: CliIo, exit: { code: number }): void {
  const check = program
    .command("check")
    .description("run the registered properties over generated cases, in parallel, and write a report")
    .option(
      "--properties <globs>",
      'registry names, comma-separated globs (* and ?); default "*", with --engine-cmd engine-equals-reference',
    )
    .option("--runs <n>", "cases per property (the whole run: every shard together)", "1000")
    .option("--workers <n>", "worker threads", String(availableParallelism()))
    .option("--seed <n>", "run seed (integer); default a random one, printed and reported")
    .option("--shard <k/N>", "run only shard k of N (k = 0..N-1, e.g. $JOB_COMPLETION_INDEX/N)")
    .option("--chunk-size <n>", "cases per chunk (part of the plan: keep it equal across shards)", "100")
    .option(
      "--chunk-timeout <ms>",
      "a chunk running longer is stopped and reported as crashed; at 80% of it fast-check stops shrinking and reports the smallest case so far",
      "300000",
    )
    .option("--out <file>", "also write the JSON report to this file")
    .option("--reports <dir>", "folder of check-<timestamp>.json and .md", "reports")
    .option("--registry <module>", "module exporting PROPERTIES (default properties/registry.ts)")
    .option(
      "--engine <module>",
      "the engine under test: a module exporting an Engine (default export or `engine`); default the fast engine",
    )
    .option("--against <engine>", "the engine the engine under test is compared with", "reference");
  withEngineCommand(check).action(async (flags: CheckFlags) => {
    exit.code = await guarded(io, "check", () => runCheckCommand(flags, io));
  });

  program
    .command("merge")
    .description("merge the shard reports of one check run (0/N .. N-1/N) into the whole run's report")
    .argument("<reports...>", "shard JSON reports")
    .option("--out <file>", "merged JSON report (default <reports>/check-<timestamp>-merged.json)")
    .option("--reports <dir>", "folder of the default --out", "reports")
    .action(async (files: string[], flags: MergeFlags) => {
      exit.code = await guarded(io, "merge", () => merge(files, flags, io));
    });

  const replay = program
    .command("replay")
    .description("reproduce a check failure from its seed and path, and write it as a regression scenario")
    .requiredOption("--seed <n>", "the failing chunk's seed (from the report)")
    .option("--path <path>", "fast-check path of the shrunk case (from the report)")
    .option("--runs <n>", "without --path: run the whole chunk of n cases (a crashed chunk)")
    .requiredOption("--property <name>", "registry name of the property")
    .option("--registry <module>", "module exporting PROPERTIES (default properties/registry.ts)")
    .option("--engine <module>", "the engine under test's module, as the check ran it")
    .option("--out <dir>", "folder of the scenario file", "scenarios/regressions");
  withEngineCommand(replay).action(async (flags: ReplayFlags) => {
    exit.code = await guarded(io, "replay", () => replayCommand(flags, io));
  });
}

async function runCheckCommand(flags: CheckFlags, io: CliIo): Promise<number> {
  const { runCheck } = await import("../harness/runner.ts");
  const { parseShard, WHOLE } = await import("../harness/plan.ts");
  const { progressView } = await import("../harness/progress.ts");
  const shard = flags.shard === undefined ? WHOLE : parseShard(flags.shard);
  if (flags.shard !== undefined && flags.seed === undefined)
    throw new Error("--shard needs --seed: every shard of a run must draw from the same seed");
  // The reference is the spec as code: what every engine is held to (SPEC 10).
  if (flags.against !== "reference")
    throw new Error(`--against ${flags.against}: engines are checked against the reference engine only`);
  const seed = flags.seed === undefined ? randomSeed() : integer(flags.seed, "--seed");
  const runs = integer(flags.runs, "--runs", 1);
  const engineCommand = engineCommandOf(flags);
  if (flags.out !== undefined) {
    const { assertWritableFile } = await import("../harness/report.ts");
    assertWritableFile(flags.out, "--out");
  }
  const view = progressView(process.stderr, io.err);
  let report: CheckReport;
  try {
    report = await runCheck({
      properties: flags.properties,
      runs,
      workers: integer(flags.workers, "--workers", 1),
      seed,
      shard,
      chunkSize: integer(flags.chunkSize, "--chunk-size", 1),
      chunkTimeoutMs: integer(flags.chunkTimeout, "--chunk-timeout", 1),
      registry: flags.registry,
      engine: flags.engine,
      engineCommand,
      onStart: view.onStart,
      onProgress: view.onProgress,
    });
  } finally {
    view.stop();
  }
  const files = await writeReports(report, flags.reports, "", flags.out);
  printReport(report, io);
  io.out(`report: ${files.join(", ")}`);
  return report.failures > 0 ? 1 : 0;
}

async function merge(paths: string[], flags: MergeFlags, io: CliIo): Promise<number> {
  const { isStressShard } = await import("../stress/run/outputs.ts");
  if (paths.length > 0 && isStressShard(paths[0])) return mergeStress(paths, flags, io);
  const { mergeReports, readReport } = await import("../harness/merge.ts");
  const report = mergeReports(paths.map((path) => readReport(path)));
  const files = await writeReports(report, flags.reports, "-merged", flags.out, flags.out !== undefined);
  printReport(report, io);
  io.out(`report: ${files.join(", ")}`);
  return report.failures > 0 ? 1 : 0;
}

/** Stress shards (`assay stress --shard k/N`) joined into the report of the whole run. */
async function mergeStress(paths: string[], flags: MergeFlags, io: CliIo): Promise<number> {
  const { mergeStressShards, writeStressOutputs } = await import("../stress/run/outputs.ts");
  const { stressMarkdown } = await import("../stress/run/report.ts");
  const report = mergeStressShards(paths);
  const { reportBase } = await import("../harness/report.ts");
  const out = flags.out ?? `${reportBase(flags.reports, "stress", new Date().toISOString(), "-merged")}.json`;
  if (extname(out) !== ".json")
    throw new Error(`--out ${out}: expected a .json file (its .md and .html go beside it)`);
  const files = await writeStressOutputs(out.slice(0, -".json".length), report);
  io.out(stressMarkdown(report));
  io.out(`report: ${files.join(", ")}`);
  return 0;
}

async function replayCommand(flags: ReplayFlags, io: CliIo): Promise<number> {
  const { replay } = await import("../harness/replay.ts");
  const seed = integer(flags.seed, "--seed");
  if (flags.path !== undefined && flags.runs !== undefined)
    throw new Error("give --path (straight to the shrunk case) or --runs (the whole chunk), not both");
  const outcome = await replay({
    property: flags.property,
    seed,
    path: flags.path,
    runs: flags.runs === undefined ? undefined : integer(flags.runs, "--runs", 1),
    registry: flags.registry,
    engine: flags.engine,
    engineCommand: engineCommandOf(flags),
    outDir: flags.out,
  });
  const where = flags.path === undefined ? `${flags.runs ?? "100"} runs` : `path ${flags.path}`;
  if (!outcome.failed) {
    io.out(`replay ${flags.property}: holds on seed ${seed} (${where}): nothing to reproduce`);
    return 1;
  }
  io.out(`replay ${flags.property}: seed ${seed}, path ${outcome.path}`);
  io.out(`FAIL ${outcome.title}`);
  io.out(`error: ${outcome.error}`);
  if (outcome.shown !== null) io.out(`case: ${outcome.shown}`);
  for (const note of outcome.notes) io.out(`  ${note}`);
  if (outcome.file === null) return 1;
  io.out(`wrote ${outcome.file}`);
  return 0;
}

// ---------------------------------------------------------------------------------------------

/** `--engine-cmd` and its flags, as check and replay take them (replay: as the check ran). */
function withEngineCommand(command: Command): Command {
  return command
    .option(
      "--engine-cmd <command>",
      "the engine under test is a process: one golden input per line on stdin, one expected per line on stdout (docs/verification.md)",
    )
    .option(
      "--engine-timeout <ms>",
      "with --engine-cmd: a case's reply taking longer fails it",
      String(DEFAULT_ENGINE_TIMEOUT_MS),
    )
    .option(
      "--capabilities",
      "with --engine-cmd: draw cases within what `<command> --describe` says it supports",
    );
}

/** The engine process of `--engine-cmd` with its flags, or undefined; a flag without it is an error. */
function engineCommandOf(flags: EngineCommandFlags): EngineCommand | undefined {
  const timeoutMs = integer(flags.engineTimeout, "--engine-timeout", 1);
  if (flags.engineCmd === undefined) {
    if (flags.capabilities === true) throw new Error("--capabilities needs --engine-cmd");
    if (timeoutMs !== DEFAULT_ENGINE_TIMEOUT_MS) throw new Error("--engine-timeout needs --engine-cmd");
    return undefined;
  }
  if (flags.engineCmd.trim() === "") throw new Error("--engine-cmd: the command is empty");
  return { command: flags.engineCmd, timeoutMs, capabilities: flags.capabilities === true };
}

/** Writes <dir>/check-<timestamp><suffix>.json and .md (unless `outOnly`), and the JSON to `out`. */
async function writeReports(
  report: CheckReport,
  dir: string,
  suffix: string,
  out: string | undefined,
  outOnly = false,
): Promise<string[]> {
  const { renderMarkdown, reportBase, writeJson, writeWhole } = await import("../harness/report.ts");
  const files: string[] = [];
  if (!outOnly) {
    const base = reportBase(dir, "check", report.meta.createdAt, suffix);
    writeJson(`${base}.json`, report);
    writeWhole(`${base}.md`, renderMarkdown(report));
    files.push(`${base}.json`, `${base}.md`);
  }
  if (out !== undefined) {
    writeJson(out, report);
    files.push(out);
    if (outOnly) {
      const md = out.endsWith(".json") ? `${out.slice(0, -5)}.md` : `${out}.md`;
      writeWhole(md, renderMarkdown(report));
      files.push(md);
    }
  }
  return files;
}

function printReport(report: CheckReport, io: CliIo): void {
  const { meta } = report;
  io.out(
    `check: seed ${report.seed}, ${report.runs} runs per property (chunks of ${report.chunkSize}), shard ${report.shard}, ${meta.workers} worker(s), ${(meta.durationMs / 1000).toFixed(1)} s`,
  );
  for (const p of report.properties) {
    const skipped = p.skipped > 0 ? ` (${p.skipped} skipped)` : "";
    if (p.runs === 0) {
      // A shard can get no chunk of a property: nothing ran, so nothing passed.
      io.out(`NONE ${p.name}: 0 runs in shard ${report.shard} (its chunks are in other shards)`);
      continue;
    }
    io.out(
      `${p.failures === 0 ? "PASS" : "FAIL"} ${p.name}: ${p.runs} runs${skipped}, ${p.failures} failing chunk(s)`,
    );
    for (const c of p.counterexamples) {
      const stopped = c.shrinkInterrupted
        ? ", shrinking stopped at the time limit: the smallest case by then"
        : "";
      io.out(
        `  chunk ${c.chunk} seed ${c.seed} (${c.runs} runs, ${c.shrinks} shrinks${stopped}): ${firstLine(c.error)}`,
      );
      io.out(`  replay: ${c.replay}`);
    }
    for (const c of p.crashed) {
      io.out(`  chunk ${c.chunk} seed ${c.seed} crashed: ${c.error}`);
      io.out(`  replay: ${c.replay}`);
    }
  }
}

/**
 * An error's first line, noting any rest (it is in the report): the console keeps to one line per
 * failure, so that the replay line under it stands whole on its own and is the one place to copy
 * the path from.
 */
function firstLine(text: string): string {
  const end = text.indexOf("\n");
  return end < 0 ? text : `${text.slice(0, end)} (the rest in the report)`;
}

async function guarded(io: CliIo, command: string, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    io.err(`assay ${command}: ${(error as Error).message}`);
    return 1;
  }
}

function integer(text: string, flag: string, min = Number.MIN_SAFE_INTEGER): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isSafeInteger(value) || value < min)
    throw new Error(
      `${flag} must be an integer${min > Number.MIN_SAFE_INTEGER ? ` >= ${min}` : ""}, got "${text}"`,
    );
  return value;
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}
