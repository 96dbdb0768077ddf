// SPEC 7 and 12: sizing margin-call liquidations at the open. Marks are the opens (an asset
// missing at the open keeps its last close and is never liquidated); each liquidated asset is
// valued at its own fill price, costs included, futures with their unsettled variation at those
// marks (SPEC v2.3: an overnight gap is seen). Orders are sized so that afterwards equity >= the
// restore target: MM x (1 + liquidationBuffer), or max(IM, MM) with restoreTo "initial".
import { type Dec, dec, maxDec, ZERO } from "./decimal.ts";
import type { RunState } from "./state.ts";

/**
 * What a hypothetical forced fill of |qty| units of an asset would cost: its price and commission,
 * after `priorQty` units of the plan's earlier orders (they fill first and move a tiered rate).
 */
export type Quote = (asset: number, absQty: Dec, priorQty: Dec) => { price: Dec; commission: Dec };

const STEPS = 10_000;

/** Signed quantities to trade (towards 0) per asset, in liquidation order; empty when the target is met. */
export function sizeLiquidation(state: RunState, t: number, quote: Quote): { asset: number; qty: Dec }[] {
  const config = state.config;
  const markOf = (asset: number) => state.openMark(t, asset);
  const eligible = [...state.held].filter((asset) => state.bar(t, asset) !== null);
  const meets = (plan: ReadonlyMap<number, Dec>) => meetsTarget(state, plan, markOf, quote);
  if (meets(new Map())) return [];
  const order = rank(state, eligible, markOf);
  const plan = new Map<number, Dec>();
  if (config.liquidationOrder === "pro-rata") {
    // The smallest j whose cut meets the target; j = 10^4 cuts every position to 0.
    const at = (j: number) => new Map(order.map((asset) => [asset, proRataQty(state, asset, j)]));
    let lo = 1;
    let hi = STEPS;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (meets(at(mid))) hi = mid;
      else lo = mid + 1;
    }
    return toOrders(order, at(lo));
  }
  for (const asset of order) {
    const position = state.qty[asset];
    plan.set(asset, position.neg());
    if (!meets(plan)) continue;
    // Trim the last one by the fewest lots that meet the target.
    const lot = state.lots[asset];
    const lots = position.abs().div(lot).toNumber();
    let lo = 1;
    let hi = lots;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      plan.set(asset, lot.mul(mid).mul(-position.s));
      if (meets(plan)) hi = mid;
      else lo = mid + 1;
    }
    plan.set(asset, lot.mul(lo).mul(-position.s));
    break;
  }
  return toOrders(order, plan);
}

/**
 * Liquidation order (SPEC 7, 12); ties in symbol order. Pro-rata cuts every position, so the tie
 * rule orders them all: symbol order, which is also the order their tiered commissions are quoted in.
 */
function rank(state: RunState, assets: number[], markOf: (asset: number) => Dec): number[] {
  const symbols = state.panel.symbols;
  const key = (asset: number): Dec => {
    if (state.config.liquidationOrder === "pro-rata") return ZERO;
    if (state.config.liquidationOrder === "largest-loss")
      return state.trades.unrealizedOf(asset, markOf(asset));
    // largest-requirement: MM contribution, largest first.
    return state.terms.value(ZERO, [[asset, state.qty[asset]]], markOf).mm.neg();
  };
  const keys = new Map(assets.map((asset) => [asset, key(asset)]));
  return assets.sort(
    (a, b) => (keys.get(a) as Dec).cmp(keys.get(b) as Dec) || (symbols[a] < symbols[b] ? -1 : 1),
  );
}

function proRataQty(state: RunState, asset: number, j: number): Dec {
  const position = state.qty[asset];
  const lot = state.lots[asset];
  const lots = position.abs().mul(j).div(STEPS).div(lot).ceil();
  return lots.mul(lot).mul(-position.s);
}

function toOrders(order: readonly number[], plan: ReadonlyMap<number, Dec>): { asset: number; qty: Dec }[] {
  return order
    .filter((asset) => plan.has(asset) && !(plan.get(asset) as Dec).isZero())
    .map((asset) => ({ asset, qty: plan.get(asset) as Dec }));
}

function meetsTarget(
  state: RunState,
  plan: ReadonlyMap<number, Dec>,
  markOf: (asset: number) => Dec,
  quote: Quote,
): boolean {
  let cash = state.ledger.cash;
  const prices = new Map<number, Dec>();
  const after = new Map<number, Dec>();
  for (const [asset, qty] of state.holdings()) after.set(asset, qty);
  // The plan is in liquidation order, the order its orders take ids and fill in.
  let priorQty = ZERO;
  for (const [asset, qty] of plan) {
    if (qty.isZero()) continue;
    const { price, commission } = quote(asset, qty.abs(), priorQty);
    priorQty = priorQty.add(qty.abs());
    const multiplier = state.multipliers[asset];
    // A future settles variation margin on the closed contracts; an equity moves its notional.
    cash = state.terms.isFuture(asset)
      ? cash.add(state.variationMargin.settlementOf(asset, qty, price))
      : cash.sub(qty.mul(price).mul(multiplier));
    cash = cash.sub(commission);
    after.set(asset, state.qty[asset].add(qty));
    prices.set(asset, price);
  }
  return restoreTargetMet(state, cash, after, (asset) => prices.get(asset) ?? markOf(asset)).met;
}

/**
 * SPEC 7: equity against the restore target, MM x (1 + liquidationBuffer), or max(IM, MM) with
 * restoreTo "initial" (a FINRA-floored short's MM can exceed its IM).
 */
export function restoreTargetMet(
  state: RunState,
  cash: Dec,
  holdings: Iterable<readonly [number, Dec]>,
  markOf: (asset: number) => Dec,
): { met: boolean; equity: Dec; target: Dec } {
  const config = state.config;
  const value = state.terms.value(cash, holdings, markOf);
  const target =
    config.restoreTo === "initial"
      ? maxDec(value.im, value.mm)
      : value.mm.mul(dec(config.liquidationBuffer).add(1));
  return { met: value.equity.gte(target), equity: value.equity, target };
}
