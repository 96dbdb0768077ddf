// SPEC 3.2 and 12: financing at the close of bar t, actual/360, for d calendar days since the
// previous bar (Monday carries the weekend), on the snapshot of bar t-1: debit or credit
// interest on the financing balance (cash minus the short proceeds held in it, the shorts'
// value), borrow fees on shorts (per-asset rate) and the optional short rebate. Margin accounts
// only.
import { type Dec, dec, settle, ZERO } from "./decimal.ts";
import type { LedgerKind } from "./ledger.ts";

/** The end of bar t-1 as financing reads it. */
export interface FinancingSnapshot {
  readonly cash: Dec;
  /** Short equity positions: |qty| x mark x multiplier and the asset's borrow rate. */
  readonly shorts: readonly { readonly value: Dec; readonly borrowRate: number }[];
}

export interface FinancingRates {
  readonly debitRate: number;
  readonly creditRate: number;
  readonly shortRebateRate: number;
}

const DAYS_PER_YEAR = dec(360);

export function financingEntries(
  snapshot: FinancingSnapshot,
  rates: FinancingRates,
  days: number,
): { kind: LedgerKind; amount: Dec }[] {
  if (days === 0) return [];
  // Each accrual is rounded to the reference's SCALE where it is made (a division by 360).
  const perYear = (rate: number, base: Dec) => settle(dec(rate).mul(days).mul(base).div(DAYS_PER_YEAR));
  const entries: { kind: LedgerKind; amount: Dec }[] = [];
  // The short proceeds are the broker's collateral, not the customer's balance: they earn only
  // the rebate, so interest is on what is left of cash without them.
  const balance = snapshot.shorts.reduce((left, short) => left.sub(short.value), snapshot.cash);
  if (balance.lt(0))
    entries.push({ kind: "debitInterest", amount: perYear(rates.debitRate, balance.neg()).neg() });
  else entries.push({ kind: "creditInterest", amount: perYear(rates.creditRate, balance) });
  let borrow = ZERO;
  let rebate = ZERO;
  for (const short of snapshot.shorts) {
    borrow = borrow.add(perYear(short.borrowRate, short.value));
    rebate = rebate.add(perYear(rates.shortRebateRate, short.value));
  }
  entries.push({ kind: "borrowFee", amount: borrow.neg() }, { kind: "shortRebate", amount: rebate });
  return entries.filter((entry) => !entry.amount.isZero());
}

/** Calendar days between two UTC ms timestamps' dates. */
export function calendarDays(fromMs: number, toMs: number): number {
  return Math.floor(toMs / 86_400_000) - Math.floor(fromMs / 86_400_000);
}
