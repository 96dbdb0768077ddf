// A small in-memory panel for unit tests: bars written as [open, high, low, close, volume?] per
// symbol and date (volume defaults to 1,000,000; null is a missing bar).
import type { Panel } from "../../src/model/index.ts";

export type TestBar =
  | readonly [open: number, high: number, low: number, close: number, volume?: number]
  | null;

export function testPanel(
  dates: readonly string[],
  bars: Readonly<Record<string, readonly TestBar[]>>,
): Panel {
  const symbols = Object.keys(bars);
  const n = symbols.length;
  const size = dates.length * n;
  const column = () => new Float64Array(size).fill(Number.NaN);
  const fields = { open: column(), high: column(), low: column(), close: column(), volume: column() };
  symbols.forEach((symbol, i) => {
    bars[symbol].forEach((bar, t) => {
      if (bar === null) return;
      const at = t * n + i;
      [fields.open[at], fields.high[at], fields.low[at], fields.close[at]] = bar;
      fields.volume[at] = bar[4] ?? 1_000_000;
    });
  });
  const times = Float64Array.from(dates, (date) => Date.parse(`${date}T00:00:00Z`));
  return { symbols, times, ...fields, extra: {} };
}
