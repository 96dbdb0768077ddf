import { describe, expect, it } from "vitest";
import { pathStream } from "../../src/stress/stream.ts";

const draws = (seed: number, path: number, count = 64) => {
  const stream = pathStream(seed, path);
  return Array.from({ length: count }, (_, k) => (k % 2 === 0 ? stream.uniform() : stream.normal()));
};

describe("pathStream()", () => {
  it("pathStream() gives path i the same draws whatever was drawn before, in any order", () => {
    const alone = draws(7, 3);
    const afterOthers = [5, 0, 3, 9].map((path) => draws(7, path))[2];
    expect(afterOthers).toEqual(alone);
  });

  it("pathStream() differs between neighbouring paths and neighbouring seeds", () => {
    const base = draws(7, 3);
    for (const other of [draws(7, 2), draws(7, 4), draws(6, 3), draws(8, 3), draws(7 + 2 ** 32, 3)])
      expect(other).not.toEqual(base);
  });

  it("pathStream() uniforms are in [0, 1) with mean 1/2 and normals have mean 0, variance 1", () => {
    // 200,000 draws each: SE of a uniform mean sqrt(1/12/2e5) = 6.5e-4, of a normal mean 2.2e-3,
    // of a normal variance sqrt(2/2e5) = 3.2e-3. Tolerances are 4 SE.
    const stream = pathStream(2024, 11);
    const count = 200_000;
    let uniformSum = 0;
    let normalSum = 0;
    let normalSq = 0;
    let inRange = true;
    for (let k = 0; k < count; k++) {
      const u = stream.uniform();
      inRange &&= u >= 0 && u < 1;
      uniformSum += u;
      const z = stream.normal();
      normalSum += z;
      normalSq += z * z;
    }
    expect(inRange).toBe(true);
    expect(Math.abs(uniformSum / count - 0.5)).toBeLessThan(4 * 6.5e-4);
    expect(Math.abs(normalSum / count)).toBeLessThan(4 * 2.2e-3);
    expect(Math.abs(normalSq / count - 1)).toBeLessThan(4 * 3.2e-3);
  });
});
