// SPEC 1 (data): the panel every engine reads. Columnar, one Float64Array per field, T x N,
// row-major: the value of asset i at bar t is field[t * N + i]. A missing bar is NaN in every
// price field (and in volume).

export const PRICE_FIELDS = ["open", "high", "low", "close"] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];
export type BarField = PriceField | "volume";

export interface Panel {
  /** Asset symbols, in column order. */
  readonly symbols: readonly string[];
  /** Bar timestamps, UTC ms, strictly increasing (length T). */
  readonly times: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** Further numeric columns (e.g. a signal `score`, or `spread`), same layout. */
  readonly extra: Readonly<Record<string, Float64Array>>;
}

/** ISO date (YYYY-MM-DD) of a UTC ms timestamp. */
export function isoDate(tsMs: number): string {
  return new Date(tsMs).toISOString().slice(0, 10);
}
