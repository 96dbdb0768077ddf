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
  return boxMullerRadius(random) * Math.cos(2 * Math.PI * random());
}

/**
 * Box-Muller keeping both normals of a pair (r cos, then r sin): half the uniforms and logs of
 * gaussian(), for hot loops. Its odd draws equal gaussian()'s over the same uniforms.
 */
export function gaussianStream(random: () => number): () => number {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    const radius = boxMullerRadius(random);
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    hasSpare = true;
    return radius * Math.cos(angle);
  };
}

function boxMullerRadius(random: () => number): number {
  const u = 1 - random(); // in (0, 1], so log(u) is finite
  return Math.sqrt(-2 * Math.log(u));
}
