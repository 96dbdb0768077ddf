// SPEC 9 (records compared field by field): which record fields are money or prices, and the
// tolerance they compare within when two engines' records are diffed. Everything else (quantities,
// ids, bars, counts, statuses, kinds, flags, strings) compares exactly.
import type { SizeType } from "../model/index.ts";

/** |x - y| <= max(relative x max(|x|, |y|), absolute). */
export const MONEY_TOLERANCE = { relative: 1e-9, absolute: 1e-6 } as const;

/**
 * Field names compared as money, whatever record they sit in (a nested field by its last name:
 * `reason.required` is `required`). The one list: add a new money field here.
 */
export const MONEY_FIELDS: ReadonlySet<string> = new Set([
  // orders
  "limitPrice",
  "stopPrice",
  // fills
  "basePrice",
  "fillPrice",
  "commission",
  "slippageCost",
  "impactCost",
  "unclampedPrice",
  // reasons (SPEC 6.5)
  "required",
  "available",
  "gross",
  "net",
  "limit",
  // events
  "equity",
  "requirement",
  "deficit",
  "price",
  "amount",
  // trades
  "entryPrice",
  "exitPrice",
  "realizedPnl",
  "pnl",
  // series
  "cash",
  "grossExposure",
  "netExposure",
  "initialMargin",
  "maintenanceMargin",
  // totals
  "unrealizedPnl",
  // ledgerTotals (LedgerTotalKind; "commission" above)
  "variationMargin",
  "debitInterest",
  "creditInterest",
  "borrowFee",
  "shortRebate",
  "deposit",
  "withdrawal",
]);

/** An order's `size` is money for these size types (SPEC 6.4); units and fractions compare exactly. */
export const MONEY_SIZE_TYPES: ReadonlySet<SizeType> = new Set(["value", "targetValue"]);

export function isMoneyField(field: string): boolean {
  return MONEY_FIELDS.has(field.slice(field.lastIndexOf(".") + 1));
}

/** Within MONEY_TOLERANCE; equal infinities and two NaNs agree. */
export function sameMoney(x: number, y: number): boolean {
  if (x === y || (Number.isNaN(x) && Number.isNaN(y))) return true;
  const scale = Math.max(Math.abs(x), Math.abs(y));
  return Math.abs(x - y) <= Math.max(MONEY_TOLERANCE.relative * scale, MONEY_TOLERANCE.absolute);
}

/** Exactly, with 0 and -0 alike and two NaNs agreeing. */
export function sameExact(x: unknown, y: unknown): boolean {
  return x === y || (Number.isNaN(x) && Number.isNaN(y));
}
