// How much of the account was at work: turnover, average exposure and leverage, the share of
// bars holding a position; from the per-bar series and the fills.
import type { Records } from "../../model/index.ts";
import { type ExposureSeries, meanOf } from "../series.ts";

export interface ExposureMetrics {
  /** Traded notional (|qty| x fillPrice x multiplier, all fills) / mean equity / years: times a year the book turned over. */
  readonly turnover: number | null;
  /** Mean gross (sum of |market value|) and net (signed) exposure per bar, money. */
  readonly averageGrossExposure: number;
  readonly averageNetExposure: number;
  /** Mean of exposure / equity over the bars with equity > 0; null when none has. */
  readonly averageGrossLeverage: number | null;
  readonly averageNetLeverage: number | null;
  /** Share of bars ending with a position (gross exposure > 0). */
  readonly exposureTime: number;
}

/** `multipliers[i]`: the contract multiplier of records.symbols[i] (1 for equities). */
export function exposureMetrics(
  records: Records,
  exposure: ExposureSeries,
  multipliers: readonly number[],
  years: number,
): ExposureMetrics {
  const indexOf = new Map(records.symbols.map((symbol, i) => [symbol, i]));
  let traded = 0;
  for (const fill of records.fills)
    traded += Math.abs(fill.qty) * fill.fillPrice * multipliers[indexOf.get(fill.asset) as number];
  const meanEquity = meanOf(records.series.equity);
  const present = (values: readonly (number | null)[]) => values.filter((value) => value !== null);
  const meanOrNull = (values: readonly number[]) => (values.length === 0 ? null : meanOf(values));
  return {
    turnover: meanEquity > 0 ? traded / meanEquity / years : null,
    averageGrossExposure: meanOf(exposure.gross),
    averageNetExposure: meanOf(exposure.net),
    averageGrossLeverage: meanOrNull(present(exposure.grossLeverage)),
    averageNetLeverage: meanOrNull(present(exposure.netLeverage)),
    exposureTime: exposure.gross.filter((value) => value > 0).length / exposure.gross.length,
  };
}
