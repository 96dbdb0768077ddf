// Golden files (shared/golden/README.md): an engine's Records (SPEC 9) against a file's `expected`.
// Every section and field present in `expected` is compared; absent ones are not. Money within
// 1e-6 relative (absolute floor 1e-6), everything else exactly.
import {
  DEFERRAL_CAUSES,
  type EventRecord,
  endedByRule,
  type FillRecord,
  type OrderRecord,
  type Reason,
  type Records,
  type TradeRecord,
} from "../model/index.ts";
import type {
  GoldenEvent,
  GoldenExpected,
  GoldenFill,
  GoldenOrderRecord,
  GoldenRecordType,
  GoldenTrade,
} from "./format.ts";

export interface Divergence {
  /** fills | rejected | orders | equity | finalValue | finalCash | finalPositions | events | ledgerTotals | trades */
  readonly section: string;
  /** Position in the expected section (or in the sequence compared). */
  readonly index?: number;
  /** Order id, for sections matched by id. */
  readonly id?: number;
  readonly field: string;
  readonly date?: string;
  readonly asset?: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** Placeholder actual for data the Records do not carry (yet). */
export const NOT_PRODUCED = "not produced";
/** Placeholder for a record that is expected but absent, or present but not expected. */
export const NONE = "none";

export const MONEY_REL_TOL = 1e-6;
export const MONEY_ABS_TOL = 1e-6;

/** Field names compared as money (within tolerance); every other field compares exactly. */
export const MONEY_FIELDS: ReadonlySet<string> = new Set([
  "price",
  "basePrice",
  "fillPrice",
  "commission",
  "slippageCost",
  "impactCost",
  "unclampedPrice",
  "cash",
  "value",
  "equity",
  "finalValue",
  "finalCash",
  "required",
  "available",
  "amount",
  "deficit",
  "requirement",
  "gross",
  "net",
  "limit",
  "entryPrice",
  "exitPrice",
  "realizedPnl",
  "pnl",
]);

/**
 * The first divergence between expected and actual records, or null when all present fields
 * agree. "First" is the earliest by date over all sections (ties in section order), so that it
 * points at the cause rather than at its consequences; undated ones come last.
 */
export function compareGolden(
  expected: GoldenExpected,
  records: Records,
  dates: readonly string[],
  peer: PeerView = OWN_VIEW,
): Divergence | null {
  const firsts = goldenDivergences(expected, records, dates, 1, peer);
  let best: Divergence | null = null;
  for (const d of firsts) {
    if (best === null || (d.date !== undefined && (best.date === undefined || d.date < best.date))) best = d;
  }
  return best;
}

/** How a file states what assay records: SPEC's own terms (assay-spec), or a peer's (src/compat/). */
export interface PeerView {
  /** The file's `reason` for an order's reason: SPEC's kind, or the peer's status name. */
  readonly statusOf: (reason: Reason, order: OrderRecord) => string;
  /** Whether the peer lists an order a rule ended among its rejections (a cut-down buy may be a fill only). */
  readonly listsRejection: (order: OrderRecord) => boolean;
  /**
   * Units by which sizes may differ: 0, exactly; for a peer that never rounds a size, what
   * assay's truncation to its lot can leave (src/compat/).
   */
  readonly sizeTolerance: number;
}

const OWN_VIEW: PeerView = {
  statusOf: (reason) => reason.kind,
  listsRejection: () => true,
  sizeTolerance: 0,
};

/** Divergences section by section (at most `perSection` from each), in section order. */
export function goldenDivergences(
  expected: GoldenExpected,
  records: Records,
  dates: readonly string[],
  perSection = Number.POSITIVE_INFINITY,
  peer: PeerView = OWN_VIEW,
): Divergence[] {
  const at = (t: number | null): string => (t === null ? "null" : (dates[t] ?? `t=${t}`));
  const sections: Iterable<Divergence>[] = [];
  if (expected.fills !== undefined) sections.push(compareFills(expected.fills, records.fills, at, peer));
  if (expected.rejected !== undefined)
    sections.push(compareRejected(expected.rejected, records.orders, at, peer));
  if (expected.orders !== undefined) sections.push(compareOrders(expected.orders, records.orders, at, peer));
  if (expected.equity !== undefined) sections.push(compareEquity(expected.equity, records, dates));
  sections.push(compareFinals(expected, records, peer));
  if (expected.events !== undefined) sections.push(compareEvents(expected.events, records.events, at));
  if (expected.ledgerTotals !== undefined) sections.push(compareLedger(expected.ledgerTotals, records));
  if (expected.trades !== undefined) sections.push(compareTrades(expected.trades, records.trades, at));
  const out: Divergence[] = [];
  for (const section of sections) {
    let n = 0;
    for (const d of section) {
      if (n++ >= perSection) break;
      out.push(d);
    }
  }
  return out;
}

/** `fills[3] (2024-01-11 GE) price: expected 38.1204675, got 38.12 (diff -4.7e-4)` */
/** How a rendered divergence names its two sides: a golden file's expected records and the engine's. */
export interface DivergenceSides {
  readonly expected: string;
  readonly actual: string;
}

const GOLDEN_SIDES: DivergenceSides = { expected: "expected", actual: "got" };

export function renderDivergence(d: Divergence): string {
  return renderDivergenceAs(d, GOLDEN_SIDES);
}

/** renderDivergence, its two sides named by `sides` (an engine process's reply and the reference). */
export function renderDivergenceAs(d: Divergence, sides: DivergenceSides): string {
  const where =
    d.id !== undefined
      ? `${d.section} id=${d.id}`
      : d.index !== undefined
        ? `${d.section}[${d.index}]`
        : d.section;
  const context = [d.date, d.asset].filter((s) => s !== undefined).join(" ");
  const field = d.field === "" || d.field === d.section ? "" : ` ${d.field}`;
  let line = `${where}${context === "" ? "" : ` (${context})`}${field}: ${sides.expected} ${show(d.expected)}, ${sides.actual} ${show(d.actual)}`;
  if (typeof d.expected === "number" && typeof d.actual === "number") {
    line += ` (diff ${(d.actual - d.expected).toExponential(2)})`;
  }
  return line;
}

/** Fields that are quantities of units: exact, or within a peer's sizeTolerance. */
const SIZE_FIELDS: ReadonlySet<string> = new Set([
  "size",
  "qty",
  "filledQty",
  "reducingQty",
  "increasingQty",
]);

/**
 * Money: |actual - expected| <= max(1e-6, 1e-6 x |expected|). Sizes: within `sizeTolerance` units
 * (0: exactly). Others: exactly (0 and -0 alike).
 */
export function sameValue(field: string, expected: unknown, actual: unknown, sizeTolerance = 0): boolean {
  if (typeof expected === "number" && typeof actual === "number") {
    if (MONEY_FIELDS.has(field))
      return Math.abs(actual - expected) <= Math.max(MONEY_ABS_TOL, MONEY_REL_TOL * Math.abs(expected));
    if (sizeTolerance > 0 && SIZE_FIELDS.has(field)) return Math.abs(actual - expected) <= sizeTolerance;
  }
  return expected === actual;
}

// ---------------------------------------------------------------------------------------------
// sections

type At = (t: number | null) => string;

function* fieldsOf(
  base: Omit<Divergence, "field" | "expected" | "actual">,
  pairs: readonly (readonly [string, unknown, unknown])[],
  sizeTolerance = 0,
): Generator<Divergence> {
  for (const [field, expected, actual] of pairs) {
    if (expected === undefined) continue;
    if (!sameValue(field, expected, actual, sizeTolerance)) yield { ...base, field, expected, actual };
  }
}

function* compareFills(
  expected: readonly GoldenFill[],
  actual: readonly FillRecord[],
  at: At,
  peer: PeerView,
): Generator<Divergence> {
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === undefined || a === undefined) {
      yield missingOrExtra(
        "fills",
        i,
        e && { date: e.date, asset: e.asset },
        a && { date: at(a.t), asset: a.asset },
        {
          expectedCount: expected.length,
          actualCount: actual.length,
          what: "fill",
        },
      );
      return;
    }
    const base = { section: "fills", index: i, date: e.date, asset: e.asset };
    yield* fieldsOf(
      base,
      [
        ["date", e.date, at(a.t)],
        ["asset", e.asset, a.asset],
        ["size", e.size, a.qty],
        ["price", e.price, a.fillPrice],
        ["commission", e.commission, a.commission],
        ["orderId", e.orderId, a.orderId],
        ["reducingQty", e.reducingQty, a.reducingQty],
        ["increasingQty", e.increasingQty, a.increasingQty],
        ["basePrice", e.basePrice, a.basePrice],
        ["slippageCost", e.slippageCost, a.slippageCost],
        ["impactCost", e.impactCost, a.impactCost],
        ["unclampedPrice", e.unclampedPrice, a.clamped === null ? null : a.clamped.unclampedPrice],
        ["flags", e.flags && flagList(e.flags), e.flags && flagList(actualFlags(a))],
      ],
      peer.sizeTolerance,
    );
  }
}

