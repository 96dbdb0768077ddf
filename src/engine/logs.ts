// Columnar record logs: orders, fills and the positions series kept in chunks of typed arrays
// while the run goes, turned into the plain OrderRecord / FillRecord objects of SPEC 9 only when
// read. Objects that live for the whole run are what the garbage collector copies over and over;
// numbers in a few large arrays are not.
import type {
  DeferralCause,
  FillRecord,
  OnInsufficient,
  OrderRecord,
  OrderStatus,
  OrderType,
  Reason,
  SizeType,
  TimeInForce,
} from "../model/index.ts";
import { lookupTable } from "./lookup.ts";

export const STATUSES: readonly OrderStatus[] = [
  "working",
  "filled",
  "partial",
  "rejected",
  "cancelled",
  "expired",
];
const TYPES: readonly (OrderType | "liquidation")[] = [
  "market",
  "limit",
  "stop",
  "stop-limit",
  "liquidation",
];
const SIZE_TYPES: readonly SizeType[] = [
  "units",
  "value",
  "percent",
  "targetUnits",
  "targetValue",
  "targetPercent",
];
const POLICIES: readonly OnInsufficient[] = ["reject", "partial", "scale"];
const LIVES: readonly TimeInForce[] = ["gtc", "day"];

/** Each name's index in `names`, as a lookup table. */
function codes(names: readonly string[]): Readonly<Record<string, number>> {
  return lookupTable(names.map((name, code) => [name, code] as const));
}
const TYPE_CODES = codes(TYPES);
const SIZE_TYPE_CODES = codes(SIZE_TYPES);
const POLICY_CODES = codes(POLICIES);
const LIFE_CODES = codes(LIVES);
const STATUS_CODES = codes(STATUSES);

/** A status's code, as the log and the working orders keep it. */
export function statusCode(status: OrderStatus): number {
  return STATUS_CODES[status];
}

/** The size type of a code codeOf.sizeType() gave. */
export function sizeTypeName(code: number): SizeType {
  return SIZE_TYPES[code];
}

/** A name's code, or -1 for a name the list does not have (an invalid order's field). */
export const codeOf = {
  type: (type: string) => TYPE_CODES[type] ?? -1,
  sizeType: (sizeType: string) => SIZE_TYPE_CODES[sizeType] ?? -1,
  policy: (policy: string) => POLICY_CODES[policy] ?? -1,
  life: (life: string) => LIFE_CODES[life] ?? -1,
};

/**
 * What an outcome run (FastRun's keepRecords false: a stress path) is asked for and did not keep.
 * The stress worker runs the path again with its records when it sees one.
 */
export class RecordsNotKept extends Error {
  constructor(what: string) {
    super(
      `this run keeps no ${what}: it is an outcome run (series and events only); run it with its records`,
    );
    this.name = "RecordsNotKept";
  }
}

/**
 * Rows of a few int and float columns, stored in chunks of fixed size: appending never copies
 * what is already written (a doubling array would copy it again at every growth).
 */
class Table {
  /** Rows per chunk, 2^SHIFT: a row's chunk and place in it are a shift and a mask. */
  private static readonly SHIFT = 10;
  private static readonly ROWS = 1 << Table.SHIFT;
  private static readonly MASK = Table.ROWS - 1;
  private readonly ints: Int32Array[] = chunkList();
  private readonly floats: Float64Array[] = chunkList();
  count = 0;
  /** The chunks holding the row add() made last, and where its cells start in them. */
  intChunk = new Int32Array(0);
  floatChunk = new Float64Array(0);
  intAt = 0;
  floatAt = 0;

  constructor(
    private readonly intColumns: number,
    private readonly floatColumns: number,
  ) {}

  /**
   * Appends a row; returns its index. Its cells are written through intChunk[intAt + column] and
   * floatChunk[floatAt + column]: one chunk lookup per row, not one per cell.
   */
  add(): number {
    const slot = this.count & Table.MASK;
    if (slot === 0) {
      this.intChunk = new Int32Array(Table.ROWS * this.intColumns);
      this.floatChunk = new Float64Array(Table.ROWS * this.floatColumns);
      this.ints.push(this.intChunk);
      this.floats.push(this.floatChunk);
    }
    this.intAt = slot * this.intColumns;
    this.floatAt = slot * this.floatColumns;
    return this.count++;
  }

