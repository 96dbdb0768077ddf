// SPEC 9 (records): a run's records as CSV files in a folder, one per table of out/tables.ts:
// a header row, numbers as JavaScript prints them (exact round trip), timestamps as ISO-8601 UTC,
// booleans true/false, null as an empty cell, NaN and inf as pandas and polars spell them.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Panel } from "../../model/panel.ts";
import type { Records } from "../../model/records.ts";
import { type Cell, type ColumnType, type OutTable, recordTables } from "./tables.ts";

/** Writes orders.csv, fills.csv, trades.csv, equity.csv, positions.csv, events.csv, warnings.csv; returns their paths. */
export function writeRecordsCSV(records: Records, panel: Panel, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return recordTables(records, panel).map((table) => {
    const path = join(dir, `${table.name}.csv`);
    writeFileSync(path, tableCsv(table));
    return path;
  });
}

export function tableCsv(table: OutTable): string {
  const header = table.columns.map((column) => quote(column.name)).join(",");
  const rows = table.columns[0]?.values.length ?? 0;
  const lines = [header];
  for (let r = 0; r < rows; r++) {
    lines.push(table.columns.map((column) => cellText(column.values[r], column.type)).join(","));
  }
  return `${lines.join("\n")}\n`;
}

function cellText(value: Cell, type: ColumnType): string {
  if (value === null) return "";
  if (type === "timestamp") return new Date(value as number).toISOString();
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" && !Number.isFinite(value))
    return Number.isNaN(value) ? "NaN" : value > 0 ? "inf" : "-inf";
  return String(value);
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
