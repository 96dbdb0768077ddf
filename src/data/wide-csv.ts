// SPEC 1 (data): a folder of CSV files, one per symbol (SPY.csv holds SPY), each with a date (or
// time) column and open, high, low, close, volume, through the same row checks as the long CSV.
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { csvTable } from "./csv-text.ts";
import { badOption, unreadable } from "./errors.ts";
import { readText } from "./files.ts";
import { type LoadedPanel, panelFromTables, type TableOptions } from "./table.ts";

/** Symbols are the file names without `.csv`, in name order (or options.symbols' order). */
export function loadWideCsvPanel(dir: string, options: TableOptions = {}): LoadedPanel {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.toLowerCase().endsWith(".csv"));
  } catch (err) {
    throw unreadable(dir, (err as Error).message);
  }
  if (names.length === 0) throw badOption(dir, "files", "no .csv files in the folder; one file per symbol");
  const tables = names.sort().map((name) => {
    const file = join(dir, name);
    return csvTable(readText(file), file, basename(name, name.slice(-4)));
  });
  return panelFromTables(tables, dir, options);
}
