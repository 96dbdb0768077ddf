// Golden files (shared/golden/README.md): the shape checks of `input` and `expected`, field by
// field, so that an error names the JSON path of what is wrong.
import {
  DEFERRAL_CAUSES,
  type Deferrals,
  type OnInsufficient,
  type OrderStatus,
  type TimeInForce,
} from "../model/index.ts";
import type {
  FillFlag,
  GoldenBar,
  GoldenCommission,
  GoldenCosts,
  GoldenEvent,
  GoldenExpected,
  GoldenFill,
  GoldenInput,
  GoldenOrder,
  GoldenOrderBase,
  GoldenOrderRecord,
  GoldenOrderType,
  GoldenRecordType,
  GoldenSlippage,
  GoldenTrade,
} from "./format.ts";
import { describe, type ShapeReader } from "./shape.ts";

/** Every golden order type, for messages and checks. */
export const GOLDEN_ORDER_TYPES: readonly GoldenOrderType[] = [
  "market",
  "limit",
  "stop",
  "stop-limit",
  "value",
  "target-size",
  "target-value",
  "target-percent",
];

/** The fill flags a golden file may list. */
export const FILL_FLAGS: readonly FillFlag[] = ["forced", "zeroVolume", "noImpactHistory"];

const INPUT_KEYS = ["cash", "assets", "bars", "orders", "costs", "fillAt", "options", "other"];
const OHLCV = ["open", "high", "low", "close", "volume"] as const;
const ORDER_KEYS = [
  "date",
  "asset",
  "type",
  "size",
  "value",
  "percent",
  "price",
  "limitPrice",
  "stopPrice",
  "timeInForce",
  "onInsufficient",
];
const TIME_IN_FORCE: readonly TimeInForce[] = ["gtc", "day"];
const ON_INSUFFICIENT: readonly OnInsufficient[] = ["reject", "partial", "scale"];

export function readInput(r: ShapeReader, value: unknown): GoldenInput {
  const input = r.object(value, "input", INPUT_KEYS);
  const cash = r.number(input.cash, "input.cash");
  const assets = r.array(input.assets, "input.assets").map((a, i) => r.string(a, `input.assets[${i}]`));
  if (assets.length === 0) r.fail("input.assets", "needs at least one asset");
  const seen = new Set<string>();
  assets.forEach((asset, i) => {
    if (seen.has(asset)) r.fail(`input.assets[${i}]`, `duplicate asset "${asset}"`);
    seen.add(asset);
  });
  const bars = readBars(r, input.bars, seen);
  const dates = new Set(bars.map((bar) => bar.date));
  const orders = r
    .array(input.orders, "input.orders")
    .map((o, i) => readOrder(r, o, `input.orders[${i}]`, seen, dates));
  const costs = input.costs === undefined ? undefined : readCosts(r, input.costs);
  const fillAt =
    input.fillAt === undefined
      ? undefined
      : r.oneOf(input.fillAt, "input.fillAt", ["next-open", "close", "open"]);
  const options = input.options === undefined ? undefined : r.object(input.options, "input.options");
  const other = input.other === undefined ? undefined : r.object(input.other, "input.other");
  return { cash, assets, bars, orders, costs, fillAt, options, other };
}

function readBars(r: ShapeReader, value: unknown, assets: ReadonlySet<string>): GoldenBar[] {
  const rows = r.array(value, "input.bars");
  if (rows.length === 0) r.fail("input.bars", "needs at least one bar");
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const path = `input.bars[${i}]`;
    const bar = r.object(row, path);
    const date = r.date(bar.date, `${path}.date`);
    const asset = r.member(bar.asset, `${path}.asset`, assets, "input.assets");
    const key = `${date} ${asset}`;
    if (seen.has(key)) r.fail(path, `second row for ${asset} on ${date}`);
    seen.add(key);
    const out: Record<string, string | number | null> = { date, asset };
    const nulls: string[] = [];
    for (const field of OHLCV) {
      out[field] = r.nullableNumber(bar[field], `${path}.${field}`);
      if (out[field] === null) nulls.push(field);
    }
    if (nulls.length > 0 && nulls.length < OHLCV.length) {
      r.fail(
        path,
        `${nulls.join(", ")} null but not all of open, high, low, close, volume (a missing bar nulls all five)`,
      );
    }
    for (const [field, v] of Object.entries(bar)) {
      if (field === "date" || field === "asset" || (OHLCV as readonly string[]).includes(field)) continue;
      out[field] = r.nullableNumber(v, `${path}.${field}`);
    }
    return out as GoldenBar;
  });
}

