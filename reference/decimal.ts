// Exact decimal arithmetic for the reference engine. Inputs arrive as float64 numbers and are
// read as their shortest decimal representation (33.33 is 33.33, not 33.3299999...), so the
// reference computes on the decimals a person reads in the data and the config.
import { Decimal } from "decimal.js";

/**
 * 60 significant digits. Sums and products of the data's and the config's decimals are exact at
 * that width; the only values that are not terminating decimals (financing accruals divided by
 * 360, impact from sqrt/ln/pow) are rounded to SCALE places where they are made, so that every
 * later sum is exact again and the invariants can be asserted with equality.
 */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
export type Dec = Decimal;

export const ZERO: Dec = new Dec(0);
export const TWO: Dec = new Dec(2);
export const BPS: Dec = new Dec(10_000);

/** Decimal places kept of a value that is not a terminating decimal (see Dec). */
export const SCALE = 20;

/** Rounds a value that came from a division, root or power to SCALE places (half to even). */
export function settle(value: Dec): Dec {
  return value.toDecimalPlaces(SCALE, Dec.ROUND_HALF_EVEN);
}

export function dec(value: number): Dec {
  if (!Number.isFinite(value)) throw new Error(`reference: cannot make an exact decimal of ${value}`);
  return new Dec(value);
}

/** Truncates toward 0 to a multiple of `step` (SPEC 6.4: quantities to the lot). */
export function truncToStep(value: Dec, step: Dec): Dec {
  return value.div(step).trunc().mul(step);
}

export function maxDec(a: Dec, b: Dec): Dec {
  return a.gte(b) ? a : b;
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lte(b) ? a : b;
}
