// SPEC 1 (data): one entry for every data format, chosen by extension (a folder is wide CSV) or
// named; every format goes through the same row checks (table.ts).
import { statSync } from "node:fs";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadArrowPanel } from "./arrow.ts";
import { type CandleSet, loadCandlesPanel, panelFromCandles } from "./candles.ts";
import { loadCsvPanel } from "./csv.ts";
import { unknownFormat, unreadable } from "./errors.ts";
import { loadParquetPanel } from "./parquet.ts";
import type { LoadedPanel, TableOptions } from "./table.ts";
import { loadWideCsvPanel } from "./wide-csv.ts";

export type DataFormat = "csv" | "wide-csv" | "arrow" | "parquet" | "candles";

export type PanelSource =
  | string
  | URL
  | { readonly format: DataFormat; readonly path: string }
  | { readonly format: "candles"; readonly candles: CandleSet; readonly source?: string };

/** By extension: .csv, .arrow/.feather/.ipc/.arrows, .parquet/.pq, .json (candles); a folder: wide CSV. */
export async function loadPanel(source: PanelSource, options: TableOptions = {}): Promise<LoadedPanel> {
  if (typeof source === "object" && "candles" in source) {
    return panelFromCandles(source.candles, source.source, options);
  }
  const path =
    typeof source === "string" ? source : source instanceof URL ? fileURLToPath(source) : source.path;
  const format = typeof source === "object" && "format" in source ? source.format : formatOf(path);
  switch (format) {
    case "csv":
      return loadCsvPanel(path, options);
    case "wide-csv":
      return loadWideCsvPanel(path, options);
    case "arrow":
      return loadArrowPanel(path, options);
    case "parquet":
      return loadParquetPanel(path, options);
    case "candles":
      return loadCandlesPanel(path, options);
    default:
      throw unknownFormat(path, `format "${format as string}" is not a data format`);
  }
}

const EXTENSIONS: Readonly<Record<string, DataFormat>> = {
  ".csv": "csv",
  ".arrow": "arrow",
  ".feather": "arrow",
  ".ipc": "arrow",
  ".arrows": "arrow",
  ".parquet": "parquet",
  ".pq": "parquet",
  ".json": "candles",
};

function formatOf(path: string): DataFormat {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (err) {
    throw unreadable(path, (err as Error).message);
  }
  if (isFolder) return "wide-csv";
  const extension = extname(path).toLowerCase();
  const format = EXTENSIONS[extension];
  if (format === undefined) {
    throw unknownFormat(path, extension === "" ? "no file extension" : `unknown extension "${extension}"`);
  }
  return format;
}
