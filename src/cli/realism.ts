// `assay realism [strategy] <run flags>`: the strategy up the ladder of realism (src/realism/),
// from frictionless to the user's config, one family of assumptions a step, with each step's
// effect on return, Sharpe, drawdown and trades; `--report` adds the HTML page with its charts.
import type { Command } from "commander";
import { configWarnings } from "../config/index.ts";
import { renderLadder } from "../realism/render.ts";
import { runLadder } from "../realism/run-ladder.ts";
import { money } from "../report/format.ts";
import { barLabels } from "../report/tearsheet/from-run.ts";
import { engines, loadEngine } from "./engines.ts";
import type { CliIo } from "./main.ts";
import { commandReportPaths } from "./report.ts";
import { type RunInputOptions, runInputOptions, runInputsOf, STRATEGY_HELP, strategyOf } from "./run.ts";

interface RealismOptions extends RunInputOptions {
  engine: string;
  json?: boolean;
  report?: boolean;
  reportName?: string;
}

export function registerRealism(program: Command, io: CliIo, exit: { code: number }): void {
  runInputOptions(
    program
      .command("realism")
      .description(
        "run a strategy up a ladder of realism (frictionless, + costs, + volume caps, + zero-volume policy, + impact, + margin and financing, + settlement) to the config given, with each step's effect",
      )
      .argument("[strategy]", STRATEGY_HELP, "rank-long-short"),
  )
    .option("--engine <name>", `engine: ${Object.keys(engines).join(", ")}`, "fast")
    .option("--json", "print the ladder as JSON")
    .option(
      "--report",
      "also write reports/realism-<name>.html (the table, the return of each step, the equity curves) and its .md",
    )
    .option("--report-name <name>", "the report's file name (default: realism-<the strategy's name>)")
    .action(async (strategyName: string, options: RealismOptions, command: Command) => {
      const report = commandReportPaths("realism", strategyName, options);
      const { panel, configInput, labels, config, source } = await runInputsOf(options, command);
      for (const warning of configWarnings(config, source)) io.err(`warning: ${warning}`);
      const ladder = await runLadder({
        panel,
        configInput,
        labels,
        build: () => strategyOf(strategyName, options, panel, command),
        engine: await loadEngine(options.engine),
      });
      const title = `assay realism: ${strategyName} on ${labels.data}, engine ${options.engine}`;
      if (options.json) {
        const steps = ladder.steps.map(({ equity: _equity, ...step }) => step);
        io.out(JSON.stringify({ title, config: labels.config, steps }, null, 2));
      } else io.out(renderLadder(title, ladder));
      if (report !== null) {
        // Imported here: vega takes some 300 ms to load, which a ladder without --report should not pay.
        const { writeRealismReport } = await import("../realism/report.ts");
        const notes = [
          `Top of the ladder: ${labels.config} (${config.account} account, initial cash ${money(config.initialCash)}); each step below it sets the families above it to their frictionless values.`,
        ];
        await writeRealismReport(report, title, notes, ladder, barLabels(panel.times));
        io.err(`wrote the realism report ${report.html} and its summary ${report.markdown}`);
      }
      exit.code = 0;
    });
}
