// `assay lookahead <strategy>`: does the strategy read the future? Runs it on the data of `assay
// run`'s flags, then, for sampled bars t, again with the bars after t perturbed, and prints a
// verdict either way; a finding exits 1 (src/lookahead/, docs/lookahead.md).
import type { Command } from "commander";
import { rateBar } from "../harness/progress.ts";
import { detectLookahead, type LookaheadReport } from "../lookahead/detect.ts";
import { renderLookahead } from "../lookahead/render.ts";
import { sampleBars } from "../lookahead/sample.ts";
import { engines, loadEngine } from "./engines.ts";
import type { CliIo } from "./main.ts";
import {
  count,
  type RunInputOptions,
  runInputOptions,
  runInputsOf,
  STRATEGY_HELP,
  strategyOf,
} from "./run.ts";

interface LookaheadOptions extends RunInputOptions {
  engine: string;
  samples: string;
  sampleSeed: string;
  json?: boolean;
}

export function registerLookahead(program: Command, io: CliIo, exit: { code: number }): void {
  runInputOptions(
    program
      .command("lookahead")
      .description(
        "test a strategy for look-ahead: rerun it with the bars after sampled bars t perturbed; any decision at or before t that changes read the future",
      )
      .argument("<strategy>", STRATEGY_HELP),
  )
    .option("--engine <name>", `engine: ${Object.keys(engines).join(", ")}`, "fast")
    .option("--samples <n>", "bars t to test: half spread over the run, half drawn at random", "20")
    .option("--sample-seed <n>", "seed of the random sampled bars and of the perturbed bars", "1")
    .option("--json", "print the report as JSON")
    .action(async (strategyName: string, options: LookaheadOptions, command: Command) => {
      const samples = count(options.samples, "--samples", 1);
      const seed = count(options.sampleSeed, "--sample-seed");
      const { panel, config } = await runInputsOf(options, command);
      let bars: number[];
      try {
        bars = sampleBars(panel.times.length, samples, seed);
      } catch (error) {
        throw new Error(`--samples ${samples}: ${(error as Error).message}`, { cause: error });
      }
      const engine = await loadEngine(options.engine);
      const progress = rateBar(process.stderr, "lookahead", samples + 2, "runs", "found");
      const started = performance.now();
      let builds = 0;
      let report: LookaheadReport;
      try {
        report = await detectLookahead({
          panel,
          config,
          // Each run's strategy file a module of its own: what its module scope computed from
          // one panel (a cache filled by the factory, say) is not carried into the next run.
          build: (data) => strategyOf(strategyName, options, data, command, String(++builds)),
          engine,
          bars,
          seed,
          onProgress: progress.update,
        });
      } finally {
        progress.stop();
      }
      const ms = performance.now() - started;
      if (report.decisions === 0)
        io.err("warning: the strategy made no decision on the real data, so the samples compared nothing");
      if (options.json) io.out(JSON.stringify(report, null, 2));
      else {
        io.out(
          `assay lookahead: ${report.strategy} on ${options.data ?? "synthetic data"}, ${samples} samples, ${samples + 2} runs (${ms.toFixed(0)} ms)`,
        );
        for (const line of renderLookahead(report, panel.times)) io.out(line);
      }
      exit.code = report.findings.length > 0 ? 1 : 0;
    });
}
