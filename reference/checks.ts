// SPEC 3.1-3.3, 6.5 and 12: the pre-trade check of one or more increasing legs, as if they
// filled together, at the batch's marks with each leg's asset at its fill price. Checks run in
// the order of SPEC 6.5 and the first failure names the reason.
import type { Reason } from "../src/model/index.ts";
import { type Dec, dec, maxDec } from "./decimal.ts";
import type { RunState } from "./state.ts";

export interface Leg {
  readonly asset: number;
  /** Signed units. */
  readonly qty: Dec;
  readonly price: Dec;
  /** Commission the leg adds to its fill record. */
  readonly commission: Dec;
}

export function checkLegs(
  state: RunState,
  t: number,
  legs: readonly Leg[],
  markOf: (asset: number) => Dec,
): Reason | null {
  const cash = state.ledger.cash;
  let outflow = dec(0);
  const after = new Map<number, Dec>();
  const legPrice = new Map<number, Dec>();
  for (const [asset, qty] of state.holdings()) after.set(asset, qty);
  for (const leg of legs) {
    // A futures leg moves no notional (SPEC 2); an equity leg pays or receives it.
    const notional = state.terms.isFuture(leg.asset)
      ? dec(0)
      : leg.qty.mul(leg.price).mul(state.multipliers[leg.asset]);
    outflow = outflow.add(notional).add(leg.commission);
    after.set(leg.asset, (after.get(leg.asset) ?? state.qty[leg.asset]).add(leg.qty));
    legPrice.set(leg.asset, leg.price);
  }
  const cashAfter = cash.sub(outflow);
  const config = state.config;
  const available = config.account === "cash" ? state.availableCash(t) : null;
  if (available !== null && outflow.gt(available.all))
    return { kind: "insufficientCash", required: outflow.toNumber(), available: available.all.toNumber() };
  const value = state.terms.value(cashAfter, after, (asset) => legPrice.get(asset) ?? markOf(asset));
  // shortCash: the fill may not take cash below 0, a short sale's proceeds counting (SPEC 3.2).
  if (config.shortCash && cashAfter.lt(0))
    return { kind: "insufficientCash", required: outflow.toNumber(), available: cash.toNumber() };
  if (config.account !== "cash") {
    // A futures account needs the initial margins; a margin account max(IM, MM) (SPEC 3.2, 3.3).
    const required = config.account === "futures" ? value.im : maxDec(value.im, value.mm);
    if (value.equity.lt(required)) {
      return {
        kind: "insufficientBuyingPower",
        required: required.toNumber(),
        available: value.equity.toNumber(),
      };
    }
  }
  if (config.maxGrossLeverage !== null) {
    const limit = value.equity.mul(dec(config.maxGrossLeverage));
    if (value.gross.gt(limit))
      return { kind: "maxGrossLeverage", gross: value.gross.toNumber(), limit: limit.toNumber() };
  }
  if (config.maxNetLeverage !== null) {
    const limit = value.equity.mul(dec(config.maxNetLeverage));
    if (value.net.abs().gt(limit))
      return { kind: "maxNetLeverage", net: value.net.abs().toNumber(), limit: limit.toNumber() };
  }
  // Last in SPEC 6.5's order: a restricted buy that also breaks a leverage cap is named by the cap.
  if (available !== null && outflow.gt(available.forBuys))
    return { kind: "restricted", required: outflow.toNumber(), available: available.forBuys.toNumber() };
  return null;
}
