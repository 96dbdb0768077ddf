// SPEC 3.2 and 12: financing at the close of bar t, actual/360, for d calendar days since the
// previous bar (Monday carries the weekend), on the snapshot of bar t-1: debit interest on
// negative cash, credit interest on positive cash, borrow fees on shorts (per-asset rate) and
// the optional short rebate. Margin accounts only.
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
  const { cash } = snapshot;
  if (cash.lt(0)) entries.push({ kind: "debitInterest", amount: perYear(rates.debitRate, cash.neg()).neg() });
  else entries.push({ kind: "creditInterest", amount: perYear(rates.creditRate, cash) });
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
