// SPEC 5: the price of a fill (slippage, clamp to the bar, limit cap, tick rounding) and the
// commission of a fill record.
import { type CommissionModel, type SlippageModel, unreachable } from "../src/model/index.ts";
import { BPS, type Dec, dec, maxDec, minDec, ZERO } from "./decimal.ts";

export interface PriceBounds {
  readonly low: Dec;
  readonly high: Dec;
  /** Limit price of a limit or stop-limit fill, else null. */
  readonly limit: Dec | null;
  readonly tick: Dec | null;
}

export function adjustedPrice(
  slippage: SlippageModel,
  clampToBar: boolean,
  base: Dec,
  side: 1 | -1,
  bounds: PriceBounds,
): Dec {
  let price = slip(slippage, base, side);
  if (clampToBar) price = minDec(maxDec(price, bounds.low), bounds.high);
  if (bounds.limit !== null) price = side > 0 ? minDec(price, bounds.limit) : maxDec(price, bounds.limit);
  return bounds.tick === null ? price : roundToTick(price, side, bounds, clampToBar);
}

function slip(slippage: SlippageModel, base: Dec, side: 1 | -1): Dec {
  switch (slippage.model) {
    case "fixedBps":
      return base.mul(dec(slippage.bps).mul(side).div(BPS).add(1));
    case "perShare":
      return base.add(dec(slippage.amount).mul(side));
    default:
      return unreachable(slippage);
  }
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

/**
 * Commission of one fill record of |qty| absQty at price (SPEC 5, 12): percent of notional,
 * per share with min and max per record, or a fixed amount at the order's first fill. A leg is
 * charged the difference between the record with and without it, so checks see the exact extra.
 */
export function recordCommission(
  model: CommissionModel,
  absQty: Dec,
  price: Dec,
  multiplier: Dec,
  orderHadFill: boolean,
): Dec {
  if (absQty.isZero()) return ZERO;
  switch (model.model) {
    case "percent":
      return absQty.mul(price).mul(multiplier).mul(dec(model.rate));
    case "perShare": {
      const raw = maxDec(absQty.mul(dec(model.rate)), dec(model.min));
      return model.max === null ? raw : minDec(raw, dec(model.max));
    }
    case "fixedPerOrder":
      return orderHadFill ? ZERO : dec(model.amount);
    default:
      return unreachable(model);
  }
}
