// Look-ahead detection: the panel with every bar after t replaced, so that a decision at or before
// t that read a later bar sees other values. The new path is seeded and plausible: each
// close-to-close move goes against the real one (up where the real close fell, down where it rose)
// by a size drawn from the asset's own moves up to t, with an open gap and wicks of the same
// scale. Bars stay valid (SPEC 1: low <= min(open, close), high >= max(open, close), on the tick
// grid, volume > 0), missing bars stay missing, and every present price, volume and extra value
// after t differs from the original one.
import { gaussian, mulberry32 } from "../data/random.ts";
import { gridDivisor, onGrid } from "../engine/numeric.ts";
import type { Panel } from "../model/index.ts";

/** A move's size when the asset has no move up to t (its first bars, or listed after t): 1%. */
const DEFAULT_MOVE = 0.01;

/**
 * `panel` with bars t+1.. replaced (a copy; `panel` is not changed). tickSizes has one entry per
 * symbol (null: no grid). The same panel, t and seed give the same bars.
 */
export function perturbAfter(
  panel: Panel,
  t: number,
  tickSizes: readonly (number | null)[],
  seed: number,
): Panel {
  const n = panel.symbols.length;
  const bars = panel.times.length;
  const random = mulberry32((Math.imul(seed | 0, 0x9e3779b1) + t) | 0);
  const copy = (column: Float64Array) => column.slice();
  const out: Panel = {
    ...panel,
    open: copy(panel.open),
    high: copy(panel.high),
    low: copy(panel.low),
    close: copy(panel.close),
    volume: copy(panel.volume),
    extra: Object.fromEntries(Object.entries(panel.extra).map(([name, column]) => [name, copy(column)])),
  };
  for (let asset = 0; asset < n; asset++) {
    const at = (s: number) => s * n + asset;
    const path = pricePath(panel, asset, t, tickSizes[asset], random);
    const volumes = pastValues(panel.volume, asset, n, t).filter((v) => v > 0);
    for (let s = t + 1; s < bars; s++) {
      if (Number.isNaN(panel.close[at(s)])) continue; // a missing bar stays missing
      const bar = path.next(s);
      out.open[at(s)] = bar.open;
      out.high[at(s)] = bar.high;
      out.low[at(s)] = bar.low;
      out.close[at(s)] = bar.close;
      const volume = panel.volume[at(s)];
      out.volume[at(s)] = otherValue(volumes, volume, random) ?? Math.max(1, 2 * volume);
    }
    for (const [name, column] of Object.entries(panel.extra)) {
      const values = pastValues(column, asset, n, t);
      for (let s = t + 1; s < bars; s++) {
        const value = column[at(s)];
        if (Number.isNaN(value)) continue; // a missing value stays missing
        out.extra[name][at(s)] = otherValue(values, value, random) ?? value + Math.max(1, Math.abs(value));
      }
    }
  }
  return out;
}

interface Bar {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** The perturbed bars of one asset after t, made in bar order by next(s). */
function pricePath(panel: Panel, asset: number, t: number, tickSize: number | null, random: () => number) {
  const n = panel.symbols.length;
  const closes = pastValues(panel.close, asset, n, t);
  const moves: number[] = [];
  for (let k = 1; k < closes.length; k++) {
    const move = Math.abs(Math.log(closes[k] / closes[k - 1]));
    if (move > 0) moves.push(move);
  }
  const size = () => (moves.length === 0 ? DEFAULT_MOVE : moves[Math.floor(random() * moves.length)]);
  // Both paths start at the last close up to t (or, for an asset listed after t, its first close).
  let realClose = closes.at(-1) ?? firstPresentAfter(panel.close, asset, n, t);
  let close = realClose;
  const grid = tickSize === null ? null : { tick: tickSize, divisor: gridDivisor(tickSize) };
  return {
    next(s: number): Bar {
      const k = s * n + asset;
      const realMove = Math.log(panel.close[k] / realClose);
      realClose = panel.close[k];
      const side = realMove > 0 ? -1 : realMove < 0 ? 1 : random() < 0.5 ? -1 : 1;
      const open = close * Math.exp(0.25 * size() * gaussian(random));
      const nextClose = close * Math.exp(side * size());
      const high = Math.max(open, nextClose) * Math.exp(0.5 * size() * Math.abs(gaussian(random)));
      const low = Math.min(open, nextClose) * Math.exp(-0.5 * size() * Math.abs(gaussian(random)));
      const real: Bar = {
        open: panel.open[k],
        high: panel.high[k],
        low: panel.low[k],
        close: panel.close[k],
      };
      const bar =
        grid === null
          ? unlike({ open, high, low, close: nextClose }, real)
          : onTicks({ open, high, low, close: nextClose }, real, grid);
      close = bar.close;
      return bar;
    },
  };
}

/**
 * The bar in whole ticks (open and close rounded, high up, low down, every price at least one
 * tick), raised a tick at a time until no price equals the real bar's: each raise moves all four,
 * so each equals its real value at most once and four raises always suffice.
 */
function onTicks(raw: Bar, real: Bar, grid: { tick: number; divisor: number }): Bar {
  const ticks = (price: number, round: (x: number) => number) => Math.max(1, round(price / grid.tick));
  let open = ticks(raw.open, Math.round);
  let close = ticks(raw.close, Math.round);
  let high = Math.max(open, close, ticks(raw.high, Math.ceil));
  let low = Math.min(open, close, ticks(raw.low, Math.floor));
  const realTicks = [real.open, real.high, real.low, real.close].map((price) =>
    Math.round(price / grid.tick),
  );
  while ([open, high, low, close].some((count, k) => count === realTicks[k])) {
    open++;
    high++;
    low++;
    close++;
  }
  const price = (count: number) => onGrid(count, grid.tick, grid.divisor);
  return { open: price(open), high: price(high), low: price(low), close: price(close) };
}

/** Off a grid: the bar scaled up by 0.01% until no price equals the real bar's (at most four times, as above). */
function unlike(raw: Bar, real: Bar): Bar {
  let bar = raw;
  while (bar.open === real.open || bar.high === real.high || bar.low === real.low || bar.close === real.close)
    bar = {
      open: bar.open * 1.0001,
      high: bar.high * 1.0001,
      low: bar.low * 1.0001,
      close: bar.close * 1.0001,
    };
  return bar;
}

/** The asset's values at bars 0..t that are not NaN, in bar order. */
function pastValues(column: Float64Array, asset: number, n: number, t: number): number[] {
  const values: number[] = [];
  for (let s = 0; s <= t; s++) {
    const value = column[s * n + asset];
    if (!Number.isNaN(value)) values.push(value);
  }
  return values;
}

function firstPresentAfter(column: Float64Array, asset: number, n: number, t: number): number {
  for (let s = t + 1; s < column.length / n; s++) {
    const value = column[s * n + asset];
    if (!Number.isNaN(value)) return value;
  }
  return Number.NaN;
}

/** A value drawn from `pool` other than `value`, or null when the pool has none. */
function otherValue(pool: readonly number[], value: number, random: () => number): number | null {
  if (pool.length === 0) return null;
  const start = Math.floor(random() * pool.length);
  for (let k = 0; k < pool.length; k++) {
    const candidate = pool[(start + k) % pool.length];
    if (candidate !== value) return candidate;
  }
  return null;
}
