// SPEC 9 (records, canonical order, tolerances): the differential comparator of two engines'
// Records. Sections are walked one to one in canonical order; money within MONEY_TOLERANCE,
// everything else exactly (money.ts). The first divergence is the earliest by bar, so that the
// cause is reported rather than its consequences.
import type { OrderRecord, Records } from "../model/index.ts";
import { isMoneyField, MONEY_SIZE_TYPES, MONEY_TOLERANCE, sameExact, sameMoney } from "./money.ts";

export type RecordSection =
  | "orders"
  | "fills"
  | "events"
  | "trades"
  | "series"
  | "totals"
  | "ledgerTotals"
  | "sameBarFills"
  | "warnings"
  | "symbols";

export interface RecordDivergence {
  readonly section: RecordSection;
  /** Position in the section (orders, fills, events, trades, warnings, symbols); null for the series (see t) and the totals. */
  readonly index: number | null;
  /**
   * The bar at which the two records part: an order's decision bar for what it requested, its
   * doneT for how it ended (status, filledQty, reason, doneT); a trade's entryT or exitT. When
   * the two sides name different bars, the earlier. Null for undated sections.
   */
  readonly t: number | null;
  readonly asset?: string;
  readonly orderId?: number;
  /** A record field, dotted when nested (`reason.required`, `volumeCap.cap`); `record` when one side has none. */
  readonly field: string;
  /** The value on each side: a number, string, boolean or null as recorded; a brief text for an object or an absent record. */
  readonly a: unknown;
  readonly b: unknown;
  /** Compared within MONEY_TOLERANCE (else exactly). */
  readonly money: boolean;
  /** The two engines' names, for rendering. */
  readonly names: readonly [string, string];
}

export interface DiffOptions {
  /** Names of the two sides in rendered lines; default the records' engine names. */
  readonly names?: readonly [string, string];
}

/**
 * The first divergence between two engines' records, or null when they agree within SPEC 9.
 * "First" is the earliest bar over all sections; at one bar an order's ending ranks before the
 * fills, then events, then the series, then what orders were decided at that bar's close (they are
 * sized from it), then trades; undated sections (totals, ledgerTotals, sameBarFills, warnings,
 * symbols) come last. Within a section and bar, in record order.
 */
export function diffRecords(a: Records, b: Records, options: DiffOptions = {}): RecordDivergence | null {
  const names = options.names ?? defaultNames(a, b);
  let best: Found | null = null;
  walk(a, b, 1, (found) => {
    if (best === null || before(found, best)) best = found;
  });
  return best === null ? null : { ...(best as Found).d, names };
}

/** Up to `limit` divergences, earliest first in the order of diffRecords (whose answer is the first). */
export function allDivergences(
  a: Records,
  b: Records,
  limit = 50,
  options: DiffOptions = {},
): RecordDivergence[] {
  const names = options.names ?? defaultNames(a, b);
  const found: Found[] = [];
  walk(a, b, limit, (f) => found.push(f));
  return found
    .sort((x, y) => (before(x, y) ? -1 : before(y, x) ? 1 : 0))
    .slice(0, limit)
    .map((f) => ({ ...f.d, names }));
}

/** `fills[12] t=37 asset=SPY order=41 fillPrice: reference 101.25 vs fast 101.2500003 (rel 3.0e-9)` */
export function renderRecordDivergence(
  d: RecordDivergence,
  names: readonly [string, string] = d.names,
): string {
  const where = [d.index === null ? d.section : `${d.section}[${d.index}]`];
  if (d.t !== null) where.push(`t=${d.t}`);
  if (d.asset !== undefined) where.push(`asset=${d.asset}`);
  if (d.orderId !== undefined) where.push(`order=${d.orderId}`);
  return `${where.join(" ")} ${d.field}: ${names[0]} ${show(d.a)} vs ${names[1]} ${show(d.b)}${gap(d)}`;
}

// ---------------------------------------------------------------------------------------------
// walk

/** Within a bar: an order's ending, fills, events, series, orders decided at its close, trades. */
const RANK = {
  orderEnd: 0,
  fills: 1,
  events: 2,
  series: 3,
  orderDecision: 4,
  trades: 5,
  totals: 6,
  ledgerTotals: 7,
  sameBarFills: 8,
  warnings: 9,
  symbols: 10,
} as const;

