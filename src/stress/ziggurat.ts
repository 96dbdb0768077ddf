// Standard normals and standard exponentials by ziggurats. Normals: Doornik's ZIGNOR ("An Improved
// Ziggurat Method to Generate Normal Random Samples", 2005): the density under 128 stacked blocks
// of equal area V, 127 rectangles and a base block that holds the tail beyond R. A draw picks a
// block i and a u in (-1, 1); when |u| x_i lies inside the next rectangle up (|u| < x_{i+1} / x_i,
// about 99% of draws) it is returned as it is: no logarithm, no trigonometry. Otherwise the wedge
// is accepted against the density, or, for the base block, a tail point is drawn by Marsaglia's
// method. About 3x faster than Box-Muller here, which matters: a stress path draws three normals
// per asset-bar.
// Exponentials (a bar's Brownian-bridge extremes, two per asset-bar): the same construction on
// f(x) = exp(-x), x >= 0, with 256 blocks (Marsaglia and Tsang, "The Ziggurat Method for
// Generating Random Variables", 2000), in place of -log U: no logarithm on about 99% of draws.
//
// Bits: one draw takes two 32-bit words of the generator (a, b): i = the low 7 bits of a, and u
// = 2 U - 1 with U = (a >>> 7) 2^-25 + (b >>> 5) 2^-52, 52 bits that share none with i (Doornik's
// point: the classic ziggurat took i and u from the same word, which correlates them).
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

export const BLOCKS = 128;
/** Where the tail starts (R), and each block's area (V), for 128 blocks (Doornik's constants). */
export const TAIL_START = 3.442619855899;
export const BLOCK_AREA = 9.91256303526217e-3;

/** x_i: the right edge of block i (x_0 = V / f(R), the base block's width; x_128 = 0). */
export const EDGE = new Float64Array(BLOCKS + 1);
/** x_{i+1} / x_i: the share of block i that lies inside the block above, the fast path's test. */
export const INSIDE = new Float64Array(BLOCKS);
{
  // Unnormalised density f(x) = exp(-x^2 / 2); each block's top is the next one's bottom.
  let f = Math.exp(-0.5 * TAIL_START * TAIL_START);
  EDGE[0] = BLOCK_AREA / f;
  EDGE[1] = TAIL_START;
  for (let i = 2; i < BLOCKS; i++) {
    EDGE[i] = Math.sqrt(-2 * Math.log(BLOCK_AREA / EDGE[i - 1] + f));
    f = Math.exp(-0.5 * EDGE[i] * EDGE[i]);
  }
  for (let i = 0; i < BLOCKS; i++) INSIDE[i] = EDGE[i + 1] / EDGE[i];
}

const TWO_POW_M25 = 2 ** -25;
const TWO_POW_M52 = 2 ** -52;

/** A standard normal from `rng`; `uniform` (in [0, 1), from the same rng) serves the rare wedge and tail tests. */
export function zigguratNormal(rng: RandomGenerator, uniform: () => number): number {
  for (;;) {
    const a = rng.next();
    const b = rng.next();
    const i = a & (BLOCKS - 1);
    const u = 2 * ((a >>> 7) * TWO_POW_M25 + (b >>> 5) * TWO_POW_M52) - 1;
    if (Math.abs(u) < INSIDE[i]) return u * EDGE[i];
    if (i === 0) return normalTail(uniform, u < 0);
    // A wedge: accept x when a uniform height between f(x_i) and f(x_{i+1}) (block i's bottom and
    // top) falls under f(x); the ratios below are those heights over f(x).
    const x = u * EDGE[i];
    const atEdge = Math.exp(-0.5 * (EDGE[i] * EDGE[i] - x * x));
    const atNext = Math.exp(-0.5 * (EDGE[i + 1] * EDGE[i + 1] - x * x));
    if (atNext + uniform() * (atEdge - atNext) < 1) return x;
  }
}

/** Marsaglia (1964): a normal beyond TAIL_START, by rejection from an exponential. */
export function normalTail(uniform: () => number, negative: boolean): number {
  let x: number;
  let y: number;
  do {
    // 1 - U is in (0, 1]: the logarithms are finite.
    x = Math.log(1 - uniform()) / TAIL_START;
    y = Math.log(1 - uniform());
  } while (-2 * y < x * x);
  return negative ? x - TAIL_START : TAIL_START - x;
}

/** Blocks of the exponential ziggurat, its tail start (R) and block area (V): Marsaglia and Tsang's. */
export const EXP_BLOCKS = 256;
export const EXP_TAIL_START = 7.69711747013105;
export const EXP_BLOCK_AREA = 3.949659822581572e-3;

/** x_i of f(x) = exp(-x): x_0 = V / f(R), x_1 = R, f(x_{i+1}) = f(x_i) + V / x_i, x_256 = 0. */
export const EXP_EDGE = exponentialEdges();
/** x_{i+1} / x_i, the fast path's test. */
export const EXP_INSIDE = Float64Array.from({ length: EXP_BLOCKS }, (_, i) => EXP_EDGE[i + 1] / EXP_EDGE[i]);
/** f(x_i), the wedge test's heights (block 0 has no wedge: past R is the tail). */
export const EXP_HEIGHT = EXP_EDGE.map((x) => Math.exp(-x));

function exponentialEdges(): Float64Array {
  const edge = new Float64Array(EXP_BLOCKS + 1);
  edge[0] = EXP_BLOCK_AREA / Math.exp(-EXP_TAIL_START);
  edge[1] = EXP_TAIL_START;
  for (let i = 2; i < EXP_BLOCKS; i++)
    edge[i] = -Math.log(Math.exp(-edge[i - 1]) + EXP_BLOCK_AREA / edge[i - 1]);
  return edge;
}

const TWO_POW_M24 = 2 ** -24;
const TWO_POW_M53 = 2 ** -53;

/**
 * A standard exponential (rate 1) from `rng`; `uniform` serves the rare wedge and tail draws.
 * Bits as zigguratNormal's: the block i from the low 8 bits of a, U in [0, 1) from the other 24
 * of a and 29 of b; x = U x_i is returned as it is when it lies inside the block above.
 */
export function zigguratExponential(rng: RandomGenerator, uniform: () => number): number {
  for (;;) {
    const a = rng.next();
    const b = rng.next();
    const i = a & (EXP_BLOCKS - 1);
    const u = (a >>> 8) * TWO_POW_M24 + (b >>> 3) * TWO_POW_M53;
    if (u < EXP_INSIDE[i]) return u * EXP_EDGE[i];
    // The base block past R: the tail, where Exp(1) given x > R is R + Exp(1) (memoryless).
    if (i === 0) return EXP_TAIL_START - Math.log(1 - uniform());
    // A wedge: accept x when a uniform height between block i's bottom f(x_i) and top f(x_{i+1})
    // falls under f(x).
    const x = u * EXP_EDGE[i];
    if (EXP_HEIGHT[i] + uniform() * (EXP_HEIGHT[i + 1] - EXP_HEIGHT[i]) < Math.exp(-x)) return x;
  }
}
