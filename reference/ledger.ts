// SPEC 2: every change of cash is a ledger entry of a known kind; cash is their sum (I2).
import type { LedgerTotalKind } from "../src/model/index.ts";
import { type Dec, ZERO } from "./decimal.ts";

export type LedgerKind = "fillNotional" | LedgerTotalKind;
export const LEDGER_KINDS: ReadonlySet<string> = new Set<LedgerKind>([
  "fillNotional",
  "commission",
  "variationMargin",
  "debitInterest",
  "creditInterest",
  "borrowFee",
  "shortRebate",
  "deposit",
  "withdrawal",
]);
/** The kinds that are money paid in or out (SPEC 12), netDeposits of I7. */
export const CASH_FLOW_KINDS: readonly LedgerKind[] = ["deposit", "withdrawal"];
/** The kinds that are financing (SPEC 3.2), for P&L attribution (I7). */
export const FINANCING_KINDS: readonly LedgerKind[] = [
  "debitInterest",
  "creditInterest",
  "borrowFee",
  "shortRebate",
];

export interface LedgerEntry {
  readonly t: number;
  readonly kind: LedgerKind;
  /** Signed change of cash. */
  readonly amount: Dec;
}

export class Ledger {
  readonly initialCash: Dec;
  readonly entries: LedgerEntry[] = [];
  private balance: Dec;
  private readonly totals = new Map<LedgerKind, Dec>();

  constructor(initialCash: Dec) {
    this.initialCash = initialCash;
    this.balance = initialCash;
  }

  get cash(): Dec {
    return this.balance;
  }

  post(t: number, kind: LedgerKind, amount: Dec): void {
    if (amount.isZero()) return;
    this.entries.push({ t, kind, amount });
    this.balance = this.balance.add(amount);
    this.totals.set(kind, (this.totals.get(kind) ?? ZERO).add(amount));
  }

  total(kind: LedgerKind): Dec {
    return this.totals.get(kind) ?? ZERO;
  }
}
