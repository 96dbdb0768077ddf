// SPEC 1 (data): a long-format CSV (one row per date and symbol) into a Panel, rejecting bad
// input with its file, line, symbol and field; nothing is dropped or repaired.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { BarField, Panel } from "../model/panel.ts";
import { barProblem } from "./bar.ts";
import { parseDateMs } from "./dates.ts";
import {
  badDate,
  badHeader,
  badOption,
  barError,
  csvSyntax,
  type DataError,
  duplicateRow,
  emptySymbol,
  missingColumn,
  notFinite,
  notNumeric,
  unknownSymbol,
  unreadable,
  unsortedDates,
  type Where,
} from "./errors.ts";

export interface CsvOptions {
  /**
   * The expected assets, in this column order: a row of another symbol is an error, and a listed
   * symbol absent from the file is missing at every bar. Default: symbols in order of first appearance.
   */
  readonly symbols?: readonly string[];
}

export function loadCsvPanel(path: string | URL, options: CsvOptions = {}): Panel {
  const file = path instanceof URL ? fileURLToPath(path) : path;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw unreadable(file, (err as Error).message);
  }
  return parseCsvPanel(text, file, options);
}

/**
 * Header required (`date,symbol,open,high,low,close,volume` in any order, `asset` for `symbol`);
 * further columns are numeric extras (empty -> NaN). Dates: YYYY-MM-DD (UTC midnight) or ISO-8601
 * date-time (no zone = UTC). A missing bar is empty/NaN/nan/null in all four prices (volume
 * likewise or 0); a (date, symbol) pair absent from the file is missing too.
 */
export function parseCsvPanel(text: string, file: string, options: CsvOptions = {}): Panel {
  const { records, lineOf } = readRecords(text, file);
  const cols = headerColumns(records[0] ?? [], file);
  const rowCount = records.length - 1;
  const symbols = [...(options.symbols ?? [])];
  const assetOf = new Map(symbols.map((symbol, i) => [symbol, i]));
  if (assetOf.size < symbols.length)
    throw badOption(file, "symbols", "a symbol is listed twice in options.symbols");
  const lastRow = symbols.map(() => -1); // per asset, the row of its latest date so far
  const rowAsset = new Int32Array(rowCount);
  const rowTime = new Float64Array(rowCount);
  const bars = BAR_FIELDS.map(() => new Float64Array(rowCount));
  const extras = cols.extras.map(() => new Float64Array(rowCount));
  const dateCache = new Map<string, number>(); // a date string repeats once per asset
  const at = (r: number): Where => ({ file, line: lineOf(r + 1), symbol: symbols[rowAsset[r]] });

  for (let r = 0; r < rowCount; r++) {
    const record = records[r + 1];
    const rawSymbol = record[cols.symbol];
    const symbol = rawSymbol.trim();
    if (symbol === "" || MISSING.has(symbol)) throw emptySymbol({ file, line: lineOf(r + 1) }, rawSymbol);
    let asset = assetOf.get(symbol);
    if (asset === undefined) {
      if (options.symbols !== undefined) throw unknownSymbol({ file, line: lineOf(r + 1) }, symbol);
      asset = symbols.push(symbol) - 1;
      assetOf.set(symbol, asset);
      lastRow.push(-1);
    }
    rowAsset[r] = asset;

    const rawDate = record[cols.date].trim();
    let tsMs = dateCache.get(rawDate);
    if (tsMs === undefined) {
      tsMs = parseDateMs(rawDate);
      if (Number.isNaN(tsMs)) throw badDate(at(r), rawDate);
      dateCache.set(rawDate, tsMs);
    }
    rowTime[r] = tsMs;
    const previous = lastRow[asset];
    if (previous >= 0 && tsMs <= rowTime[previous]) throw orderError(r, previous);
    lastRow[asset] = r;

    for (let f = 0; f < BAR_FIELDS.length; f++) {
      const value = cellNumber(record[cols.bar[f]]);
      if (value === undefined) throw notNumeric(at(r), BAR_FIELDS[f], record[cols.bar[f]]);
      bars[f][r] = value;
    }
    const [open, high, low, close, volume] = bars;
    // A missing bar may carry volume 0 in the file; the Panel holds NaN in every field of it.
    if (volume[r] === 0 && Number.isNaN(open[r] + high[r] + low[r] + close[r])) volume[r] = Number.NaN;
    const problem = barProblem(open[r], high[r], low[r], close[r], volume[r]);
    if (problem !== null) throw barError(at(r), problem);

    for (let x = 0; x < extras.length; x++) {
      const { name, index } = cols.extras[x];
      const value = cellNumber(record[index]);
      if (value === undefined) throw notNumeric(at(r), name, record[index]);
      if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) {
        throw notFinite(at(r), name, value);
      }
      extras[x][r] = value;
    }
  }

  // Called on the error path only: a repeated date is a duplicate, an earlier one is out of order.
  function orderError(r: number, previous: number): DataError {
    const date = records[r + 1][cols.date].trim();
    for (let k = 0; k < r; k++) {
      if (rowAsset[k] === rowAsset[r] && rowTime[k] === rowTime[r]) {
        return duplicateRow(at(r), date, lineOf(k + 1));
      }
    }
    return unsortedDates(at(r), date, records[previous + 1][cols.date].trim(), lineOf(previous + 1));
  }

  return scatter(symbols, rowAsset, rowTime, bars, cols.extras, extras);
}

