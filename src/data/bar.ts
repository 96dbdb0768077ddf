// SPEC 1 (data): validity of one bar, the single rule shared by the CSV loader and validatePanel.
import type { PriceField } from "../model/panel.ts";

/** What is wrong with a bar, with its numbers; errors.ts renders it. */
export type BarProblem =
  | { kind: "partlyMissing"; field: PriceField; present: PriceField[] }
  | { kind: "volumeOnMissingBar"; field: "volume"; volume: number }
  | { kind: "badPrice"; field: PriceField; value: number }
  | { kind: "highBelowLow"; field: "high"; high: number; low: number }
  | { kind: "lowAboveBody"; field: "low"; low: number; open: number; close: number }
  | { kind: "highBelowBody"; field: "high"; high: number; open: number; close: number }
  | { kind: "badVolume"; field: "volume"; volume: number }
  | { kind: "offTick"; field: PriceField; value: number; tickSize: number };

/**
 * null when the bar is valid: either missing (NaN in every price field and in volume) or present
 * (finite prices > 0, low <= min(open, close), high >= max(open, close), finite volume >= 0, and
 * prices on the tick grid when tickSize is given). Otherwise the first problem found.
 */
export function barProblem(
  open: number,
  high: number,
  low: number,
  close: number,
  volume: number,
  tickSize: number | null = null,
): BarProblem | null {
  const nanCount = +Number.isNaN(open) + +Number.isNaN(high) + +Number.isNaN(low) + +Number.isNaN(close);
  if (nanCount === 4) {
    return Number.isNaN(volume) ? null : { kind: "volumeOnMissingBar", field: "volume", volume };
  }
  const prices = [open, high, low, close];
  if (nanCount > 0) {
    const missing = prices.findIndex(Number.isNaN);
    const present = PRICES.filter((_, k) => !Number.isNaN(prices[k]));
    return { kind: "partlyMissing", field: PRICES[missing], present };
  }
  for (let k = 0; k < 4; k++) {
    const value = prices[k];
    if (!(Number.isFinite(value) && value > 0)) return { kind: "badPrice", field: PRICES[k], value };
  }
  // high < low is the commonest corruption (swapped columns): name it before the body checks.
  if (high < low) return { kind: "highBelowLow", field: "high", high, low };
  if (low > Math.min(open, close)) return { kind: "lowAboveBody", field: "low", low, open, close };
  if (high < Math.max(open, close)) return { kind: "highBelowBody", field: "high", high, open, close };
  if (!(Number.isFinite(volume) && volume >= 0)) return { kind: "badVolume", field: "volume", volume };
  if (tickSize !== null) {
    for (let k = 0; k < 4; k++) {
      if (!onTick(prices[k], tickSize))
        return { kind: "offTick", field: PRICES[k], value: prices[k], tickSize };
    }
  }
  return null;
}

const PRICES: readonly PriceField[] = ["open", "high", "low", "close"];

/** Tolerance relative to the tick count: price / tick of a large price carries float error above 1e-9. */
function onTick(price: number, tickSize: number): boolean {
  const ticks = price / tickSize;
  return Math.abs(ticks - Math.round(ticks)) < 1e-9 * Math.max(1, Math.abs(ticks));
}
