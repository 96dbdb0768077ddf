// Stress paths (issue 13): consistent OHLCV bars from a path's log returns. Per asset, with the
// log close of the bar before c (log startPrice before bar 0):
//   a = c + overnight (the open, gaps allowed), b = a + intraday (the close),
//   high = (a + b + sqrt((b - a)^2 + 2 v E1)) / 2,  low = (a + b - sqrt((b - a)^2 + 2 v E2)) / 2,
// the exact max and min of a Brownian bridge from a to b with variance v = sigma^2 dt over the
// bar (E1, E2 independent standard exponentials, -log of a uniform in (0, 1], drawn by the
// ziggurat), so an adverse-extreme check sees intraday risk.
// Volume: meanVolume (v / vRef)^(volLink / 2) exp(s zeta - s^2 / 2), rounded; vRef the model's
// long-run intraday variance, so volume follows the conditional vol when volLink > 0. One
// uniform g per bar: missing (NaN, the walk goes on unseen) when g < missingRate, else
// zero-volume when (g - missingRate) / (1 - missingRate) < zeroVolumeRate (the rate among
// present bars). With a tickSize, open and close round to the nearest tick, the high up and the
// low down (never below one tick), then high >= max(open, close) and low <= min(open, close) are
// re-imposed. Every bar draws the same four numbers, so the rates never move the prices.
import { field, finite, finiteOrNull, noUnknownKeys, plainObject } from "../config/check.ts";
import type { ConfigPlace } from "../config/errors.ts";
import { perAsset, probability } from "./check.ts";
import type { PathReturns } from "./path-model.ts";
import type { PathStream } from "./stream.ts";

export interface OhlcvOptions {
  /** Close before bar 0, per asset (default 100). */
  readonly startPrice: Float64Array;
  /** Mean volume per asset (default 1e6). */
  readonly meanVolume: Float64Array;
  /** Sd of log volume (default 0.5). */
  readonly volumeSdLog: number;
  /** Elasticity of volume to the bar's vol (default 0: none). */
  readonly volLink: number;
  readonly zeroVolumeRate: number;
  readonly missingRate: number;
  /** Price grid, or null (default): no rounding. */
  readonly tickSize: number | null;
}

export const OHLCV_KEYS = [
  "startPrice",
  "meanVolume",
  "volumeSdLog",
  "volLink",
  "zeroVolumeRate",
  "missingRate",
  "tickSize",
] as const;

export function resolveOhlcv(at: ConfigPlace, value: unknown, n: number): OhlcvOptions {
  const obj = plainObject(at, value);
  noUnknownKeys(at, obj, OHLCV_KEYS);
  const number = (name: string, fallback: number, bounds: { ge?: number; gt?: number }) => {
    const [place, x] = field(at, obj, name, fallback);
    return finite(place, x, bounds);
  };
  const [tickPlace, tick] = field(at, obj, "tickSize", null);
  return {
    startPrice: perAsset(at, obj, "startPrice", n, { gt: 0 }, 100),
    meanVolume: perAsset(at, obj, "meanVolume", n, { ge: 0 }, 1e6),
    volumeSdLog: number("volumeSdLog", 0.5, { ge: 0 }),
    volLink: number("volLink", 0, { ge: 0 }),
    zeroVolumeRate: probability(at, obj, "zeroVolumeRate", 0),
    missingRate: probability(at, obj, "missingRate", 0),
    tickSize: finiteOrNull(tickPlace, tick, { gt: 0 }),
  };
}

/** The price columns a path writes, T x N like a Panel. */
export interface BarColumns {
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

export function writeBars(
  returns: PathReturns,
  referenceVariance: Float64Array,
  options: OhlcvOptions,
  stream: PathStream,
  out: BarColumns,
): void {
  const { bars, assets: n, overnight, intraday, intradayVariance } = returns;
  const { startPrice, meanVolume, volumeSdLog, volLink, zeroVolumeRate, missingRate, tickSize } = options;
  const { open: opens, high: highs, low: lows, close: closes, volume: volumes } = out;
  const volumeShift = -(volumeSdLog * volumeSdLog) / 2; // exp(s zeta - s^2/2) has mean 1
  const logClose = Float64Array.from(startPrice, Math.log);
  for (let t = 0; t < bars; t++) {
    for (let i = 0; i < n; i++) {
      const k = t * n + i;
      const e1 = stream.exponential();
      const e2 = stream.exponential();
      const volumeNoise = stream.normal();
      const gapDraw = stream.uniform();
      const a = logClose[i] + overnight[k];
      const b = a + intraday[k];
      logClose[i] = b;
      if (gapDraw < missingRate) {
        opens[k] = highs[k] = lows[k] = closes[k] = volumes[k] = Number.NaN;
        continue;
      }
      const v = intradayVariance[k];
      const body = (b - a) * (b - a);
      let open = Math.exp(a);
      let close = Math.exp(b);
      let high = Math.exp((a + b + Math.sqrt(body + 2 * v * e1)) / 2);
      let low = Math.exp((a + b - Math.sqrt(body + 2 * v * e2)) / 2);
      if (tickSize !== null) {
        open = Math.max(tickSize, Math.round(open / tickSize) * tickSize);
        close = Math.max(tickSize, Math.round(close / tickSize) * tickSize);
        high = Math.ceil(high / tickSize) * tickSize;
        low = Math.max(tickSize, Math.floor(low / tickSize) * tickSize);
      }
      opens[k] = open;
      closes[k] = close;
      highs[k] = Math.max(high, open, close);
      lows[k] = Math.min(low, open, close);
      const ref = referenceVariance[i];
      const volScale = volLink === 0 || ref === 0 ? 1 : (v / ref) ** (volLink / 2);
      volumes[k] =
        (gapDraw - missingRate) / (1 - missingRate) < zeroVolumeRate
          ? 0
          : Math.round(meanVolume[i] * volScale * Math.exp(volumeSdLog * volumeNoise + volumeShift));
    }
  }
}
