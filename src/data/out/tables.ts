// SPEC 9 (records): a run's records as flat, typed tables (one per file the writers make), so the
// CSV and Parquet writers share one column list and pandas or polars read either unchanged.
import { fieldsText } from "../../model/fields-text.ts";
import type { Panel } from "../../model/panel.ts";
import type { EventRecord, Records } from "../../model/records.ts";

/** int32 and float64 as named; timestamp: UTC ms (Parquet TIMESTAMP millis, ISO-8601 text in CSV). */
export type ColumnType = "int32" | "float64" | "string" | "bool" | "timestamp";
export type Cell = number | string | boolean | null;

export interface OutColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly values: readonly Cell[];
}

export interface OutTable {
  /** The file's name without extension: orders, fills, trades, equity, positions, events, warnings. */
  readonly name: string;
  readonly columns: readonly OutColumn[];
}

export function recordTables(records: Records, panel: Panel): OutTable[] {
  const time = (t: number | null) => (t === null ? null : panel.times[t]);
  const { series } = records;
  const bars = series.equity.map((_, t) => t);
  const cells = bars.flatMap((t) =>
    records.symbols.map((asset, i) => ({ t, asset, qty: series.positions[t][i] })),
  );
  return [
    table("orders", records.orders, [
      ["id", "int32", (o) => o.id],
      ["t", "int32", (o) => o.t],
      ["time", "timestamp", (o) => time(o.t)],
      ["asset", "string", (o) => o.asset],
      ["type", "string", (o) => o.type],
      ["sizeType", "string", (o) => o.sizeType],
      ["size", "float64", (o) => o.size],
      ["qty", "float64", (o) => o.qty],
      ["limitPrice", "float64", (o) => o.limitPrice],
      ["stopPrice", "float64", (o) => o.stopPrice],
      ["timeInForce", "string", (o) => o.timeInForce],
      ["onInsufficient", "string", (o) => o.onInsufficient],
      ["status", "string", (o) => o.status],
      ["filledQty", "float64", (o) => o.filledQty],
      ["reason", "string", (o) => o.reason?.kind ?? null],
      ["reasonDetail", "string", (o) => (o.reason === null ? null : fieldsText(o.reason, ["kind"]))],
      ["doneT", "int32", (o) => o.doneT],
      ["doneTime", "timestamp", (o) => time(o.doneT)],
      ["deferredZeroVolume", "int32", (o) => o.deferred.zeroVolume],
      ["deferredVolumeCap", "int32", (o) => o.deferred.volumeCap],
      ["deferredMissingBar", "int32", (o) => o.deferred.missingBar],
      ["deferredSlippage", "int32", (o) => o.deferred.slippage],
    ]),
    table("fills", records.fills, [
      ["orderId", "int32", (f) => f.orderId],
      ["t", "int32", (f) => f.t],
      ["time", "timestamp", (f) => time(f.t)],
      ["asset", "string", (f) => f.asset],
      ["qty", "float64", (f) => f.qty],
      ["reducingQty", "float64", (f) => f.reducingQty],
      ["increasingQty", "float64", (f) => f.increasingQty],
      ["basePrice", "float64", (f) => f.basePrice],
      ["fillPrice", "float64", (f) => f.fillPrice],
      ["commission", "float64", (f) => f.commission],
      ["slippageCost", "float64", (f) => f.slippageCost],
      ["impactCost", "float64", (f) => f.impactCost],
      ["forced", "bool", (f) => f.forced],
      ["partial", "bool", (f) => f.partial],
      ["zeroVolume", "bool", (f) => f.zeroVolume],
      ["noImpactHistory", "bool", (f) => f.noImpactHistory],
      ["unclampedPrice", "float64", (f) => f.clamped?.unclampedPrice ?? null],
      ["volumeCapFilled", "float64", (f) => f.volumeCap?.filled ?? null],
      ["volumeCap", "float64", (f) => f.volumeCap?.cap ?? null],
    ]),
    table("trades", records.trades, [
      ["asset", "string", (r) => r.asset],
      ["side", "int32", (r) => r.side],
      ["entryT", "int32", (r) => r.entryT],
      ["entryTime", "timestamp", (r) => time(r.entryT)],
      ["exitT", "int32", (r) => r.exitT],
      ["exitTime", "timestamp", (r) => time(r.exitT)],
      ["absQty", "float64", (r) => r.absQty],
      ["entryPrice", "float64", (r) => r.entryPrice],
      ["exitPrice", "float64", (r) => r.exitPrice],
      ["realizedPnl", "float64", (r) => r.realizedPnl],
      ["commission", "float64", (r) => r.commission],
      ["pnl", "float64", (r) => r.pnl],
      ["open", "bool", (r) => r.open],
    ]),
    table("equity", bars, [
      ["t", "int32", (t) => t],
      ["time", "timestamp", (t) => time(t)],
      ["cash", "float64", (t) => series.cash[t]],
      ["equity", "float64", (t) => series.equity[t]],
      ["grossExposure", "float64", (t) => series.grossExposure[t]],
      ["netExposure", "float64", (t) => series.netExposure[t]],
      ["initialMargin", "float64", (t) => series.initialMargin[t]],
      ["maintenanceMargin", "float64", (t) => series.maintenanceMargin[t]],
    ]),
    // Long (t, asset) rows, every asset at every bar: a pivot gives the T x N matrix back.
    table("positions", cells, [
      ["t", "int32", (c) => c.t],
      ["time", "timestamp", (c) => time(c.t)],
      ["asset", "string", (c) => c.asset],
      ["qty", "float64", (c) => c.qty],
    ]),
    table("events", records.events, [
      ["t", "int32", (e) => e.t],
      ["time", "timestamp", (e) => time(e.t)],
      ["step", "int32", (e) => e.step],
      ["kind", "string", (e) => e.kind],
      ...EVENT_FIELDS.map(([name, type]): Spec<EventRecord> => [name, type, (e) => eventField(e, name)]),
    ]),
    table("warnings", records.warnings, [["message", "string", (w) => w]]),
  ];
}

type Spec<R> = readonly [name: string, type: ColumnType, get: (row: R) => Cell];

function table<R>(name: string, rows: readonly R[], specs: readonly Spec<R>[]): OutTable {
  return {
    name,
    columns: specs.map(([column, type, get]) => ({ name: column, type, values: rows.map(get) })),
  };
}

/** Every field some event kind has, beyond t, step and kind; absent from a kind -> null. */
const EVENT_FIELDS: readonly (readonly [string, ColumnType])[] = [
  ["asset", "string"],
  ["orderId", "int32"],
  ["qty", "float64"],
  ["price", "float64"],
  ["cause", "string"],
  ["equity", "float64"],
  ["requirement", "float64"],
  ["deficit", "float64"],
  ["triggered", "int32"],
  ["tradeDate", "string"],
  ["amount", "float64"],
  ["violations", "int32"],
  ["until", "string"],
];

function eventField(event: EventRecord, name: string): Cell {
  const value = (event as unknown as Record<string, unknown>)[name];
  return value === undefined ? null : (value as Cell);
}
