// `assay run [strategy]`: backtests a strategy file or a built-in (default: rank long/short) on
// the embedded synthetic data or a CSV file, with the run configuration from a JSON file, and
// prints a summary.
import type { Command } from "commander";
import { runBacktest } from "../api/backtest.ts";
import { configSource, mergeConfigInputs, readConfigFile, resolveConfig } from "../config/index.ts";
import { loadPanel, syntheticPanel, validatePanel } from "../data/index.ts";
import type { Panel, Strategy } from "../model/index.ts";
import { renderSummary } from "../report/summary.ts";
import { momentum, rankLongShort, type Signal } from "../strategy/rank-long-short.ts";
import { futuresTrendFromParams, maCrossoverFromParams, targetWeightsFromParams } from "./built-ins.ts";
import { DEFAULT_ENGINE, engines, loadEngine } from "./engines.ts";
import type { CliIo } from "./main.ts";
import { loadStrategyFile, type StrategyParams } from "./strategy-file.ts";

interface RunOptions {
  data?: string;
  config?: string;
  engine: string;
  signal?: string;
  longs: string;
  shorts: string;
  targetValue: string;
  assets: string;
  bars: string;
  seed: string;
  set: string[];
  param: string[];
  json?: boolean;
}

/** Strategies the CLI knows by name, built from the run's flags, data and --param values. */
const BUILT_INS: Record<string, (options: RunOptions, panel: Panel, params: StrategyParams) => Strategy> = {
  "rank-long-short": (options, panel, params) => {
    if (Object.keys(params).length > 0)
      throw new Error(
        "--param: the built-in rank-long-short takes its own flags (see assay run --help), not --param",
      );
    return rankLongShort({
      signal: signalOf(options.signal, panel),
      longs: count(options.longs, "--longs"),
      shorts: count(options.shorts, "--shorts"),
      targetValue: money(options.targetValue, "--target-value"),
    });
  },
  "ma-crossover": (_, __, params) => maCrossoverFromParams(params),
  "target-weights": (_, panel, params) => targetWeightsFromParams(params, panel),
  "futures-trend": (_, __, params) => futuresTrendFromParams(params),
};

export function registerRun(program: Command, io: CliIo, exit: { code: number }): void {
  program
    .command("run")
    .description("backtest a strategy (a file, or a built-in) on the embedded synthetic data or a CSV file")
    .argument(
      "[strategy]",
      `a .ts/.js file whose default export is a Strategy or a factory (params) => Strategy, or a built-in: ${Object.keys(BUILT_INS).join(", ")}`,
      "rank-long-short",
    )
    .option(
      "--data <file.csv>",
      "long-format CSV (date,symbol,open,high,low,close,volume[,extra...]); default: synthetic data",
    )
    .option("--config <run.json>", "run configuration (JSON, keys as in the README)")
    .option("--engine <name>", `engine: ${Object.keys(engines).join(", ")}`, DEFAULT_ENGINE)
    .option(
      "--signal <name>",
      'rank by an extra CSV column, or "momentum:N" (N-bar log return); default: "score" if the data has it, else momentum:20',
    )
    .option(
      "--param <key=value>",
      "a strategy file's factory parameter (the value is JSON, or a plain string); repeatable",
      collect,
      [],
    )
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
    )
    .option("--json", "print the summary as JSON")
    .action(async (strategyName: string, options: RunOptions) => {
      const panel =
        options.data === undefined
          ? syntheticPanel({
              assets: count(options.assets, "--assets"),
              bars: count(options.bars, "--bars"),
              seed: count(options.seed, "--seed"),
            })
          : await loadPanel(options.data);
      const input = options.config === undefined ? {} : readConfigFile(options.config);
      const source = `${options.config === undefined ? "config" : configSource(options.config)}${options.set.length > 0 ? " + --set" : ""}`;
      const config = resolveConfig(
        mergeConfigInputs(input, keyValues(options.set, "--set")),
        panel.symbols,
        source,
      );
      // The tick grid is part of the config, so bars are checked against it once both are known.
      validatePanel(
        panel,
        options.data ?? "synthetic data",
        config.instruments.map((i) => i.tickSize),
      );
      const strategy = await strategyOf(strategyName, options, panel);
      const engine = await loadEngine(options.engine);
      const started = performance.now();
      const { summary } = runBacktest(panel, config, strategy, engine);
      const ms = performance.now() - started;
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

async function strategyOf(name: string, options: RunOptions, panel: Panel): Promise<Strategy> {
  const params = keyValues(options.param, "--param");
  const builtIn = BUILT_INS[name];
  if (builtIn === undefined)
    return loadStrategyFile(name, params, `, and not a built-in (${Object.keys(BUILT_INS).join(", ")})`);
  return builtIn(options, panel, params);
}

function signalOf(name: string | undefined, panel: Panel): string | Signal {
  const chosen = name ?? ("score" in panel.extra ? "score" : "momentum:20");
  const match = /^momentum:(\d+)$/.exec(chosen);
  if (match !== null) return momentum(count(match[1], "--signal momentum:N"));
  if (!(chosen in panel.extra))
    throw new Error(
      `--signal: no column "${chosen}" in the data (columns: ${Object.keys(panel.extra).join(", ") || "none"}) and not momentum:N`,
    );
  return chosen;
}

function count(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${flag}: expected a whole number >= 0, got "${text}"`);
  return value;
}

function money(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag}: expected a number > 0, got "${text}"`);
  return value;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--set` / `--param` key=value pairs as an object; values parse as JSON when they can (numbers, null, objects). */
function keyValues(pairs: readonly string[], flag: string): Record<string, unknown> {
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