/** Order fields that record how the order went and ended, not what was decided. */
const ORDER_END_FIELDS: ReadonlySet<string> = new Set(["status", "filledQty", "reason", "doneT", "deferred"]);
/** Trade fields fixed when the trade opened; the rest are dated at its exit. */
const TRADE_ENTRY_FIELDS: ReadonlySet<string> = new Set(["asset", "side", "entryT", "entryPrice"]);

const SERIES_MONEY = [
  "cash",
  "equity",
  "grossExposure",
  "netExposure",
  "initialMargin",
  "maintenanceMargin",
] as const;

type Divergence = Omit<RecordDivergence, "names">;
type Place = Pick<Divergence, "section" | "index" | "t" | "asset" | "orderId">;

interface Found {
  readonly d: Divergence;
  readonly rank: number;
}

/** The marker of a value one side does not have. */
const ABSENT = "absent";

type Plain = Record<string, unknown>;

function before(x: Found, y: Found): boolean {
  const tx = x.d.t ?? Number.POSITIVE_INFINITY;
  const ty = y.d.t ?? Number.POSITIVE_INFINITY;
  return tx < ty || (tx === ty && x.rank < y.rank);
}

/** Receives each divergence found, section by section in walk order. */
type Emit = (found: Found) => void;

/**
 * Every section, one to one. The series walk is in key order (by t), so it stops after
 * `seriesLimit` divergences; the others are short and walked whole (an order's ending may be dated
 * long after its decision).
 */
function walk(a: Records, b: Records, seriesLimit: number, emit: Emit): void {
  orders(a.orders, b.orders, emit);
  records("fills", RANK.fills, a.fills, b.fills, emit, (x, y) => ({
    t: Math.min(x.t, y.t),
    asset: x.asset,
    orderId: x.orderId,
  }));
  records("events", RANK.events, a.events, b.events, emit, (x, y) => ({
    t: Math.min(x.t, y.t),
    asset: "asset" in x ? x.asset : undefined,
    orderId: "orderId" in x ? x.orderId : undefined,
  }));
  trades(a.trades, b.trades, emit);
  series(a, b, seriesLimit, emit);
  const undated = (section: RecordSection): Place => ({ section, index: null, t: null });
  fields(undated("totals"), RANK.totals, a.totals, b.totals, emit);
  fields(undated("ledgerTotals"), RANK.ledgerTotals, a.ledgerTotals, b.ledgerTotals, emit);
  fields(undated("sameBarFills"), RANK.sameBarFills, a, b, emit, ["sameBarFills"]);
  strings("warnings", RANK.warnings, a.warnings, b.warnings, emit);
  strings("symbols", RANK.symbols, a.symbols, b.symbols, emit);
}

function orders(a: readonly OrderRecord[], b: readonly OrderRecord[], emit: Emit): void {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (shallowSame(x, y)) continue;
    const decided: Place = {
      section: "orders",
      index: i,
      t: Math.min(x.t, y.t),
      asset: x.asset,
      orderId: x.id,
    };
    const ended: Place = { ...decided, t: earliest(x.doneT, y.doneT) ?? decided.t };
    const keys = unionKeys(x, y);
    const sizeMoney = MONEY_SIZE_TYPES.has(x.sizeType) && x.sizeType === y.sizeType;
    const decisionKeys = keys.filter((k) => !ORDER_END_FIELDS.has(k));
    fields(decided, RANK.orderDecision, x, y, emit, decisionKeys, (k) =>
      k === "size" ? sizeMoney : isMoneyField(k),
    );
    fields(
      ended,
      RANK.orderEnd,
      x,
      y,
      emit,
      keys.filter((k) => ORDER_END_FIELDS.has(k)),
    );
  }
  absentRecord("orders", RANK.orderDecision, a, b, emit, (r) => ({ t: r.t, asset: r.asset, orderId: r.id }));
}

