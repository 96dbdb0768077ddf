// `assay run`: backtests the example strategy (rank long/short) on the embedded synthetic data
// or a CSV file, with the run configuration from a JSON file, and prints a summary.
import type { Command } from "commander";
import { configSource, mergeConfigInputs, readConfigFile, resolveConfig } from "../config/index.ts";
import { loadCsvPanel, syntheticPanel, validatePanel } from "../data/index.ts";
import type { Panel } from "../model/index.ts";
import { renderSummary, summarize } from "../report/summary.ts";
import { momentum, rankLongShort, type Signal } from "../strategy/rank-long-short.ts";
import { DEFAULT_ENGINE, engines, loadEngine } from "./engines.ts";
import type { CliIo } from "./main.ts";

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
  json?: boolean;
}

export function registerRun(program: Command, io: CliIo, exit: { code: number }): void {
  program
    .command("run")
    .description("backtest the rank long/short strategy on the embedded synthetic data or a CSV file")
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
    .option("--longs <n>", "number of long positions", "5")
    .option("--shorts <n>", "number of short positions", "5")
    .option("--target-value <money>", "money per position (shorts get its negative)", "100000")
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
    .action(async (options: RunOptions) => {
      const panel =
        options.data === undefined
          ? syntheticPanel({
              assets: count(options.assets, "--assets"),
              bars: count(options.bars, "--bars"),
              seed: count(options.seed, "--seed"),
            })
          : loadCsvPanel(options.data);
      const input = options.config === undefined ? {} : readConfigFile(options.config);
      const source = `${options.config === undefined ? "config" : configSource(options.config)}${options.set.length > 0 ? " + --set" : ""}`;
      const config = resolveConfig(mergeConfigInputs(input, settings(options.set)), panel.symbols, source);
      // The tick grid is part of the config, so bars are checked against it once both are known.
      validatePanel(
        panel,
        options.data ?? "synthetic data",
        config.instruments.map((i) => i.tickSize),
      );
      const strategy = rankLongShort({
        signal: signalOf(options.signal, panel),
        longs: count(options.longs, "--longs"),
        shorts: count(options.shorts, "--shorts"),
        targetValue: money(options.targetValue, "--target-value"),
      });
      const engine = await loadEngine(options.engine);
      const started = performance.now();
      const records = engine.run(panel, config, strategy);
      const ms = performance.now() - started;
      const summary = summarize(records, panel.times, config.initialCash);
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

/** `--set key=value` pairs as a config input; values parse as JSON when they can (numbers, null, objects). */
function settings(pairs: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new Error(`--set: expected key=value, got "${pair}"`);
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
