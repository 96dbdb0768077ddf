// SPEC 5, from the records and the panel: Backtrader's slippage switches (slipOpen, slipMatch,
// slipLimit), checked on what the fills and the orders' deferrals show, without the engines'
// pricing code.
import { type FinishedRun, fail, fillTag, moneyAllowance, orderTag } from "./common.ts";

/**
 * slipOpen false: a market order's fill, or a fill based at the bar's open, carries no slippage.
 * Its slippageCost is 0 on an asset without a tick grid (tick rounding alone counts as slippage).
 */
export function slipOpenSparesOpens({ panel, config, records }: FinishedRun): void {
  if (config.slipOpen) return;
  const column = new Map(panel.symbols.map((s, i) => [s, i]));
  const types = new Map(records.orders.map((o) => [o.id, o.type]));
  for (const f of records.fills) {
    const i = column.get(f.asset) as number;
    if (config.instruments[i].tickSize !== null) continue;
    const atOpen = f.basePrice === panel.open[f.t * panel.symbols.length + i];
    if ((f.forced || types.get(f.orderId) === "market" || atOpen) && f.slippageCost !== 0)
      fail(
        "slipOpenSparesOpens",
        `${fillTag(f)}: slippageCost ${f.slippageCost} under slipOpen false, on a ${atOpen ? "fill at the open" : "market order"}`,
      );
  }
}

/**
 * slipMatch: only slipMatch false holds orders back for slippage. Under it, with no impact model,
 * a fill of an order the rule covers (market and stop orders, limit and stop-limit ones under
 * slipLimit false unless based at their limit inside the bar; forced fills never) was not pushed
 * past its bar: no clamp moved it, and it is
 * inside [low, high] when there is no clamp (on an asset without a tick grid, whose rounding may
 * step past the bar).
 */
export function slipMatchHoldsBeyondBar({ panel, config, records }: FinishedRun): void {
  const check = "slipMatchHoldsBeyondBar";
  if (config.slipMatch) {
    for (const o of records.orders)
      if (o.deferred.slippage !== 0)
        fail(check, `${orderTag(o)}: deferred.slippage ${o.deferred.slippage} under slipMatch true`);
    return;
  }
  if (config.impact.model !== "none") return;
  const column = new Map(panel.symbols.map((s, i) => [s, i]));
  const byId = new Map(records.orders.map((o) => [o.id, o]));
  for (const f of records.fills) {
    const order = byId.get(f.orderId);
    const type = order?.type;
    const limited = type === "limit" || type === "stop-limit";
    const i = column.get(f.asset) as number;
    if (f.forced || (limited && config.slipLimit) || config.instruments[i].tickSize !== null) continue;
    const k = f.t * panel.symbols.length + i;
    // At its limit inside the bar: Backtrader's unslipped match, which nothing holds.
    if (limited && f.basePrice === order?.limitPrice && f.basePrice !== panel.open[k]) continue;
    const [low, high] = [panel.low[k], panel.high[k]];
    // A float64 price at the bar's edge may miss it by a rounding: SPEC 9's money tolerance.
    const allowance = moneyAllowance(high).toNumber();
    if (f.clamped !== null || !(f.fillPrice >= low - allowance && f.fillPrice <= high + allowance))
      fail(
        check,
        `${fillTag(f)}: a ${type} order filled at ${f.fillPrice}${f.clamped === null ? "" : ` (clamped from ${f.clamped.unclampedPrice})`} beyond [${low}, ${high}] under slipMatch false`,
      );
  }
}
