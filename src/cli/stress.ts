// `assay stress [strategy] --paths N --model M`: how likely a strategy is to get a margin call, a
// liquidation or go bankrupt, over simulated paths on the worker pool (src/stress/, docs/stress.md).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, extname, resolve } from "node:path";
import type { Command } from "commander";
import { runBacktest } from "../api/backtest.ts";
import { runConfigFor } from "../api/run.ts";
import { diffRecords, renderRecordDivergence } from "../compare/index.ts";
import { configSource, mergeConfigInputs, readConfigFile } from "../config/index.ts";
import { loadPanel } from "../data/index.ts";
import { parseShard, renderShard, WHOLE } from "../harness/plan.ts";
import { rateBar } from "../harness/progress.ts";
import { reportBase } from "../harness/report.ts";
import { renderSummary } from "../report/summary.ts";
import { mergeOutcomeChunks } from "../stress/chunk.ts";
import { fitGbm } from "../stress/fit.ts";
import { pathPanel } from "../stress/path.ts";
import { writeShardFile, writeStressOutputs } from "../stress/run/outputs.ts";
import { stressMarkdown, stressMeta, stressReport } from "../stress/run/report.ts";
import { runStress } from "../stress/run/run-stress.ts";
import { fanBarsOf, type StressSetup } from "../stress/run/setup.ts";
import { resolveStressModel } from "../stress/spec.ts";
import { BUILT_IN_NAMES, strategyFromParams } from "./built-ins.ts";
import { engines, loadEngine } from "./engines.ts";
import type { CliIo } from "./main.ts";
import { REPORTS_DIR } from "./report.ts";
import { collect, count, keyValues, STRATEGY_HELP } from "./run.ts";

interface StressFlags {
  paths: string;
  model: string;
  modelFile?: string;
  fit?: string;
  assets: string;
  bars: string;
  start: string;
  workers: string;
  seed: string;
  chunkSize: string;
  shard?: string;
  resume?: boolean;
  untilWidth?: string;
  config?: string;
  set: string[];
  param: string[];
  engine: string;
  out?: string;
  replayPath?: string;
  crossCheck: string;
}

