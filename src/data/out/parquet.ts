// SPEC 9 (records): a run's records as Parquet files in a folder, one per table of out/tables.ts:
// INT32, DOUBLE, BOOLEAN, UTF8 strings and TIMESTAMP(millis, UTC), every column nullable.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import type { Panel } from "../../model/panel.ts";
import type { Records } from "../../model/records.ts";
import { type ColumnType, type OutTable, recordTables } from "./tables.ts";

/** Writes orders.parquet, fills.parquet, ... (the CSV writer's tables); returns their paths. */
export function writeRecordsParquet(records: Records, panel: Panel, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return recordTables(records, panel).map((table) => {
    const path = join(dir, `${table.name}.parquet`);
    writeFileSync(path, new Uint8Array(tableParquet(table)));
    return path;
  });
}

export function tableParquet(table: OutTable): ArrayBuffer {
  return parquetWriteBuffer({
    columnData: table.columns.map((column) => ({
      name: column.name,
      type: PARQUET_TYPES[column.type],
      data:
        column.type === "timestamp"
          ? column.values.map((value) => (value === null ? null : new Date(value as number)))
          : [...column.values],
    })),
  });
}

const PARQUET_TYPES = {
  int32: "INT32",
  float64: "DOUBLE",
  string: "STRING",
  bool: "BOOLEAN",
  timestamp: "TIMESTAMP",
} as const satisfies Record<ColumnType, string>;
