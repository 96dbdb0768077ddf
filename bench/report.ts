// Rendering the benchmark's results: the console table, reports/BENCHMARKS.md, the JSON records,
// the seed study's ratios (to the bare loop, to the reference engine) and the issue's performance
// targets marked met or missed. Pure: everything here takes the measurements (and the machine) as data.
import os from "node:os";
import { alignTable } from "../src/report/format.ts";
import { INLINING_FLAGS } from "../src/runtime/inlining.ts";
import { BARE_LOOP } from "./bare-loop.ts";
import { type CaseName, SEED_STUDY_CASES } from "./cases.ts";
import type { Measurement } from "./measure.ts";
import type { StressMeasurement } from "./stress.ts";
import type { SweepMeasurement } from "./sweep.ts";

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGB: number;
  readonly platform: string;
  readonly node: string;
  /** The V8 flags every measurement runs with (`assay`'s inlining budgets). */
  readonly v8Flags: readonly string[];
  /** One-minute load average when the run started (other work on the machine skews timings). */
  readonly load: number;
  /** ISO timestamp of the run. */
  readonly date: string;
}

export function machineInfo(now = new Date()): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown CPU",
    cores: cpus.length,
    memoryGB: os.totalmem() / 1024 ** 3,
    platform: `${os.platform()} ${os.arch()}`,
    node: process.version,
    v8Flags: INLINING_FLAGS,
    load: os.loadavg()[0],
    date: now.toISOString(),
  };
}

/** What one (case, engine) pair came to. */
export type Outcome =
  | { readonly kind: "measured"; readonly measurement: Measurement }
  | {
      readonly kind: "skipped" | "failed";
      readonly name: CaseName;
      readonly engine: string;
      readonly note: string;
    };

/** One case as planned (sizes nominal: the seed study's are the CSV's). */
export interface CaseSummary {
  readonly name: CaseName;
  readonly assets: number;
  readonly bars: number;
  readonly warmup: number;
  readonly runs: number;
  readonly description: string;
}

export interface BenchReport {
  readonly machine: Machine;
  readonly quick: boolean;
  /** `assay sweep`'s throughput; absent with --skip-sweep. */
  readonly sweep?: SweepMeasurement;
  /** `assay stress`'s throughput; absent with --skip-stress. */
  readonly stress?: StressMeasurement;
  readonly cases: readonly CaseSummary[];
  readonly outcomes: readonly Outcome[];
}

/** The record written to reports/benchmarks.json (a Measurement, keys in its order). */
export type BenchmarkJson = Measurement;

/** Times rounded to the microsecond, RSS to 0.1 MB, the GC share to 0.01%. */
export function toJson(measurements: readonly Measurement[]): BenchmarkJson[] {
  const round = <T extends number | null>(value: T, digits: number): T =>
    (value === null ? null : Number(value.toFixed(digits))) as T;
  return measurements.map((m) => ({
    name: m.name,
    engine: m.engine,
    assets: m.assets,
    bars: m.bars,
    orders: m.orders,
    medianMs: round(m.medianMs, 3),
    minMs: round(m.minMs, 3),
    runs: m.runs,
    peakRssMB: round(m.peakRssMB, 1),
    gcShare: round(m.gcShare, 4),
  }));
}

export function measurementsOf(outcomes: readonly Outcome[]): Measurement[] {
  return outcomes.flatMap((o) => (o.kind === "measured" ? [o.measurement] : []));
}

/** Panel cells (assets x bars) processed per second of median run time. */
export function assetBarsPerSecond(m: Measurement): number {
  return (m.assets * m.bars) / (m.medianMs / 1000);
}

/** A seed-study case's median over the bare loop's, when both ran (null for other rows). */
export function bareLoopRatio(m: Measurement, measurements: readonly Measurement[]): number | null {
  if (m.engine === BARE_LOOP || !SEED_STUDY_CASES.includes(m.name)) return null;
  const bare = measurements.find((x) => x.name === "seed-study" && x.engine === BARE_LOOP);
  return bare === undefined ? null : m.medianMs / bare.medianMs;
}

// ---- targets ----

export type TargetStatus = "met" | "missed" | "not run" | "n/a";

/** A (case, engine) measurement that a target reads. */
interface Need {
  readonly name: CaseName;
  readonly engine: string;
}

interface Target {
  readonly label: string;
  /** Every one must have been measured, else the target is "not run". */
  readonly needs: readonly Need[];
  /** The target holds at this size only, checked on needs[0] (quick runs measure smaller panels). */
  readonly size?: { readonly assets: number; readonly bars: number };
  /** The measurements of `needs`, in its order: what to show and whether the target holds. */
  judge(ms: readonly Measurement[]): { readonly measured: string; readonly met: boolean };
}

