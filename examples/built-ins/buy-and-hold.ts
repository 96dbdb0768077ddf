// Built-in `buy-and-hold` (`assay run buy-and-hold --param leverage=3`): at the first close, hold
// `leverage` x equity spread evenly over the assets (targetPercent leverage / N each), and never
// trade again. On a margin account, leverage 3 with initialRate 0.3 is the issue-13 example
// whose margin-call probability has a closed form (docs/stress.md).
import type { MarketTerms, Strategy } from "../../src/model/index.ts";

export interface BuyAndHoldParams {
  /** Gross exposure over equity at the first close (> 0); default 1. */
  readonly leverage?: number;
}

const TARGET_PERCENT: MarketTerms = Object.freeze({ sizeType: "targetPercent" });

export function buyAndHold({ leverage = 1 }: BuyAndHoldParams = {}): Strategy {
  if (!(Number.isFinite(leverage) && leverage > 0))
    throw new Error(`buy-and-hold: leverage must be a number > 0, got ${leverage}`);
  return {
    name: `buy-and-hold(${leverage}x)`,
    onBar(ctx) {
      if (ctx.t !== 0) return;
      const weight = leverage / ctx.symbols.length;
      for (let asset = 0; asset < ctx.symbols.length; asset++)
        ctx.submitMarket(asset, weight, TARGET_PERCENT);
    },
  };
}
