// Seeded randomness, the same draws on every machine: mulberry32 (integer arithmetic, no
// Math.random) and Box-Muller normals. The synthetic panel and the look-ahead detector's
// perturbed paths draw from it.

/** mulberry32: a tiny, well-known 32-bit PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Box-Muller, one standard normal per call (the second is dropped to keep the draw order simple). */
export function gaussian(random: () => number): number {
  const u = 1 - random(); // in (0, 1], so log(u) is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
