import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/index.ts";
import {
  type DataError,
  type LoadedPanel,
  loadPanel,
  panelFromCandles,
  validatePanel,
} from "../../src/data/index.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type { OrderRequest } from "../../src/model/index.ts";
import { scheduledOrders } from "../../src/strategy/declarative.ts";
import { tempDir } from "../helpers/temp-dir.ts";
import { arrowBytes, candles, longCsv, parquetBytes, type Row, sampleRows, writeWideCsv } from "./formats.ts";

/** The sample rows written in every format under a fresh folder; the paths by format. */
function writeAll(rows: readonly Row[]) {
  const dir = tempDir("assay-data-");
  const paths = {
    csv: join(dir, "bars.csv"),
    arrow: join(dir, "bars.arrow"),
    parquet: join(dir, "bars.parquet"),
    wide: join(dir, "wide"),
    candles: join(dir, "bars.json"),
  };
  writeFileSync(paths.csv, longCsv(rows));
  writeFileSync(paths.arrow, arrowBytes(rows));
  writeFileSync(paths.parquet, parquetBytes(rows));
  writeWideCsv(rows, paths.wide);
  writeFileSync(paths.candles, JSON.stringify(candles(rows)));
  return paths;
}

async function errorOf(load: Promise<unknown>): Promise<DataError> {
  try {
    await load;
  } catch (err) {
    if ((err as Error).name === "DataError") return err as DataError;
    throw err;
  }
  throw new Error("expected a DataError");
}

const ORDERS = new Map<number, OrderRequest[]>([
  [
    0,
    [
      { asset: "AAA", size: 10 },
      { asset: "BBB", size: -5 },
    ],
  ],
  [
    3,
    [
      { asset: "AAA", size: -10 },
      { asset: "BBB", size: 5 },
    ],
  ],
]);

function runFast(panel: LoadedPanel) {
  return fastEngine.run(panel, resolveConfig({}, panel.symbols, "test"), scheduledOrders(ORDERS));
}

describe("loadPanel() reads every format into the same panel", () => {
  for (const [label, stepMs] of [
    ["daily", 86_400_000],
    ["intraday (5 minute)", 300_000],
  ] as const) {
    it(`loadPanel() gives identical panels and fast-engine records from csv, wide csv, arrow, parquet, candles: ${label} bars`, async () => {
      const rows = sampleRows(8, stepMs);
      const paths = writeAll(rows);
      const csv = await loadPanel(paths.csv);
      expect(csv.symbols).toEqual(["AAA", "BBB"]);
      expect(csv.times[1] - csv.times[0]).toBe(stepMs);
      expect(csv.close[2 * 2 + 1]).toBeNaN(); // BBB misses bar 2
      const others = [
        await loadPanel(paths.arrow),
        await loadPanel(paths.parquet),
        await loadPanel(paths.wide),
        await loadPanel(paths.candles),
        panelFromCandles(candles(rows)),
      ];
      const records = runFast(csv);
      expect(records.fills.length).toBe(4); // each order at the next bar's open
      for (const panel of others) {
        expect(panel).toEqual(csv);
        expect(runFast(panel)).toEqual(records);
      }
    });
  }

  it("loadPanel() reads Parquet as pandas and polars write it: arrow-rs, nanosecond timestamps, zstd or gzip", async () => {
    const { Float64, Table, tableToIPC, Timestamp, TimeUnit, Utf8, vectorFromArray } = await import(
      "apache-arrow"
    );
    const {
      Compression,
      Table: WasmTable,
      WriterPropertiesBuilder,
      writeParquet,
    } = await import("parquet-wasm");
    const rows = sampleRows(5);
    const paths = writeAll(rows);
    const prices = (f: "open" | "high" | "low" | "close" | "volume") =>
      vectorFromArray(
        rows.map((r) => r[f]),
        new Float64(),
      );
    const arrow = new Table({
      timestamp: vectorFromArray(
        rows.map((r) => r.tsMs),
        new Timestamp(TimeUnit.NANOSECOND, "UTC"),
      ),
      asset: vectorFromArray(
        rows.map((r) => r.symbol),
        new Utf8(),
      ),
      open: prices("open"),
      high: prices("high"),
      low: prices("low"),
      close: prices("close"),
      volume: prices("volume"),
    });
    const csv = await loadPanel(paths.csv);
    for (const codec of [Compression.ZSTD, Compression.GZIP]) {
      const properties = new WriterPropertiesBuilder().setCompression(codec).build();
      const path = join(paths.wide, "..", `rs-${codec}.parquet`);
      writeFileSync(path, writeParquet(WasmTable.fromIPCStream(tableToIPC(arrow, "stream")), properties));
      expect(await loadPanel(path)).toEqual(csv);
    }
  });

  it("loadPanel() takes a named format, a file URL and in-memory candles", async () => {
    const paths = writeAll(sampleRows(3));
    const copy = join(paths.wide, "..", "bars.data");
    writeFileSync(copy, longCsv(sampleRows(3)));
    const csv = await loadPanel(paths.csv);
    expect(await loadPanel({ format: "csv", path: copy })).toEqual(csv);
    expect(await loadPanel(new URL(`file://${paths.parquet}`))).toEqual(csv);
    expect(await loadPanel({ format: "candles", candles: candles(sampleRows(3)) })).toEqual(csv);
  });

  it("loadPanel() names an unknown extension, a missing extension and a missing file", async () => {
    const dir = tempDir("assay-data-");
    writeFileSync(join(dir, "bars.xlsx"), "x");
    writeFileSync(join(dir, "bars"), "x");
    expect((await errorOf(loadPanel(join(dir, "bars.xlsx")))).message).toBe(
      `${dir}/bars.xlsx field=format: unknown extension ".xlsx"; known formats: csv (long), a folder of csv (wide, one file per symbol), arrow, parquet, candles (json)`,
    );
    expect((await errorOf(loadPanel(join(dir, "bars")))).message).toMatch(/field=format: no file extension;/);
    expect((await errorOf(loadPanel(join(dir, "none.csv")))).message).toMatch(
      /none\.csv: cannot read: ENOENT/,
    );
  });
});

