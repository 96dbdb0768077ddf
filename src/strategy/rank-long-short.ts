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
  let bySymbol: readonly number[] = [];
  let scores = new Float64Array(0);
  let negated = new Float64Array(0);
  let scratch = new Float64Array(0);
  let ranked = new Int32Array(0);
  let targets = new Float64Array(0);
  const { signal, longs, shorts, targetValue } = options;
  const name = typeof signal === "string" ? signal : signal.name;
  return {
    name: `rank-long-short(${name}, ${longs}/${shorts} x ${targetValue})`,
    onBar(ctx: BarContext) {
      // No decision on the last bar: its orders could never fill.
      if (ctx.t === ctx.bars - 1) return;
      const n = ctx.symbols.length;
      if (bySymbol.length !== n) {
        bySymbol = symbolOrder(ctx.symbols);
        scores = new Float64Array(n);
        negated = new Float64Array(n);
        scratch = new Float64Array(n);
        ranked = new Int32Array(n);
        targets = new Float64Array(n);
      }
      // The ranked assets (score not NaN) in symbol order, with their scores.
      let count = 0;
      const column = typeof signal === "string" ? ctx.row(signal) : null;
      for (const asset of bySymbol) {
        const score = column !== null ? column[asset] : (signal as Signal)(ctx, asset);
        if (Number.isNaN(score)) continue;
        ranked[count] = asset;
        negated[count] = -score;
        scores[count++] = score;
      }
      targets.fill(0);
      const longCount = Math.min(longs, count);
      const shortCount = Math.min(shorts, count - longCount);
      pick(longCount, scores, false, targetValue);
      pick(shortCount, negated, true, -targetValue);
      // Nothing to send for an asset neither held nor picked (NaN: not even a target of 0,
      // which an asset with no close yet would have refused).
      const account = ctx.account;
      for (let asset = 0; asset < n; asset++)
        if (targets[asset] === 0 && account.position(asset) === 0) targets[asset] = Number.NaN;
      ctx.submitRow(targets, 0, TARGET_VALUE);

      /**
       * The k highest of `values` (the scores: the top k of the order score descending, symbol
       * ascending; or their negatives: its bottom k). Ties at the threshold go by symbol, from the
       * end for the bottom.
       */
      function pick(k: number, values: Float64Array, fromEnd: boolean, value: number): void {
        if (k === 0) return;
        const threshold = kthLargest(values, count, k, scratch);
        let taken = 0;
        for (let i = 0; i < count; i++)
          if (values[i] > threshold) {
            targets[ranked[i]] = value;
            taken++;
          }
        for (let step = 0; step < count && taken < k; step++) {
          const i = fromEnd ? count - 1 - step : step;
          if (values[i] === threshold) {
            targets[ranked[i]] = value;
            taken++;
          }
        }
      }
    },
  };
}

/** Log return of the close over `lookback` bars; NaN while either close is missing. */
export function momentum(lookback: number): Signal {
  const signal: Signal = (ctx, asset) =>
    Math.log(ctx.bar("close", asset) / ctx.bar("close", asset, lookback));
  return Object.defineProperty(signal, "name", { value: `momentum:${lookback}` });
}
