// A stress run's plan: its paths in chunks of a fixed size, chunk j holding paths j x size ..
// (j + 1) x size - 1, and a shard k of N taking the chunks j with j mod N = k. The plan depends on
// the paths, the chunk size and the shard alone, so a chunk is the same work on any machine.

export interface Shard {
  /** 0-based. */
  readonly index: number;
  readonly count: number;
}

export const WHOLE_RUN: Shard = { index: 0, count: 1 };

export interface PlannedChunk {
  /** The chunk's index in the whole run's plan. */
  readonly index: number;
  readonly firstPath: number;
  readonly paths: number;
}

export function planChunks(paths: number, chunkSize: number, shard: Shard = WHOLE_RUN): PlannedChunk[] {
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
      `stress: shard ${shard.index + 1}/${shard.count} gets no chunk of ${Math.ceil(paths / chunkSize)}; use fewer shards or more paths`,
    );
  return chunks;
}

/** `k/N` (1-based k, as --shard takes it). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = match === null ? Number.NaN : Number(match[1]) - 1;
  const count = match === null ? Number.NaN : Number(match[2]);
  if (!(count >= 1 && index >= 0 && index < count))
    throw new Error(`--shard ${text}: expected k/N with 1 <= k <= N, e.g. --shard 2/3`);
  return { index, count };
}