/** One bad row, written in each format; the expected error per format. */
describe("loaders reject bad files with the CSV loader's errors", () => {
  const good = () => sampleRows(4);
  const formats = ["csv", "arrow", "parquet", "wide", "candles"] as const;
  const at = (
    format: (typeof formats)[number],
    paths: ReturnType<typeof writeAll>,
    line: number,
    row: number,
  ) => {
    if (format === "csv") return `${paths.csv}:${line} (asset=AAA)`;
    if (format === "wide") return `${join(paths.wide, "AAA.csv")}:${(line + 2) / 2} (asset=AAA)`;
    return `${paths[format]} (row=${format === "candles" ? row / 2 : row}, asset=AAA)`;
  };

  it("loaders reject a NaN price in one field", async () => {
    const rows = good();
    rows[2].close = Number.NaN; // AAA at bar 1: line 4 of the long CSV, row 2 of a table, candle 1
    const paths = writeAll(rows);
    for (const format of formats) {
      const err = await errorOf(loadPanel(paths[format]));
      expect(err.message).toBe(
        `${at(format, paths, 4, 2)} field=close: missing while open, high, low are present; a bar is missing in all of open, high, low, close or in none [SPEC 1]`,
      );
    }
  });

  it("loaders reject an unsorted and a duplicate timestamp", async () => {
    const unsorted = good();
    [unsorted[2].tsMs, unsorted[4].tsMs] = [unsorted[4].tsMs, unsorted[2].tsMs];
    const paths = writeAll(unsorted);
    for (const format of formats) {
      const err = await errorOf(loadPanel(paths[format]));
      expect(err.field).toBe("date");
      expect(err.message).toMatch(
        /unsorted dates: 2024-01-03T00:00:00.000Z after 2024-01-04T00:00:00.000Z \((line|row) \d\); dates must be strictly increasing within a symbol \[SPEC 1\]$/,
      );
      expect(err.message.startsWith(at(format, paths, 6, 4))).toBe(true);
    }
    const duplicate = good();
    duplicate[2].tsMs = duplicate[0].tsMs;
    const dupPaths = writeAll(duplicate);
    for (const format of formats) {
      const err = await errorOf(loadPanel(dupPaths[format]));
      expect(err.message).toMatch(
        /field=date: duplicate row for date 2024-01-02T00:00:00.000Z, first at (line 2|row 0); one row per \(date, symbol\) \[SPEC 1\]$/,
      );
      expect(err.message.startsWith(at(format, dupPaths, 4, 2))).toBe(true);
    }
  });

  it("arrow and parquet loaders reject a missing column and a wrong column type", async () => {
    const dir = tempDir("assay-data-");
    const { Float64, Table, tableToIPC, Utf8, vectorFromArray } = await import("apache-arrow");
    const { parquetWriteBuffer } = await import("hyparquet-writer");
    type Column = { name: string; data: (string | number)[] };
    const text = (name: string, data: string[]): Column => ({ name, data });
    const numbers = (name: string, data: number[]): Column => ({ name, data });
    const write = (name: string, columns: Column[]) => {
      const arrow = join(dir, `${name}.arrow`);
      const vectors = columns.map((c) =>
        typeof c.data[0] === "string"
          ? vectorFromArray(c.data as string[], new Utf8())
          : vectorFromArray(c.data as number[], new Float64()),
      );
      writeFileSync(
        arrow,
        tableToIPC(new Table(Object.fromEntries(columns.map((c, k) => [c.name, vectors[k]])))),
      );
      const parquet = join(dir, `${name}.parquet`);
      const columnData = columns.map((c) => ({
        ...c,
        type: typeof c.data[0] === "string" ? "STRING" : "DOUBLE",
      }));
      writeFileSync(parquet, new Uint8Array(parquetWriteBuffer({ columnData } as never)));
      return [arrow, parquet];
    };
    const base = [
      text("date", ["2024-01-02", "2024-01-03"]),
      text("symbol", ["AAA", "AAA"]),
      numbers("open", [10, 10]),
      numbers("high", [11, 11]),
      numbers("low", [9, 9]),
    ];
    for (const path of write("short", base)) {
      expect((await errorOf(loadPanel(path))).message).toBe(
        `${path} field=close: missing required column; the header needs date (or time, timestamp, datetime), symbol (or asset), open, high, low, close, volume, got "date,symbol,open,high,low" [SPEC 1]`,
      );
    }
    const wrongType = [...base, text("close", ["10.5", "10.5"]), numbers("volume", [100, 100])];
    for (const path of write("typed", wrongType)) {
      expect((await errorOf(loadPanel(path))).message).toBe(
        `${path} (row=0, asset=AAA) field=close: the text "10.5" is not a number; price and volume columns are numeric (float or int), a missing value null or NaN`,
      );
    }
    expect(() => panelFromCandles({ AAA: [[Date.UTC(2024, 0, 2), 10, "11", 9, 10.5, 100]] })).toThrow(
      'candles (row=0, asset=AAA) field=high: the text "11" is not a number;',
    );
  });

  it("loaders reject a missing column in wide csv and a short candle", async () => {
    const dir = tempDir("assay-data-");
    writeFileSync(join(dir, "AAA.csv"), "time,open,high,low,close\n2024-01-02,10,11,9,10.5\n");
    expect((await errorOf(loadPanel(dir))).message).toMatch(
      /AAA\.csv:1 field=volume: missing required column;/,
    );
    expect(() => panelFromCandles({ "BTC/USDT": [[Date.UTC(2024, 0, 1), 1, 2, 0.5, 1.5]] })).toThrow(
      "candles (row=0, asset=BTC/USDT) field=candle: expected [ms, open, high, low, close, volume], got [1704067200000,1,2,0.5,1.5] [SPEC 1]",
    );
    expect(() => panelFromCandles({ "BTC/USDT": [] })).toThrow(
      "candles: a header and no rows; the data needs at least one bar [SPEC 1]",
    );
  });

  it("loaders name a corrupt binary file without echoing it", async () => {
    const dir = tempDir("assay-data-");
    for (const name of ["t.arrow", "t.parquet"]) {
      writeFileSync(join(dir, name), Buffer.from([0, 1, 2, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe]));
      const err = await errorOf(loadPanel(join(dir, name)));
      expect(err.message).toMatch(/: cannot read as (Arrow IPC|Parquet): /);
      expect(err.message).not.toContain(String.fromCharCode(0x1b));
    }
  });
});