const fast = (name: CaseName): Need => ({ name, engine: "fast" });
const BARE: Need = { name: "seed-study", engine: BARE_LOOP };

/** At most `limit` times the bare loop's median. */
function withinBareLoop(limit: number): Target["judge"] {
  return ([m, bare]) => {
    const ratio = m.medianMs / bare.medianMs;
    return {
      measured: `${ratio.toFixed(2)}x (${formatMs(m.medianMs)} / ${formatMs(bare.medianMs)} ms)`,
      met: ratio <= limit,
    };
  };
}

/** The issue's targets ("The fast engine at the physical limit"), for the fast engine. */
export const TARGETS: readonly Target[] = [
  {
    label: "seed study through the targets API <= 2.0x the bare loop",
    needs: [fast("seed-study-from-targets"), BARE],
    judge: withinBareLoop(2),
  },
  {
    label: "seed study through the event-driven rank strategy <= 4.0x the bare loop",
    needs: [fast("seed-study"), BARE],
    judge: withinBareLoop(4),
  },
  {
    label: "rebalance 2000 x 2520 <= 300 ms and <= 1 GB peak RSS",
    needs: [fast("rebalance-2000x2520")],
    size: { assets: 2000, bars: 2520 },
    judge: ([m]) => ({
      measured: `${formatMs(m.medianMs)} ms, ${formatRss(m.peakRssMB)} MB`,
      met: m.medianMs <= 300 && m.peakRssMB !== null && m.peakRssMB <= 1024,
    }),
  },
  {
    label: "no-order floor >= 150 M asset-bars/s",
    needs: [fast("floor")],
    judge: ([m]) => ({
      measured: `${formatRate(assetBarsPerSecond(m))} asset-bars/s`,
      met: assetBarsPerSecond(m) >= 150e6,
    }),
  },
  {
    label: "GC under 5% of the seed study's run time",
    needs: [fast("seed-study"), fast("seed-study-from-targets")],
    judge: ([rank, targets]) => ({
      measured: `${formatShare(rank.gcShare)}% (rank), ${formatShare(targets.gcShare)}% (targets API)`,
      met: [rank, targets].every((m) => m.gcShare !== null && m.gcShare < 0.05),
    }),
  },
  {
    label: "reading every record adds <= 2x the run's time",
    needs: [fast("seed-study-read-records"), fast("seed-study")],
    judge: ([read, run]) => {
      const added = (read.medianMs - run.medianMs) / run.medianMs;
      return {
        measured: `+${added.toFixed(2)}x (${formatMs(read.medianMs)} vs ${formatMs(run.medianMs)} ms)`,
        met: added <= 2,
      };
    },
  },
];

export interface TargetMark {
  readonly label: string;
  readonly measured: string;
  readonly status: TargetStatus;
  readonly note: string;
}

export function markTargets(measurements: readonly Measurement[], targets = TARGETS): TargetMark[] {
  return targets.map((target) => {
    const found = target.needs.map((need) =>
      measurements.find((m) => m.name === need.name && m.engine === need.engine),
    );
    const ms = found.filter((m) => m !== undefined);
    if (ms.length < found.length) return { label: target.label, measured: "-", status: "not run", note: "" };
    const { measured, met } = target.judge(ms);
    const [first] = ms;
    if (target.size !== undefined && (first.assets !== target.size.assets || first.bars !== target.size.bars))
      return {
        label: target.label,
        measured,
        status: "n/a",
        note: `measured at ${first.assets} x ${first.bars}`,
      };
    return { label: target.label, measured, status: met ? "met" : "missed", note: "" };
  });
}

/** Seed study: each other engine's median over the reference's, when both ran. */
export function seedRatios(
  measurements: readonly Measurement[],
): { engine: string; ratio: number; speedup: number }[] {
  const seed = measurements.filter((m) => m.name === "seed-study");
  const reference = seed.find((m) => m.engine === "reference");
  if (reference === undefined) return [];
  return seed
    .filter((m) => m.engine !== "reference")
    .map((m) => ({
      engine: m.engine,
      ratio: m.medianMs / reference.medianMs,
      speedup: reference.medianMs / m.medianMs,
    }));
}

// ---- formatting ----

export function formatMs(ms: number): string {
  return ms.toFixed(ms < 10 ? 3 : ms < 1000 ? 1 : 0);
}