function flagList(flags: readonly string[]): string {
  return [...flags].sort().join(",");
}

function actualFlags(fill: FillRecord): string[] {
  const flags: string[] = [];
  if (fill.forced) flags.push("forced");
  if (fill.zeroVolume) flags.push("zeroVolume");
  if (fill.noImpactHistory) flags.push("noImpactHistory");
  return flags;
}

function* compareRejected(
  expected: GoldenExpected["rejected"] & object,
  orders: readonly OrderRecord[],
  at: At,
  peer: PeerView,
): Generator<Divergence> {
  const reasonName = peer.statusOf;
  const rejected = orders
    // Rejections as the README's Extensions count them: ended by a rule, not by running out of time.
    .filter((o) => endedByRule(o) && peer.listsRejection(o))
    .sort((a, b) => (a.doneT ?? -1) - (b.doneT ?? -1) || a.id - b.id);
  const row = (o: OrderRecord) => ({
    date: at(o.doneT),
    asset: o.asset,
    size: o.qty - o.filledQty,
    reason: o.reason === null ? undefined : reasonName(o.reason, o),
  });
  const byId = expected.length > 0 && expected.every((e) => e.orderId !== undefined);
  if (byId) {
    const actualById = new Map(rejected.map((o) => [o.id, o]));
    const expectedIds = new Set<number>();
    for (const [i, e] of expected.entries()) {
      const id = e.orderId as number;
      expectedIds.add(id);
      const a = actualById.get(id);
      const base = { section: "rejected", index: i, id, date: e.date, asset: e.asset };
      if (a === undefined) {
        const order = orders.find((o) => o.id === id);
        const got =
          order === undefined
            ? "no such order"
            : `${order.status}${order.reason ? ` (${reasonName(order.reason, order)})` : ""}`;
        yield { ...base, field: "reason", expected: e.reason, actual: got };
        continue;
      }
      const r = row(a);
      yield* fieldsOf(
        base,
        [
          ["date", e.date, r.date],
          ["asset", e.asset, r.asset],
          ["size", e.size, r.size],
          ["reason", e.reason, r.reason],
        ],
        peer.sizeTolerance,
      );
    }
    for (const a of rejected) {
      if (expectedIds.has(a.id)) continue;
      const r = row(a);
      yield {
        section: "rejected",
        id: a.id,
        date: r.date,
        asset: r.asset,
        field: "reason",
        expected: NONE,
        actual: r.reason,
      };
    }
    return;
  }
  for (let i = 0; i < Math.max(expected.length, rejected.length); i++) {
    const e = expected[i];
    const a = rejected[i] && row(rejected[i]);
    if (e === undefined || a === undefined) {
      const brief = e && { date: e.date, asset: e.asset, size: e.size, reason: e.reason };
      yield missingOrExtra("rejected", i, brief, a, {
        expectedCount: expected.length,
        actualCount: rejected.length,
        what: "rejection",
      });
      return;
    }
    const base = { section: "rejected", index: i, date: e.date, asset: e.asset };
    yield* fieldsOf(
      base,
      [
        ["date", e.date, a.date],
        ["asset", e.asset, a.asset],
        ["size", e.size, a.size],
        ["reason", e.reason, a.reason],
        ["orderId", e.orderId, rejected[i].id],
      ],
      peer.sizeTolerance,
    );
  }
}

