// SPEC 1 (data): the one path from rows to a Panel. Every loader (long and wide CSV, Arrow,
// Parquet, candle arrays) exposes its file as RowTables; this module checks every row the same way
// (symbol, date, order within a symbol, bar validity, extras) and lays the rows out T x N, so all
// formats give the same errors and the same panels.
import type { BarField, Panel } from "../model/panel.ts";
import { barProblem } from "./bar.ts";
import {
  badDate,
  badHeader,
  badOption,
  barError,
  type DataError,
  duplicateRow,
  emptySymbol,
  missingColumn,
  noRows,
  notFinite,
  notNumeric,
  unknownSymbol,
  unsortedDates,
  type Where,
} from "./errors.ts";

/** How one format's raw cells read as values. */
export interface Cells {
  /** A cell as a number: NaN when missing, undefined when it is not a number. */
  number(raw: unknown): number | undefined;
  /** A cell as UTC ms; NaN when it is not a date. */
  time(raw: unknown): number;
  /** A cell as text (a symbol, a text column's value); "" when missing. */
  text(raw: unknown): string;
  /** A cell as an error message shows it. */
  show(raw: unknown): string;
  /** How the format writes a missing value, for the message of a non-number. */
  readonly missingHint: string;
  /** The dates the format takes, for the message of a bad date. */
  readonly dateHint: string;
}

/** One file's rows, read lazily cell by cell. */
export interface RowTable {
  readonly file: string;
  readonly rows: number;
  /** Column names as written. */
  readonly columns: readonly string[];
  /** Where the column names are (line 1 of a CSV; the schema of a binary table). */
  readonly header: Where;
  cell(column: number, r: number): unknown;
  /** Where row r is (its line or row), without the symbol; called on the error path only. */
  where(r: number): Where;
  readonly cells: Cells;
  /** The asset of every row, for a format with one file per symbol; else a symbol column is required. */
  readonly symbol?: string;
}

export interface TableOptions {
  /**
   * The expected assets, in this column order: a row of another symbol is an error, and a listed
   * symbol absent from the data is missing at every bar. Default: symbols in order of first appearance.
   */
  readonly symbols?: readonly string[];
}

/** A loaded panel: the engines' Panel plus the non-numeric extra columns, kept as text (T x N, "" when absent). */
export interface LoadedPanel extends Panel {
  readonly text: Readonly<Record<string, readonly string[]>>;
}

/** The accepted names of the time column, in every format. */
export const TIME_COLUMNS = ["date", "time", "timestamp", "datetime"] as const;

/**
 * The rows of all tables as one panel. Extras: a column is numeric when every present cell of it
 * is a number (±Infinity is an error), else text. Throws a DataError at the first bad row.
 */
