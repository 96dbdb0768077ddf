// `assay stress`: the spread of an outcome over the paths (final equity, CAGR, max drawdown):
// quantiles, a histogram, and the expected shortfall of the worst paths.
import { quantileSorted } from "simple-statistics";

/** The quantiles a stress report gives: 5, 25, 50, 75 and 95 %. */
export const REPORT_PROBABILITIES: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95];

/**
 * Quantiles by linear interpolation between order statistics, Hyndman and Fan's type 7 (numpy's
 * and R's default; simple-statistics' quantileSorted): with x sorted ascending and h = (n - 1) p,
 * q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 */
export function quantiles(
  values: ArrayLike<number>,
  probabilities: readonly number[] = REPORT_PROBABILITIES,
): number[] {
  const sorted = sortedFinite(values, "quantiles");
  return probabilities.map((p) => {
    if (!(p >= 0 && p <= 1)) throw new Error(`quantiles: probability must be in [0, 1], got ${p}`);
    return quantileSorted(sorted, p);
  });
}

export interface Histogram {
  /** bins + 1 edges, equally spaced from the minimum to the maximum. */
  readonly edges: number[];
  /** counts[i]: values in [edges[i], edges[i + 1]), the last bin closed on the right. */
  readonly counts: number[];
}

/**
 * Equal-width bins over [min, max], their number by Sturges' rule ceil(log2 n) + 1 (Sturges 1926;
 * numpy's bins="sturges"); each bin is closed on the left, the last on both sides (numpy's
 * convention). All values equal: one bin [v, v].
 */
export function histogram(values: ArrayLike<number>): Histogram {
  const sorted = sortedFinite(values, "histogram");
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === max) return { edges: [min, max], counts: [sorted.length] };
  const bins = Math.ceil(Math.log2(sorted.length)) + 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) =>
    i === bins ? max : min + (i * (max - min)) / bins,
  );
  const counts = new Array<number>(bins).fill(0);
  let bin = 0;
  for (const value of sorted) {
    while (bin < bins - 1 && value >= edges[bin + 1]) bin++;
    counts[bin]++;
  }
  return { edges, counts };
}

/**
 * The mean of the worst (lowest) fraction a = 1 - level of the values, counting the path at the
 * cut by its fraction (Acerbi and Tasche 2002, "On the coherence of expected shortfall", eq. 3.1):
 * with x sorted ascending, m = a n and k = floor m,
 *
 *   ES = (x_1 + ... + x_k + (m - k) x_(k+1)) / m
 *
 * so tied values at the cut are neither all in nor all out, and ES is the same whatever order the
 * ties came in; with fewer than 1 / a values it is the minimum.
 */
export function expectedShortfall(values: ArrayLike<number>, level: number): number {
  if (!(level > 0 && level < 1))
    throw new Error(`expected shortfall: level must be in (0, 1) (0.95 keeps the worst 5 %), got ${level}`);
  const sorted = sortedFinite(values, "expected shortfall");
  const m = (1 - level) * sorted.length;
  const k = Math.floor(m);
  let sum = 0;
  for (let i = 0; i < k; i++) sum += sorted[i];
  if (m > k) sum += (m - k) * sorted[k];
  return sum / m;
}

/** The values sorted ascending, or a clear error for none or a value that is not finite. */
function sortedFinite(values: ArrayLike<number>, what: string): number[] {
  if (values.length === 0) throw new Error(`${what}: no values (an empty set of outcomes)`);
  const sorted = Array.from(values);
  sorted.forEach((value, i) => {
    if (!Number.isFinite(value))
      throw new Error(`${what}: value ${i} is ${value}; every value must be finite`);
  });
  return sorted.sort((a, b) => a - b);
}