function readOrder(
  r: ShapeReader,
  value: unknown,
  path: string,
  assets: ReadonlySet<string>,
  dates: ReadonlySet<string>,
): GoldenOrder {
  const o = r.object(value, path, ORDER_KEYS);
  const date = r.date(o.date, `${path}.date`);
  if (!dates.has(date)) r.fail(`${path}.date`, `${date} is not a date of input.bars`);
  const asset = r.member(o.asset, `${path}.asset`, assets, "input.assets");
  const type = r.string(o.type, `${path}.type`);
  const base: { -readonly [K in keyof GoldenOrderBase]: GoldenOrderBase[K] } = { date, asset };
  if (o.timeInForce !== undefined && o.timeInForce !== null) {
    base.timeInForce = r.oneOf(o.timeInForce, `${path}.timeInForce`, TIME_IN_FORCE);
  }
  if (o.onInsufficient !== undefined && o.onInsufficient !== null) {
    base.onInsufficient = r.oneOf(o.onInsufficient, `${path}.onInsufficient`, ON_INSUFFICIENT);
  }
  const allowed = (...keys: string[]) => {
    for (const key of ["size", "value", "percent", "price", "limitPrice", "stopPrice"]) {
      if (o[key] !== undefined && !keys.includes(key))
        r.fail(`${path}.${key}`, `not used by a "${type}" order`);
    }
  };
  const size = () => r.number(o.size, `${path}.size`);
  // `price` is accepted for the one price of a limit or stop order (README: price/limitPrice/stopPrice).
  const onePrice = (key: "limitPrice" | "stopPrice") => {
    if (o[key] !== undefined && o.price !== undefined) r.fail(`${path}.price`, `give either price or ${key}`);
    return r.number(
      o[key] ?? o.price,
      `${path}.${o[key] === undefined && o.price !== undefined ? "price" : key}`,
    );
  };
  switch (type) {
    case "market":
      allowed("size");
      return { ...base, type, size: size() };
    case "limit":
      allowed("size", "limitPrice", "price");
      return { ...base, type, size: size(), limitPrice: onePrice("limitPrice") };
    case "stop":
      allowed("size", "stopPrice", "price");
      return { ...base, type, size: size(), stopPrice: onePrice("stopPrice") };
    case "stop-limit":
      allowed("size", "stopPrice", "limitPrice");
      return {
        ...base,
        type,
        size: size(),
        stopPrice: r.number(o.stopPrice, `${path}.stopPrice`),
        limitPrice: r.number(o.limitPrice, `${path}.limitPrice`),
      };
    case "value":
      allowed("value");
      return { ...base, type, value: r.number(o.value, `${path}.value`) };
    case "target-size":
      allowed("size");
      return { ...base, type, size: size() };
    case "target-value":
      allowed("value");
      return { ...base, type, value: r.number(o.value, `${path}.value`) };
    case "target-percent":
      allowed("percent");
      return { ...base, type, percent: r.number(o.percent, `${path}.percent`) };
    default:
      return r.fail(`${path}.type`, `unknown order type "${type}"`);
  }
}