/** A fraction as a percentage with one decimal ("-" when not measured). */
export function formatShare(share: number | null): string {
  return share === null ? "-" : (share * 100).toFixed(1);
}

function formatRss(peakRssMB: number | null): string {
  return peakRssMB === null ? "-" : peakRssMB.toFixed(0);
}

export function formatRate(perSecond: number): string {
  if (perSecond >= 1e9) return `${(perSecond / 1e9).toFixed(2)}G`;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)}M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)}k`;
  return perSecond.toFixed(0);
}

const HEADER = [
  "case",
  "engine",
  "assets x bars",
  "orders",
  "median ms",
  "min ms",
  "runs",
  "peak RSS MB",
  "asset-bars/s",
  "x bare loop",
  "GC %",
  "note",
];
const RIGHT = [false, false, true, true, true, true, true, true, true, true, true, false];

function resultRows(outcomes: readonly Outcome[], cases: readonly CaseSummary[]): string[][] {
  const measurements = measurementsOf(outcomes);
  return outcomes.map((o) => {
    if (o.kind !== "measured") {
      const c = cases.find((x) => x.name === o.name);
      const size = c === undefined ? "" : `${c.assets} x ${c.bars}`;
      return [o.name, o.engine, size, "", "", "", "", "", "", "", "", `${o.kind} (${o.note})`];
    }
    const m = o.measurement;
    const ratio = bareLoopRatio(m, measurements);
    return [
      m.name,
      m.engine,
      `${m.assets} x ${m.bars}`,
      String(m.orders),
      formatMs(m.medianMs),
      formatMs(m.minMs),
      String(m.runs),
      formatRss(m.peakRssMB),
      formatRate(assetBarsPerSecond(m)),
      ratio === null ? "" : ratio.toFixed(2),
      formatShare(m.gcShare),
      "",
    ];
  });
}

export function markdownTable(
  header: readonly string[],
  rows: readonly string[][],
  right: readonly boolean[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(header), `|${right.map((r) => (r ? "---:" : "---")).join("|")}|`, ...rows.map(line)].join(
    "\n",
  );
}

function machineLine(machine: Machine): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB.toFixed(1)} GB RAM, ${machine.platform}, load average ${machine.load.toFixed(2)} at start`;
}

function ratioLines(measurements: readonly Measurement[]): string[] {
  return seedRatios(measurements).map(
    (r) =>
      `seed-study ${r.engine}/reference median ratio: ${r.ratio.toPrecision(3)} (${r.engine} ${r.speedup.toFixed(0)}x faster)`,
  );
}

const TARGET_HEADER = ["target (fast engine)", "measured", "status"];
const TARGET_RIGHT = [false, true, false];

function targetRows(marks: readonly TargetMark[]): string[][] {
  return marks.map((t) => [t.label, t.measured, t.note === "" ? t.status : `${t.status} (${t.note})`]);
}

export function renderText(report: BenchReport): string {
  const measurements = measurementsOf(report.outcomes);
  return [
    `assay bench${report.quick ? " --quick (reduced sizes)" : ""}, ${report.machine.date}`,
    `machine: ${machineLine(report.machine)}; Node ${report.machine.node} ${report.machine.v8Flags.join(" ")}`,
    "",
    alignTable(HEADER, resultRows(report.outcomes, report.cases), RIGHT),
    "",
    ...ratioLines(measurements),
    "targets:",
    alignTable(TARGET_HEADER, targetRows(markTargets(measurements)), TARGET_RIGHT)
      .split("\n")
      .map((l) => `  ${l}`)
      .join("\n"),
    ...(report.sweep === undefined
      ? []
      : [
          "",
          `sweep: ${report.sweep.description}`,
          alignTable(SWEEP_HEADER, sweepRows(report.sweep), SWEEP_RIGHT),
        ]),
    ...(report.stress === undefined
      ? []
      : [
          "",
          `stress: ${report.stress.description}`,
          alignTable(STRESS_HEADER, stressRows(report.stress), SWEEP_RIGHT),
        ]),
  ].join("\n");
}

