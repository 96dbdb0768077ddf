// Stress paths (issue 13): what every path model fills, the bar's log returns split at the open,
// and the interface the bar builder reads. One bar is one trading day: 252 bars a year.
import type { PathStream } from "./stream.ts";

export const BARS_PER_YEAR = 252;

/** One path's log returns, T x N row-major like a Panel: value of asset i at bar t at [t * N + i]. */
export interface PathReturns {
  readonly bars: number;
  readonly assets: number;
  /** log(open_t / close_{t-1}): the overnight part, where jumps land as gaps. */
  readonly overnight: Float64Array;
  /** log(close_t / open_t): the intraday part. */
  readonly intraday: Float64Array;
  /** Variance of the intraday log path over the bar (sigma^2 dt): the Brownian bridge's scale. */
  readonly intradayVariance: Float64Array;
}

export interface PathModel {
  /** Each asset's long-run intraday variance per bar: the volume link's yardstick. */
  readonly referenceVariance: Float64Array;
  /** Fills `out` from the stream; returns the path's log likelihood ratio log dP/dQ (0 untilted). */
  simulate(stream: PathStream, out: PathReturns): number;
}

export function pathReturns(bars: number, assets: number): PathReturns {
  const size = bars * assets;
  return {
    bars,
    assets,
    overnight: new Float64Array(size),
    intraday: new Float64Array(size),
    intradayVariance: new Float64Array(size),
  };
}