/** The golden name of a record's order type (README: "target-percent", "value", "liquidation"...). */
export function goldenOrderType(order: OrderRecord): GoldenRecordType {
  if (order.type === "liquidation") return "liquidation";
  switch (order.sizeType) {
    case "units":
      return order.type;
    case "value":
      return "value";
    case "percent":
      return "percent";
    case "targetUnits":
      return "target-size";
    case "targetValue":
      return "target-value";
    case "targetPercent":
      return "target-percent";
    default:
      return unreachable(order.sizeType);
  }
}

function* compareOrders(
  expected: readonly GoldenOrderRecord[],
  actual: readonly OrderRecord[],
  at: At,
  peer: PeerView,
): Generator<Divergence> {
  const reasonName = peer.statusOf;
  const byId = new Map(actual.map((o) => [o.id, o]));
  const expectedIds = new Set<number>();
  for (const [i, e] of expected.entries()) {
    expectedIds.add(e.id);
    const a = byId.get(e.id);
    const base = { section: "orders", index: i, id: e.id, date: e.date, asset: e.asset };
    if (a === undefined) {
      yield { ...base, field: "", expected: `${e.type} ${e.qty}`, actual: NONE };
      continue;
    }
    yield* fieldsOf(
      base,
      [
        ["date", e.date, at(a.t)],
        ["asset", e.asset, a.asset],
        ["type", e.type, goldenOrderType(a)],
        ["qty", e.qty, a.qty],
        ["onInsufficient", e.onInsufficient, a.onInsufficient],
        ["status", e.status, a.status],
        ["filledQty", e.filledQty, a.filledQty],
        ["reason", e.reason, a.reason === null ? null : reasonName(a.reason, a)],
        ...DEFERRAL_CAUSES.map(
          (cause) => [`deferred.${cause}`, e.deferred?.[cause], a.deferred[cause]] as const,
        ),
      ],
      peer.sizeTolerance,
    );
    if (e.reasonDetail !== undefined) {
      const detail: Record<string, unknown> = { ...(a.reason ?? {}) };
      delete detail.kind;
      for (const key of new Set([...Object.keys(e.reasonDetail), ...Object.keys(detail)])) {
        const expectedValue = e.reasonDetail[key] ?? NONE;
        const actualValue = detail[key] ?? NONE;
        if (!sameValue(key, expectedValue, actualValue)) {
          yield { ...base, field: `reasonDetail.${key}`, expected: expectedValue, actual: actualValue };
        }
      }
    }
  }
  for (const a of actual) {
    if (expectedIds.has(a.id)) continue;
    yield {
      section: "orders",
      id: a.id,
      date: at(a.t),
      asset: a.asset,
      field: "",
      expected: NONE,
      actual: `${goldenOrderType(a)} ${a.qty}`,
    };
  }
}

