// Stress paths (issue 13): every stress-model and fitting message is worded here. Model
// parameters are config values (ConfigError, src/config/errors.ts); a panel too short to fit
// names the source and asset.
import { ConfigError, type ConfigPlace, show } from "../config/errors.ts";

export function notSquare(
  at: ConfigPlace,
  rows: number,
  row: number,
  length: number,
  n: number,
): ConfigError {
  return new ConfigError(
    at,
    `must have ${n} rows of ${n} numbers (one per symbol), got ${rows} rows, row ${row} of length ${length}`,
  );
}

export function notSymmetric(at: ConfigPlace, i: number, j: number, ij: number, ji: number): ConfigError {
  return new ConfigError(at, `must be symmetric, got [${i}][${j}] = ${ij} != [${j}][${i}] = ${ji}`);
}

export function badDiagonal(at: ConfigPlace, i: number, value: number): ConfigError {
  return new ConfigError(at, `a correlation matrix has 1 on its diagonal, got [${i}][${i}] = ${value}`);
}

export function notPositiveDefinite(at: ConfigPlace): ConfigError {
  return new ConfigError(
    at,
    "must be positive definite (its Cholesky factorization fails): some combination of the assets has variance <= 0",
  );
}

export function notStationary(at: ConfigPlace, alpha: number, beta: number): ConfigError {
  return new ConfigError(
    at,
    `GARCH(1,1) needs alpha + beta < 1 (a stationary variance), got ${alpha} + ${beta} = ${alpha + beta}`,
  );
}

export class FitError extends Error {
  override readonly name = "FitError";
}

export function tooFewReturns(source: string, symbol: string, got: number, need: number): FitError {
  return new FitError(
    `fit ${source} asset=${symbol}: ${got} daily returns (bars with a present close on the bar before), a fit needs >= ${need}`,
  );
}

export function tooFewCrossSections(got: number): FitError {
  return new FitError(
    `bootstrap source: ${got} complete cross-sections (every asset with a bar and a close on the bar before), the bootstrap needs >= 2`,
  );
}

/** A bad pathPanel / pathScratch argument: a caller's bug, not a config value. */
export function badPathOption(name: string, rule: string, value: unknown): RangeError {
  return new RangeError(`stress path ${name}: ${rule}, got ${show(value)}`);
}
