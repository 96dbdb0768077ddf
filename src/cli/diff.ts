// `assay diff [strategy] --a config-a.json --b config-b.json <run flags>`: one strategy on one
// data set under two configs (or one config on two engines, `--engine-b`): each side's headline
// numbers, the difference, the first record where they part, and every config key on which they
// differ with what that key alone does to side a (src/compat/compare.ts, as `assay compare`).
import type { Command } from "commander";
import { compareConfigs, type ProfileComparison } from "../compat/compare.ts";
import { configSource, mergeConfigInputs, readConfigFile } from "../config/index.ts";
import { alignTable, money, percent, ratio } from "../report/format.ts";
import { renderPair } from "./compare.ts";
import { engines, loadEngine } from "./engines.ts";
import type { CliIo } from "./main.ts";
import {
  keyValues,
  type RunInputOptions,
  runInputOptions,
  runInputsOf,
  STRATEGY_HELP,
  strategyOf,
} from "./run.ts";

interface DiffOptions extends RunInputOptions {
  a: string;
  b: string;
  engine: string;
  engineB?: string;
  json?: boolean;
}

export function registerDiff(program: Command, io: CliIo, exit: { code: number }): void {
  runInputOptions(
    program
      .command("diff")
      .description(
        "run one strategy under two configs (or on two engines): where the records first part and what each difference costs",
      )
      .argument("[strategy]", STRATEGY_HELP, "rank-long-short"),
  )
    .requiredOption("--a <config.json>", "side a's config, over --config (--set applies to both sides)")
    .requiredOption("--b <config.json>", "side b's config, over --config")
    .option(
      "--engine <name>",
      `engine of side a (and b, without --engine-b): ${Object.keys(engines).join(", ")}`,
      "fast",
    )
    .option("--engine-b <name>", "engine of side b")
    .option("--json", "print the comparison as JSON")
    .action(async (strategyName: string, options: DiffOptions, command: Command) => {
      const { panel, labels } = await runInputsOf(options, command);
      const base = options.config === undefined ? {} : readConfigFile(options.config);
      const set = keyValues(options.set, "--set");
      const side = (file: string) => mergeConfigInputs(mergeConfigInputs(base, readConfigFile(file)), set);
      const engineB = options.engineB ?? options.engine;
      if (options.a === options.b && engineB === options.engine)
        throw new Error(
          `--a and --b are both ${options.a} on engine ${options.engine}: nothing would differ`,
        );
      const comparison = await compareConfigs(
        {
          panel,
          labels: { ...labels, config: `${configSource(options.a)} / ${configSource(options.b)}` },
          build: () => strategyOf(strategyName, options, panel, command),
          engine: await loadEngine(options.engine),
        },
        [
          { name: "a", configInput: side(options.a) },
          { name: "b", configInput: side(options.b), engine: await loadEngine(engineB) },
        ],
      );
      if (options.json) io.out(JSON.stringify(comparison, null, 2));
      else {
        io.out(`assay diff: ${strategyName} on ${labels.data}`);
        io.out(`  a: ${options.a}, engine ${options.engine}`);
        io.out(`  b: ${options.b}, engine ${engineB}`);
        for (const line of renderDiff(comparison, panel.times)) io.out(line);
      }
      exit.code = 0;
    });
}

export function renderDiff(comparison: ProfileComparison, times: ArrayLike<number>): string[] {
  const [a, b] = comparison.runs;
  const header = [
    "side",
    "final equity",
    "return",
    "Sharpe",
    "max drawdown",
    "fills",
    "refused",
    "commission",
  ];
  const row = (run: typeof a) => [
    run.profile,
    money(run.finalEquity),
    percent(run.totalReturn),
    run.sharpe === null ? "n/a" : ratio(run.sharpe),
    percent(run.maxDrawdown),
    String(run.fills),
    String(run.refused),
    money(run.commission),
  ];
  const difference = [
    "b - a",
    money(b.finalEquity - a.finalEquity),
    percent(b.totalReturn - a.totalReturn),
    a.sharpe === null || b.sharpe === null ? "n/a" : ratio(b.sharpe - a.sharpe),
    percent(b.maxDrawdown - a.maxDrawdown),
    String(b.fills - a.fills),
    String(b.refused - a.refused),
    money(b.commission - a.commission),
  ];
  return [
    "",
    ...alignTable(header, [row(a), row(b), difference], [false, ...header.slice(1).map(() => true)]).split(
      "\n",
    ),
    ...renderPair(comparison.pairs[0], times),
  ];
}
