// A stress run's plan: its paths in chunks of a fixed size, chunk j holding paths j x size ..
// (j + 1) x size - 1, and a shard k of N taking the chunks j with j mod N = k. The plan depends on
// the paths, the chunk size and the shard alone, so a chunk is the same work on any machine.

import { type Shard, WHOLE } from "../../harness/plan.ts";

export interface PlannedChunk {
  /** The chunk's index in the whole run's plan. */
  readonly index: number;
  readonly firstPath: number;
  readonly paths: number;
}

/** `shard` as `assay check`'s: k/N with k counted from 0 (harness/plan.ts parseShard). */
export function planChunks(paths: number, chunkSize: number, shard: Shard = WHOLE): PlannedChunk[] {
  if (!Number.isSafeInteger(paths) || paths < 1)
    throw new Error(`stress: --paths must be a whole number >= 1, got ${paths}`);
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1)
    throw new Error(`stress: the chunk size must be a whole number >= 1, got ${chunkSize}`);
  const chunks: PlannedChunk[] = [];
  for (let index = shard.index; index * chunkSize < paths; index += shard.count) {
    const firstPath = index * chunkSize;
    chunks.push({ index, firstPath, paths: Math.min(chunkSize, paths - firstPath) });
  }
  if (chunks.length === 0)
    throw new Error(
      `stress: shard ${shard.index}/${shard.count} gets no chunk of ${Math.ceil(paths / chunkSize)}; use fewer shards or more paths`,
    );
  return chunks;
}
