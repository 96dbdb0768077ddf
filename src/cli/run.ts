// `assay run [strategy]`: backtests a strategy file or a built-in (default: rank long/short) on
// the embedded synthetic data or a CSV file, with the run configuration from a JSON file, and
// prints a summary.
import { existsSync, statSync } from "node:fs";
import type { Command } from "commander";
import { runBacktest } from "../api/backtest.ts";
import { runConfigFor } from "../api/run.ts";
import {
  type ConfigInput,
  configSource,
  configWarnings,
  mergeConfigInputs,
  readConfigFile,
} from "../config/index.ts";
import { loadPanel, syntheticPanel } from "../data/index.ts";
import type { Panel, RunConfig, Strategy } from "../model/index.ts";
import { renderSummary } from "../report/summary.ts";
import { rankLongShort } from "../strategy/rank-long-short.ts";
import { BUILT_IN_NAMES, rankSignalOf, strategyFromParams } from "./built-ins.ts";
import { DEFAULT_ENGINE, engines, loadEngine } from "./engines.ts";
import type { CliIo } from "./main.ts";
import { reportPaths, writeReport } from "./report.ts";
import { refuseOversizedRun } from "./run-memory.ts";

/** The flags that pick a run's data, config and strategy: `assay run`'s, and `assay lookahead`'s. */
export interface RunInputOptions {
  data?: string;
  config?: string;
  signal?: string;
  longs: string;
  shorts: string;
  targetValue: string;
  assets: string;
  bars: string;
  seed: string;
  set: string[];
  param: string[];
}

interface RunOptions extends RunInputOptions {
  engine: string;
  json?: boolean;
  out?: string;
  report?: boolean;
  reportName?: string;
}

/** rank-long-short's own flags (commander's option keys): `assay sweep` refuses them. */
export const RANK_FLAGS = ["signal", "longs", "shorts", "targetValue"];

export function registerRun(program: Command, io: CliIo, exit: { code: number }): void {
  runInputOptions(
    program
      .command("run")
      .description("backtest a strategy (a file, or a built-in) on the embedded synthetic data or a CSV file")
      .argument("[strategy]", STRATEGY_HELP, "rank-long-short"),
  )
    .option("--engine <name>", `engine: ${Object.keys(engines).join(", ")}`, DEFAULT_ENGINE)
    .option("--json", "print the summary as JSON")
    .option("--out <dir>", "also write the records as CSV and Parquet files into dir (docs/data.md)")
    .option(
      "--report",
      "also write a tearsheet: reports/<name>.html (charts, events, trades) and reports/<name>.md (headline metrics)",
    )
    .option(
      "--report-name <name>",
      "the tearsheet's file name, without extension; default: the strategy's (a built-in's name, a file's name)",
    )
    .action(async (strategyName: string, options: RunOptions, command: Command) => {
      // Before the run: a bad output path should not cost a whole run.
      if (options.out !== undefined) refuseOutputFile(options.out);
      if (options.reportName !== undefined && !options.report)
        throw new Error(
          `--report-name ${options.reportName} without --report: add --report to write the tearsheet`,
        );
      const report = options.report ? reportPaths(strategyName, options.reportName) : null;
      const { panel, config, source } = await runInputsOf(options, command);
      const strategy = await strategyOf(strategyName, options, panel, command);
      const engine = await loadEngine(options.engine);
      // Before the run, so that a long run's odd config is seen at once; the run's own after it.
      for (const warning of configWarnings(config, source)) io.err(`warning: ${warning}`);
      const started = performance.now();
      const result = runBacktest(panel, config, strategy, engine);
      const { summary, records } = result;
      const ms = performance.now() - started;
      for (const warning of records.warnings) io.err(`warning: ${warning}`);
      if (options.out !== undefined) {
        const written = [...result.toCSV(options.out), ...result.toParquet(options.out)];
        io.err(`wrote ${written.length} files (CSV and Parquet) to ${options.out}`);
      }
      if (report !== null) {
        await writeReport(report, result, panel, `${strategy.name} on ${options.data ?? "synthetic data"}`);
        io.err(`wrote the tearsheet ${report.html} and its summary ${report.markdown}`);
      }
      if (options.json) io.out(JSON.stringify({ ...summary, strategy: strategy.name, ms }, null, 2));
      else
        io.out(
          renderSummary(
            summary,
            `assay run: ${strategy.name} on ${options.data ?? "synthetic data"} (${ms.toFixed(0)} ms)`,
          ),
        );
      exit.code = 0;
    });
}

/** The strategy argument's help: a file or a built-in. */
export const STRATEGY_HELP = `a .ts/.js file whose default export is a Strategy, a declarative spec or a factory (params, data) => either, or a built-in: ${BUILT_IN_NAMES.join(", ")}`;

