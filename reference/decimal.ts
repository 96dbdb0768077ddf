// Exact decimal arithmetic for the reference engine. Inputs arrive as float64 numbers and are
// read as their shortest decimal representation (33.33 is 33.33, not 33.3299999...), so the
// reference computes on the decimals a person reads in the data and the config.
import { Decimal } from "decimal.js";

/** 40 significant digits: money to 1e-12 on balances up to 1e27, far beyond any account. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
export type Dec = Decimal;

export const ZERO: Dec = new Dec(0);
export const ONE: Dec = new Dec(1);
export const BPS: Dec = new Dec(10_000);

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
