// The README's "Your own strategy" example: `npm run assay -- run examples/own-strategy.ts
// --param lookback=10`. An event-driven strategy as a factory (params) => Strategy: its state
// (the entry bar of each position) lives in the closure, not in globals, so two runs never share it.
import type { BarContext, Strategy } from "../src/index.ts";

export interface BreakoutParams {
  /** Bars of the channel: buy when the close tops the highest close of the bars before it. */
  readonly lookback?: number;
  /** Bars to hold a position before closing it. */
  readonly holdBars?: number;
  /** Money per entry. */
  readonly value?: number;
}

export default function breakout({ lookback = 20, holdBars = 10, value = 50_000 }: BreakoutParams): Strategy {
  const enteredAt = new Map<number, number>();
  return {
    name: `breakout(${lookback}, hold ${holdBars})`,
    onBar(ctx: BarContext) {
      if (ctx.t < lookback || ctx.t === ctx.bars - 1) return;
      for (let asset = 0; asset < ctx.symbols.length; asset++) {
        const entered = enteredAt.get(asset);
        if (entered !== undefined) {
          if (ctx.t - entered >= holdBars) {
            ctx.submit({ asset: ctx.symbols[asset], sizeType: "targetUnits", size: 0 });
            enteredAt.delete(asset);
          }
        } else if (ctx.bar("close", asset) > highestClose(ctx, asset, lookback)) {
          ctx.submit({ asset: ctx.symbols[asset], sizeType: "value", size: value });
          enteredAt.set(asset, ctx.t);
        }
      }
    },
  };
}

/** The highest close of the `bars` bars before t (t itself excluded). */
function highestClose(ctx: BarContext, asset: number, bars: number): number {
  let highest = Number.NEGATIVE_INFINITY;
  for (let lag = 1; lag <= bars; lag++) highest = Math.max(highest, ctx.bar("close", asset, lag));
  return highest;
}
