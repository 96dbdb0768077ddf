// SPEC 12 (cash flows): deposits and withdrawals in step 1 of the first bar dated on or after their
// date, after settlement. A deposit is settled cash at once. A withdrawal is refused whole when it
// would leave equity < max(IM, MM) (margin and futures accounts, at the last closes: step 1 is
// before the open, and futures add 0 after a close) or exceed settled cash (cash account).
import { type CashFlow, isoDate, type RunConfig } from "../src/model/index.ts";
import { type Dec, dec, maxDec, ZERO } from "./decimal.ts";
import type { RunState } from "./state.ts";

export type CashFlowEvent =
  | { kind: "cashFlow"; amount: number }
  | { kind: "withdrawalRefused"; amount: number; available: number };

export class CashFlows {
  private readonly flows: readonly CashFlow[];
  private next = 0;

  constructor(config: RunConfig) {
    this.flows = config.cashFlows;
  }

  /** Step 1 of bar t: every flow dated on or before the bar's date not yet applied, in date order. */
  step1(state: RunState, t: number): CashFlowEvent[] {
    const date = isoDate(state.panel.times[t]);
    const events: CashFlowEvent[] = [];
    for (; this.next < this.flows.length && this.flows[this.next].date <= date; this.next++) {
      const amount = dec(this.flows[this.next].amount);
      if (amount.gt(0)) {
        state.ledger.post(t, "deposit", amount);
        events.push({ kind: "cashFlow", amount: amount.toNumber() });
        continue;
      }
      const available = withdrawable(state);
      if (amount.neg().gt(available)) {
        events.push({
          kind: "withdrawalRefused",
          amount: amount.toNumber(),
          available: available.toNumber(),
        });
        continue;
      }
      state.ledger.post(t, "withdrawal", amount);
      events.push({ kind: "cashFlow", amount: amount.toNumber() });
    }
    return events;
  }

  /** SPEC 12, docs/semantics.md: flows dated after the last bar are never applied; each is a warning. */
  unapplied(times: Float64Array): string[] {
    const last = times.length === 0 ? null : isoDate(times[times.length - 1]);
    return this.flows
      .filter((flow) => last === null || flow.date > last)
      .map(
        (flow) =>
          `cashFlows: the flow dated ${flow.date} is after the last bar (${last ?? "none"}): not applied [SPEC 12]`,
      );
  }
}

/**
 * What a withdrawal may take, floored at 0: margin and futures accounts equity - max(IM, MM) at
 * the last closes; a cash account its settled cash.
 */
function withdrawable(state: RunState): Dec {
  if (state.config.account === "cash") return maxDec(state.settlement.settledCash(state.ledger.cash), ZERO);
  const value = state.valueAtClose();
  return maxDec(value.equity.sub(maxDec(value.im, value.mm)), ZERO);
}
