// Test helper: one small data set written in every input format, so loaders can be compared.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Float64, Table, TimestampMillisecond, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import { parquetWriteBuffer } from "hyparquet-writer";

/** One long-layout row; a null price is a missing bar. */
export interface Row {
  tsMs: number;
  symbol: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Two symbols, `bars` bars `stepMs` apart from 2024-01-02 (daily or intraday); BBB misses bar 2. */
export function sampleRows(bars = 8, stepMs = DAY_MS): Row[] {
  const rows: Row[] = [];
  for (let t = 0; t < bars; t++) {
    const tsMs = Date.UTC(2024, 0, 2) + t * stepMs;
    for (const [symbol, base] of [
      ["AAA", 100],
      ["BBB", 50],
    ] as const) {
      const open = base + t;
      const close = open + (t % 2 === 0 ? 0.5 : -0.25);
      const missing = symbol === "BBB" && t === 2;
      rows.push({
        tsMs,
        symbol,
        open: missing ? null : open,
        high: missing ? null : Math.max(open, close) + 1,
        low: missing ? null : Math.min(open, close) - 1,
        close: missing ? null : close,
        volume: missing ? null : 1000 + 10 * t,
      });
    }
  }
  return rows;
}

const FIELDS = ["open", "high", "low", "close", "volume"] as const;
const iso = (tsMs: number) => new Date(tsMs).toISOString();
const cell = (value: number | null) => (value === null ? "" : String(value));

export function longCsv(rows: readonly Row[]): string {
  const lines = rows.map((r) => [iso(r.tsMs), r.symbol, ...FIELDS.map((f) => cell(r[f]))].join(","));
  return `date,symbol,open,high,low,close,volume\n${lines.join("\n")}\n`;
}

export function arrowBytes(rows: readonly Row[]): Uint8Array {
  const table = new Table({
    date: vectorFromArray(
      rows.map((r) => new Date(r.tsMs)),
      new TimestampMillisecond(),
    ),
    symbol: vectorFromArray(
      rows.map((r) => r.symbol),
      new Utf8(),
    ),
    ...Object.fromEntries(
      FIELDS.map((f) => [
        f,
        vectorFromArray(
          rows.map((r) => r[f]),
          new Float64(),
        ),
      ]),
    ),
  });
  return tableToIPC(table, "file");
}

export function parquetBytes(rows: readonly Row[]): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: "date", data: rows.map((r) => new Date(r.tsMs)), type: "TIMESTAMP" },
      { name: "symbol", data: rows.map((r) => r.symbol), type: "STRING" },
      ...FIELDS.map((f) => ({ name: f, data: rows.map((r) => r[f]), type: "DOUBLE" as const })),
    ],
  });
  return new Uint8Array(buffer);
}

/** One file per symbol in dir, `time` as the date column. */
export function writeWideCsv(rows: readonly Row[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const symbol of new Set(rows.map((r) => r.symbol))) {
    const lines = rows
      .filter((r) => r.symbol === symbol)
      .map((r) => [iso(r.tsMs), ...FIELDS.map((f) => cell(r[f]))].join(","));
    writeFileSync(join(dir, `${symbol}.csv`), `time,open,high,low,close,volume\n${lines.join("\n")}\n`);
  }
}

/** ccxt candles; a missing bar as nulls (what an exchange gap would be after filling). */
export function candles(rows: readonly Row[]): Record<string, (number | null)[][]> {
  const set: Record<string, (number | null)[][]> = {};
  for (const r of rows) {
    set[r.symbol] ??= [];
    set[r.symbol].push([r.tsMs, ...FIELDS.map((f) => r[f])]);
  }
  return set;
}