function trades(a: Records["trades"], b: Records["trades"], emit: Emit): void {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (shallowSame(x, y)) continue;
    const opened: Place = { section: "trades", index: i, t: Math.min(x.entryT, y.entryT), asset: x.asset };
    const closed: Place = { ...opened, t: earliest(x.exitT, y.exitT) };
    const keys = unionKeys(x, y);
    fields(
      opened,
      RANK.trades,
      x,
      y,
      emit,
      keys.filter((k) => TRADE_ENTRY_FIELDS.has(k)),
    );
    fields(
      closed,
      RANK.trades,
      x,
      y,
      emit,
      keys.filter((k) => !TRADE_ENTRY_FIELDS.has(k)),
    );
  }
  absentRecord("trades", RANK.trades, a, b, emit, (r) => ({ t: r.entryT, asset: r.asset }));
}

/** Records compared index by index, every field; then the first index only one side has. */
function records<R extends object>(
  section: RecordSection,
  rank: number,
  a: readonly R[],
  b: readonly R[],
  emit: Emit,
  place: (x: R, y: R) => Pick<Place, "t" | "asset" | "orderId">,
): void {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (shallowSame(x, y)) continue;
    const at = { section, index: i, ...defined(place(x, y)) };
    if ("kind" in x && "kind" in y && x.kind !== y.kind) {
      emit({ d: { ...at, field: "kind", a: brief(x), b: brief(y), money: false }, rank });
      continue;
    }
    fields(at, rank, x, y, emit);
  }
  absentRecord(section, rank, a, b, emit, (r) => place(r, r));
}

/** Bar by bar: the money columns, then positions per asset; stops after `limit` divergences. */
function series(a: Records, b: Records, limit: number, emit: Emit): void {
  const sa = a.series;
  const sb = b.series;
  let n = 0;
  const count: Emit = (found) => {
    n++;
    emit(found);
  };
  const bars = Math.max(sa.cash.length, sb.cash.length, sa.positions.length, sb.positions.length);
  for (let t = 0; t < bars && n < limit; t++) {
    const at: Place = { section: "series", index: null, t };
    for (const name of SERIES_MONEY) {
      const x = sa[name][t];
      const y = sb[name][t];
      if (x === y) continue;
      value(at, RANK.series, name, x ?? absent(sa[name], "bars"), y ?? absent(sb[name], "bars"), true, count);
    }
    const pa = sa.positions[t];
    const pb = sb.positions[t];
    if (pa === undefined || pb === undefined) {
      const x = pa ?? absent(sa.positions, "bars");
      const y = pb ?? absent(sb.positions, "bars");
      value(at, RANK.series, "positions", x, y, false, count);
      continue;
    }
    for (let i = 0; i < Math.max(pa.length, pb.length) && n < limit; i++) {
      if (pa[i] === pb[i]) continue;
      const asset = a.symbols[i] ?? b.symbols[i];
      const there = asset === undefined ? at : { ...at, asset };
      value(
        there,
        RANK.series,
        "positions",
        pa[i] ?? absent(pa, "assets"),
        pb[i] ?? absent(pb, "assets"),
        false,
        count,
      );
    }
  }
}

function strings(
  section: RecordSection,
  rank: number,
  a: readonly string[],
  b: readonly string[],
  emit: Emit,
): void {
  const field = section === "warnings" ? "warning" : "symbol";
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const at: Place = { section, index: i, t: null };
    value(at, rank, field, a[i] ?? absent(a, section), b[i] ?? absent(b, section), false, emit);
    if (a[i] === undefined || b[i] === undefined) return;
  }
}

// ---------------------------------------------------------------------------------------------
// fields and values

/** The given keys (default: every key of either) of two plain objects, each compared as a value. */
function fields(
  at: Place,
  rank: number,
  x: object,
  y: object,
  emit: Emit,
  keys: readonly string[] = unionKeys(x, y),
  money: (key: string) => boolean = isMoneyField,
): void {
  for (const key of keys) {
    const vx = get(x, key);
    const vy = get(y, key);
    if (vx !== vy) value(at, rank, key, vx, vy, money(key), emit);
  }
}

/**
 * Two values of one field. Objects are compared field by field (dotted names), except that a
 * different `kind` (a reason, an event) diverges as a whole; a value one side lacks is ABSENT.
 */