export function registerStress(program: Command, io: CliIo, exit: { code: number }): void {
  program
    .command("stress")
    .description(
      "Monte Carlo stress test: the probability of a margin call, a liquidation and bankruptcy over simulated paths, with Wilson intervals",
    )
    .argument("[strategy]", STRATEGY_HELP, "levered-long-short")
    .option("--paths <n>", "simulated paths", "1000")
    .option(
      "--model <name>",
      "path model: gbm (mu 0.05, sigma 0.25 per asset), or any with --model-file",
      "gbm",
    )
    .option("--model-file <model.json>", "the model and its parameters (docs/stress.md), over --model")
    .option("--fit <data>", "fit the gbm model's drift, vol and correlation to a data file (printed)")
    .option("--assets <n>", "assets of a synthetic model (S00, S01, ...)", "10")
    .option("--bars <n>", "bars per path (trading days)", "252")
    .option("--start <date>", "the first bar's date", "2024-01-02")
    .option("--workers <n>", "worker threads", String(availableParallelism()))
    .option("--seed <n>", "path i is drawn from (seed, i) alone", "1")
    .option("--chunk-size <n>", "paths per task (part of the plan: resume and shards need the same)", "50")
    .option("--shard <k/N>", "run chunks k, k+N, ... of the plan (k from 0); assay merge joins the shards")
    .option("--resume", "complete the run whose checkpoint <out>.checkpoint.jsonl holds")
    .option(
      "--until-width <w>",
      "stop at the first chunk where the ruin probability's 95% interval is narrower than w",
    )
    .option("--config <run.json>", "run configuration (JSON, keys as in the README)")
    .option("--set <key=value>", "set a config key (JSON or plain string); repeatable", collect, [])
    .option(
      "--param <key=value>",
      "a parameter of the strategy (JSON or plain string); repeatable",
      collect,
      [],
    )
    .option("--engine <name>", `engine: ${Object.keys(engines).join(", ")}`, "fast")
    .option(
      "--out <file.json>",
      "the report's JSON; .md and .html beside it (default reports/stress-<timestamp>)",
    )
    .option("--replay-path <i>", "re-run path i with full records on both engines and print what happened")
    .option(
      "--cross-check <share>",
      "paths also run on the reference engine and compared record by record: a percent (1%) or a fraction; 0 for none",
      "1%",
    )
    .action(async (strategyName: string, flags: StressFlags) => {
      const setup = await setupOf(strategyName, flags, io);
      if (flags.replayPath !== undefined) {
        exit.code = await replayPath(setup, count(flags.replayPath, "--replay-path"), io);
        return;
      }
      const shard = flags.shard === undefined ? WHOLE : parseShard(flags.shard);
      if (flags.resume && flags.out === undefined)
        throw new Error(
          "--resume needs --out: the checkpoint is <out>.checkpoint.jsonl of the run to complete",
        );
      const base = outBase(flags.out);
      mkdirSync(dirname(base), { recursive: true });
      const paths = count(flags.paths, "--paths", 1);
      const untilWidth = flags.untilWidth === undefined ? undefined : Number(flags.untilWidth);
      const progress = rateBar(process.stderr, "stress", paths, "paths");
      let run: Awaited<ReturnType<typeof runStress>>;
      try {
        run = await runStress({
          setup,
          paths,
          chunkSize: count(flags.chunkSize, "--chunk-size", 1),
          shard,
          workers: count(flags.workers, "--workers", 1),
          checkpoint: `${base}.checkpoint.jsonl`,
          resume: flags.resume === true,
          untilWidth,
          onProgress: (done) => progress.update(done),
        });
      } finally {
        progress.stop();
      }
      const rate = `${(run.durationMs / 1000).toFixed(1)} s, ${((run.chunks.reduce((n, c) => n + c.paths, 0) * 1000) / run.durationMs).toFixed(1)} paths/s`;
      const title = `assay stress: ${strategyName} under ${modelName(setup)}`;
      if (shard.count > 1) {
        const meta = stressMeta(run, renderShard(shard));
        const file = writeShardFile(
          base,
          { meta, title, setup, shardOf: { ...shard, plannedPaths: paths } },
          run.chunks,
        );
        io.out(
          `shard ${renderShard(shard)}: ${run.chunks.length} chunks; join the shards' files with assay merge`,
        );
        io.err(`wrote ${file} (${rate})`);
      } else {
        const report = stressReport(title, setup, run, mergeOutcomeChunks(run.chunks), renderShard(shard));
        const files = await writeStressOutputs(base, report);
        io.out(stressMarkdown(report));
        io.err(`wrote ${files.join(", ")} (${rate})`);
      }
      exit.code = 0;
    });
}

/** Everything the workers need, checked here first: the model, the config, the strategy's name. */
async function setupOf(strategyName: string, flags: StressFlags, io: CliIo): Promise<StressSetup> {
  const bars = count(flags.bars, "--bars", 2);
  const seed = count(flags.seed, "--seed");
  const modelLabel = flags.modelFile === undefined ? `--model ${flags.model}` : `model ${flags.modelFile}`;
  const model = await modelInput(flags, io);
  // Resolved once here for its errors; each worker resolves it again from the same input.
  const modelSource =
    flags.model === "bootstrap" || (model as { model?: string }).model === "bootstrap"
      ? dataFile(flags)
      : null;
  const spec = resolveStressModel(
    model,
    { source: modelLabel },
    modelSource === null ? undefined : await loadPanel(modelSource),
  );
  const configInput = mergeConfigInputs(
    flags.config === undefined ? {} : readConfigFile(flags.config),
    keyValues(flags.set, "--set"),
  );
  const configLabel = `${flags.config === undefined ? "config" : configSource(flags.config)}${flags.set.length > 0 ? " + --set" : ""}`;
  const setup: StressSetup = {
    model,
    modelSource,
    strategy: BUILT_IN_NAMES.includes(strategyName) ? strategyName : strategyPath(strategyName),
    params: keyValues(flags.param, "--param"),
    config: configInput,
    labels: { config: configLabel, model: modelLabel },
    engine: flags.engine,
    bars,
    start: flags.start,
    seed,
    fanBars: fanBarsOf(bars),
    crossCheck: share(flags.crossCheck),
  };
  if (!Object.hasOwn(engines, flags.engine))
    throw new Error(`--engine ${flags.engine}: unknown engine (known: ${Object.keys(engines).join(", ")})`);
  // Path 0 made and its config resolved here: a model, config or strategy error stops the run now.
  const { panel } = pathPanel(spec, { path: 0, seed, bars, start: flags.start });
  runConfigFor(panel, configInput, { config: configLabel, data: modelLabel });
  await strategyFromParams(setup.strategy, setup.params, panel);
  return setup;
}