  int(row: number, column: number): number {
    return this.ints[row >> Table.SHIFT][(row & Table.MASK) * this.intColumns + column];
  }

  setInt(row: number, column: number, value: number): void {
    this.ints[row >> Table.SHIFT][(row & Table.MASK) * this.intColumns + column] = value;
  }

  float(row: number, column: number): number {
    return this.floats[row >> Table.SHIFT][(row & Table.MASK) * this.floatColumns + column];
  }

  setFloat(row: number, column: number, value: number): void {
    this.floats[row >> Table.SHIFT][(row & Table.MASK) * this.floatColumns + column] = value;
  }
}

// Order columns.
const O_T = 0;
const O_ASSET = 1;
const O_TYPE = 2;
const O_SIZE_TYPE = 3;
const O_LIFE = 4;
const O_POLICY = 5;
const O_STATUS = 6;
const O_DONE_T = 7;
/** Deferral counts, one column per cause (SPEC 5). */
const O_DEFERRED: { readonly [cause in DeferralCause]: number } = {
  zeroVolume: 8,
  volumeCap: 9,
  missingBar: 10,
  slippage: 11,
};
const O_SIZE = 0;
const O_QTY = 1;
const O_LIMIT = 2;
const O_STOP = 3;
const O_FILLED = 4;

/** Orders by id - 1. Strings are kept only where a code cannot say them (an unknown asset or type). */
export class OrderLog {
  private readonly table = new Table(12, 5);
  /** Orders added, kept or not: the next id is count + 1. */
  private added = 0;
  /** Sparse: reasons exist only for orders whose rest died or expired. */
  private readonly reason: (Reason | null)[] = [];
  /** Sparse: the request as given, for an invalid order (its fields may not be codes). */
  private readonly raw: (Record<string, unknown> | undefined)[] = [];

  constructor(
    private readonly symbols: readonly string[],
    /** False in an outcome run: ids are counted, no row is written (the same for every method). */
    private readonly keep = true,
  ) {}

  get count(): number {
    return this.added;
  }

  /** Appends an order; returns its id. An invalid order keeps its request in `raw`. */
  add(
    t: number,
    asset: number,
    type: number,
    sizeType: number,
    size: number,
    qty: number,
    limit: number,
    stop: number,
    life: number,
    policy: number,
    raw?: Record<string, unknown>,
  ): number {
    this.added++;
    if (!this.keep) return this.added;
    const table = this.table;
    const i = table.add();
    const ints = table.intChunk;
    const n = table.intAt;
    ints[n + O_T] = t;
    ints[n + O_ASSET] = asset;
    ints[n + O_TYPE] = type;
    ints[n + O_SIZE_TYPE] = sizeType;
    ints[n + O_LIFE] = life;
    ints[n + O_POLICY] = policy;
    ints[n + O_DONE_T] = -1;
    const floats = table.floatChunk;
    const f = table.floatAt;
    floats[f + O_SIZE] = size;
    floats[f + O_QTY] = qty;
    floats[f + O_LIMIT] = limit;
    floats[f + O_STOP] = stop;
    if (raw !== undefined) this.raw[i] = raw;
    return i + 1;
  }

  /** sizeAtFill: the order's quantity as sized at its first fill bar. */
  setQty(id: number, units: number): void {
    if (!this.keep) return;
    this.table.setFloat(id - 1, O_QTY, units);
  }

  setFilled(id: number, units: number): void {
    if (!this.keep) return;
    this.table.setFloat(id - 1, O_FILLED, units);
  }

  /** One more bar the order was due on but could not fill, for `cause`. */
  defer(id: number, cause: DeferralCause): void {
    if (!this.keep) return;
    const column = O_DEFERRED[cause];
    this.table.setInt(id - 1, column, this.table.int(id - 1, column) + 1);
  }

