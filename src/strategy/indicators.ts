// Indicators a strategy reads causally (SPEC I6), computed by the trading-signals package. An
// Indicator keeps one incremental series per asset and feeds it the asset's bars up to the
// decision bar through the context, which shows bars 0..t only: the value at t cannot depend on
// a later bar. Missing bars (NaN) are skipped, so the series runs over the asset's present bars.
import { EMA, RSI, SMA } from "trading-signals";
import type { BarContext, BarField } from "../model/index.ts";
import { unreachable } from "../model/index.ts";
import { perRun } from "./per-run.ts";

export type IndicatorName = "sma" | "ema" | "rsi";

export interface IndicatorOptions {
  /** Bars in the window (sma), the smoothing span (ema: alpha 2/(period+1)), Wilder's period (rsi). */
  readonly period: number;
  /** The bar field fed in; default "close". */
  readonly field?: BarField;
}

export interface Indicator {
  /** E.g. "sma(20)". */
  readonly name: string;
  /**
   * The value at bar ctx.t - lag (default 0: the decision bar) from the asset's bars up to it;
   * NaN until `period` present bars (rsi: period + 1) have been seen. Call it at any bars, in bar
   * order: skipped bars are fed on the next call; a bar before one already fed is an error. A
   * new run (a new context) starts the series afresh. At an open (fillAt "open") bar t's close is
   * not known yet: read the indicator at lag 1, the last close (Backtrader's next_open, "the
   * indicators of the previous day").
   */
  at(ctx: BarContext, asset: number, lag?: number): number;
}

/**
 * sma: the mean of the last `period` values. ema: seeded with the first value, then
 * y = alpha x + (1 - alpha) y (pandas' ewm(span=period, adjust=False), as VectorBT), reported
 * from the period-th value on. rsi: Wilder's, 100 - 100 / (1 + average gain / average loss).
 */
export function indicator(name: IndicatorName, options: IndicatorOptions): Indicator {
  const { period, field = "close" } = options;
  if (!Number.isInteger(period) || period < 1)
    throw new Error(`indicator ${name}: period must be a whole number >= 1, got ${period}`);
  const seriesOf = perRun((): AssetSeries[] => []);
  return {
    name: `${name}(${period})`,
    at(ctx, asset, lag = 0) {
      if (!Number.isInteger(lag) || lag < 0)
        throw new Error(`indicator ${name}: lag must be a whole number >= 0, got ${lag}`);
      const perAsset = seriesOf(ctx);
      let state = perAsset[asset];
      if (state === undefined) {
        state = { series: incremental(name, period), fedThrough: -1 };
        perAsset[asset] = state;
      }
      const through = ctx.t - lag;
      // An incremental series cannot go back: a value before the last one fed is gone.
      if (through < state.fedThrough)
        throw new Error(
          `indicator ${name}(${period}) of asset ${asset}: bar ${through} asked for after bar ${state.fedThrough} was fed (read it in bar order)`,
        );
      for (let t = state.fedThrough + 1; t <= through; t++) {
        const value = ctx.bar(field, asset, ctx.t - t);
        if (!Number.isNaN(value)) state.series.add(value);
      }
      state.fedThrough = Math.max(state.fedThrough, through);
      return state.series.isStable ? (state.series.getResult() ?? Number.NaN) : Number.NaN;
    },
  };
}

/** The part of a trading-signals indicator the wrapper uses. */
interface Incremental {
  add(value: number): unknown;
  readonly isStable: boolean;
  getResult(): number | null;
}

interface AssetSeries {
  readonly series: Incremental;
  /** The last bar fed (or skipped as missing). */
  fedThrough: number;
}

function incremental(name: IndicatorName, period: number): Incremental {
  switch (name) {
    case "sma":
      return new SMA(period);
    case "ema":
      return new EMA(period);
    case "rsi":
      return new RSI(period);
    default:
      return unreachable(name);
  }
}
