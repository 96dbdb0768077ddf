// Stress paths (issue 13): a correlation matrix checked and factored once (Cholesky, ml-matrix),
// and correlated normals L z drawn from a stream with no allocation.
import { CholeskyDecomposition, Matrix } from "ml-matrix";
import { finite } from "../config/check.ts";
import { type ConfigPlace, invalid } from "../config/errors.ts";
import { badDiagonal, notPositiveDefinite, notSquare, notSymmetric } from "./errors.ts";

/**
 * The lower Cholesky factor L (row-major n x n, C = L L^T) of a correlation matrix given as
 * rows. Throws naming `at` when the matrix is not n x n, not symmetric (to 1e-12), has a diagonal
 * other than 1, or is not positive definite.
 */
export function choleskyFactor(at: ConfigPlace, value: unknown, n: number): Float64Array {
  if (!Array.isArray(value)) throw invalid(at, `must have ${n} rows of ${n} numbers (one per symbol)`, value);
  const rows = value.map((row, i) => {
    if (!Array.isArray(row) || row.length !== n)
      throw notSquare(at, value.length, i, Array.isArray(row) ? row.length : 0, n);
    return row.map((x, j) => finite({ ...at, field: `${at.field}[${i}][${j}]` }, x, { ge: -1, le: 1 }));
  });
  if (rows.length !== n) throw notSquare(at, rows.length, rows.length - 1, n, n);
  for (let i = 0; i < n; i++) {
    if (rows[i][i] !== 1) throw badDiagonal(at, i, rows[i][i]);
    for (let j = 0; j < i; j++)
      if (Math.abs(rows[i][j] - rows[j][i]) > 1e-12) throw notSymmetric(at, i, j, rows[i][j], rows[j][i]);
  }
  const cholesky = new CholeskyDecomposition(new Matrix(rows));
  if (!cholesky.isPositiveDefinite()) throw notPositiveDefinite(at);
  return Float64Array.from(cholesky.lowerTriangularMatrix.to1DArray());
}

/** The identity's factor: independent assets. */
export function identityFactor(n: number): Float64Array {
  const factor = new Float64Array(n * n);
  for (let i = 0; i < n; i++) factor[i * n + i] = 1;
  return factor;
}

/** out = L z for a lower-triangular row-major L; z and out have length n and must not alias. */
export function correlate(factor: Float64Array, z: Float64Array, out: Float64Array, n: number): void {
  if (isDiagonal(factor, n)) {
    // Independent assets (the default): n products instead of n (n + 1) / 2.
    for (let i = 0; i < n; i++) out[i] = factor[i * n + i] * z[i];
    return;
  }
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const row = i * n;
    for (let j = 0; j <= i; j++) sum += factor[row + j] * z[j];
    out[i] = sum;
  }
}

/** Whether a lower factor has nothing below its diagonal, found once per factor. */
const diagonal = new WeakMap<Float64Array, boolean>();

function isDiagonal(factor: Float64Array, n: number): boolean {
  let known = diagonal.get(factor);
  if (known === undefined) {
    known = true;
    for (let i = 0; i < n && known; i++)
      for (let j = 0; j < i; j++) if (factor[i * n + j] !== 0) known = false;
    diagonal.set(factor, known);
  }
  return known;
}
