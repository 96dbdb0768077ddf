// SPEC 12 (cash flows), in float64: each deposit or withdrawal in step 1 of the first bar dated on
// or after its date, after settlement. A withdrawal is refused whole when it would leave equity
// below max(IM, MM) at the last closes (margin, futures) or exceed settled cash (cash account);
// the comparison uses the tie rule of numeric.ts, so an exact fit is a fit.
import { isoDate } from "../model/index.ts";
import { beyond } from "./numeric.ts";
import { DEPOSIT, type RunState, WITHDRAWAL } from "./state.ts";

const DAY = 86_400_000;

export class CashFlowBook {
  /** UTC day number of each flow's date, in the config's (date) order. */
  private readonly days: Float64Array;
  private next = 0;
  private readonly cashOut = { all: 0, forBuys: 0, scale: 0 };

  constructor(private readonly s: RunState) {
    this.days = Float64Array.from(s.config.cashFlows, (flow) => Date.parse(`${flow.date}T00:00:00Z`) / DAY);
  }

  /** Step 1 of bar t: the flows dated on or before its day, in order. */
  step1(t: number): void {
    const s = this.s;
    const flows = s.config.cashFlows;
    const today = s.days[t];
    for (; this.next < flows.length && this.days[this.next] <= today; this.next++) {
      const amount = flows[this.next].amount;
      if (amount > 0) {
        s.post(DEPOSIT, amount);
        s.events.push({ kind: "cashFlow", t, step: 1, amount });
        continue;
      }
      const { available, scale } = this.withdrawable(t);
      if (beyond(-amount, available, scale - amount)) {
        s.events.push({ kind: "withdrawalRefused", t, step: 1, amount, available: Math.max(0, available) });
        continue;
      }
      s.post(WITHDRAWAL, amount);
      s.events.push({ kind: "cashFlow", t, step: 1, amount });
    }
  }

  /** Flows dated after the last bar: never applied, one warning each (docs/semantics.md). */
  unapplied(): string[] {
    const s = this.s;
    const bars = s.days.length;
    const last = bars === 0 ? null : isoDate(s.panel.times[bars - 1]);
    const lastDay = bars === 0 ? Number.NEGATIVE_INFINITY : s.days[bars - 1];
    const out: string[] = [];
    s.config.cashFlows.forEach((flow, i) => {
      if (this.days[i] > lastDay)
        out.push(
          `cashFlows: the flow dated ${flow.date} is after the last bar (${last ?? "none"}): not applied [SPEC 12]`,
        );
    });
    return out;
  }

  /** Equity - max(IM, MM) at the last closes (margin, futures), or settled cash (cash account). */
  private withdrawable(t: number): { available: number; scale: number } {
    const s = this.s;
    if (s.config.account === "cash") {
      // Only its scale is read: the size of cash and receivables, for the tie rule.
      s.settlement.available(s.cash, t, this.cashOut);
      const settled = s.settlement.active ? s.settlement.settled(s.cash) : s.cash;
      return { available: settled, scale: this.cashOut.scale };
    }
    const v = s.valueAtClose();
    const equity = s.cash + v.positions;
    return { available: equity - Math.max(v.im, v.mm), scale: v.scale + s.moneyScale(s.cash) };
  }
}