export function panelFromTables(
  tables: readonly RowTable[],
  source: string,
  options: TableOptions = {},
): LoadedPanel {
  const layouts = tables.map(tableColumns);
  const { numericNames, textNames } = typeExtras(tables, layouts);
  const total = tables.reduce((sum, table) => sum + table.rows, 0);
  const symbols = [...(options.symbols ?? [])];
  const assetOf = new Map(symbols.map((symbol, i) => [symbol, i]));
  if (assetOf.size < symbols.length)
    throw badOption(source, "symbols", "a symbol is listed twice in options.symbols");
  const lastRow = symbols.map(() => -1); // per asset, the row of its latest date so far
  const rowAsset = new Int32Array(total);
  const rowTime = new Float64Array(total);
  const bars = BAR_FIELDS.map(() => new Float64Array(total));
  const extras = numericNames.map(() => new Float64Array(total).fill(Number.NaN));
  const texts = textNames.map(() => new Array<string>(total).fill(""));
  const firstRow: number[] = []; // per table, its first row in the arrays above
  let g = 0;

  tables.forEach((table, k) => {
    const cols = layouts[k];
    const { cells } = table;
    if (table.rows === 0) throw noRows({ file: table.file });
    firstRow.push(g);
    const timeCache = new Map<string, number>(); // a date text repeats once per asset; parsing it is the cost
    const at = (r: number): Where => ({ ...table.where(r), symbol: symbols[rowAsset[firstRow[k] + r]] });
    const extraCols = numericNames.map((name) => cols.extras.get(name));
    const textCols = textNames.map((name) => cols.extras.get(name));
    for (let r = 0; r < table.rows; r++, g++) {
      rowAsset[g] = assetIndex(table, cols.symbol, r);
      const raw = table.cell(cols.time, r);
      let tsMs = typeof raw === "string" ? timeCache.get(raw) : undefined;
      if (tsMs === undefined) {
        tsMs = cells.time(raw);
        if (!(Math.abs(tsMs) <= MAX_DATE_MS)) throw badDate(at(r), cells.show(raw), cells.dateHint);
        if (typeof raw === "string") timeCache.set(raw, tsMs);
      }
      rowTime[g] = tsMs;
      const previous = lastRow[rowAsset[g]];
      if (previous >= 0 && tsMs <= rowTime[previous]) throw orderError(g, previous);
      lastRow[rowAsset[g]] = g;

      for (let f = 0; f < BAR_FIELDS.length; f++) {
        const cell = table.cell(cols.bar[f], r);
        const value = cells.number(cell);
        if (value === undefined) throw notNumeric(at(r), BAR_FIELDS[f], cells.show(cell), cells.missingHint);
        bars[f][g] = value;
      }
      const [open, high, low, close, volume] = bars;
      // A missing bar may carry volume 0 in the file; the Panel holds NaN in every field of it.
      if (volume[g] === 0 && Number.isNaN(open[g] + high[g] + low[g] + close[g])) volume[g] = Number.NaN;
      const problem = barProblem(open[g], high[g], low[g], close[g], volume[g]);
      if (problem !== null) throw barError(at(r), problem);

      for (let x = 0; x < extras.length; x++) {
        const column = extraCols[x];
        if (column === undefined) continue;
        const value = cells.number(table.cell(column, r)) as number; // typeExtras saw a number
        if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) {
          throw notFinite(at(r), numericNames[x], value, cells.missingHint);
        }
        extras[x][g] = value;
      }
      for (let x = 0; x < texts.length; x++) {
        const column = textCols[x];
        if (column !== undefined) texts[x][g] = cells.text(table.cell(column, r));
      }
    }
  });

  function assetIndex(table: RowTable, column: number, r: number): number {
    const raw = table.symbol ?? table.cells.text(table.cell(column, r));
    const symbol = raw.trim();
    if (symbol === "" || MISSING_SYMBOLS.has(symbol)) throw emptySymbol(table.where(r), raw);
    let asset = assetOf.get(symbol);
    if (asset === undefined) {
      if (options.symbols !== undefined) throw unknownSymbol(table.where(r), symbol);
      asset = symbols.push(symbol) - 1;
      assetOf.set(symbol, asset);
      lastRow.push(-1);
    }
    return asset;
  }

  function tableOf(g: number): number {
    let k = firstRow.length - 1;
    while (firstRow[k] > g) k--;
    return k;
  }

  /** Where array row g is, with its symbol. */
  function whereOf(g: number): Where {
    const k = tableOf(g);
    return { ...tables[k].where(g - firstRow[k]), symbol: symbols[rowAsset[g]] };
  }

  /** The date of array row g as written, or as ISO-8601 when the format stores a number or a Date. */
  function dateText(g: number): string {
    const k = tableOf(g);
    const raw = tables[k].cell(layouts[k].time, g - firstRow[k]);
    return typeof raw === "string" ? raw.trim() : new Date(rowTime[g]).toISOString();
  }

  // Called on the error path only: a repeated date is a duplicate, an earlier one is out of order.
  function orderError(g: number, previous: number): DataError {
    for (let h = 0; h < g; h++) {
      if (rowAsset[h] === rowAsset[g] && rowTime[h] === rowTime[g]) {
        return duplicateRow(whereOf(g), dateText(g), whereOf(h));
      }
    }
    return unsortedDates(whereOf(g), dateText(g), dateText(previous), whereOf(previous));
  }

  const extraGrids = Object.fromEntries(numericNames.map((name, x) => [name, extras[x]]));
  return scatter(symbols, rowAsset, rowTime, bars, extraGrids, textNames, texts);
}