/** Adds the flags of RunInputOptions to `command` (`paramHelp`: what its --param means there). */
export function runInputOptions(
  command: Command,
  paramHelp = "a parameter of a strategy file's factory or of a built-in (the value is JSON, or a plain string); repeatable",
): Command {
  return command
    .option(
      "--data <file.csv>",
      "long-format CSV (date,symbol,open,high,low,close,volume[,extra...]); default: synthetic data",
    )
    .option("--config <run.json>", "run configuration (JSON, keys as in the README)")
    .option(
      "--signal <name>",
      'rank by an extra CSV column, or "momentum:N" (N-bar log return); default: "score" if the data has it, else momentum:20',
    )
    .option("--param <key=value>", paramHelp, collect, [])
    .option("--longs <n>", "rank-long-short: number of long positions", "5")
    .option("--shorts <n>", "rank-long-short: number of short positions", "5")
    .option(
      "--target-value <money>",
      "rank-long-short: money per position (shorts get its negative)",
      "100000",
    )
    .option("--assets <n>", "synthetic data: number of assets", "50")
    .option("--bars <n>", "synthetic data: number of daily bars", "504")
    .option("--seed <n>", "synthetic data: seed", "42")
    .option(
      "--set <key=value>",
      "set a config key (the value is JSON, or a plain string); repeatable, over --config",
      collect,
      [],
    );
}

/** The run's inputs from the flags: what the config resolves from, and its label in messages. */
export interface RunInputs {
  readonly panel: Panel;
  readonly config: RunConfig;
  /** The config file and --set merged, before defaults: what `config` resolved from. */
  readonly configInput: ConfigInput;
  readonly labels: { readonly config: string; readonly data: string };
  /** The config's label in warnings (labels.config). */
  readonly source: string;
}

export async function runInputsOf(options: RunInputOptions, command: Command): Promise<RunInputs> {
  const panel = await panelOf(options, command);
  const input = options.config === undefined ? {} : readConfigFile(options.config);
  const source = `${options.config === undefined ? "config" : configSource(options.config)}${options.set.length > 0 ? " + --set" : ""}`;
  const configInput = mergeConfigInputs(input, keyValues(options.set, "--set"));
  const labels = { config: source, data: options.data ?? "synthetic data" };
  // The config first: its errors name the file and key before the strategy's checks run.
  const config = runConfigFor(panel, configInput, labels);
  return { panel, config, configInput, labels, source };
}

/** --out names a folder: an existing file there is an error, not overwritten by a folder. */
function refuseOutputFile(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new Error(`--out ${dir} is a file; give a folder for the CSV and Parquet files`);
}

/** Synthetic data from --assets, --bars and --seed, or the --data file; never both. */
async function panelOf(options: RunInputOptions, command: Command): Promise<Panel> {
  const syntheticFlags = ["assets", "bars", "seed"].filter(
    (key) => command.getOptionValueSource(key) === "cli",
  );
  if (options.data === undefined) {
    const assets = count(options.assets, "--assets", 1);
    const bars = count(options.bars, "--bars", 1);
    refuseOversizedRun(assets, bars);
    return syntheticPanel({ assets, bars, seed: count(options.seed, "--seed") });
  }
  if (syntheticFlags.length > 0)
    throw new Error(
      `${syntheticFlags.map((key) => `--${key}`).join(", ")} with --data ${options.data}: --assets, --bars and --seed shape the synthetic data, which --data replaces; give one or the other`,
    );
  return loadPanel(options.data);
}

/**
 * A built-in by name, or a strategy file (`instance`: loadStrategyFile's); rank-long-short
 * without --param takes its own flags.
 */
export async function strategyOf(
  name: string,
  options: RunInputOptions,
  panel: Panel,
  command: Command,
  instance?: string,
): Promise<Strategy> {
  const params = keyValues(options.param, "--param");
  if (name !== "rank-long-short") return strategyFromParams(name, params, panel, instance);
  const flags = RANK_FLAGS.filter((key) => command.getOptionValueSource(key) === "cli");
  if (Object.keys(params).length === 0) return rankLongShortFromFlags(options, panel, command);
  if (flags.length > 0)
    throw new Error(
      `--param with --${flags.join(", --")}: give rank-long-short its settings one way, as flags or as --param (longs, shorts, targetValue, signal)`,
    );
  return strategyFromParams(name, params, panel);
}

function rankLongShortFromFlags(options: RunInputOptions, panel: Panel, command: Command): Strategy {
  rankCountsFit(options, panel, command);
  return rankLongShort({
    signal: rankSignalOf(options.signal, panel, "--signal"),
    longs: count(options.longs, "--longs"),
    shorts: count(options.shorts, "--shorts"),
    targetValue: money(options.targetValue, "--target-value"),
  });
}

/** --longs 30 --shorts 30 on 10 assets would quietly hold fewer positions than asked (the defaults may). */
function rankCountsFit(options: RunInputOptions, panel: Panel, command: Command): void {
  if (command.getOptionValueSource("longs") !== "cli" && command.getOptionValueSource("shorts") !== "cli")
    return;
  const longs = count(options.longs, "--longs");
  const shorts = count(options.shorts, "--shorts");
  const assets = panel.symbols.length;
  if (longs + shorts > assets)
    throw new Error(
      `--longs ${longs} + --shorts ${shorts} = ${longs + shorts} positions, but the data has ${assets} assets; ask for at most ${assets}`,
    );
}

export function count(text: string, flag: string, min = 0): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${flag}: expected a whole number >= ${min}, got "${text}"`);
  return value;
}

function money(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag}: expected a number > 0, got "${text}"`);
  return value;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--set` / `--param` key=value pairs as an object; values parse as JSON when they can (numbers, null, objects). */
export function keyValues(pairs: readonly string[], flag: string): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new Error(`${flag}: expected key=value, got "${pair}"`);
    const text = pair.slice(at + 1);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = text;
    }
    input[pair.slice(0, at)] = value;
  }
  return input;
}
