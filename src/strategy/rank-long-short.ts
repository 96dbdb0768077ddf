// The seed's study as a strategy: at each close, rank assets by a signal (descending, ties by
// symbol), hold +targetValue of the top `longs` and -targetValue of the bottom `shorts`, and
// close everything else. Orders are target values (SPEC 6.4), sent as one row in symbol order.
import type { BarContext, MarketTerms, Strategy } from "../model/index.ts";
import { symbolOrder } from "./declarative.ts";
import { kthLargest } from "./select.ts";

const TARGET_VALUE: MarketTerms = Object.freeze({ sizeType: "targetValue" });

/** A causal score of an asset at the decision bar (higher ranks first); NaN leaves it unranked. */
export type Signal = (ctx: BarContext, asset: number) => number;

export interface RankLongShortOptions {
  /** A panel extra column (known at the close: no look-ahead), or a causal score. */
  readonly signal: string | Signal;
  readonly longs: number;
  readonly shorts: number;
  /** Money per position (positive); shorts get its negative. */
  readonly targetValue: number;
}

export function rankLongShort(options: RankLongShortOptions): Strategy {
  const { signal, longs, shorts, targetValue } = options;
  const name = typeof signal === "string" ? signal : signal.name;
  let rank: Ranking | null = null;
  return {
    name: `rank-long-short(${name}, ${longs}/${shorts} x ${targetValue})`,
    onBar(ctx: BarContext) {
      // No decision on the last bar: its orders could never fill.
      if (ctx.t === ctx.bars - 1) return;
      if (rank?.bySymbol.length !== ctx.symbols.length) rank = new Ranking(ctx.symbols);
      const { bySymbol, ranked, scores, negated, targets } = rank;
      // The ranked assets (score not NaN) in symbol order, with their scores.
      let count = 0;
      const column = typeof signal === "string" ? ctx.row(signal) : null;
      for (let k = 0; k < bySymbol.length; k++) {
        const asset = bySymbol[k];
        const score = column !== null ? column[asset] : (signal as Signal)(ctx, asset);
        if (Number.isNaN(score)) continue;
        ranked[count] = asset;
        negated[count] = -score;
        scores[count++] = score;
      }
      targets.fill(0);
      const longCount = Math.min(longs, count);
      const shortCount = Math.min(shorts, count - longCount);
      rank.pick(count, longCount, scores, false, targetValue);
      rank.pick(count, shortCount, negated, true, -targetValue);
      // Nothing to send for an asset neither held nor picked (NaN: not even a target of 0,
      // which an asset with no close yet would have refused).
      const account = ctx.account;
      for (let asset = 0; asset < targets.length; asset++)
        if (targets[asset] === 0 && account.position(asset) === 0) targets[asset] = Number.NaN;
      ctx.submitRow(targets, 0, TARGET_VALUE);
    },
  };
}

/** One run's ranking buffers, for its symbols: made once, reused every bar. */
class Ranking {
  readonly bySymbol: Int32Array;
  /** The ranked assets' columns, and their scores and negated scores, in symbol order. */
  readonly ranked: Int32Array;
  readonly scores: Float64Array;
  readonly negated: Float64Array;
  /** The row sent: per column, +targetValue, -targetValue, 0 (close) or NaN (nothing). */
  readonly targets: Float64Array;
  private readonly scratch: Float64Array;

  constructor(symbols: readonly string[]) {
    const n = symbols.length;
    this.bySymbol = Int32Array.from(symbolOrder(symbols));
    this.ranked = new Int32Array(n);
    this.scores = new Float64Array(n);
    this.negated = new Float64Array(n);
    this.targets = new Float64Array(n);
    this.scratch = new Float64Array(n);
  }

  /**
   * Sets targets to `value` for the k highest of the first `count` `values` (the scores: the top k
   * of the order score descending, symbol ascending; or their negatives: its bottom k). Ties at
   * the threshold go by symbol, from the end for the bottom.
   */
  pick(count: number, k: number, values: Float64Array, fromEnd: boolean, value: number): void {
    if (k === 0) return;
    const threshold = kthLargest(values, count, k, this.scratch);
    let taken = 0;
    for (let i = 0; i < count; i++)
      if (values[i] > threshold) {
        this.targets[this.ranked[i]] = value;
        taken++;
      }
    for (let step = 0; step < count && taken < k; step++) {
      const i = fromEnd ? count - 1 - step : step;
      if (values[i] === threshold) {
        this.targets[this.ranked[i]] = value;
        taken++;
      }
    }
  }
}

/** Log return of the close over `lookback` bars; NaN while either close is missing. */
export function momentum(lookback: number): Signal {
  const signal: Signal = (ctx, asset) =>
    Math.log(ctx.bar("close", asset) / ctx.bar("close", asset, lookback));
  return Object.defineProperty(signal, "name", { value: `momentum:${lookback}` });
}
