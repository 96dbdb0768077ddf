// SPEC 9 (records): a run's records as Parquet files in a folder, one per table of out/tables.ts:
// INT32, DOUBLE, BOOLEAN, UTF8 strings and TIMESTAMP(millis, UTC), every column nullable, snappy.
// Written by parquet-wasm (the Rust arrow-rs writer) from an Apache Arrow table, so the file
// carries its Arrow schema too: pyarrow, pandas and polars read the exact types back.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  Bool,
  type DataType,
  Float64,
  Int32,
  Table,
  Timestamp,
  TimeUnit,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from "parquet-wasm";
import type { Panel } from "../../model/panel.ts";
import type { Records } from "../../model/records.ts";
import { type ColumnType, type OutTable, recordTables } from "./tables.ts";

/** Writes orders.parquet, fills.parquet, ... (the CSV writer's tables); returns their paths. */
export function writeRecordsParquet(records: Records, panel: Panel, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return recordTables(records, panel).map((table) => {
    const path = join(dir, `${table.name}.parquet`);
    writeFileSync(path, tableParquet(table));
    return path;
  });
}

export function tableParquet(table: OutTable): Uint8Array {
  const vectors = table.columns.map((column) =>
    vectorFromArray(column.values as unknown[], ARROW_TYPES[column.type]()),
  );
  const arrow = new Table(Object.fromEntries(table.columns.map((column, k) => [column.name, vectors[k]])));
  const properties = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
  return writeParquet(WasmTable.fromIPCStream(tableToIPC(arrow, "stream")), properties);
}

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
  int32: () => new Int32(),
  float64: () => new Float64(),
  string: () => new Utf8(),
  bool: () => new Bool(),
  timestamp: () => new Timestamp(TimeUnit.MILLISECOND, "UTC"),
};
