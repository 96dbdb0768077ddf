// SPEC 5 and 12: the price of a fill (slippage and impact in bps, per-share slippage, clamp to
// the bar, limit cap, tick rounding) and the commission of a fill record.
import { type CommissionModel, type SlippageModel, unreachable } from "../src/model/index.ts";
import { BPS, type Dec, dec, maxDec, minDec, settle, ZERO } from "./decimal.ts";

export interface PriceBounds {
  readonly low: Dec;
  readonly high: Dec;
  /** Limit price of a limit or stop-limit fill, else null. */
  readonly limit: Dec | null;
  readonly tick: Dec | null;
}

/** A fill price and the unclamped moves that made it, to split the cost between them. */
export interface Priced {
  readonly price: Dec;
  /** The adjusted price was outside [low, high] and clampToBar moved it in. */
  readonly clamped: boolean;
  /** The adjusted price before the clamp, limit cap and tick. */
  readonly unclamped: Dec;
  readonly slippageMove: Dec;
  readonly impactMove: Dec;
}

/** Slippage of a model in bps and per unit at a bar (halfSpread reads the bar's spread). */
export function slippageTerms(model: SlippageModel, barSpread: () => number): { bps: Dec; perUnit: Dec } {
  switch (model.model) {
    case "fixedBps":
      return { bps: dec(model.bps), perUnit: ZERO };
    case "perShare":
      return { bps: ZERO, perUnit: dec(model.amount) };
    case "halfSpread":
      // SPEC 12: bps is the half spread itself; without it, half the bar's relative spread.
      return { bps: model.bps === null ? dec(barSpread()).mul(BPS).div(2) : dec(model.bps), perUnit: ZERO };
    default:
      return unreachable(model);
  }
}

/**
 * slipOpen false (Backtrader's slip_open=False: `_try_exec_market` and the gap branches of
 * `_try_exec_limit`/`_try_exec_stop` pass `doslip=slip_open`): no slippage on a market order's
 * fill, nor on a fill whose base is the bar's open. Impact is not slippage and still applies.
 */
export function slips(slipOpen: boolean, market: boolean, basePrice: Dec, open: Dec): boolean {
  return slipOpen || (!market && !basePrice.eq(open));
}

/**
 * slipMatch false (Backtrader's slip_match=False: `_slip_up`/`_slip_down` return None): the
 * slipped price (base and the slippage terms, before impact) passes the bar's high for a buy or
 * its low for a sale, or a limit or stop-limit order's limit, so the order is not matched on this
 * bar. Limit orders are held only under slipLimit false and never when they fill at the limit
 * itself inside the bar (Backtrader matches those at the limit, unslipped).
 */
export function heldBySlippage(
  config: { readonly slipMatch: boolean; readonly slipLimit: boolean },
  side: 1 | -1,
  basePrice: Dec,
  terms: { readonly bps: Dec; readonly perUnit: Dec },
  bar: { readonly open: Dec; readonly high: Dec; readonly low: Dec },
  limit: Dec | null,
): boolean {
  if (config.slipMatch) return false;
  if (limit !== null && (config.slipLimit || (basePrice.eq(limit) && !basePrice.eq(bar.open)))) return false;
  const move = basePrice.mul(terms.bps).div(BPS).add(terms.perUnit);
  if (side > 0) {
    const bound = limit === null ? bar.high : minDec(bar.high, limit);
    return basePrice.add(move).gt(bound);
  }
  const bound = limit === null ? bar.low : maxDec(bar.low, limit);
  return basePrice.sub(move).lt(bound);
}