  finish(id: number, status: OrderStatus, reason: Reason | null, t: number): void {
    if (!this.keep) return;
    this.table.setInt(id - 1, O_STATUS, STATUS_CODES[status]);
    this.table.setInt(id - 1, O_DONE_T, t);
    if (reason !== null) this.reason[id - 1] = reason;
  }

  records(): OrderRecord[] {
    const rows: OrderRecord[] = new Array(this.table.count);
    for (let i = 0; i < rows.length; i++) rows[i] = this.record(i + 1);
    return rows;
  }

  /** The record of order `id`, made fresh. */
  record(id: number): OrderRecord {
    if (!this.keep) throw new RecordsNotKept("order records (ctx.orders)");
    const table = this.table;
    const i = id - 1;
    const raw = this.raw[i];
    const asset = table.int(i, O_ASSET);
    const type = table.int(i, O_TYPE);
    const sizeType = table.int(i, O_SIZE_TYPE);
    const life = table.int(i, O_LIFE);
    const policy = table.int(i, O_POLICY);
    const limit = table.float(i, O_LIMIT);
    const stop = table.float(i, O_STOP);
    const doneT = table.int(i, O_DONE_T);
    return {
      id,
      t: table.int(i, O_T),
      asset: asset >= 0 ? this.symbols[asset] : String(raw?.asset),
      type: type >= 0 ? TYPES[type] : (raw?.type as OrderType),
      sizeType: sizeType >= 0 ? SIZE_TYPES[sizeType] : (raw?.sizeType as SizeType),
      size: raw !== undefined && "size" in raw ? (raw.size as number) : table.float(i, O_SIZE),
      qty: table.float(i, O_QTY),
      // An invalid order shows its prices as given (a string "49" stays a string, as in its reason).
      limitPrice:
        raw !== undefined
          ? ((raw.limitPrice as number | undefined) ?? null)
          : Number.isNaN(limit)
            ? null
            : limit,
      stopPrice:
        raw !== undefined
          ? ((raw.stopPrice as number | undefined) ?? null)
          : Number.isNaN(stop)
            ? null
            : stop,
      timeInForce: life >= 0 ? LIVES[life] : (raw?.timeInForce as TimeInForce),
      onInsufficient: policy >= 0 ? POLICIES[policy] : (raw?.onInsufficient as OnInsufficient),
      status: STATUSES[table.int(i, O_STATUS)],
      filledQty: table.float(i, O_FILLED),
      reason: this.reason[i] ?? null,
      doneT: doneT < 0 ? null : doneT,
      deferred: {
        zeroVolume: table.int(i, O_DEFERRED.zeroVolume),
        volumeCap: table.int(i, O_DEFERRED.volumeCap),
        missingBar: table.int(i, O_DEFERRED.missingBar),
        slippage: table.int(i, O_DEFERRED.slippage),
      },
    };
  }
}

/** Fill flags, bits of one int. */
export const FORCED = 1;
export const PARTIAL = 2;
export const ZERO_VOLUME = 4;
export const NO_IMPACT_HISTORY = 8;

/** Fill records in processing order: ints orderId, t, asset, flags; floats the eleven numbers. */
export class FillLog {
  private readonly table = new Table(4, 11);

  constructor(
    private readonly symbols: readonly string[],
    /** False in an outcome run, whose batches add no fill (Batch.writeFills). */
    private readonly keep = true,
  ) {}

  /**
   * Appends a fill; `volumeCapFilled` NaN when the cap did not cut the order, `unclampedPrice`
   * NaN when the clamp did not move the price.
   */
  add(
    orderId: number,
    t: number,
    asset: number,
    qty: number,
    reducing: number,
    increasing: number,
    base: number,
    price: number,
    commission: number,
    slippageCost: number,
    impactCost: number,
    flags: number,
    volumeCapFilled: number,
    volumeCap: number,
    unclampedPrice: number,
  ): void {
    const table = this.table;
    table.add();
    const ints = table.intChunk;
    const n = table.intAt;
    ints[n] = orderId;
    ints[n + 1] = t;
    ints[n + 2] = asset;
    ints[n + 3] = flags;
    const floats = table.floatChunk;
    const f = table.floatAt;
    floats[f] = qty;
    floats[f + 1] = reducing;
    floats[f + 2] = increasing;
    floats[f + 3] = base;
    floats[f + 4] = price;
    floats[f + 5] = commission;
    floats[f + 6] = slippageCost;
    floats[f + 7] = impactCost;
    floats[f + 8] = volumeCapFilled;
    floats[f + 9] = volumeCap;
    floats[f + 10] = unclampedPrice;
  }

