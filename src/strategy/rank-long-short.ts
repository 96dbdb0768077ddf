// The seed's study as a strategy: at each close, rank assets by a signal (descending, ties by
// symbol), hold +targetValue of the top `longs` and -targetValue of the bottom `shorts`, and
// close everything else. Orders are target values (SPEC 6.4), sent in symbol order.
import type { BarContext, Strategy } from "../model/index.ts";
import { symbolOrder } from "./declarative.ts";

export interface RankLongShortOptions {
  /** Name of the panel's extra column to rank by (known at the close: no look-ahead). */
  readonly signal: string;
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
    name: `rank-long-short(${options.signal}, ${options.longs}/${options.shorts} x ${options.targetValue})`,
    onBar(ctx: BarContext) {
      // No decision on the last bar: its orders could never fill.
      if (ctx.t === ctx.bars - 1) return;
      const n = ctx.symbols.length;
      if (bySymbol === null) {
        bySymbol = symbolOrder(ctx.symbols);
        ranked = bySymbol.slice();
      }
      const score = (asset: number) => ctx.extra(options.signal, asset);
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