/** base x (1 + side x (slippageBps + impactBps) / 1e4) + side x perUnit, then clamp, limit cap, tick. */
export function adjustedPrice(
  base: Dec,
  side: 1 | -1,
  slippageBps: Dec,
  impactBps: Dec,
  perUnit: Dec,
  clampToBar: boolean,
  bounds: PriceBounds,
): Priced {
  // Impact bps may come from a root or a power: its move is rounded to SCALE places, so prices
  // (and every sum of them) stay terminating decimals.
  const slippageMove = base.mul(slippageBps).div(BPS).add(perUnit);
  const impactMove = settle(base.mul(impactBps).div(BPS));
  const unclamped =
    side > 0 ? base.add(slippageMove).add(impactMove) : base.sub(slippageMove).sub(impactMove);
  let price = unclamped;
  const clamped = clampToBar && (price.lt(bounds.low) || price.gt(bounds.high));
  if (clampToBar) price = minDec(maxDec(price, bounds.low), bounds.high);
  // assay's rule: without the clamp, a sale's price still never goes below 0 (nothing pays to sell).
  else if (price.lt(0)) price = ZERO;
  if (bounds.limit !== null) price = side > 0 ? minDec(price, bounds.limit) : maxDec(price, bounds.limit);
  if (bounds.tick !== null) price = roundToTick(price, side, bounds, clampToBar);
  return { price, clamped, unclamped, slippageMove, impactMove };
}

/**
 * SPEC 12: the actual move |fill - base| split between slippage and impact pro rata to their
 * unclamped moves, times |qty| x multiplier. A move with neither (tick rounding alone) is slippage.
 */
export function splitCosts(
  priced: Priced,
  base: Dec,
  absQty: Dec,
  multiplier: Dec,
): { slippageCost: Dec; impactCost: Dec } {
  const total = priced.price.sub(base).abs().mul(absQty).mul(multiplier);
  const moves = priced.slippageMove.add(priced.impactMove);
  if (moves.isZero()) return { slippageCost: total, impactCost: ZERO };
  const impactCost = total.mul(priced.impactMove).div(moves);
  return { slippageCost: total.sub(impactCost), impactCost };
}

/** Buys round up, sells down; the other way when that would leave the clamp or pass the limit. */
function roundToTick(price: Dec, side: 1 | -1, bounds: PriceBounds, clampToBar: boolean): Dec {
  const tick = bounds.tick as Dec;
  const steps = price.div(tick);
  const up = steps.ceil().mul(tick);
  const down = steps.floor().mul(tick);
  if (side > 0) {
    let ceiling: Dec | null = clampToBar ? bounds.high : null;
    if (bounds.limit !== null) ceiling = ceiling === null ? bounds.limit : minDec(ceiling, bounds.limit);
    return ceiling !== null && up.gt(ceiling) ? down : up;
  }
  let floor: Dec | null = clampToBar ? bounds.low : null;
  if (bounds.limit !== null) floor = floor === null ? bounds.limit : maxDec(floor, bounds.limit);
  return floor !== null && down.lt(floor) ? up : down;
}

/** What a fill record's commission depends on beyond its quantity and price. */
export interface RecordTerms {
  readonly multiplier: Dec;
  /** The order filled before this record (fixedPerOrder and percent's fixed are charged once per order). */
  readonly orderHadFill: boolean;
  /** The account's quantity traded earlier in the calendar month (tiered). */
  readonly monthQtyBefore: Dec;
}

/**
 * Commission of one fill record of |qty| absQty at price (SPEC 5, 12). A leg is charged the
 * difference between the record with and without it, so a check sees the exact extra.
 */
export function recordCommission(model: CommissionModel, absQty: Dec, price: Dec, terms: RecordTerms): Dec {
  if (absQty.isZero()) return ZERO;
  switch (model.model) {
    case "percent": {
      const fixed = terms.orderHadFill ? ZERO : dec(model.fixed);
      return absQty.mul(price).mul(terms.multiplier).mul(dec(model.rate)).add(fixed);
    }
    case "perShare": {
      const raw = maxDec(absQty.mul(dec(model.rate)), dec(model.min));
      return model.max === null ? raw : minDec(raw, dec(model.max));
    }
    case "perContract":
      return absQty.mul(dec(model.rate));
    case "fixedPerOrder":
      return terms.orderHadFill ? ZERO : dec(model.amount);
    case "tiered": {
      const band = model.bands.find((b) => b.upTo === null || dec(b.upTo).gt(terms.monthQtyBefore));
      return absQty.mul(dec((band ?? model.bands[model.bands.length - 1]).rate));
    }
    default:
      return unreachable(model);
  }
}
