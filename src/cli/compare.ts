// `assay compare [strategy] --profiles backtrader,default <run flags>`: one input under several
// compatibility profiles (src/compat/compare.ts): each profile's headline numbers, where each
// profile's records first part from the first's, and which config key explains it, with the
// money effect of each key alone.
import type { Command } from "commander";
import { renderRecordDivergence } from "../compare/index.ts";
import {
  compareProfiles,
  type ProfileComparison,
  type ProfilePair,
  parseProfiles,
} from "../compat/compare.ts";
import { alignTable, money } from "../report/format.ts";
import { engines, loadEngine } from "./engines.ts";
import type { CliIo } from "./main.ts";
import { type RunInputOptions, runInputOptions, runInputsOf, STRATEGY_HELP, strategyOf } from "./run.ts";

interface CompareOptions extends RunInputOptions {
  profiles: string;
  engine: string;
  json?: boolean;
}

export function registerCompare(program: Command, io: CliIo, exit: { code: number }): void {
  runInputOptions(
    program
      .command("compare")
      .description(
        "run one input under several compatibility profiles and show where they first diverge and which config key explains it",
      )
      .argument("[strategy]", STRATEGY_HELP, "rank-long-short"),
  )
    .requiredOption(
      "--profiles <list>",
      'profiles to run, comma-separated: "backtrader", "default" (assay\'s own)',
    )
    .option("--engine <name>", `engine: ${Object.keys(engines).join(", ")}`, "fast")
    .option("--json", "print the comparison as JSON")
    .action(async (strategyName: string, options: CompareOptions, command: Command) => {
      const profiles = parseProfiles(options.profiles);
      const { panel, configInput, labels } = await runInputsOf(options, command);
      const comparison = await compareProfiles({
        panel,
        configInput,
        labels,
        profiles,
        build: () => strategyOf(strategyName, options, panel, command),
        engine: await loadEngine(options.engine),
      });
      if (options.json) io.out(JSON.stringify(comparison, null, 2));
      else {
        io.out(`assay compare: ${strategyName} on ${labels.data}, engine ${options.engine}`);
        for (const line of renderComparison(comparison, panel.times)) io.out(line);
      }
      exit.code = 0;
    });
}

export function renderComparison(comparison: ProfileComparison, times: ArrayLike<number>): string[] {
  const header = ["profile", "final equity", "fills", "refused", "commission"];
  const rows = comparison.runs.map((run) => [
    run.profile,
    money(run.finalEquity),
    String(run.fills),
    String(run.refused),
    money(run.commission),
  ]);
  return [
    "",
    ...alignTable(header, rows, [false, true, true, true, true]).split("\n"),
    ...comparison.pairs.flatMap((pair) => renderPair(pair, times)),
  ];
}

export function renderPair(pair: ProfilePair, times: ArrayLike<number>): string[] {
  const title = `${pair.b} vs ${pair.a}`;
  if (pair.first === null) return ["", `${title}: identical records`];
  const date = pair.first.t === null ? "" : ` on ${new Date(times[pair.first.t]).toISOString().slice(0, 10)}`;
  const lines = [
    "",
    `${title}: first divergence${date}: ${renderRecordDivergence(pair.first)}`,
    `  final equity ${money(pair.finalEquityDifference)} (${pair.b} minus ${pair.a})`,
  ];
  if (pair.keys.length === 0) return lines;
  const header = ["key", pair.a, pair.b, `alone: final equity of ${pair.a}`, "explains the first divergence"];
  const rows = pair.keys.map((key) => [
    key.key,
    JSON.stringify(key.a),
    JSON.stringify(key.b),
    "error" in key.alone
      ? `cannot be set alone: ${key.alone.error}`
      : signedMoney(key.alone.finalEquityChange),
    "error" in key.alone ? "" : key.alone.explainsFirst ? "yes" : "no",
  ]);
  return [
    ...lines,
    "",
    ...alignTable(header, rows, [false, false, false, true, false])
      .split("\n")
      .map((l) => `  ${l}`),
  ];
}

function signedMoney(value: number): string {
  return `${value >= 0 ? "+" : "-"}${money(Math.abs(value))}`;
}
