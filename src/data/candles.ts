// SPEC 1 (data): ccxt-style candles, `[ms, open, high, low, close, volume]` per symbol (what
// exchange.fetchOHLCV returns), through the same row checks as the CSV loader.
import { badFile, badShape } from "./errors.ts";
import { readText } from "./files.ts";
import { type LoadedPanel, panelFromTables, type RowTable, type TableOptions } from "./table.ts";
import { TYPED_CELLS } from "./typed-cells.ts";

/** Symbol -> candles in time order; ms is the candle's open time, UTC ms. */
export type CandleSet = Readonly<Record<string, readonly (readonly unknown[])[]>>;

/** `source` names the data in errors (a file, or "candles"); rows are candle indices from 0. */
export function panelFromCandles(
  candles: CandleSet,
  source = "candles",
  options: TableOptions = {},
): LoadedPanel {
  const tables = Object.entries(candles).map(([symbol, rows]): RowTable => {
    rows.forEach((candle, row) => {
      if (!Array.isArray(candle) || candle.length < 6) {
        throw badShape(
          { file: source, row, symbol },
          "candle",
          `expected [ms, open, high, low, close, volume], got ${JSON.stringify(candle)?.slice(0, 80)}`,
        );
      }
    });
    return {
      file: source,
      rows: rows.length,
      columns: CANDLE_COLUMNS,
      header: { file: source, symbol },
      cell: (column, r) => rows[r][column],
      where: (r) => ({ file: source, row: r }),
      cells: TYPED_CELLS,
      symbol,
    };
  });
  if (tables.length === 0)
    throw badShape({ file: source }, "candles", "no symbols; expected { symbol: candles[] }");
  return panelFromTables(tables, source, options);
}

/** A JSON file holding a CandleSet: `{ "BTC/USDT": [[1704067200000, 42000, ...], ...], ... }`. */
export function loadCandlesPanel(file: string, options: TableOptions = {}): LoadedPanel {
  let candles: unknown;
  try {
    candles = JSON.parse(readText(file));
  } catch (err) {
    throw badFile(file, "JSON", (err as Error).message);
  }
  const isSet =
    typeof candles === "object" &&
    candles !== null &&
    !Array.isArray(candles) &&
    Object.values(candles).every(Array.isArray);
  if (!isSet)
    throw badShape({ file }, "candles", "expected a JSON object { symbol: [[ms, o, h, l, c, v], ...] }");
  return panelFromCandles(candles as CandleSet, file, options);
}

const CANDLE_COLUMNS = ["time", "open", "high", "low", "close", "volume"];
