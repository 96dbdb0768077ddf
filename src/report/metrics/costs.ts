// What the run paid, by kind, as positive money (a credit is negative): commission, slippage
// and impact (inside the fill prices), financing (debit less credit interest), borrow (fee
// less short rebate). The run summary reads the same totals.
import type { Records } from "../../model/index.ts";
import type { CostSeries } from "../series.ts";

export interface CostTotals {
  readonly commission: number;
  readonly slippage: number;
  readonly impact: number;
  readonly financing: number;
  readonly borrow: number;
  readonly total: number;
}

export function costTotals(records: Records, perBar: CostSeries): CostTotals {
  const ledger = records.ledgerTotals;
  // Ledger totals are signed as cash changes: a paid interest is negative, so its cost is its negation.
  const financing = 0 - (ledger.debitInterest + ledger.creditInterest);
  const borrow = 0 - (ledger.borrowFee + ledger.shortRebate);
  const commission = records.totals.commission;
  const slippage = sum(perBar.slippage);
  const impact = sum(perBar.impact);
  return {
    commission,
    slippage,
    impact,
    financing,
    borrow,
    total: commission + slippage + impact + financing + borrow,
  };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
