import { describe, expect, it } from "vitest";
import { nelderMead } from "../../src/stress/nelder-mead.ts";

describe("nelderMead()", () => {
  it("nelderMead() finds the Rosenbrock minimum (1, 1) from (-1.2, 1)", () => {
    // f = (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1).
    const rosenbrock = ([x, y]: readonly number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    const found = nelderMead(rosenbrock, [-1.2, 1], { tolerance: 1e-14 });
    expect(found.x[0]).toBeCloseTo(1, 4);
    expect(found.x[1]).toBeCloseTo(1, 4);
    expect(found.fx).toBeLessThan(1e-8);
  });

  it("nelderMead() minimizes a shifted quadratic in 3 dimensions to its center", () => {
    const center = [0.5, -2, 3];
    const found = nelderMead(
      (x) => x.reduce((sum, xi, k) => sum + (k + 1) * (xi - center[k]) ** 2, 0),
      [0, 0, 0],
    );
    for (const [k, xi] of found.x.entries()) expect(xi).toBeCloseTo(center[k], 4);
  });
});
