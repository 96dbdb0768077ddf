// SPEC 10: `assay merge`: the N shard reports of one run (same seed, runs, chunk size and
// properties; shards 0/N .. N-1/N, each once) as the report of the whole run: counts summed,
// counterexamples and crashes in chunk order, coverage summed. Outside `meta` it equals the
// report of the same run done in one piece.
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { addCounts, type Counts, sortedCounts } from "./coverage.ts";
import { parseShard } from "./plan.ts";
import {
  type CheckMeta,
  type CheckReport,
  type PropertyReport,
  REPORT_FORMAT,
  totalCoverage,
} from "./report.ts";

export interface ShardFile {
  /** Where it was read from, for messages and meta.shards. */
  readonly file: string;
  readonly report: CheckReport;
}

/** Reads a JSON report, checking the fields merge relies on. */
export function readReport(file: string): ShardFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`merge: cannot read ${file}: ${(error as Error).message}`);
  }
  const report = json as Partial<CheckReport> | null;
  if (report === null || typeof report !== "object" || report.format !== REPORT_FORMAT)
    throw new Error(`merge: ${file} is not an assay check report (format "${REPORT_FORMAT}")`);
  for (const key of ["seed", "runs", "chunkSize", "shard", "properties", "meta"] as const) {
    if (report[key] === undefined) throw new Error(`merge: ${file} has no "${key}"`);
  }
  return { file, report: report as CheckReport };
}

/** The whole run from its shard reports. Throws when they are not exactly the N shards of one run. */
export function mergeReports(shards: readonly ShardFile[], now = new Date()): CheckReport {
  if (shards.length === 0) throw new Error("merge: no reports");
  const first = shards[0];
  const ofFirst = (r: CheckReport) => ({
    seed: r.seed,
    runs: r.runs,
    chunkSize: r.chunkSize,
    properties: r.properties.map((p) => p.name).join(","),
  });
  const expected = ofFirst(first.report);
  for (const { file, report } of shards.slice(1)) {
    const got = ofFirst(report);
    for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
      if (got[key] !== expected[key])
        throw new Error(
          `merge: ${file} has ${key} ${got[key]} but ${first.file} has ${expected[key]}: not shards of one run`,
        );
    }
  }
  const parsed = shards.map((s) => ({ ...s, shard: parseShard(s.report.shard) }));
  const count = parsed[0].shard.count;
  const byIndex = new Map<number, (typeof parsed)[number]>();
  for (const s of parsed) {
    if (s.shard.count !== count)
      throw new Error(
        `merge: ${s.file} is shard ${s.report.shard} but ${parsed[0].file} is of ${count} shards`,
      );
    const twin = byIndex.get(s.shard.index);
    if (twin !== undefined)
      throw new Error(`merge: shard ${s.report.shard} twice: ${twin.file} and ${s.file}`);
    byIndex.set(s.shard.index, s);
  }
  const missing = Array.from({ length: count }, (_, k) => k).filter((k) => !byIndex.has(k));
  if (missing.length > 0)
    throw new Error(`merge: missing shard(s) ${missing.map((k) => `${k}/${count}`).join(", ")} of ${count}`);
  const ordered = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, s]) => s);

  const properties = first.report.properties.map((p) =>
    mergeProperty(ordered.map((s) => s.report.properties.find((q) => q.name === p.name) as PropertyReport)),
  );
  const ms: Record<string, number> = {};
  for (const p of properties)
    ms[p.name] = ordered.reduce((sum, s) => sum + (s.report.meta.ms?.[p.name] ?? 0), 0);
  const meta: CheckMeta = {
    createdAt: now.toISOString(),
    host: hostname(),
    durationMs: Math.max(...ordered.map((s) => s.report.meta.durationMs ?? 0)),
    workers: ordered.reduce((sum, s) => sum + (s.report.meta.workers ?? 0), 0),
    shard: "0/1",
    node: process.version,
    ms,
    shards: ordered.map((s) => ({ ...s.report.meta, file: s.file })),
  };
  return {
    format: REPORT_FORMAT,
    meta,
    seed: first.report.seed,
    runs: first.report.runs,
    chunkSize: first.report.chunkSize,
    shard: "0/1",
    failures: properties.reduce((sum, p) => sum + p.failures, 0),
    properties,
    coverage: totalCoverage(properties),
  };
}

function mergeProperty(parts: readonly PropertyReport[]): PropertyReport {
  const [first] = parts;
  const coverage: Counts = {};
  for (const part of parts) addCounts(coverage, part.coverage);
  const sum = (key: "chunks" | "runs" | "skipped" | "failures") =>
    parts.reduce((total, part) => total + part[key], 0);
  return {
    name: first.name,
    title: first.title,
    chunks: sum("chunks"),
    runs: sum("runs"),
    skipped: sum("skipped"),
    failures: sum("failures"),
    counterexamples: parts.flatMap((p) => p.counterexamples).sort((a, b) => a.chunk - b.chunk),
    crashed: parts.flatMap((p) => p.crashed).sort((a, b) => a.chunk - b.chunk),
    coverage: sortedCounts(coverage),
  };
}
