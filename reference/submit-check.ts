// SPEC 3, checkAtSubmit (Backtrader's checksubmit): before the first batch an order can fill in,
// every order decided at bar `decided` is paid for at its creation price (the limit price, the stop
// price, or else the last close; under fillAt "open", cheat-on-open, bar t's open), with its
// commission, against a running cash that starts at the account's cash, in submission order. An
// order that only increases its asset's position and leaves the running cash below 0 is rejected
// ("submitCheck"), and its cost stays spent: the orders after it see less cash. An order with a
// reducing part (a sale of a long, a cover, a reversal) is never rejected by it (I11), though its
// cash counts. A market order on an asset with no close yet has no creation price and is not
// checked.
import type { Reason } from "../src/model/index.ts";
import { finish } from "./batch.ts";
import { recordCommission } from "./costs.ts";
import { type Dec, ZERO } from "./decimal.ts";
import type { Invariants } from "./invariants.ts";
import type { RunState, WorkingOrder } from "./state.ts";

export function checkAtSubmit(state: RunState, invariants: Invariants, decided: number, t: number): void {
  let running = state.ledger.cash;
  for (const order of state.working) {
    if (order.forced !== null || order.record.t !== decided) continue;
    const price = creationPrice(state, order);
    // An asset that never closed gives no creation price: nothing to check, nothing spent.
    if (price === null) continue;
    const notional = state.terms.isFuture(order.asset)
      ? ZERO
      : order.qty.mul(price).mul(state.multipliers[order.asset]);
    const commission = recordCommission(state.config.commission, order.qty.abs(), price, {
      multiplier: state.multipliers[order.asset],
      orderHadFill: false,
      monthQtyBefore: state.monthQty,
    });
    const cost = notional.add(commission);
    const available = running;
    running = running.sub(cost);
    const position = state.qty[order.asset];
    const increasesOnly = position.isZero() || position.s === order.qty.s;
    if (increasesOnly && running.lt(0)) {
      const reason: Reason = {
        kind: "submitCheck",
        required: cost.toNumber(),
        available: available.toNumber(),
      };
      invariants.onKill(t, order, reason);
      finish(order, "rejected", reason, t);
    }
  }
  state.working = state.working.filter((order) => order.record.status === "working");
}

/**
 * Backtrader's order.created.price: the order's own price, or the close it was decided on; under
 * coo a market order's is the open it was decided at (BackBroker._execute with ago None).
 */
function creationPrice(state: RunState, order: WorkingOrder): Dec | null {
  const own = order.record.type === "limit" ? order.limitPrice : order.stopPrice;
  return own ?? state.decisionMark(order.record.t, order.asset);
}