export function renderMarkdown(report: BenchReport): string {
  const measurements = measurementsOf(report.outcomes);
  const ratios = ratioLines(measurements);
  const caseRows = report.cases.map((c) => [
    c.name,
    `${c.assets} x ${c.bars}`,
    `${c.warmup} + ${c.runs}`,
    c.description,
  ]);
  return [
    "# Benchmarks",
    "",
    `Generated by \`npm run bench${report.quick ? " -- --quick" : ""}\` on ${report.machine.date}` +
      (report.quick ? " (quick: reduced sizes, fewer runs; the size-bound targets do not apply)." : "."),
    "",
    `- Machine: ${machineLine(report.machine)}`,
    `- Node: ${report.machine.node}, with V8's inlining budgets raised as \`assay\` raises them (src/runtime/inlining.ts): ${report.machine.v8Flags.map((flag) => `\`${flag}\``).join(" ")}`,
    "- Method: each (case, engine) runs in a fresh child process: its inputs (panel, config, and",
    "  for seed-study-from-targets the values read from targets.csv) are built once, then warm-up",
    "  runs, then timed runs of `engine.run(panel, config, strategy)` alone (`performance.now()`, a",
    "  fresh strategy before each run, outside the timing; one GC before the warm-up, none between",
    "  runs). Median and min are over the timed runs; peak RSS is the child's",
    "  (`process.resourceUsage().maxRSS`), inputs included; asset-bars/s = assets x bars / median.",
    "- Records: the fast engine keeps orders, fills, trades and positions columnar and makes record",
    "  objects on first read, outside `run`; seed-study-read-records times `run` and then the",
    "  reading of `orders`, `fills`, `trades` and `series.positions`, so its median less",
    "  seed-study's is what reading every record costs.",
    "- GC %: the garbage collector's pauses (`node:perf_hooks` PerformanceObserver, entry type",
    "  `gc`) that start inside a timed run, summed over the timed runs, over the summed run time.",
    "- Bare loop: `node ../shared/probes/bench250-bare-loop.mjs bars.csv --json`, in its own child",
    "  process when a seed-study case runs: the seed study as typed arrays, no records, checks or",
    "  API (its own 50 warm-up and 300 timed runs; it must make the study's 17217 fills).",
    "  x bare loop = a seed-study row's median / the bare loop's.",
    "",
    "## Cases",
    "",
    markdownTable(["case", "assets x bars", "warm-up + runs", "data and strategy"], caseRows, [
      false,
      true,
      true,
      false,
    ]),
    "",
    "## Results",
    "",
    markdownTable(HEADER, resultRows(report.outcomes, report.cases), RIGHT),
    "",
    ...(ratios.length > 0 ? [...ratios, ""] : []),
    "## Targets",
    "",
    markdownTable(TARGET_HEADER, targetRows(markTargets(measurements)), TARGET_RIGHT),
    "",
    ...(report.sweep === undefined ? [] : sweepSection(report.sweep)),
    ...(report.stress === undefined ? [] : stressSection(report.stress)),
  ].join("\n");
}

const STRESS_HEADER = ["workers", "paths", "seconds", "paths/s", "10,000 paths at this rate"];

function stressRows(stress: StressMeasurement): string[][] {
  return stress.byWorkers.map(({ workers, paths, seconds, pathsPerS }) => [
    String(workers),
    String(paths),
    seconds.toFixed(1),
    pathsPerS.toFixed(1),
    `${(10_000 / pathsPerS).toFixed(0)} s`,
  ]);
}

function stressSection(stress: StressMeasurement): string[] {
  return [
    "## Stress",
    "",
    `\`assay stress\`'s default book: ${stress.description}. Each row is one whole run (the pool's`,
    "start and end, path generation, the fast engine, the outcomes; no reference cross-check), on 1",
    "worker and on every core. The issue's target: 10,000 paths on 2 workers in <= 60 s.",
    "",
    markdownTable(STRESS_HEADER, stressRows(stress), SWEEP_RIGHT),
    "",
  ];
}

const SWEEP_HEADER = ["workers", "trials", "sweeps", "median s", "trials/s"];
const SWEEP_RIGHT = [true, true, true, true, true];

function sweepRows(sweep: SweepMeasurement): string[][] {
  return sweep.byWorkers.map(({ workers, medianS, trialsPerS }) => [
    String(workers),
    String(sweep.trials),
    String(sweep.runs),
    medianS.toFixed(2),
    trialsPerS.toFixed(1),
  ]);
}

function sweepSection(sweep: SweepMeasurement): string[] {
  return [
    "## Sweep",
    "",
    `\`assay sweep\` on the ${sweep.description}: ${sweep.trials} trials per sweep, the median of ${sweep.runs}`,
    "whole sweeps (the worker pool's start and end included: each worker registers tsx and loads the",
    "engine once), on 1 worker and on every core.",
    "",
    markdownTable(SWEEP_HEADER, sweepRows(sweep), SWEEP_RIGHT),
    "",
  ];
}
