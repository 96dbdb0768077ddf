// SPEC 3, checkAtSubmit (Backtrader's checksubmit), in float64: before the first batch an order
// can fill in, each strategy order decided at bar `decided` is paid for at its creation price (a
// limit order's limit, a stop's or stop-limit's stop, else the asset's last close, or under
// fillAt "open" the open it was decided at: Backtrader's coo) with its
// commission, against a running cash from the account's cash, in id order. One that only
// increases its position and leaves the running cash below 0 is rejected ("submitCheck"); its
// cost stays spent. An order with a reducing part is never rejected by it (I11); a market order
// on an asset with no close yet (no creation price) is not checked.
import { atLeast } from "./numeric.ts";
import { recordCommission } from "./pricing.ts";
import type { RunState } from "./state.ts";
import { FORCED_NONE, LIMIT, MARKET } from "./working.ts";

export function checkAtSubmit(s: RunState, decided: number, t: number): void {
  const w = s.working;
  let running = s.cash;
  let scale = s.moneyScale(running);
  let rejected = false;
  for (let i = 0; i < w.count; i++) {
    const slot = w.list[i];
    if (w.forced[slot] !== FORCED_NONE || w.t[slot] !== decided) continue;
    const asset = w.asset[slot];
    const mode = w.mode[slot];
    const price =
      mode === MARKET ? s.decisionMark[asset] : mode === LIMIT ? w.limitPrice[slot] : w.stopPrice[slot];
    // An asset that never closed gives no creation price: nothing to check, nothing spent.
    if (Number.isNaN(price)) continue;
    const units = s.toUnits(asset, w.lots[slot]);
    const notional = s.rules.future[asset] === 1 ? 0 : units * price * s.multiplier[asset];
    const commission = recordCommission(
      s.config.commission,
      Math.abs(units),
      price,
      s.multiplier[asset],
      false,
      s.monthUnits,
    );
    const cost = notional + commission;
    const available = running;
    running -= cost;
    scale += Math.abs(notional) + commission;
    const position = s.lots[asset];
    const increasesOnly = position === 0 || position > 0 === w.lots[slot] > 0;
    if (increasesOnly && !atLeast(running, 0, scale)) {
      s.finish(slot, "rejected", { kind: "submitCheck", required: cost, available }, t);
      rejected = true;
    }
  }
  if (rejected) w.dropDone();
}
