// Built-in `levered-long-short` (`assay stress`'s default strategy): every close, rank the assets
// by their `lookback`-bar momentum (close / close `lookback` bars before), hold the top `longs`
// long and the bottom `shorts` short, each leg sized so that gross exposure is `leverage` x
// equity (targetPercent +-leverage / (longs + shorts)), and close the rest: a daily rebalance.
// Declarative: the weights are computed from the run's data up front, causally (row t reads
// closes up to t), and go to the engine as rows (fromTargets). Imports name modules rather than
// the package's front door, so a stress worker loads what it runs, not the data loaders.

import type { Panel } from "../../src/model/index.ts";
import type { DeclarativeStrategy } from "../../src/strategy/from-orders.ts";
import { fromTargets } from "../../src/strategy/from-targets.ts";
import { kthLargest } from "../../src/strategy/select.ts";

export interface LeveredLongShortParams {
  /** Default 20 bars. */
  readonly lookback?: number;
  /** Default: a fifth of the assets each, at least 1. */
  readonly longs?: number;
  readonly shorts?: number;
  /** Gross exposure over equity; default 2. */
  readonly leverage?: number;
}

export function leveredLongShort(params: LeveredLongShortParams, data: Panel): DeclarativeStrategy {
  const n = data.symbols.length;
  const { lookback = 20, longs = Math.max(1, Math.floor(n / 5)), shorts = longs, leverage = 2 } = params;
  if (!Number.isInteger(lookback) || lookback < 1)
    throw new Error(`levered-long-short: lookback must be a whole number >= 1, got ${lookback}`);
  for (const [key, count] of [
    ["longs", longs],
    ["shorts", shorts],
  ] as const)
    if (!Number.isInteger(count) || count < 0)
      throw new Error(`levered-long-short: ${key} must be a whole number >= 0, got ${count}`);
  if (longs + shorts === 0 || longs + shorts > n)
    throw new Error(
      `levered-long-short: longs + shorts must be in 1..${n} (the assets), got ${longs + shorts}`,
    );
  if (!(Number.isFinite(leverage) && leverage > 0))
    throw new Error(`levered-long-short: leverage must be a number > 0, got ${leverage}`);
  const weight = leverage / (longs + shorts);
  const bars = data.times.length;
  const weights = new Float64Array(bars * n).fill(Number.NaN);
  const score = new Float64Array(n);
  const valid = new Float64Array(n);
  const work = new Float64Array(n);
  // No decision on the last bar: its orders could never fill.
  for (let t = lookback; t < bars - 1; t++) {
    let count = 0;
    for (let a = 0; a < n; a++) {
      score[a] = data.close[t * n + a] / data.close[(t - lookback) * n + a];
      if (!Number.isNaN(score[a])) valid[count++] = score[a];
    }
    if (count < longs + shorts) continue;
    const top = longs === 0 ? Number.POSITIVE_INFINITY : kthLargest(valid, count, longs, work);
    for (let i = 0; i < count; i++) valid[i] = -valid[i];
    const bottom = shorts === 0 ? Number.NEGATIVE_INFINITY : -kthLargest(valid, count, shorts, work);
    // Ties at a threshold go to the lower columns, longs first.
    let long = 0;
    let short = 0;
    for (let a = 0; a < n; a++) {
      const s = score[a];
      let w = 0;
      if (s >= top && long < longs) {
        w = weight;
        long++;
      } else if (s <= bottom && short < shorts) {
        w = -weight;
        short++;
      }
      weights[t * n + a] = w;
    }
  }
  return fromTargets({ weights, name: `levered-long-short(${lookback}, ${longs}/${shorts}, ${leverage}x)` });
}