describe("loaders keep extra columns the same way in every format", () => {
  it("loadPanel() keeps a numeric extra as a number and a text extra as text, csv and parquet alike", async () => {
    const dir = tempDir("assay-data-");
    const csvPath = join(dir, "bars.csv");
    writeFileSync(
      csvPath,
      "date,symbol,open,high,low,close,volume,score,sector\n" +
        "2024-01-02,AAA,10,11,9,10.5,100,0.5,Tech\n" +
        "2024-01-02,BBB,20,21,19,20.5,100,,\n",
    );
    const { parquetWriteBuffer } = await import("hyparquet-writer");
    const parquetPath = join(dir, "bars.parquet");
    const numbers = (name: string, data: (number | null)[]) => ({ name, data, type: "DOUBLE" as const });
    writeFileSync(
      parquetPath,
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            {
              name: "date",
              data: [new Date(Date.UTC(2024, 0, 2)), new Date(Date.UTC(2024, 0, 2))],
              type: "TIMESTAMP",
            },
            { name: "symbol", data: ["AAA", "BBB"], type: "STRING" },
            numbers("open", [10, 20]),
            numbers("high", [11, 21]),
            numbers("low", [9, 19]),
            numbers("close", [10.5, 20.5]),
            { name: "volume", data: [100n, 100n], type: "INT64" },
            numbers("score", [0.5, null]),
            { name: "sector", data: ["Tech", null], type: "STRING" },
          ],
        }),
      ),
    );
    const csv = await loadPanel(csvPath);
    expect(csv.text).toEqual({ sector: ["Tech", ""] });
    expect([...csv.extra.score]).toEqual([0.5, Number.NaN]);
    expect(await loadPanel(parquetPath)).toEqual(csv);
    expect(() => validatePanel(csv, csvPath)).not.toThrow();
  });
});
