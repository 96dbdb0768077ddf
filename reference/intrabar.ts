// SPEC 4.3 and 12: resting limit, stop and stop-limit orders against one bar, along the assumed
// intrabar path (nearer-first: open -> the extreme nearer the open -> the other extreme -> close;
// the high first on a tie). A position on the path is a "time" in [0, 3]: segment + fraction.
import type { IntrabarPath } from "../src/model/index.ts";
import { type Dec, ZERO } from "./decimal.ts";

export interface BarPrices {
  readonly open: Dec;
  readonly high: Dec;
  readonly low: Dec;
  readonly close: Dec;
}

/** What a resting order does on a bar. */
export type RestingOutcome =
  | { readonly kind: "none" }
  /** Fills at basePrice (before costs); `time` orders the triggers of one asset. */
  | { readonly kind: "fill"; readonly time: Dec; readonly basePrice: Dec }
  /** A stop-limit whose stop triggered but whose limit was not reached: a limit from the next bar. */
  | { readonly kind: "becameLimit"; readonly time: Dec };

export interface RestingOrder {
  readonly mode: "limit" | "stop" | "stop-limit";
  readonly side: 1 | -1;
  readonly limitPrice: Dec | null;
  readonly stopPrice: Dec | null;
}

const NONE: RestingOutcome = { kind: "none" };

/**
 * The assumed path of one asset's bar. "pessimistic" and "optimistic" are judged on the asset's
 * position at the start of the intrabar step (long: the low first is pessimistic; short: the high
 * first); a flat asset, and "nearer-first", go to the extreme nearer the open (the high on a tie).
 */
export function intrabarPath(bar: BarPrices, policy: IntrabarPath, position: Dec): Dec[] {
  let highFirst = bar.high.sub(bar.open).lte(bar.open.sub(bar.low));
  if (policy !== "nearer-first" && !position.isZero()) {
    const lowFirstHurts = position.gt(0);
    highFirst = policy === "pessimistic" ? !lowFirstHurts : lowFirstHurts;
  }
  return highFirst ? [bar.open, bar.high, bar.low, bar.close] : [bar.open, bar.low, bar.high, bar.close];
}

export function evaluateResting(order: RestingOrder, path: readonly Dec[]): RestingOutcome {
  // A buy limit and a sell stop wait for the price to come down to their level; the others up.
  const limitDir = order.side > 0 ? -1 : 1;
  const stopDir = -limitDir as 1 | -1;
  switch (order.mode) {
    case "limit":
      return reachOutcome(path, order.limitPrice as Dec, limitDir, ZERO);
    case "stop":
      return reachOutcome(path, order.stopPrice as Dec, stopDir, ZERO);
    case "stop-limit": {
      const trigger = firstReach(path, order.stopPrice as Dec, stopDir, ZERO);
      if (trigger === null) return NONE;
      const limit = order.limitPrice as Dec;
      const triggerPrice = trigger.time.isZero() ? path[0] : (order.stopPrice as Dec);
      const withinLimit = order.side > 0 ? triggerPrice.lte(limit) : triggerPrice.gte(limit);
      if (withinLimit) return { kind: "fill", time: trigger.time, basePrice: triggerPrice };
      const later = firstReach(path, limit, limitDir, trigger.time);
      return later === null
        ? { kind: "becameLimit", time: trigger.time }
        : { kind: "fill", time: later.time, basePrice: limit };
    }
  }
}

/**
 * SPEC 12: a stop-limit whose fill (or not) hangs on which extreme comes first: on the path with
 * the high first it fills and with the low first it does not, or the other way round. (Its stop
 * triggers on both, as both visit both extremes; at the trigger price within the limit it fills
 * there on both.)
 */
export function fillDependsOnPath(order: RestingOrder, bar: BarPrices): boolean {
  if (order.mode !== "stop-limit") return false;
  const highFirst = evaluateResting(order, [bar.open, bar.high, bar.low, bar.close]);
  const lowFirst = evaluateResting(order, [bar.open, bar.low, bar.high, bar.close]);
  return (highFirst.kind === "fill") !== (lowFirst.kind === "fill");
}

/** Fills at the open when the open is already through the level (a gap), else at the level. */
function reachOutcome(path: readonly Dec[], level: Dec, dir: 1 | -1, from: Dec): RestingOutcome {
  const reach = firstReach(path, level, dir, from);
  if (reach === null) return NONE;
  return { kind: "fill", time: reach.time, basePrice: reach.time.isZero() ? path[0] : level };
}

/** First time at or after `from` when the price is >= level (dir +1) or <= level (dir -1). */
export function firstReach(path: readonly Dec[], level: Dec, dir: 1 | -1, from: Dec): { time: Dec } | null {
  const through = (price: Dec) => (dir > 0 ? price.gte(level) : price.lte(level));
  const startSegment = Math.min(from.floor().toNumber(), path.length - 2);
  for (let segment = startSegment; segment < path.length - 1; segment++) {
    const a = path[segment];
    const b = path[segment + 1];
    const startTime = segment === startSegment ? from : ZERO.add(segment);
    const startPrice = segment === startSegment ? priceAt(path, from) : a;
    if (through(startPrice)) return { time: startTime };
    if (through(b)) {
      const fraction = level.sub(a).div(b.sub(a));
      return { time: fraction.add(segment) };
    }
  }
  return null;
}

function priceAt(path: readonly Dec[], time: Dec): Dec {
  const segment = Math.min(time.floor().toNumber(), path.length - 2);
  const a = path[segment];
  return a.add(path[segment + 1].sub(a).mul(time.sub(segment)));
}
