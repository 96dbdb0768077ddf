// The seed's study as a strategy: at each close, rank assets by a signal (descending, ties by
// symbol), hold +targetValue of the top `longs` and -targetValue of the bottom `shorts`, and
// close everything else. Orders are target values (SPEC 6.4), sent in symbol order.
import type { BarContext, Strategy } from "../model/index.ts";
import { symbolOrder } from "./declarative.ts";

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
  let bySymbol: number[] | null = null;
  let ranked: number[] = [];
  const targets: number[] = [];
  return {
    name: `rank-long-short(${typeof options.signal === "string" ? options.signal : options.signal.name}, ${options.longs}/${options.shorts} x ${options.targetValue})`,
    onBar(ctx: BarContext) {
      // No decision on the last bar: its orders could never fill.
      if (ctx.t === ctx.bars - 1) return;
      const n = ctx.symbols.length;
      if (bySymbol === null) {
        bySymbol = symbolOrder(ctx.symbols);
        ranked = bySymbol.slice();
      }
      const { signal } = options;
      const score =
        typeof signal === "string"
          ? (asset: number) => ctx.extra(signal, asset)
          : (asset: number) => signal(ctx, asset);
      const ranks = ranked.filter((asset) => !Number.isNaN(score(asset)));
      ranks.sort((a, b) => score(b) - score(a) || (ctx.symbols[a] < ctx.symbols[b] ? -1 : 1));
      targets.length = n;
      targets.fill(0);
      ranks.slice(0, options.longs).forEach((asset) => {
        targets[asset] = options.targetValue;
      });
      ranks.slice(Math.max(options.longs, ranks.length - options.shorts)).forEach((asset) => {
        targets[asset] = -options.targetValue;
      });
      for (const asset of bySymbol) {
        if (targets[asset] === 0 && ctx.account.position(asset) === 0) continue;
        ctx.submit({ asset: ctx.symbols[asset], sizeType: "targetValue", size: targets[asset] });
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
