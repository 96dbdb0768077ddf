// `assay sweep <strategy> --param k=1,2,3 --param n=10:50:10`: the strategy over the grid of its
// params on a Piscina pool, ranked by one metric, headed by the number of trials and the deflated
// Sharpe ratio of the best (src/sweep/, docs/sweep.md).
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, extname, resolve } from "node:path";
import type { Command } from "commander";
import { configWarnings } from "../config/index.ts";
import { rateBar } from "../harness/progress.ts";
import { parseGrid } from "../sweep/grid.ts";
import { checkRankBy, rankTrials } from "../sweep/rank.ts";
import { renderSweep, sweepCsv, sweepJson } from "../sweep/render.ts";
import { runSweep } from "../sweep/run-sweep.ts";
import type { SweepData } from "../sweep/trial.ts";
import { BUILT_IN_NAMES } from "./built-ins.ts";
import { engines } from "./engines.ts";
import type { CliIo } from "./main.ts";
import { commandReportPaths } from "./report.ts";
import {
  collect,
  count,
  keyValues,
  RANK_FLAGS,
  type RunInputOptions,
  runInputOptions,
  runInputsOf,
  STRATEGY_HELP,
} from "./run.ts";

interface SweepOptions extends RunInputOptions {
  fixed: string[];
  engine: string;
  workers: string;
  rankBy: string;
  top: string;
  out: string[];
  report?: boolean;
  reportName?: string;
}

export function registerSweep(program: Command, io: CliIo, exit: { code: number }): void {
  runInputOptions(
    program
      .command("sweep")
      .description(
        "run a strategy over a grid of its params on all workers, ranked by a metric, with the deflated Sharpe ratio of the best",
      )
      .argument("<strategy>", STRATEGY_HELP),
    "a swept param: key=v1,v2,... or key=start:stop:step (numbers; the grid is every combination); repeatable",
  )
    .option(
      "--fixed <key=value>",
      "a param held for every trial (the value is JSON, or a plain string: a file name, a signal); repeatable",
      collect,
      [],
    )
    .option("--engine <name>", `engine: ${Object.keys(engines).join(", ")}`, "fast")
    .option("--workers <n>", "worker threads", String(availableParallelism()))
    .option("--rank-by <metric>", "the metric that ranks the trials (docs/metrics.md)", "sharpe")
    .option("--top <n>", "rows of the ranked table", "20")
    .option("--out <file>", "also write every trial to file.json or file.csv; repeatable", collect, [])
    .option(
      "--report",
      "also write reports/sweep-<name>.html (the metric over the grid as a heatmap, the ranked trials) and its .md",
    )
    .option("--report-name <name>", "the report's file name (default: sweep-<the strategy's name>)")
    .action(async (strategyName: string, options: SweepOptions, command: Command) => {
      // Everything that can be wrong with the command is found before the first trial runs.
      const axes = parseGrid(options.param);
      const rankBy = checkRankBy(options.rankBy);
      const workers = count(options.workers, "--workers", 1);
      const top = count(options.top, "--top", 1);
      if (!Object.hasOwn(engines, options.engine))
        throw new Error(
          `--engine ${options.engine}: unknown engine (known: ${Object.keys(engines).join(", ")})`,
        );
      for (const out of options.out) refuseOutput(out);
      const report = commandReportPaths("sweep", strategyName, options);
      const rankFlags = RANK_FLAGS.filter((key) => command.getOptionValueSource(key) === "cli");
      if (rankFlags.length > 0)
        throw new Error(
          `--${rankFlags.join(", --")}: a sweep gives rank-long-short's settings as --param (swept) or --fixed (held), e.g. --param longs=5,10 --fixed signal=score`,
        );
      const fixed = keyValues(options.fixed, "--fixed");
      const swept = axes.map((axis) => axis.key).filter((key) => Object.hasOwn(fixed, key));
      if (swept.length > 0)
        throw new Error(`--fixed ${swept.join(", ")}: also swept by --param; give each param one way`);
      const strategy = strategySource(strategyName);
      const { configInput, labels, config, source } = await runInputsOf(options, command);
      for (const warning of configWarnings(config, source)) io.err(`warning: ${warning}`);
      const trials = axes.reduce((product, axis) => product * axis.values.length, 1);
      const progress = rateBar(process.stderr, "sweep", trials, "trials", "failed");
      let run: Awaited<ReturnType<typeof runSweep>>;
      try {
        run = await runSweep({
          setup: {
            strategy,
            params: fixed,
            data: sweepDataOf(options),
            config: configInput,
            labels,
            engine: options.engine,
          },
          axes,
          workers,
          onProgress: (done, failed) => progress.update(done, failed),
        });
      } finally {
        progress.stop();
      }
      const verdict = rankTrials(run.trials, rankBy);
      const title = `${strategyName} on ${labels.data}, engine ${options.engine}`;
      for (const out of options.out) {
        mkdirSync(dirname(resolve(out)), { recursive: true });
        writeFileSync(
          out,
          extname(out) === ".csv" ? sweepCsv(axes, run) : sweepJson(title, axes, run, verdict),
        );
        io.err(`wrote ${out}`);
      }
      if (report !== null) {
        // Imported here: vega takes some 300 ms to load, which a sweep without --report should not pay.
        const { writeSweepReport } = await import("../sweep/report.ts");
        await writeSweepReport(report, title, axes, run, verdict);
        io.err(`wrote the sweep report ${report.html} and its summary ${report.markdown}`);
      }
      io.out(renderSweep(title, axes, run, verdict, top));
      // Every trial failing is a failed command; some failing is a finding the table lists.
      exit.code = verdict.ranked.length === 0 ? 1 : 0;
    });
}

/** A built-in's name, or a strategy file as an absolute path (the workers' folder may differ). */
function strategySource(name: string): string {
  if (BUILT_IN_NAMES.includes(name)) return name;
  const path = resolve(name);
  if (!existsSync(path))
    throw new Error(`strategy file ${name}: not found, and not a built-in (${BUILT_IN_NAMES.join(", ")})`);
  return path;
}

/** Where the workers read the bars: the --data file (absolute) or the synthetic flags. */
function sweepDataOf(options: SweepOptions): SweepData {
  if (options.data !== undefined) return { kind: "file", path: resolve(options.data) };
  return {
    kind: "synthetic",
    assets: count(options.assets, "--assets", 1),
    bars: count(options.bars, "--bars", 1),
    seed: count(options.seed, "--seed"),
  };
}

/** --out is a .json or .csv file, not a folder. */
function refuseOutput(out: string): void {
  const extension = extname(out);
  if (extension !== ".json" && extension !== ".csv")
    throw new Error(`--out ${out}: expected a .json or .csv file`);
  if (existsSync(out) && statSync(out).isDirectory())
    throw new Error(`--out ${out} is a folder; give a file`);
}
