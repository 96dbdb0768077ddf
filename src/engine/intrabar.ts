// SPEC 4.3 and 12: resting orders against one bar along the assumed path (open -> first extreme
// -> other extreme -> close); a position on the path is a time in [0, 3] (segment + fraction).
import type { IntrabarPath } from "../model/index.ts";
import { atLeast, beyond } from "./numeric.ts";
import { LIMIT, STOP, STOP_LIMIT } from "./working.ts";

/** What a resting order does on a bar: NONE, FILL (at basePrice, at time) or BECAME_LIMIT. */
export const NONE = 0;
export const FILL = 1;
export const BECAME_LIMIT = 2;

export class Trigger {
  outcome = NONE;
  time = 0;
  basePrice = 0;
}

/** The path's four points into `path`, by policy and the position held at the start of the step. */
export function setPath(
  path: Float64Array,
  open: number,
  high: number,
  low: number,
  close: number,
  policy: IntrabarPath,
  position: number,
): void {
  // An exact tie (the high as near as the low) goes high first; float subtraction must not
  // break it (1.16 - 1.14 > 1.14 - 1.12 in float), so the distances compare under the tie rule.
  let highFirst = !beyond(high - open, open - low, open);
  if (policy !== "nearer-first" && position !== 0) {
    const longHurtByLow = position > 0;
    highFirst = policy === "pessimistic" ? !longHurtByLow : longHurtByLow;
  }
  path[0] = open;
  path[1] = highFirst ? high : low;
  path[2] = highFirst ? low : high;
  path[3] = close;
}

export function evaluate(
  out: Trigger,
  mode: number,
  side: number,
  limit: number,
  stop: number,
  path: Float64Array,
): Trigger {
  // A buy limit and a sell stop wait for the price to come down to their level; the others up.
  const limitDir = side > 0 ? -1 : 1;
  out.outcome = NONE;
  if (mode === LIMIT || mode === STOP) {
    const level = mode === LIMIT ? limit : stop;
    const time = firstReach(path, level, mode === LIMIT ? limitDir : -limitDir, 0);
    if (time >= 0) {
      out.outcome = FILL;
      out.time = time;
      out.basePrice = time === 0 ? path[0] : level;
    }
    return out;
  }
  if (mode !== STOP_LIMIT) return out;
  const triggered = firstReach(path, stop, -limitDir, 0);
  if (triggered < 0) return out;
  const triggerPrice = triggered === 0 ? path[0] : stop;
  const withinLimit = side > 0 ? triggerPrice <= limit : triggerPrice >= limit;
  out.time = triggered;
  if (withinLimit) {
    out.outcome = FILL;
    out.basePrice = triggerPrice;
    return out;
  }
  const later = firstReach(path, limit, limitDir, triggered);
  if (later < 0) {
    out.outcome = BECAME_LIMIT;
    return out;
  }
  out.outcome = FILL;
  out.time = later;
  out.basePrice = limit;
  return out;
}

/**
 * SPEC 12: whether a triggered stop-limit's fill (or not) hangs on which extreme comes first:
 * evaluated on `path` with its two extremes swapped it fills where it did not, or the other way
 * round. `path` is restored; `scratch` receives the swapped outcome.
 */
export function fillDependsOnPath(
  scratch: Trigger,
  filled: boolean,
  side: number,
  limit: number,
  stop: number,
  path: Float64Array,
): boolean {
  const first = path[1];
  path[1] = path[2];
  path[2] = first;
  evaluate(scratch, STOP_LIMIT, side, limit, stop, path);
  path[2] = path[1];
  path[1] = first;
  return (scratch.outcome === FILL) !== filled;
}

/** First time at or after `from` when the price is >= level (dir +1) or <= level (dir -1); -1 if never. */
function firstReach(path: Float64Array, level: number, dir: number, from: number): number {
  const startSegment = Math.min(Math.floor(from), 2);
  for (let segment = startSegment; segment < 3; segment++) {
    const a = path[segment];
    const b = path[segment + 1];
    const startPrice = segment === startSegment ? a + (b - a) * (from - segment) : a;
    if (reaches(startPrice, level, dir)) return segment === startSegment ? from : segment;
    if (reaches(b, level, dir)) return segment + (level - a) / (b - a);
  }
  return -1;
}

/** The price is at or through the level in direction dir, under the tie rule (interpolated prices carry float error). */
function reaches(price: number, level: number, dir: number): boolean {
  return dir > 0 ? atLeast(price, level, level) : atLeast(level, price, level);
}