function* compareEquity(
  expected: GoldenExpected["equity"] & object,
  records: Records,
  dates: readonly string[],
): Generator<Divergence> {
  const index = new Map(dates.map((date, t) => [date, t]));
  for (const [i, e] of expected.entries()) {
    const t = index.get(e.date);
    const base = { section: "equity", index: i, date: e.date };
    if (t === undefined) {
      yield { ...base, field: "date", expected: e.date, actual: "not a bar date" };
      continue;
    }
    yield* fieldsOf(base, [
      ["value", e.value, records.series.equity[t] ?? NONE],
      ["cash", e.cash, records.series.cash[t] ?? NONE],
    ]);
  }
}

function* compareFinals(expected: GoldenExpected, records: Records, peer: PeerView): Generator<Divergence> {
  const { equity, cash, positions } = records.series;
  yield* fieldsOf({ section: "finalValue" }, [["finalValue", expected.finalValue, equity.at(-1) ?? NONE]]);
  yield* fieldsOf({ section: "finalCash" }, [["finalCash", expected.finalCash, cash.at(-1) ?? NONE]]);
  if (expected.finalPositions === undefined) return;
  const last = positions.at(-1);
  const symbols = new Set([...records.symbols, ...Object.keys(expected.finalPositions)]);
  for (const symbol of symbols) {
    const i = records.symbols.indexOf(symbol);
    const actual = i < 0 ? "no such symbol" : last === undefined ? NONE : last[i];
    const e = expected.finalPositions[symbol] ?? 0;
    if (!sameValue("qty", e, actual, peer.sizeTolerance))
      yield { section: "finalPositions", asset: symbol, field: "qty", expected: e, actual };
  }
}

/** Record fields that are bookkeeping, not part of a golden event. */
const EVENT_INTERNAL = new Set(["t", "step", "kind", "asset"]);

