// How the fast engine keeps float64 from deciding differently from exact arithmetic.
// - Quantities are whole numbers of lots (exact integers); units are derived at the boundary.
// - Money thresholds (fits, margin call, bankruptcy, restore target, clamp and limit flags) use one
//   tie rule: two amounts within TIE x scale of each other are equal, and equality decides as the
//   exact rule does (>= fits; < is a call). Float error on these sums is ~1e-14 of the scale, so a
//   tie in exact arithmetic is a tie here; two amounts that really differ by less than 1e-13 of the
//   account's scale are the one case decided differently (documented in docs/semantics.md). 1e-12
//   was too wide: a generated short whose commission left equity 1.6e-5 below 0 (~1e-12 of the
//   scale) fit.
// - A quotient truncated to lots is nudged first by QTY_TIE of the magnitude of its operands, so
//   599.99999999999994 lots (an exact 600 seen through float) truncates to 600. Float error there is
//   ~1e-15 of the operands (a target minus a holding included); 1e-14 covers it without moving a
//   true fraction of 2 billion units across an integer.

export const TIE = 1e-13;
export const QTY_TIE = 1e-14;

/** a >= b, with a tie decided as equal. `scale` is the size of the amounts being compared. */
export function atLeast(a: number, b: number, scale: number): boolean {
  return a >= b - TIE * scale;
}

/** a > b beyond a tie. */
export function beyond(a: number, b: number, scale: number): boolean {
  return a > b + TIE * scale;
}

/**
 * Truncates a signed real number of lots toward 0 (SPEC 6.4), read through the tie rule;
 * `scale` is the magnitude, in lots, of the operands it was computed from (default: the value).
 * The nudge stays under half a lot, so a whole number of lots is itself at any size (1e15 lots
 * nudged by 1e-14 of themselves would gain 10).
 */
export function truncLots(lots: number, scale = Math.abs(lots)): number {
  return Math.trunc(lots + Math.sign(lots) * Math.min(0.5, Math.max(scale, Math.abs(lots)) * QTY_TIE));
}

/** Floors a non-negative real number of lots (volume caps, scaled legs), read through the tie rule. */
export function floorLots(lots: number): number {
  return Math.floor(lots + lots * QTY_TIE);
}

/**
 * Rounds a price to a tick grid: up for buys, down for sells, with on-grid prices left as they are.
 * On grid means within QTY_TIE (about 45 ulps) of a whole number of ticks: a fill price is a few
 * float operations away from an exact grid price, and an impact of 1e-13 of the price (a tiny order
 * on a deep bar) really does move it off the grid.
 */
export function tickSteps(price: number, tick: number, up: boolean): number {
  const steps = price / tick;
  const nearest = Math.round(steps);
  if (Math.abs(steps - nearest) <= QTY_TIE * Math.max(1, Math.abs(steps))) return nearest;
  return up ? Math.ceil(steps) : Math.floor(steps);
}

/** Off the tick grid beyond the tie rule (an on-grid price seen through float rounds both ways to one step). */
export function offGrid(price: number, tick: number): boolean {
  return tickSteps(price, tick, true) !== tickSteps(price, tick, false);
}

/**
 * How amounts are made from a count of grid steps (lots, ticks): exact for steps of 1 or more
 * (count x step), and for fractional steps whose reciprocal is a whole number (0.01, 0.25, 1e-8)
 * by dividing by that number, so 3 lots of 0.1 are 0.3 (not 0.30000000000000004) and 979 ticks of
 * 0.01 are 9.79 (not 9.790000000000001). Returns the divisor, or 0 to multiply.
 */
export function gridDivisor(step: number): number {
  if (step >= 1) return 0;
  const perUnit = Math.round(1 / step);
  return Math.abs(perUnit * step - 1) < 1e-15 ? perUnit : 0;
}

/** count grid steps of `step`, given gridDivisor(step). */
export function onGrid(count: number, step: number, divisor: number): number {
  return divisor === 0 ? count * step : count / divisor;
}