const BAR_FIELDS: readonly BarField[] = ["open", "high", "low", "close", "volume"];
const MISSING_SYMBOLS = new Set(["NaN", "nan", "null"]);
/** The range of a JavaScript Date, so that every time prints as a date. */
const MAX_DATE_MS = 8.64e15;

interface Layout {
  readonly time: number;
  /** -1 when the table has a fixed symbol. */
  readonly symbol: number;
  /** Column index of each of BAR_FIELDS. */
  readonly bar: readonly number[];
  /** Extra column name -> index. */
  readonly extras: ReadonlyMap<string, number>;
}

function tableColumns(table: RowTable): Layout {
  const names = table.columns.map((name) => name.trim());
  const index = new Map<string, number>();
  names.forEach((name, k) => {
    if (name === "")
      throw badHeader(table.header, `#${k + 1}`, "empty column name; every column needs a name");
    const key = name.toLowerCase();
    if (index.has(key)) throw badHeader(table.header, name, "duplicate column; each column appears once");
    index.set(key, k);
  });
  const oneOf = (candidates: readonly string[]): number | undefined => {
    const found = candidates.filter((name) => index.has(name));
    if (found.length > 1) {
      throw badHeader(table.header, found[1], `both ${found.join(" and ")} columns; give one of them`);
    }
    return found.length === 0 ? undefined : index.get(found[0]);
  };
  const required = (name: string, k: number | undefined): number => {
    if (k === undefined) throw missingColumn(table.header, name, names);
    return k;
  };
  const time = required("date", oneOf(TIME_COLUMNS));
  // With one file per symbol, a symbol column is just another (text) extra.
  const symbol = table.symbol === undefined ? required("symbol", oneOf(["symbol", "asset"])) : -1;
  const bar = BAR_FIELDS.map((name) => required(name, index.get(name)));
  const taken = new Set([time, symbol, ...bar]);
  const extras = new Map(names.flatMap((name, k) => (taken.has(k) ? [] : [[name, k] as const])));
  return { time, symbol, bar, extras };
}

/** Extra names in order of first appearance, split into numeric and text (see panelFromTables). */
function typeExtras(tables: readonly RowTable[], layouts: readonly Layout[]) {
  const numeric = new Map<string, boolean>();
  tables.forEach((table, k) => {
    for (const [name, column] of layouts[k].extras) {
      let allNumbers = numeric.get(name) ?? true;
      for (let r = 0; allNumbers && r < table.rows; r++) {
        allNumbers = table.cells.number(table.cell(column, r)) !== undefined;
      }
      numeric.set(name, allNumbers);
    }
  });
  const names = [...numeric.keys()];
  return {
    numericNames: names.filter((name) => numeric.get(name)),
    textNames: names.filter((name) => !numeric.get(name)),
  };
}

/** Rows into the T x N layout: calendar = union of all dates, sorted; absent pairs stay NaN (text ""). */
function scatter(
  symbols: string[],
  rowAsset: Int32Array,
  rowTime: Float64Array,
  bars: Float64Array[],
  extraRows: Record<string, Float64Array>,
  textNames: readonly string[],
  textRows: readonly string[][],
): LoadedPanel {
  const times = Float64Array.from(new Set(rowTime)).sort();
  const tOf = new Map(Array.from(times, (tsMs, t) => [tsMs, t]));
  const n = symbols.length;
  const cells = times.length * n;
  const grid = () => new Float64Array(cells).fill(Number.NaN);
  const sources = [...bars, ...Object.values(extraRows)];
  const columns = sources.map(grid);
  const textGrids = textRows.map(() => new Array<string>(cells).fill(""));
  for (let r = 0; r < rowAsset.length; r++) {
    const cell = (tOf.get(rowTime[r]) as number) * n + rowAsset[r];
    for (let c = 0; c < columns.length; c++) columns[c][cell] = sources[c][r];
    for (let x = 0; x < textGrids.length; x++) textGrids[x][cell] = textRows[x][r];
  }
  const [open, high, low, close, volume, ...extraGrids] = columns;
  const extra = Object.fromEntries(Object.keys(extraRows).map((name, x) => [name, extraGrids[x]]));
  const text = Object.fromEntries(textNames.map((name, x) => [name, textGrids[x]]));
  return { symbols, times, open, high, low, close, volume, extra, text };
}