async function modelInput(flags: StressFlags, io: CliIo): Promise<unknown> {
  if (flags.modelFile !== undefined) {
    if (!existsSync(flags.modelFile)) throw new Error(`--model-file ${flags.modelFile}: not found`);
    return JSON.parse(readFileSync(flags.modelFile, "utf8"));
  }
  // Blocks of 20 bars on average (a month of trading days) unless a model file says otherwise.
  if (flags.model === "bootstrap") return { model: "bootstrap", meanBlockBars: 20 };
  if (flags.fit !== undefined) {
    if (flags.model !== "gbm")
      throw new Error(`--fit fits the gbm model; --model ${flags.model} takes --model-file`);
    const fitted = fitGbm(await loadPanel(flags.fit), flags.fit);
    io.err(`fitted to ${flags.fit}: ${JSON.stringify(fitted)}`);
    return { model: "gbm", ...fitted };
  }
  if (flags.model !== "gbm")
    throw new Error(
      `--model ${flags.model}: give its parameters with --model-file model.json (docs/stress.md); --model alone is gbm`,
    );
  const assets = count(flags.assets, "--assets", 1);
  const symbols = Array.from({ length: assets }, (_, i) => `S${String(i).padStart(2, "0")}`);
  return { model: "gbm", symbols, mu: 0.05, sigma: 0.25 };
}

/** --cross-check as a fraction: "1%" or "0.01". */
function share(text: string): number {
  const value = text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (!(value >= 0 && value <= 1))
    throw new Error(`--cross-check ${text}: expected a share of the paths, 0%..100% or 0..1`);
  return value;
}

function dataFile(flags: StressFlags): string {
  if (flags.fit === undefined)
    throw new Error("--model bootstrap resamples a data file: give it with --fit data.csv");
  return resolve(flags.fit);
}

function strategyPath(name: string): string {
  const path = resolve(name);
  if (!existsSync(path))
    throw new Error(`strategy file ${name}: not found, and not a built-in (${BUILT_IN_NAMES.join(", ")})`);
  return path;
}

function outBase(out: string | undefined): string {
  if (out === undefined) return reportBase(REPORTS_DIR, "stress", new Date().toISOString());
  if (extname(out) !== ".json")
    throw new Error(`--out ${out}: expected a .json file (its .md and .html go beside it)`);
  return resolve(out).slice(0, -".json".length);
}

function modelName(setup: StressSetup): string {
  return String((setup.model as { model?: unknown }).model);
}

/** Path i again, with its records, on the fast and the reference engine: what happened, and that they agree. */
async function replayPath(setup: StressSetup, path: number, io: CliIo): Promise<number> {
  const source = setup.modelSource === null ? undefined : await loadPanel(setup.modelSource);
  const spec = resolveStressModel(setup.model, { source: setup.labels.model }, source);
  const { panel } = pathPanel(spec, { path, seed: setup.seed, bars: setup.bars, start: setup.start });
  const config = runConfigFor(panel, setup.config, { config: setup.labels.config, data: setup.labels.model });
  const results = [];
  for (const name of ["fast", "reference"]) {
    const strategy = await strategyFromParams(setup.strategy, setup.params, panel);
    results.push(runBacktest(panel, config, strategy, await loadEngine(name)));
  }
  io.out(renderSummary(results[1].summary, `assay stress --replay-path ${path} (seed ${setup.seed})`));
  for (const event of results[1].records.events.filter(
    (e) => e.kind === "marginCall" || e.kind === "bankrupt",
  ))
    io.out(`  ${event.kind} at t=${event.t}: ${JSON.stringify(event)}`);
  const divergence = diffRecords(results[1].records, results[0].records, { names: ["reference", "fast"] });
  if (divergence === null) {
    io.out("fast and reference engines agree on this path, record by record");
    return 0;
  }
  io.out(`fast and reference engines differ on this path: ${renderRecordDivergence(divergence)}`);
  return 1;
}
