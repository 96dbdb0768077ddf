// A hand-made panel for pinned cases: every asset at one price and one volume on every bar.
import type { Panel } from "../../src/model/panel.ts";

const DAY_MS = 86_400_000;

/**
 * `bars` consecutive calendar days from `firstDay` (ISO; start on a weekday that leaves no weekend
 * inside), every bar of every symbol at open = high = low = close = price.
 */
export function flatPanel(
  symbols: readonly string[],
  firstDay: string,
  bars: number,
  price: number,
  volume = 1_000,
): Panel {
  const start = Date.parse(`${firstDay}T00:00:00Z`);
  const flat = (value: number) => new Float64Array(bars * symbols.length).fill(value);
  return {
    symbols,
    times: Float64Array.from({ length: bars }, (_, t) => start + t * DAY_MS),
    open: flat(price),
    high: flat(price),
    low: flat(price),
    close: flat(price),
    volume: flat(volume),
    extra: {},
  };
}
