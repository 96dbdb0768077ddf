// Target weights from a CSV file (`date,symbol,weight`, one row per date and symbol) as the T x N
// matrix fromTargets takes, laid over a panel's bars. A date in the file sets the whole portfolio
// at that bar's close: a symbol the date does not list goes to weight 0. A bar whose date the
// file does not name holds its positions (NaN). Errors name the file, line, symbol and field.
import { readFileSync } from "node:fs";
import type { Panel } from "../model/index.ts";
import { isoDate } from "../model/index.ts";
import { csvTable } from "./csv-text.ts";
import { DataError, printable, type Where } from "./errors.ts";

export const WEIGHT_COLUMNS = ["date", "symbol", "weight"] as const;

export function loadWeightsCsv(path: string, panel: Panel): Float64Array {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new DataError({ file: path }, null, `cannot read the weights file: ${(error as Error).message}`);
  }
  return parseWeightsCsv(text, path, panel);
}

export function parseWeightsCsv(text: string, file: string, panel: Panel): Float64Array {
  if (text.replace(/^\uFEFF/, "").trim() === "")
    throw new DataError(
      { file },
      null,
      `empty file; a weights file needs a header (${WEIGHT_COLUMNS}) and rows`,
    );
  const table = csvTable(text, file);
  const [date, symbol, weight] = WEIGHT_COLUMNS.map((name) => {
    const index = table.columns.findIndex((column) => column.trim().toLowerCase() === name);
    if (index < 0)
      throw new DataError(
        table.header,
        name,
        `missing column; a weights file needs ${WEIGHT_COLUMNS}, got "${printable(table.columns.join(","))}"`,
      );
    return index;
  });
  if (table.rows === 0)
    throw new DataError(table.header, null, "a header and no rows; give at least one weight");

  const n = panel.symbols.length;
  const barOf = new Map(Array.from(panel.times, (tsMs, t) => [tsMs, t]));
  const assetOf = new Map(panel.symbols.map((name, asset) => [name, asset]));
  const weights = new Float64Array(panel.times.length * n).fill(Number.NaN);
  const firstLine = new Map<number, Where>(); // cell index -> where its weight was given
  for (let r = 0; r < table.rows; r++) {
    const raw = (column: number) => String(table.cell(column, r)).trim();
    const where = table.where(r);
    const name = raw(symbol);
    const asset = assetOf.get(name);
    if (asset === undefined)
      throw new DataError(
        where,
        "symbol",
        `unknown symbol "${printable(name)}"; the data has ${listed(panel.symbols)}`,
      );
    const at = { ...where, symbol: name };
    const tsMs = table.cells.time(table.cell(date, r));
    if (Number.isNaN(tsMs))
      throw new DataError(
        at,
        "date",
        `"${printable(raw(date))}" is not a date; expected ${table.cells.dateHint}`,
      );
    const t = barOf.get(tsMs);
    if (t === undefined)
      throw new DataError(
        at,
        "date",
        `${raw(date)} is not a bar of the data (${isoDate(panel.times[0])} .. ${isoDate(panel.times[panel.times.length - 1])}); a weight is set at a bar's close`,
      );
    const value = table.cells.number(table.cell(weight, r));
    if (value === undefined || !Number.isFinite(value))
      throw new DataError(
        { ...at, t },
        "weight",
        `"${printable(raw(weight))}" is not a finite number; a weight is a fraction of equity (0.1 = 10%, negative = short)`,
      );
    const cell = t * n + asset;
    const first = firstLine.get(cell);
    if (first !== undefined)
      throw new DataError(
        { ...at, t },
        "date",
        `a second weight for ${raw(date)} and ${name}, the first at line ${first.line}; one row per date and symbol`,
      );
    firstLine.set(cell, where);
    // The date's first row sets the portfolio: the symbols it does not list go to 0.
    for (let other = 0; other < n; other++)
      if (Number.isNaN(weights[t * n + other])) weights[t * n + other] = 0;
    weights[cell] = value;
  }
  return weights;
}

function listed(symbols: readonly string[]): string {
  return symbols.length <= 10
    ? symbols.join(", ")
    : `${symbols.slice(0, 10).join(", ")}, ... (${symbols.length})`;
}