function value(
  at: Place,
  rank: number,
  field: string,
  x: unknown,
  y: unknown,
  money: boolean,
  emit: Emit,
): void {
  if (isObject(x) && isObject(y)) {
    if (Array.isArray(x) !== Array.isArray(y) || get(x, "kind") !== get(y, "kind")) {
      emit({ d: { ...at, field, a: brief(x), b: brief(y), money: false }, rank });
      return;
    }
    for (const key of unionKeys(x, y)) {
      const name = `${field}.${key}`;
      value(at, rank, name, get(x, key), get(y, key), isMoneyField(name), emit);
    }
    return;
  }
  if (isObject(x) || isObject(y)) {
    emit({ d: { ...at, field, a: brief(x), b: brief(y), money: false }, rank });
    return;
  }
  const same = money && typeof x === "number" && typeof y === "number" ? sameMoney(x, y) : sameExact(x, y);
  if (!same) {
    const d = { ...at, field, a: x === undefined ? ABSENT : x, b: y === undefined ? ABSENT : y, money };
    emit({ d, rank });
  }
}

/** At the first index only one side has: one divergence naming the record the other lacks. */
function absentRecord<R extends object>(
  section: RecordSection,
  rank: number,
  a: readonly R[],
  b: readonly R[],
  emit: Emit,
  place: (r: R) => Pick<Place, "t" | "asset" | "orderId">,
): void {
  if (a.length === b.length) return;
  const i = Math.min(a.length, b.length);
  emit({
    d: {
      section,
      index: i,
      ...defined(place(a[i] ?? b[i])),
      field: "record",
      a: a[i] === undefined ? absent(a, section) : brief(a[i]),
      b: b[i] === undefined ? absent(b, section) : brief(b[i]),
      money: false,
    },
    rank,
  });
}

// ---------------------------------------------------------------------------------------------
// helpers

function defaultNames(a: Records, b: Records): readonly [string, string] {
  return a.engine === b.engine ? [`${a.engine}(a)`, `${b.engine}(b)`] : [a.engine, b.engine];
}

/** Same keys, each value identical (===): the common case, checked before the field walk. */
function shallowSame(x: object, y: object): boolean {
  let keys = 0;
  for (const key in x) {
    if (get(x, key) !== get(y, key)) return false;
    keys++;
  }
  for (const _ in y) keys--;
  return keys === 0;
}

function earliest(x: number | null, y: number | null): number | null {
  if (x === null) return y;
  if (y === null) return x;
  return Math.min(x, y);
}

/** Drops undefined members, so that optional place fields stay absent. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function isObject(v: unknown): v is object {
  return typeof v === "object" && v !== null;
}

function get(o: object, key: string): unknown {
  return (o as Plain)[key];
}

/** x's keys in order, then y's others. */
function unionKeys(x: object, y: object): string[] {
  const keys = Object.keys(x);
  for (const key of Object.keys(y)) if (!Object.hasOwn(x, key)) keys.push(key);
  return keys;
}

/** `absent (12 fills)`: the marker and how many the side has. */
function absent(list: readonly unknown[], noun: string): string {
  const singular = noun.endsWith("s") ? noun.slice(0, -1) : noun;
  return `${ABSENT} (${list.length} ${list.length === 1 ? singular : `${singular}s`})`;
}

/** A record or an object in one line: its kind, then key=value (`insufficientCash required=1500.5 available=900`). */
function brief(v: unknown): string {
  if (!isObject(v)) return show(v);
  if (Array.isArray(v)) return `[${v.map(brief).join(", ")}]`;
  const parts: string[] = [];
  for (const [key, item] of Object.entries(v)) {
    if (key === "kind") parts.unshift(String(item));
    else parts.push(`${key}=${isObject(item) ? `{${brief(item)}}` : show(item)}`);
  }
  return parts.join(" ");
}

function show(v: unknown): string {
  if (typeof v === "string") return v;
  if (isObject(v)) return brief(v);
  return String(v);
}

/** The size of a numeric gap: relative where the relative bound governs, else absolute. */
function gap(d: Divergence): string {
  const { a, b } = d;
  if (typeof a !== "number" || typeof b !== "number" || !Number.isFinite(a) || !Number.isFinite(b)) return "";
  const diff = Math.abs(a - b);
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (d.money) {
    return MONEY_TOLERANCE.relative * scale >= MONEY_TOLERANCE.absolute
      ? ` (rel ${(diff / scale).toExponential(1)})`
      : ` (diff ${diff.toExponential(1)})`;
  }
  return Number.isInteger(a) && Number.isInteger(b) ? "" : ` (diff ${diff.toExponential(1)})`;
}
