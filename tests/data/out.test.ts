import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { parse } from "csv-parse/sync";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { readParquet } from "parquet-wasm";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/index.ts";
import {
  panelFromCandles,
  recordTables,
  writeRecordsCSV,
  writeRecordsParquet,
} from "../../src/data/index.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type { OrderRequest } from "../../src/model/index.ts";
import { scheduledOrders } from "../../src/strategy/declarative.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const DAY_MS = 86_400_000;
const JAN2 = Date.UTC(2024, 0, 2);
const bar = (t: number, price: number) => [JAN2 + t * DAY_MS, price, price, price, price, 1e6];

/**
 * Margin account, 10000 cash, no costs. t0: buy 190 AAA (fills t1 at 100: notional 19000, IM 9500 <= 10000)
 * and 1e9 "B,B" (rejected: insufficientBuyingPower). t2 close 60: equity 10000-19000+190*60 = 2400 <
 * MM 0.25*11400 = 2850: marginCall; the liquidation sells at t3.
 */
function run() {
  const panel = panelFromCandles({
    AAA: [bar(0, 100), bar(1, 100), bar(2, 60), bar(3, 60), bar(4, 60)],
    "B,B": [bar(0, 10), bar(1, 10), bar(2, 10), bar(3, 10), bar(4, 10)],
  });
  const orders = new Map<number, OrderRequest[]>([
    [
      0,
      [
        { asset: "AAA", size: 190 },
        { asset: "B,B", size: 1e9 },
      ],
    ],
  ]);
  const config = resolveConfig({ initialCash: 10_000, maintLong: 0.25 }, panel.symbols, "test");
  return { panel, records: fastEngine.run(panel, config, scheduledOrders(orders)) };
}

const parquetKind = (element: { type?: string; converted_type?: string }) =>
  element.converted_type === undefined ? element.type : `${element.type}/${element.converted_type}`;

describe("writeRecordsCSV() and writeRecordsParquet() write the run's tables", () => {
  const { panel, records } = run();
  const tables = recordTables(records, panel);

  it("recordTables() has the run's orders, fills, trades, bars, positions and events", () => {
    expect(tables.map((t) => t.name)).toEqual([
      "orders",
      "fills",
      "trades",
      "equity",
      "positions",
      "events",
      "warnings",
    ]);
    const rows = Object.fromEntries(tables.map((t) => [t.name, t.columns[0].values.length]));
    expect(rows).toEqual({
      orders: records.orders.length,
      fills: records.fills.length,
      trades: records.trades.length,
      equity: 5,
      positions: 10,
      events: records.events.length,
      warnings: records.warnings.length,
    });
    expect(records.events.map((e) => e.kind)).toContain("marginCall");
    expect(records.orders[1].reason?.kind).toBe("insufficientBuyingPower");
  });

  it("writeRecordsCSV() writes files csv-parse reads back to the same values", () => {
    const dir = tempDir("assay-out-");
    const paths = writeRecordsCSV(records, panel, dir);
    expect(paths.map((p) => p.slice(dir.length + 1))).toEqual(tables.map((t) => `${t.name}.csv`));
    const orders: Record<string, string>[] = parse(readFileSync(join(dir, "orders.csv")), { columns: true });
    expect(Object.keys(orders[0])).toEqual(tables[0].columns.map((c) => c.name));
    expect(orders[1]).toMatchObject({ id: "2", t: "0", time: "2024-01-02T00:00:00.000Z", asset: "B,B" });
    expect(orders[1].reason).toBe("insufficientBuyingPower");
    expect(orders[1].reasonDetail).toMatch(/^required=\d+(\.\d+)? available=\d+(\.\d+)?$/);
    expect(orders[0].limitPrice).toBe(""); // null as an empty cell
    const equity: Record<string, string>[] = parse(readFileSync(join(dir, "equity.csv")), { columns: true });
    expect(equity.map((row) => Number(row.equity))).toEqual(records.series.equity);
    const fills: Record<string, string>[] = parse(readFileSync(join(dir, "fills.csv")), { columns: true });
    expect(fills[0]).toMatchObject({ orderId: "1", qty: "190", fillPrice: "100", forced: "false" });
    expect(fills.at(-1)?.forced).toBe("true");
    const events: Record<string, string>[] = parse(readFileSync(join(dir, "events.csv")), { columns: true });
    expect(events[0]).toMatchObject({
      t: "2",
      kind: "marginCall",
      equity: "2400",
      requirement: "2850",
      asset: "",
    });
  });

  it("writeRecordsParquet() writes typed columns hyparquet reads back to the same values", async () => {
    const dir = tempDir("assay-out-");
    const paths = writeRecordsParquet(records, panel, dir);
    for (const [k, path] of paths.entries()) {
      const bytes = readFileSync(path);
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      const metadata = parquetMetadata(buffer);
      const columns = tables[k].columns;
      expect(metadata.schema.slice(1).map((e) => e.name)).toEqual(columns.map((c) => c.name));
      expect(metadata.schema.slice(1).map(parquetKind)).toEqual(
        columns.map(
          (c) =>
            ({
              int32: "INT32",
              float64: "DOUBLE",
              string: "BYTE_ARRAY/UTF8",
              bool: "BOOLEAN",
              timestamp: "INT64/TIMESTAMP_MILLIS",
            })[c.type],
        ),
      );
      const rows = await parquetReadObjects({ file: buffer });
      expect(rows.length).toBe(columns[0].values.length);
      for (const column of columns) {
        const expected = column.values.map((v) =>
          column.type === "timestamp" && v !== null ? new Date(v as number) : v,
        );
        expect(
          rows.map((row) => row[column.name]),
          `${tables[k].name}.${column.name}`,
        ).toEqual(expected);
      }
    }
  });

  it("writeRecordsParquet() files, empty ones too, read in arrow-rs (parquet-wasm) with their Arrow types", () => {
    expect(records.warnings).toEqual([]); // warnings.parquet has no rows
    const dir = tempDir("assay-out-");
    for (const [k, path] of writeRecordsParquet(records, panel, dir).entries()) {
      const table = tableFromIPC(readParquet(new Uint8Array(readFileSync(path))).intoIPCStream());
      const columns = tables[k].columns;
      expect(table.numRows).toBe(columns[0].values.length);
      expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(
        columns.map((c) => `${c.name}:${ARROW_NAMES[c.type]}`),
      );
    }
  });
});

const ARROW_NAMES = {
  int32: "Int32",
  float64: "Float64",
  string: "Utf8",
  bool: "Bool",
  timestamp: "Timestamp<MILLISECOND, UTC>",
};
