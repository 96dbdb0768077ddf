// Rendering the benchmark's results: the console table, reports/BENCHMARKS.md, the JSON records,
// the seed study's engine ratios and the performance targets marked met or missed. Pure:
// everything here takes the measurements (and the machine) as data.
import os from "node:os";
import type { CaseName } from "./cases.ts";
import type { Measurement } from "./measure.ts";
import type { StressMeasurement } from "./stress.ts";
import type { SweepMeasurement } from "./sweep.ts";

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGB: number;
  readonly platform: string;
  readonly node: string;
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

/** Times rounded to the microsecond, RSS to 0.1 MB. */
export function toJson(measurements: readonly Measurement[]): BenchmarkJson[] {
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
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
  }));
}

export function measurementsOf(outcomes: readonly Outcome[]): Measurement[] {
  return outcomes.flatMap((o) => (o.kind === "measured" ? [o.measurement] : []));
}

/** Panel cells (assets x bars) processed per second of median run time. */
export function assetBarsPerSecond(m: Measurement): number {
  return (m.assets * m.bars) / (m.medianMs / 1000);
}

// ---- targets ----

export type TargetStatus = "met" | "missed" | "not run" | "n/a";

interface Target {
  readonly label: string;
  readonly name: CaseName;
  readonly engine: string;
  /** The target holds at this size only (quick runs measure smaller panels). */
  readonly size?: { readonly assets: number; readonly bars: number };
  value(m: Measurement): number;
  format(value: number): string;
  met(value: number): boolean;
}

/** The targets, for the fast engine. */
export const TARGETS: readonly Target[] = [
  {
    label: "seed study median <= 4 ms",
    name: "seed-study",
    engine: "fast",
    value: (m) => m.medianMs,
    format: (v) => `${formatMs(v)} ms`,
    met: (v) => v <= 4,
  },
  {
    label: "rebalance 2000 x 2520 median <= 300 ms",
    name: "rebalance-2000x2520",
    engine: "fast",
    size: { assets: 2000, bars: 2520 },
    value: (m) => m.medianMs,
    format: (v) => `${formatMs(v)} ms`,
    met: (v) => v <= 300,
  },
  {
    label: "rebalance 2000 x 2520 peak RSS <= 1 GB",
    name: "rebalance-2000x2520",
    engine: "fast",
    size: { assets: 2000, bars: 2520 },
    value: (m) => m.peakRssMB,
    format: (v) => `${v.toFixed(0)} MB`,
    met: (v) => v <= 1024,
  },
  {
    label: "floor >= 100M asset-bars/s",
    name: "floor",
    engine: "fast",
    value: assetBarsPerSecond,
    format: (v) => `${formatRate(v)} asset-bars/s`,
    met: (v) => v >= 100e6,
  },
];

export interface TargetMark {
  readonly label: string;
  readonly engine: string;
  readonly measured: string;
  readonly status: TargetStatus;
  readonly note: string;
}

export function markTargets(measurements: readonly Measurement[], targets = TARGETS): TargetMark[] {
  return targets.map((target) => {
    const base = { label: target.label, engine: target.engine };
    const m = measurements.find((x) => x.name === target.name && x.engine === target.engine);
    if (m === undefined) return { ...base, measured: "-", status: "not run", note: "" };
    const value = target.value(m);
    const measured = target.format(value);
    if (target.size !== undefined && (m.assets !== target.size.assets || m.bars !== target.size.bars))
      return { ...base, measured, status: "n/a", note: `measured at ${m.assets} x ${m.bars}` };
    return { ...base, measured, status: target.met(value) ? "met" : "missed", note: "" };
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
  "note",
];
const RIGHT = [false, false, true, true, true, true, true, true, true, false];

function resultRows(outcomes: readonly Outcome[], cases: readonly CaseSummary[]): string[][] {
  return outcomes.map((o) => {
    if (o.kind !== "measured") {
      const c = cases.find((x) => x.name === o.name);
      const size = c === undefined ? "" : `${c.assets} x ${c.bars}`;
      return [o.name, o.engine, size, "", "", "", "", "", "", `${o.kind} (${o.note})`];
    }
    const m = o.measurement;
    return [
      m.name,
      m.engine,
      `${m.assets} x ${m.bars}`,
      String(m.orders),
      formatMs(m.medianMs),
      formatMs(m.minMs),
      String(m.runs),
      m.peakRssMB.toFixed(0),
      formatRate(assetBarsPerSecond(m)),
      "",
    ];
  });
}

/** Columns padded to their widest cell, numbers right-aligned. */
export function alignTable(
  header: readonly string[],
  rows: readonly string[][],
  right: readonly boolean[],
): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (right[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
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

const TARGET_HEADER = ["target", "engine", "measured", "status"];

function targetRows(marks: readonly TargetMark[]): string[][] {
  return marks.map((t) => [
    t.label,
    t.engine,
    t.measured,
    t.note === "" ? t.status : `${t.status} (${t.note})`,
  ]);
}

export function renderText(report: BenchReport): string {
  const measurements = measurementsOf(report.outcomes);
  return [
    `assay bench${report.quick ? " --quick (reduced sizes)" : ""}, ${report.machine.date}`,
    `machine: ${machineLine(report.machine)}; Node ${report.machine.node}`,
    "",
    alignTable(HEADER, resultRows(report.outcomes, report.cases), RIGHT),
    "",
    ...ratioLines(measurements),
    "targets:",
    alignTable(TARGET_HEADER, targetRows(markTargets(measurements)), [false, false, true, false])
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
    `- Node: ${report.machine.node}`,
    "- Method: each (case, engine) runs in a fresh child process: its inputs (panel, config) are built",
    "  once, then warm-up runs, then timed runs of `engine.run(panel, config, strategy)` alone",
    "  (`performance.now()`, a fresh strategy before each run, outside the timing; one GC before the",
    "  warm-up, none between runs). Median and min are over the timed runs; peak RSS is the child's",
    "  (`process.resourceUsage().maxRSS`), inputs included; asset-bars/s = assets x bars / median.",
    "  The fast engine keeps orders, fills and trades columnar and makes record objects on first",
    "  read, after the timing: a caller that reads every record pays that once, outside `run`.",
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
    markdownTable(TARGET_HEADER, targetRows(markTargets(measurements)), [false, false, true, false]),
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
