// The files of a stress run: <base>.json (the report; a shard's also carries its outcomes, which
// `assay merge` joins), <base>.md and <base>.html, each written whole (temp file, rename).
import { readFileSync } from "node:fs";
import { writeWhole } from "../../harness/report.ts";
import { mergeOutcomeChunks, type OutcomeChunk } from "../chunk.ts";
import { decodeChunk, type EncodedChunk, encodeChunk } from "./chunk-codec.ts";
import { stressPage } from "./page.ts";
import { estimatesOf, type StressReport, stressMarkdown } from "./report.ts";

/**
 * A shard's file: not a report (its paths are every N-th chunk, no sample of the run), but its
 * outcomes, which `assay merge` joins with the other shards' into the whole run's report.
 */
export interface ShardFile {
  readonly meta: StressReport["meta"];
  readonly title: string;
  readonly setup: StressReport["setup"];
  readonly shardOf: { readonly index: number; readonly count: number; readonly plannedPaths: number };
  readonly outcomes: readonly EncodedChunk[];
}

/** <base>.json, <base>.md and <base>.html of a whole run (or of merged shards). */
export async function writeStressOutputs(base: string, report: StressReport): Promise<string[]> {
  const files = [`${base}.json`, `${base}.md`, `${base}.html`];
  writeWhole(files[0], `${JSON.stringify(report, null, 2)}\n`);
  writeWhole(files[1], `${stressMarkdown(report)}\n`);
  writeWhole(files[2], await stressPage(report));
  return files;
}

/** <base>.json of a shard: its outcomes, chunk by chunk. */
export function writeShardFile(
  base: string,
  shard: Omit<ShardFile, "outcomes">,
  chunks: readonly OutcomeChunk[],
): string {
  const file: ShardFile = { ...shard, outcomes: chunks.map(encodeChunk) };
  writeWhole(`${base}.json`, `${JSON.stringify(file)}\n`);
  return `${base}.json`;
}

/** Whether a JSON file is a stress shard's (what `assay merge` dispatches on). */
export function isStressShard(path: string): boolean {
  const text = readFileSync(path, "utf8");
  return text.includes('"shardOf"') && text.includes('"outcomes"');
}

/**
 * The shards of one run joined: every shard 0..N-1 once, one setup, and the report a single run
 * of all the paths writes (meta aside).
 */
export function mergeStressShards(paths: readonly string[]): StressReport {
  const shards = paths.map((path) => JSON.parse(readFileSync(path, "utf8")) as ShardFile);
  const [first] = shards;
  const count = first.shardOf.count;
  const setup = JSON.stringify(first.setup);
  const seen = new Set<number>();
  shards.forEach((shard, i) => {
    if (
      JSON.stringify(shard.setup) !== setup ||
      shard.shardOf.count !== count ||
      shard.shardOf.plannedPaths !== first.shardOf.plannedPaths
    )
      throw new Error(
        `merge: ${paths[i]} is a shard of another stress run than ${paths[0]} (setup, paths or shard count differ)`,
      );
    if (seen.has(shard.shardOf.index))
      throw new Error(`merge: shard ${shard.shardOf.index}/${count} given twice (${paths[i]})`);
    seen.add(shard.shardOf.index);
  });
  const missing = Array.from({ length: count }, (_, k) => k).filter((k) => !seen.has(k));
  if (missing.length > 0)
    throw new Error(
      `merge: shards ${missing.map((k) => `${k}/${count}`).join(", ")} of the stress run are missing`,
    );
  const chunks = shards.flatMap((shard) => shard.outcomes.map(decodeChunk));
  return {
    meta: { ...first.meta, resumedChunks: 0, shard: `merged ${count} shards` },
    title: first.title,
    setup: first.setup,
    plannedPaths: first.shardOf.plannedPaths,
    stoppedAtChunk: null,
    ...estimatesOf(mergeOutcomeChunks(chunks)),
  };
}