const BAR_FIELDS: readonly BarField[] = ["open", "high", "low", "close", "volume"];
const MISSING = new Set(["", "NaN", "nan", "null"]);
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

interface Columns {
  readonly date: number;
  readonly symbol: number;
  /** Column index of each of BAR_FIELDS. */
  readonly bar: readonly number[];
  readonly extras: readonly { name: string; index: number }[];
}

/** The records, and the 1-based file line of record k (its last line if a quoted field spans lines). */
function readRecords(text: string, file: string): { records: string[][]; lineOf: (k: number) => number } {
  const options = { bom: true, skip_empty_lines: true };
  let records: string[][];
  try {
    records = parse(text, options);
  } catch (err) {
    const line = (err as { lines?: unknown }).lines;
    throw csvSyntax(file, typeof line === "number" ? line : null, (err as Error).message);
  }
  // Line numbers cost csv-parse an info object per record, so they are read only on the error path.
  let lines: number[] | undefined;
  const lineOf = (k: number): number => {
    if (lines === undefined) {
      const found: number[] = [];
      const onRecord = (record: string[], context: { lines: number }) => {
        found.push(context.lines);
        return record;
      };
      parse(text, { ...options, on_record: onRecord });
      lines = found;
    }
    return lines[k];
  };
  return { records, lineOf };
}

function headerColumns(header: readonly string[], file: string): Columns {
  const names = header.map((name) => name.trim());
  const index = new Map<string, number>();
  names.forEach((name, k) => {
    if (name === "") throw badHeader(file, `#${k + 1}`, "empty column name; every column needs a name");
    const key = name.toLowerCase();
    if (index.has(key)) throw badHeader(file, name, "duplicate column; each column appears once");
    index.set(key, k);
  });
  if (index.has("symbol") && index.has("asset")) {
    throw badHeader(file, "asset", "both symbol and asset columns; give one of them");
  }
  const required = (name: string): number => {
    const k = index.get(name);
    if (k === undefined) throw missingColumn(file, name, names);
    return k;
  };
  const date = required("date");
  const symbol = index.get("asset") ?? required("symbol");
  const bar = BAR_FIELDS.map(required);
  const taken = new Set([date, symbol, ...bar]);
  const extras = names.flatMap((name, k) => (taken.has(k) ? [] : [{ name, index: k }]));
  return { date, symbol, bar, extras };
}

/** A cell as a number: NaN for a missing marker, undefined when it is not a number. */
function cellNumber(raw: string): number | undefined {
  const text = raw.trim();
  if (DECIMAL.test(text)) return Number(text);
  return MISSING.has(text) ? Number.NaN : undefined;
}

/** Rows into the T x N layout: calendar = union of all dates, sorted; absent pairs stay NaN. */
function scatter(
  symbols: string[],
  rowAsset: Int32Array,
  rowTime: Float64Array,
  bars: Float64Array[],
  extraColumns: Columns["extras"],
  extras: Float64Array[],
): Panel {
  const times = Float64Array.from(new Set(rowTime)).sort();
  const tOf = new Map(Array.from(times, (tsMs, t) => [tsMs, t]));
  const n = symbols.length;
  const grid = () => new Float64Array(times.length * n).fill(Number.NaN);
  const [open, high, low, close, volume] = bars.map(grid);
  const extraGrids = extras.map(grid);
  const columns = [open, high, low, close, volume, ...extraGrids];
  const sources = [...bars, ...extras];
  for (let r = 0; r < rowAsset.length; r++) {
    const cell = (tOf.get(rowTime[r]) as number) * n + rowAsset[r];
    for (let c = 0; c < columns.length; c++) columns[c][cell] = sources[c][r];
  }
  const extra = Object.fromEntries(extraColumns.map(({ name }, x) => [name, extraGrids[x]]));
  return { symbols, times, open, high, low, close, volume, extra };
}