  records(): FillRecord[] {
    const rows: FillRecord[] = new Array(this.table.count);
    for (let i = 0; i < rows.length; i++) rows[i] = this.record(i);
    return rows;
  }

  /** The fills of bar t, made fresh: the last rows, as fills are logged in bar order. */
  recordsOfBar(t: number): FillRecord[] {
    if (!this.keep) throw new RecordsNotKept("fill records (ctx.fills)");
    let first = this.table.count;
    while (first > 0 && this.table.int(first - 1, 1) === t) first--;
    const rows: FillRecord[] = new Array(this.table.count - first);
    for (let i = 0; i < rows.length; i++) rows[i] = this.record(first + i);
    return rows;
  }

  private record(i: number): FillRecord {
    const table = this.table;
    const flags = table.int(i, 3);
    const capFilled = table.float(i, 8);
    const unclamped = table.float(i, 10);
    return {
      orderId: table.int(i, 0),
      t: table.int(i, 1),
      asset: this.symbols[table.int(i, 2)],
      qty: table.float(i, 0),
      reducingQty: table.float(i, 1),
      increasingQty: table.float(i, 2),
      basePrice: table.float(i, 3),
      fillPrice: table.float(i, 4),
      commission: table.float(i, 5),
      slippageCost: table.float(i, 6),
      impactCost: table.float(i, 7),
      forced: (flags & FORCED) !== 0,
      partial: (flags & PARTIAL) !== 0,
      zeroVolume: (flags & ZERO_VOLUME) !== 0,
      noImpactHistory: (flags & NO_IMPACT_HISTORY) !== 0,
      clamped: Number.isNaN(unclamped) ? null : { unclampedPrice: unclamped },
      volumeCap: Number.isNaN(capFilled) ? null : { filled: capFilled, cap: table.float(i, 9) },
    };
  }
}

/** The positions series: one row per bar that changed a position, shared by the bars after it. */
export class PositionRows {
  /** Rows in chunks of ROWS rows: a new row never copies the ones before it. */
  private static readonly ROWS = 64;
  private readonly chunks: Float64Array[] = chunkList();
  private count = 0;
  private readonly rowOf: Int32Array;
  private version = -1;

  constructor(
    bars: number,
    private readonly assets: number,
  ) {
    this.rowOf = new Int32Array(bars);
  }

  /** Bar t's positions (units); copied only when `version` moved since the last bar. */
  snapshot(t: number, units: Float64Array, version: number): void {
    if (version !== this.version || this.count === 0) {
      const slot = this.count % PositionRows.ROWS;
      if (slot === 0) this.chunks.push(new Float64Array(PositionRows.ROWS * this.assets));
      this.chunks[this.chunks.length - 1].set(units, slot * this.assets);
      this.count++;
      this.version = version;
    }
    this.rowOf[t] = this.count - 1;
  }

  records(): number[][] {
    const rows: number[][] = new Array(this.rowOf.length);
    for (let t = 0; t < this.rowOf.length; t++) {
      const row = this.rowOf[t];
      const at = (row % PositionRows.ROWS) * this.assets;
      rows[t] = Array.from(this.chunks[(row / PositionRows.ROWS) | 0].subarray(at, at + this.assets));
    }
    return rows;
  }
}

/**
 * An empty list whose elements are already of V8's "any object" kind. A fresh `[]` holds small
 * integers until its first push, and that push of a chunk changes the array's map: every optimized
 * caller with add() inlined (a strategy's onBar through submitRow) deoptimized there, once a run,
 * and recompiled (a 200 ms job at the raised inlining budgets).
 */
function chunkList<T extends object>(): T[] {
  const list: (T | null)[] = [null];
  list.length = 0;
  return list as T[];
}
