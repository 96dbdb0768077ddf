// Built-in `futures-trend` (`assay run futures-trend --config examples/built-ins/futures-trend.json`):
// time-series momentum on futures. At each close, hold +contracts of an asset whose close is
// above its close `lookback` bars ago, -contracts of one below it (flat when equal), and trade
// only when that target differs from the position. Run it in a futures account: every instrument
// a "future" with its margins, as in futures-trend.json.
import type { BarContext, Strategy } from "../../src/model/index.ts";

export interface FuturesTrendParams {
  /** Bars of the return whose sign sets the side; default 20. */
  readonly lookback?: number;
  /** Contracts held per asset, long or short; default 1. */
  readonly contracts?: number;
}

export function futuresTrend({ lookback = 20, contracts = 1 }: FuturesTrendParams = {}): Strategy {
  if (!Number.isInteger(lookback) || lookback < 1)
    throw new Error(`futures-trend: lookback must be a whole number >= 1, got ${lookback}`);
  if (!Number.isInteger(contracts) || contracts < 1)
    throw new Error(`futures-trend: contracts must be a whole number >= 1, got ${contracts}`);
  return {
    name: `futures-trend(${lookback}, ${contracts} contracts)`,
    onBar(ctx: BarContext) {
      if (ctx.t === ctx.bars - 1) return; // its orders could never fill
      for (let asset = 0; asset < ctx.symbols.length; asset++) {
        const change = ctx.bar("close", asset) - ctx.bar("close", asset, lookback);
        if (Number.isNaN(change)) continue; // too early, or a missing bar: hold
        const target = Math.sign(change) * contracts;
        if (target !== ctx.account.position(asset))
          ctx.submit({ asset: ctx.symbols[asset], sizeType: "targetUnits", size: target });
      }
    },
  };
}
