// The benchmark's strategies. Each is created per run (no state leaks between runs) and reuses
// its arrays from bar to bar: the only per-bar allocations are the order requests themselves.
import type { BarContext, Panel, Strategy } from "../src/model/index.ts";

export interface MomentumLongShortOptions {
  /** Bars of the momentum signal: close(t) / close(t - lookback). */
  readonly lookback: number;
  readonly longs: number;
  readonly shorts: number;
  /** Fraction of equity per position (positive); shorts get its negative. */
  readonly weight: number;
}

/**
 * Daily target-weight rebalance: at each close (from bar `lookback` on, none on the last bar) rank
 * the assets by momentum (descending, ties by column), hold +weight of the top `longs` and -weight
 * of the bottom `shorts` via targetPercent orders, and close every other position.
 */
export function momentumLongShort(options: MomentumLongShortOptions): Strategy {
  const { lookback, weight } = options;
  let ranker: MomentumRanker | null = null;
  return {
    name: `momentum-long-short(${lookback}, ${options.longs}/${options.shorts} x ${weight})`,
    onBar(ctx: BarContext) {
      if (ctx.t < lookback || ctx.t === ctx.bars - 1) return;
      const n = ctx.symbols.length;
      if (ranker === null || ranker.assets !== n) ranker = new MomentumRanker(n, options);
      const side = ranker.sides(ctx.row("close"), ctx.row("close", lookback));
      for (let a = 0; a < n; a++) {
        if (side[a] !== 0)
          ctx.submit({ asset: ctx.symbols[a], sizeType: "targetPercent", size: side[a] * weight });
        else if (ctx.account.position(a) !== 0)
          ctx.submit({ asset: ctx.symbols[a], sizeType: "targetPercent", size: 0 });
      }
    },
  };
}

/**
 * momentumLongShort's decisions as fromTargets weights, T x N, computed up front from the
 * panel's closes: a ranked asset's ±weight, 0 for every other (a target of 0 when flat sends no
 * order, so the records are the event-driven strategy's), NaN rows where it does not trade.
 */
export function momentumTargets(panel: Panel, options: MomentumLongShortOptions): Float64Array {
  const n = panel.symbols.length;
  const bars = panel.times.length;
  const weights = new Float64Array(bars * n).fill(Number.NaN);
  const ranker = new MomentumRanker(n, options);
  for (let t = options.lookback; t < bars - 1; t++) {
    const row = (lag: number) => panel.close.subarray((t - lag) * n, (t - lag + 1) * n);
    const side = ranker.sides(row(0), row(options.lookback));
    for (let a = 0; a < n; a++) weights[t * n + a] = side[a] * options.weight;
  }
  return weights;
}

/** The momentum ranking of one bar, in arrays reused from bar to bar. */
class MomentumRanker {
  private readonly score: Float64Array;
  private readonly side: Int8Array;
  private readonly best: Int32Array;
  private readonly worst: Int32Array;

  constructor(
    readonly assets: number,
    private readonly options: MomentumLongShortOptions,
  ) {
    this.score = new Float64Array(assets);
    this.side = new Int8Array(assets);
    this.best = new Int32Array(Math.min(options.longs, assets));
    this.worst = new Int32Array(Math.min(options.shorts, assets));
  }

  /** Per asset +1 (long), -1 (short) or 0, from closes now and `lookback` bars before. */
  sides(now: Float64Array, then: Float64Array): Int8Array {
    const { score, side, best, worst, options } = this;
    let valid = 0;
    for (let a = 0; a < this.assets; a++) {
      const s = now[a] / then[a];
      score[a] = s;
      if (!Number.isNaN(s)) valid++;
    }
    side.fill(0);
    const longs = topK(score, best, Math.min(options.longs, valid), 1, side);
    for (let k = 0; k < longs; k++) side[best[k]] = 1;
    const shorts = topK(score, worst, Math.min(options.shorts, valid - longs), -1, side);
    for (let k = 0; k < shorts; k++) side[worst[k]] = -1;
    return side;
  }
}

/** a ranks before b: higher direction * score, ties by lower column. */
function before(score: Float64Array, dir: 1 | -1, a: number, b: number): boolean {
  const x = dir * score[a];
  const y = dir * score[b];
  return x > y || (x === y && a < b);
}

/**
 * The k assets ranked first by direction * score (descending, ties by lower column; NaN scores
 * and assets with skip[a] !== 0 left out), into heap[0..k) in no particular order; returns
 * how many were found. A bounded heap whose root is the worst kept asset: one comparison per asset
 * for most assets, in place, no allocation.
 */
export function topK(score: Float64Array, heap: Int32Array, k: number, dir: 1 | -1, skip: Int8Array): number {
  if (k <= 0) return 0;
  let size = 0;
  for (let a = 0; a < score.length; a++) {
    if (skip[a] !== 0 || Number.isNaN(score[a])) continue;
    if (size < k) {
      // sift up: the parent must rank after (be worse than) its children
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(score, dir, heap[parent], a)) break;
        heap[i] = heap[parent];
        i = parent;
      }
      heap[i] = a;
    } else if (before(score, dir, a, heap[0])) {
      // replace the root (worst kept) and sift down
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= size) break;
        const right = left + 1;
        const worse = right < size && before(score, dir, heap[left], heap[right]) ? right : left;
        if (!before(score, dir, a, heap[worse])) break;
        heap[i] = heap[worse];
        i = worse;
      }
      heap[i] = a;
    }
  }
  return size;
}

export interface SparseOrdersOptions {
  /** An order round every `every` bars (from bar 0, none on the last bar). */
  readonly every: number;
  /** Number of assets traded per round, spread evenly across the columns. */
  readonly assets: number;
  readonly units: number;
}

/** Every `every` bars, alternately buys `units` of a few assets and closes them (targetUnits). */
export function sparseOrders(options: SparseOrdersOptions): Strategy {
  return {
    name: `sparse-orders(every ${options.every}, ${options.assets} assets x ${options.units})`,
    onBar(ctx: BarContext) {
      if (ctx.t % options.every !== 0 || ctx.t === ctx.bars - 1) return;
      const n = ctx.symbols.length;
      const count = Math.min(options.assets, n);
      const size = (ctx.t / options.every) % 2 === 0 ? options.units : 0;
      for (let k = 0; k < count; k++) {
        const asset = Math.floor((k * n) / count);
        ctx.submit({ asset: ctx.symbols[asset], sizeType: "targetUnits", size });
      }
    },
  };
}

/** Never trades: the engine's cost per bar with no orders. */
export function noOrders(): Strategy {
  return { name: "no-orders", onBar() {} };
}
