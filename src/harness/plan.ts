// SPEC 10: the plan of `assay check`. A run of R cases of property P under seed S is cut into
// fixed chunks of C cases (C does not depend on the number of workers); chunk i is one fast-check
// run of its cases under its own seed, chunkSeed(S, P, i). So the set of cases is a function of
// (S, P, R, C) alone: 1 worker or 16, one machine or a matrix of shards, the same cases.
//
// Shard k/N (k = 0..N-1, the Kubernetes Indexed Job convention: `--shard $JOB_COMPLETION_INDEX/N`)
// takes the chunks with i % N === k of every property; the N shards partition the chunk list.

export interface Shard {
  /** 0..count-1. */
  readonly index: number;
  readonly count: number;
}

/** The whole run: one shard. */
export const WHOLE: Shard = { index: 0, count: 1 };

export interface Chunk {
  /** Registry name of the property. */
  readonly property: string;
  /** 0, 1, 2... within the property. */
  readonly chunk: number;
  /** fast-check seed of the chunk: chunkSeed(seed, property, chunk). */
  readonly seed: number;
  /** Cases in the chunk: chunkSize, the last one the rest. */
  readonly runs: number;
}

export interface PlanInput {
  /** Registry names, in report order. */
  readonly properties: readonly string[];
  /** Cases per property. */
  readonly runs: number;
  readonly seed: number;
  readonly chunkSize: number;
  readonly shard?: Shard;
}

/** The chunks of the run that belong to the shard (all of them by default), property by property. */
export function planChunks(input: PlanInput): Chunk[] {
  const { properties, runs, seed, chunkSize, shard = WHOLE } = input;
  if (!Number.isSafeInteger(runs) || runs < 0)
    throw new Error(`check: runs must be an integer >= 0, got ${runs}`);
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1)
    throw new Error(`check: chunk size must be an integer >= 1, got ${chunkSize}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`check: seed must be an integer, got ${seed}`);
  const chunks: Chunk[] = [];
  const count = Math.ceil(runs / chunkSize);
  for (const property of properties) {
    for (let i = shard.index; i < count; i += shard.count) {
      chunks.push({
        property,
        chunk: i,
        seed: chunkSeed(seed, property, i),
        runs: Math.min(chunkSize, runs - i * chunkSize),
      });
    }
  }
  return chunks;
}

/**
 * The seed of chunk `chunk` of `property` under the run seed `seed`: FNV-1a (32-bit) over the
 * UTF-8 bytes of `${seed}/${property}/${chunk}`, then MurmurHash3's fmix32 finalizer (so that
 * neighbouring chunks get unrelated seeds); an unsigned 32-bit integer.
 */
export function chunkSeed(seed: number, property: string, chunk: number): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(`${seed}/${property}/${chunk}`)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** `k/N` with 0 <= k < N, e.g. `2/4` or `$JOB_COMPLETION_INDEX/8`. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match === null ? Number.NaN : Number(match[1]);
  const count = match === null ? Number.NaN : Number(match[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new Error(`--shard must be k/N with N >= 1 and 0 <= k < N (k counts from 0), got "${text}"`);
  }
  return { index, count };
}

export function renderShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
