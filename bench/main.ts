// npm run bench [-- --quick] [--engines fast,reference] [--cases seed-study,floor] [--runs N] [--warmup N]
//   [--skip-bare-loop] [--skip-sweep] [--skip-stress]
// Measures the bare-loop probe (bare-loop.ts, when a seed-study case runs) and every (case, engine)
// pair, each in a fresh child process (run-one.ts), prints the table and writes reports/BENCHMARKS.md
// and reports/benchmarks.json; then `assay sweep`'s trials/s (sweep.ts) and `assay stress`'s paths/s (stress.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { engines } from "../src/cli/engines.ts";
import { raiseInliningBudget } from "../src/runtime/inlining.ts";
import { BARE_LOOP, measureBareLoop } from "./bare-loop.ts";
import {
  benchCase,
  CASE_NAMES,
  type CaseName,
  ENGINE_RUN_LIMITS,
  isCaseName,
  SEED_STUDY_CASES,
  skipReason,
} from "./cases.ts";
import { runJsonChild } from "./child.ts";
import type { Measurement } from "./measure.ts";
import {
  type BenchReport,
  formatShare,
  machineInfo,
  measurementsOf,
  type Outcome,
  renderMarkdown,
  renderText,
  toJson,
} from "./report.ts";
import { measureStress, type StressMeasurement } from "./stress.ts";
import { measureSweep, type SweepMeasurement } from "./sweep.ts";

const ROOT = new URL("../", import.meta.url);
const RUN_ONE = fileURLToPath(new URL("run-one.ts", import.meta.url));

const machine = machineInfo(); // before any child runs: the load average is the machine's own
// The sweep's and stress's pools run in this process: their worker threads get `assay`'s budgets.
raiseInliningBudget();

function usageError(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        quick: { type: "boolean", default: false },
        engines: { type: "string" },
        cases: { type: "string" },
        runs: { type: "string" },
        warmup: { type: "string" },
        "skip-bare-loop": { type: "boolean", default: false },
        "skip-sweep": { type: "boolean", default: false },
        "skip-stress": { type: "boolean", default: false },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
})();

function list(text: string | undefined, known: readonly string[], what: string): string[] {
  if (text === undefined) return [...known];
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0 || names.length === 0)
    usageError(
      `--${what}: unknown ${unknown.map((n) => `"${n}"`).join(", ") || "(empty list)"} (known: ${known.join(", ")})`,
    );
  return names;
}

const engineNames = list(values.engines, Object.keys(engines), "engines");
const caseNames = list(values.cases, CASE_NAMES, "cases").filter(isCaseName);
const quick = values.quick;

function wholeNumber(text: string | undefined, what: string, least: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < least)
    usageError(`--${what} must be a whole number >= ${least}, got "${text}"`);
  return n;
}
const runsOverride = wholeNumber(values.runs, "runs", 1);
const warmupOverride = wholeNumber(values.warmup, "warmup", 0);
const cases = caseNames.map((name) => {
  const c = benchCase(name, { quick });
  return { ...c, runs: runsOverride ?? c.runs, warmup: warmupOverride ?? c.warmup };
});

function measure(name: CaseName, engine: string, runs: number, warmup: number): Outcome {
  const args = [
    "--expose-gc",
    "--import",
    "tsx",
    RUN_ONE,
    name,
    engine,
    String(runs),
    "--warmup",
    String(warmup),
  ];
  if (quick) args.push("--quick");
  const child = runJsonChild(args);
  if ("failure" in child) return { kind: "failed", name, engine, note: child.failure };
  return { kind: "measured", measurement: child.json as Measurement };
}

function printOutcome(outcome: Outcome): void {
  if (outcome.kind !== "measured") {
    console.error(`  ${outcome.kind}: ${outcome.note}`);
    return;
  }
  const m = outcome.measurement;
  const rss = m.peakRssMB === null ? "" : `, ${m.peakRssMB.toFixed(0)} MB`;
  const gc = m.gcShare === null ? "" : `, GC ${formatShare(m.gcShare)}%`;
  console.error(
    `  median ${m.medianMs.toFixed(2)} ms, min ${m.minMs.toFixed(2)} ms, ${m.orders} orders${rss}${gc}`,
  );
}

const outcomes: Outcome[] = [];
if (!values["skip-bare-loop"] && caseNames.some((name) => SEED_STUDY_CASES.includes(name))) {
  console.error(`seed-study / ${BARE_LOOP}: the bare-loop probe, its own warm-up and runs...`);
  const outcome = measureBareLoop();
  printOutcome(outcome);
  outcomes.push(outcome);
}
for (const c of cases) {
  for (const engine of engineNames) {
    const reason = skipReason(engine, c.name);
    if (reason !== null) {
      console.error(`${c.name} / ${engine}: skipped (${reason})`);
      outcomes.push({ kind: "skipped", name: c.name, engine, note: reason });
      continue;
    }
    console.error(`${c.name} / ${engine}: ${c.assets} x ${c.bars}, ${c.warmup} warm-up + ${c.runs} runs...`);
    const limit = ENGINE_RUN_LIMITS[engine];
    const outcome = measure(
      c.name,
      engine,
      Math.min(c.runs, limit?.runs ?? c.runs),
      Math.min(c.warmup, limit?.warmup ?? c.warmup),
    );
    printOutcome(outcome);
    outcomes.push(outcome);
  }
}

let sweep: SweepMeasurement | undefined;
if (!values["skip-sweep"]) {
  console.error(`sweep: ${quick ? "20" : "100"} trials of the seed study, on 1 worker and on every core...`);
  sweep = await measureSweep(quick);
  for (const { workers, medianS, trialsPerS } of sweep.byWorkers)
    console.error(`  ${workers} workers: median ${medianS.toFixed(2)} s, ${trialsPerS.toFixed(1)} trials/s`);
}

let stress: StressMeasurement | undefined;
if (!values["skip-stress"]) {
  console.error(
    "stress: the 2x levered long/short on GBM paths of 50 assets x 252 bars, 1 worker and every core...",
  );
  stress = await measureStress(quick);
  for (const { workers, paths, seconds, pathsPerS } of stress.byWorkers)
    console.error(
      `  ${workers} workers: ${paths} paths in ${seconds.toFixed(1)} s, ${pathsPerS.toFixed(1)} paths/s`,
    );
}

const report: BenchReport = {
  machine,
  quick,
  sweep,
  stress,
  cases: cases.map(({ name, assets, bars, warmup, runs, description }) => ({
    name,
    assets,
    bars,
    warmup,
    runs,
    description,
  })),
  outcomes,
};
console.log(renderText(report));
const reports = new URL("reports/", ROOT);
mkdirSync(reports, { recursive: true });
writeFileSync(new URL("BENCHMARKS.md", reports), renderMarkdown(report));
writeFileSync(
  new URL("benchmarks.json", reports),
  `${JSON.stringify(toJson(measurementsOf(outcomes)), null, 2)}\n`,
);
console.log("\nwrote reports/BENCHMARKS.md, reports/benchmarks.json");
if (outcomes.some((o) => o.kind === "failed")) process.exitCode = 1;
