// SPEC 1 (data): a long-format CSV (one row per date and symbol) into a Panel, rejecting bad
// input with its file, line, symbol and field; nothing is dropped or repaired.
import { fileURLToPath } from "node:url";
import { csvTable } from "./csv-text.ts";
import { readText } from "./files.ts";
import { type LoadedPanel, panelFromTables, type TableOptions } from "./table.ts";

export type CsvOptions = TableOptions;

export function loadCsvPanel(path: string | URL, options: CsvOptions = {}): LoadedPanel {
  const file = path instanceof URL ? fileURLToPath(path) : path;
  return parseCsvPanel(readText(file), file, options);
}

/**
 * Header required (`date,symbol,open,high,low,close,volume` in any order; `time`, `timestamp` or
 * `datetime` for `date`, `asset` for `symbol`). Further columns are extras: numeric when every
 * cell is a number or missing (empty -> NaN), else text. Dates: YYYY-MM-DD (UTC midnight) or
 * ISO-8601 date-time (no zone = UTC). A missing bar is empty/NaN/nan/null in all four prices
 * (volume likewise or 0); a (date, symbol) pair absent from the file is missing too.
 */
export function parseCsvPanel(text: string, file: string, options: CsvOptions = {}): LoadedPanel {
  return panelFromTables([csvTable(text, file)], file, options);
}
