// Built-in `ma-crossover` (`assay run ma-crossover --param fast=10 --param slow=30`): long-only
// moving-average crossover, event-driven, its averages from the causal indicators. At the close
// where an asset's fast SMA crosses above its slow SMA, hold `weight` of equity in it; where it
// crosses back below, close it. Orders fill at the next open.
import type { BarContext, Strategy } from "../../src/model/index.ts";
import { indicator } from "../../src/strategy/indicators.ts";
import { perRun } from "../../src/strategy/per-run.ts";

export interface MaCrossoverParams {
  /** Bars of the fast average; default 10. */
  readonly fast?: number;
  /** Bars of the slow average (> fast); default 30. */
  readonly slow?: number;
  /** Fraction of equity per position; default 0.1. */
  readonly weight?: number;
}

export function maCrossover({ fast = 10, slow = 30, weight = 0.1 }: MaCrossoverParams = {}): Strategy {
  for (const [key, bars] of [
    ["fast", fast],
    ["slow", slow],
  ] as const)
    if (!Number.isInteger(bars) || bars < 1)
      throw new Error(`ma-crossover: ${key} must be a whole number >= 1, got ${bars}`);
  if (!(fast < slow)) throw new Error(`ma-crossover: fast must be < slow, got fast=${fast} slow=${slow}`);
  if (!(weight > 0 && weight <= 1)) throw new Error(`ma-crossover: weight must be in (0, 1], got ${weight}`);
  const fastMean = indicator("sma", { period: fast });
  const slowMean = indicator("sma", { period: slow });
  // Per asset: was the fast average above the slow one at the last bar both had a value?
  const wasAbove = perRun((ctx): (boolean | undefined)[] => new Array(ctx.symbols.length));
  return {
    name: `ma-crossover(${fast}, ${slow})`,
    onBar(ctx: BarContext) {
      const above = wasAbove(ctx);
      for (let asset = 0; asset < ctx.symbols.length; asset++) {
        const gap = fastMean.at(ctx, asset) - slowMean.at(ctx, asset);
        if (Number.isNaN(gap)) continue;
        const now = gap > 0;
        // No decision on the last bar: its orders could never fill.
        if (above[asset] !== undefined && now !== above[asset] && ctx.t < ctx.bars - 1)
          ctx.submit({ asset: ctx.symbols[asset], sizeType: "targetPercent", size: now ? weight : 0 });
        above[asset] = now;
      }
    },
  };
}
