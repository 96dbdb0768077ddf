// Stress paths (issue 13): the random stream of one path. Path i's draws depend on (seed, i)
// alone, so a path is the same whichever worker, chunk or shard generates it, and in any order.
//
// Generator: pure-rand's xoroshiro128plus, its 128-bit state set from four 32-bit words, each a
// murmur3 finalizer chain over (seed, path, word index). Not jump(): reaching stream i by jumps
// costs i jumps (O(i) per path, O(n^2) per run), while hashing reaches any path in O(1). Normals
// and exponentials are ziggurat.ts's, from the same generator's words.
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { zigguratExponential, zigguratNormal } from "./ziggurat.ts";

export class PathStream {
  /** The wedge and tail tests' uniforms: one function per stream, not one per draw. */
  private readonly uniformOf: () => number;

  constructor(private readonly rng: RandomGenerator) {
    this.uniformOf = () => uniformFloat64(rng);
  }

  /** Uniform in [0, 1), 53 bits. */
  uniform(): number {
    return uniformFloat64(this.rng);
  }

  /** Standard normal. */
  normal(): number {
    return zigguratNormal(this.rng, this.uniformOf);
  }

  /** Standard exponential (rate 1). */
  exponential(): number {
    return zigguratExponential(this.rng, this.uniformOf);
  }
}

/** The stream of path `path` (an integer >= 0) under `seed` (a safe integer). */
export function pathStream(seed: number, path: number): PathStream {
  const seedLo = seed | 0;
  const seedHi = Math.floor(seed / 2 ** 32) | 0;
  const pathLo = path | 0;
  const pathHi = Math.floor(path / 2 ** 32) | 0;
  const state: number[] = [0, 1, 2, 3].map((k) =>
    fmix32(fmix32(fmix32(fmix32(Math.imul(k + 1, GOLDEN) ^ seedLo) ^ seedHi) ^ pathLo) ^ pathHi),
  );
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1; // the one state xoroshiro cannot leave
  return new PathStream(xoroshiro128plusFromState(state));
}

/** 2^32 / golden ratio: spreads the word index over all bits before mixing. */
const GOLDEN = 0x9e3779b9 | 0;

/** murmur3's 32-bit finalizer: every input bit flips each output bit with probability ~1/2. */
function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}