function readCosts(r: ShapeReader, value: unknown): GoldenCosts {
  const costs = r.object(value, "input.costs", ["commission", "slippage"]);
  const out: { commission?: GoldenCommission; slippage?: GoldenSlippage } = {};
  if (costs.commission !== undefined) {
    const c = r.object(costs.commission, "input.costs.commission", ["kind", "rate"]);
    r.oneOf(c.kind, "input.costs.commission.kind", ["percent"]);
    out.commission = { kind: "percent", rate: r.number(c.rate, "input.costs.commission.rate") };
  }
  if (costs.slippage !== undefined) {
    const s = r.object(costs.slippage, "input.costs.slippage");
    const kind = r.oneOf(s.kind, "input.costs.slippage.kind", ["percent", "bps"] as const);
    if (kind === "percent") {
      r.object(s, "input.costs.slippage", ["kind", "rate"]);
      out.slippage = { kind, rate: r.number(s.rate, "input.costs.slippage.rate") };
    } else {
      r.object(s, "input.costs.slippage", ["kind", "bps"]);
      out.slippage = { kind, bps: r.number(s.bps, "input.costs.slippage.bps") };
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// expected

const EXPECTED_KEYS = [
  "fills",
  "rejected",
  "orders",
  "equity",
  "finalValue",
  "finalCash",
  "finalPositions",
  "events",
  "ledgerTotals",
  "trades",
];
const FILL_KEYS = ["date", "asset", "size", "price", "commission"];
const FILL_OPTIONAL = ["orderId", "reducingQty", "increasingQty", "basePrice", "slippageCost", "impactCost"];
const RECORD_TYPES: readonly GoldenRecordType[] = [...GOLDEN_ORDER_TYPES, "percent", "liquidation"];
const STATUSES: readonly OrderStatus[] = ["working", "filled", "partial", "rejected", "cancelled", "expired"];

export function readExpected(
  r: ShapeReader,
  value: unknown,
  input: Pick<GoldenInput, "assets">,
): GoldenExpected {
  const e = r.object(value, "expected", EXPECTED_KEYS);
  if (Object.keys(e).length === 0) r.fail("expected", "has nothing to compare");
  const assets = new Set(input.assets);
  const out: { -readonly [K in keyof GoldenExpected]: GoldenExpected[K] } = {};
  if (e.fills !== undefined) {
    out.fills = r
      .array(e.fills, "expected.fills")
      .map((row, i) => readFill(r, row, `expected.fills[${i}]`, assets));
  }
  if (e.rejected !== undefined) {
    out.rejected = r.array(e.rejected, "expected.rejected").map((row, i) => {
      const path = `expected.rejected[${i}]`;
      const o = r.object(row, path, ["date", "asset", "size", "reason", "orderId"]);
      return {
        date: r.date(o.date, `${path}.date`),
        asset: r.member(o.asset, `${path}.asset`, assets, "input.assets"),
        size: r.number(o.size, `${path}.size`),
        reason: r.string(o.reason, `${path}.reason`),
        ...(o.orderId === undefined ? {} : { orderId: r.id(o.orderId, `${path}.orderId`) }),
      };
    });
  }
  if (e.orders !== undefined) {
    out.orders = r.array(e.orders, "expected.orders").map((row, i) => readOrderRecord(r, row, i, assets));
  }
  if (e.equity !== undefined) {
    out.equity = r.array(e.equity, "expected.equity").map((row, i) => {
      const path = `expected.equity[${i}]`;
      const o = r.object(row, path, ["date", "value", "cash"]);
      return {
        date: r.date(o.date, `${path}.date`),
        value: r.number(o.value, `${path}.value`),
        cash: r.number(o.cash, `${path}.cash`),
      };
    });
  }
  if (e.finalValue !== undefined) out.finalValue = r.number(e.finalValue, "expected.finalValue");
  if (e.finalCash !== undefined) out.finalCash = r.number(e.finalCash, "expected.finalCash");
  if (e.finalPositions !== undefined) {
    const positions = r.object(e.finalPositions, "expected.finalPositions");
    const qtys: Record<string, number> = {};
    for (const [symbol, qty] of Object.entries(positions)) {
      r.member(symbol, `expected.finalPositions.${symbol}`, assets, "input.assets");
      qtys[symbol] = r.number(qty, `expected.finalPositions.${symbol}`);
    }
    out.finalPositions = qtys;
  }
  if (e.events !== undefined) {
    out.events = r
      .array(e.events, "expected.events")
      .map((row, i) => readEvent(r, row, `expected.events[${i}]`, assets));
  }
  if (e.ledgerTotals !== undefined) {
    const totals = r.object(e.ledgerTotals, "expected.ledgerTotals");
    const sums: Record<string, number> = {};
    for (const [kind, sum] of Object.entries(totals))
      sums[kind] = r.number(sum, `expected.ledgerTotals.${kind}`);
    out.ledgerTotals = sums;
  }
  if (e.trades !== undefined) {
    out.trades = r
      .array(e.trades, "expected.trades")
      .map((row, i) => readTrade(r, row, `expected.trades[${i}]`, assets));
  }
  return out;
}

const TRADE_KEYS = ["asset", "qty", "entryDate", "exitDate", "commission"];
const TRADE_OPTIONAL = ["entryPrice", "exitPrice", "realizedPnl", "pnl"];

function readTrade(r: ShapeReader, row: unknown, path: string, assets: ReadonlySet<string>): GoldenTrade {
  const o = r.object(row, path, [...TRADE_KEYS, ...TRADE_OPTIONAL]);
  const trade: Record<string, unknown> = {
    asset: r.member(o.asset, `${path}.asset`, assets, "input.assets"),
    qty: r.number(o.qty, `${path}.qty`),
    entryDate: r.date(o.entryDate, `${path}.entryDate`),
    exitDate: o.exitDate === null ? null : r.date(o.exitDate, `${path}.exitDate`),
    commission: r.number(o.commission, `${path}.commission`),
  };
  if (trade.qty === 0) r.fail(`${path}.qty`, "must not be 0 (a trade opens some units)");
  for (const key of TRADE_OPTIONAL) {
    if (o[key] === undefined) continue;
    trade[key] =
      key === "exitPrice" ? r.nullableNumber(o[key], `${path}.${key}`) : r.number(o[key], `${path}.${key}`);
  }
  return trade as unknown as GoldenTrade;
}

function readFill(r: ShapeReader, row: unknown, path: string, assets: ReadonlySet<string>): GoldenFill {
  const o = r.object(row, path, [...FILL_KEYS, ...FILL_OPTIONAL, "unclampedPrice", "flags"]);
  const fill: Record<string, unknown> = {
    date: r.date(o.date, `${path}.date`),
    asset: r.member(o.asset, `${path}.asset`, assets, "input.assets"),
    size: r.number(o.size, `${path}.size`),
    price: r.number(o.price, `${path}.price`),
    commission: r.number(o.commission, `${path}.commission`),
  };
  for (const key of FILL_OPTIONAL) {
    if (o[key] === undefined) continue;
    fill[key] = key === "orderId" ? r.id(o[key], `${path}.${key}`) : r.number(o[key], `${path}.${key}`);
  }
  if (o.unclampedPrice !== undefined)
    fill.unclampedPrice =
      o.unclampedPrice === null ? null : r.number(o.unclampedPrice, `${path}.unclampedPrice`);
  if (o.flags !== undefined) {
    fill.flags = r
      .array(o.flags, `${path}.flags`)
      .map((f, i) => r.oneOf(f, `${path}.flags[${i}]`, FILL_FLAGS));
  }
  return fill as unknown as GoldenFill;
}

function readOrderRecord(
  r: ShapeReader,
  row: unknown,
  i: number,
  assets: ReadonlySet<string>,
): GoldenOrderRecord {
  const path = `expected.orders[${i}]`;
  const o = r.object(row, path, [
    "id",
    "date",
    "asset",
    "type",
    "qty",
    "onInsufficient",
    "status",
    "filledQty",
    "reason",
    "reasonDetail",
    "deferred",
  ]);
  let reasonDetail: Record<string, number | string> | undefined;
  if (o.reasonDetail !== undefined) {
    reasonDetail = {};
    for (const [key, v] of Object.entries(r.object(o.reasonDetail, `${path}.reasonDetail`))) {
      if (typeof v !== "number" && typeof v !== "string")
        r.fail(`${path}.reasonDetail.${key}`, "must be a number or a string");
      reasonDetail[key] = v;
    }
  }
  let deferred: Partial<Deferrals> | undefined;
  if (o.deferred !== undefined) {
    const counts = r.object(o.deferred, `${path}.deferred`, DEFERRAL_CAUSES);
    deferred = {};
    for (const cause of DEFERRAL_CAUSES)
      if (counts[cause] !== undefined) deferred[cause] = r.number(counts[cause], `${path}.deferred.${cause}`);
  }
  return {
    id: r.id(o.id, `${path}.id`),
    date: r.date(o.date, `${path}.date`),
    asset: r.member(o.asset, `${path}.asset`, assets, "input.assets"),
    type: r.oneOf(o.type, `${path}.type`, RECORD_TYPES),
    qty: r.number(o.qty, `${path}.qty`),
    onInsufficient: r.oneOf(o.onInsufficient, `${path}.onInsufficient`, ON_INSUFFICIENT),
    status: r.oneOf(o.status, `${path}.status`, STATUSES),
    filledQty: r.number(o.filledQty, `${path}.filledQty`),
    reason: o.reason === null ? null : r.string(o.reason, `${path}.reason`),
    ...(reasonDetail === undefined ? {} : { reasonDetail }),
    ...(deferred === undefined ? {} : { deferred }),
  };
}

function readEvent(r: ShapeReader, row: unknown, path: string, assets: ReadonlySet<string>): GoldenEvent {
  const o = r.object(row, path);
  const event: Record<string, string | number> = {
    kind: r.string(o.kind, `${path}.kind`),
    date: r.date(o.date, `${path}.date`),
  };
  for (const [key, v] of Object.entries(o)) {
    if (key === "kind" || key === "date") continue;
    if (key === "asset") event.asset = r.member(v, `${path}.asset`, assets, "input.assets");
    else if (typeof v === "number" || typeof v === "string") event[key] = v;
    else r.fail(`${path}.${key}`, `must be a number or a string, got ${describe(v)}`);
  }
  return event as GoldenEvent;
}