function* compareEvents(
  expected: readonly GoldenEvent[],
  actual: readonly EventRecord[],
  at: At,
): Generator<Divergence> {
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const e = expected[i];
    const a = actual[i] as (EventRecord & Record<string, unknown>) | undefined;
    if (e === undefined || a === undefined) {
      yield missingOrExtra(
        "events",
        i,
        e && { date: e.date, asset: e.asset, kind: e.kind },
        a && { date: at(a.t), asset: a.asset as string | undefined, kind: a.kind },
        { expectedCount: expected.length, actualCount: actual.length, what: "event" },
      );
      return;
    }
    const base = { section: "events", index: i, date: e.date, asset: e.asset };
    const pairs: [string, unknown, unknown][] = [
      ["kind", e.kind, a.kind],
      ["date", e.date, at(a.t)],
      ["asset", e.asset ?? NONE, (a.asset as string | undefined) ?? NONE],
    ];
    for (const [key, value] of Object.entries(e)) {
      if (key === "kind" || key === "date" || key === "asset" || EVENT_INTERNAL.has(key)) continue;
      pairs.push([key, value, eventValue(a[key], value, at)]);
    }
    yield* fieldsOf(base, pairs);
  }
}

/**
 * An event field as the golden file writes it: a date-valued field (expected an ISO date) may be
 * held by the record as a bar index or as UTC ms; absent is NOT_PRODUCED.
 */
function eventValue(actual: unknown, expected: unknown, at: At): unknown {
  if (actual === undefined) return NOT_PRODUCED;
  if (typeof expected === "string" && /^\d{4}-\d{2}-\d{2}$/.test(expected) && typeof actual === "number") {
    return Number.isInteger(actual) && actual >= 0 && actual < 1e9
      ? at(actual)
      : new Date(actual).toISOString().slice(0, 10);
  }
  return actual;
}

function* compareLedger(expected: Readonly<Record<string, number>>, records: Records): Generator<Divergence> {
  const actual: Readonly<Record<string, number>> = records.ledgerTotals;
  for (const kind of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    // Zero totals are omitted from the file.
    const e = expected[kind] ?? 0;
    const a = actual[kind] ?? NOT_PRODUCED;
    if (!sameValue("amount", e, a)) yield { section: "ledgerTotals", field: kind, expected: e, actual: a };
  }
}

function* compareTrades(
  expected: readonly GoldenTrade[],
  actual: readonly TradeRecord[],
  at: At,
): Generator<Divergence> {
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === undefined || a === undefined) {
      yield missingOrExtra(
        "trades",
        i,
        e && { date: e.entryDate, asset: e.asset },
        a && { date: at(a.entryT), asset: a.asset },
        { expectedCount: expected.length, actualCount: actual.length, what: "trade" },
      );
      return;
    }
    const base = { section: "trades", index: i, date: e.entryDate, asset: e.asset };
    yield* fieldsOf(base, [
      ["asset", e.asset, a.asset],
      ["qty", e.qty, a.side * a.absQty],
      ["entryDate", e.entryDate, at(a.entryT)],
      ["exitDate", e.exitDate, a.exitT === null ? null : at(a.exitT)],
      ["commission", e.commission, a.commission],
      ["entryPrice", e.entryPrice, a.entryPrice],
      ["exitPrice", e.exitPrice, a.exitPrice],
      ["realizedPnl", e.realizedPnl, a.realizedPnl],
      ["pnl", e.pnl, a.pnl],
    ]);
  }
}

// ---------------------------------------------------------------------------------------------
// helpers

interface Brief {
  readonly date?: string;
  readonly asset?: string;
  readonly [key: string]: unknown;
}

function missingOrExtra(
  section: string,
  index: number,
  expected: Brief | undefined,
  actual: Brief | undefined,
  counts: { expectedCount: number; actualCount: number; what: string },
): Divergence {
  const brief = (b: Brief) =>
    Object.values(b)
      .filter((v) => v !== undefined)
      .join(" ");
  const count = `(${counts.expectedCount} expected, ${counts.actualCount} produced)`;
  const where = expected ?? actual ?? {};
  return {
    section,
    index,
    date: where.date,
    asset: where.asset,
    field: "",
    expected: expected === undefined ? `no ${counts.what} ${count}` : `${counts.what} ${brief(expected)}`,
    actual: actual === undefined ? `no ${counts.what} ${count}` : `${counts.what} ${brief(actual)}`,
  };
}

function show(value: unknown): string {
  if (typeof value === "string")
    return value === NONE || value === NOT_PRODUCED || value.includes(" ") ? value : `"${value}"`;
  return JSON.stringify(value) ?? String(value);
}

function unreachable(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}
