// Stress fitting (issue 13): a small Nelder-Mead simplex minimizer (Nelder and Mead 1965, the
// standard coefficients: reflection 1, expansion 2, contraction 1/2, shrink 1/2). Written here
// because npm's fmin 0.0.4 ships a UMD bundle inside a "type": "module" package, which Node
// imports as an empty module. Deterministic: no randomness, ties keep the earlier vertex.

export interface Minimum {
  readonly x: number[];
  readonly fx: number;
  readonly iterations: number;
}

/**
 * Minimizes f from x0; the first simplex steps each coordinate by `step`. Stops when the
 * simplex's values span less than `tolerance` or after maxIterations.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  { step = 0.1, tolerance = 1e-10, maxIterations = 5000 } = {},
): Minimum {
  const n = x0.length;
  const simplex = [x0.slice(), ...x0.map((_, j) => x0.map((x, k) => (k === j ? x + step : x)))];
  const values = simplex.map(f);
  const along = (from: number[], to: number[], by: number) => from.map((x, k) => x + by * (to[k] - x));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const order = simplex.map((_, j) => j).sort((a, b) => values[a] - values[b] || a - b);
    const [best, worst, second] = [order[0], order[n], order[n - 1]];
    if (values[worst] - values[best] < tolerance) break;
    const centroid = x0.map((_, k) => order.slice(0, n).reduce((sum, j) => sum + simplex[j][k], 0) / n);
    const reflected = along(centroid, simplex[worst], -1);
    const fr = f(reflected);
    if (fr < values[best]) {
      const expanded = along(centroid, simplex[worst], -2);
      const fe = f(expanded);
      [simplex[worst], values[worst]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[second]) {
      [simplex[worst], values[worst]] = [reflected, fr];
    } else {
      const outside = fr < values[worst];
      const contracted = along(centroid, outside ? reflected : simplex[worst], 0.5);
      const fc = f(contracted);
      if (fc < (outside ? fr : values[worst])) {
        [simplex[worst], values[worst]] = [contracted, fc];
      } else {
        for (const j of order.slice(1)) {
          simplex[j] = along(simplex[best], simplex[j], 0.5);
          values[j] = f(simplex[j]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best], fx: values[best], iterations };
}
