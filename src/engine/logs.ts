// Columnar record logs: orders and fills kept in typed arrays grown by doubling while the run
// goes, turned into the plain OrderRecord / FillRecord objects of SPEC 9 only when read. Objects
// that live for the whole run are what the garbage collector copies over and over; numbers in a
// few large arrays are not.
import type {
  FillRecord,
  OnInsufficient,
  OrderRecord,
  OrderStatus,
  OrderType,
  Reason,
  SizeType,
  TimeInForce,
} from "../model/index.ts";

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

export const codeOf = {
  type: (type: string) => TYPES.indexOf(type as OrderType),
  sizeType: (sizeType: string) => SIZE_TYPES.indexOf(sizeType as SizeType),
  policy: (policy: string) => POLICIES.indexOf(policy as OnInsufficient),
  life: (life: string) => LIVES.indexOf(life as TimeInForce),
};

/** Orders by id - 1. Strings are kept only where a code cannot say them (an unknown asset or type). */
export class OrderLog {
  count = 0;
  private t = new Int32Array(256);
  private asset = new Int32Array(256);
  private type = new Int8Array(256);
  private sizeType = new Int8Array(256);
  private size = new Float64Array(256);
  private qty = new Float64Array(256);
  private limit = new Float64Array(256);
  private stop = new Float64Array(256);
  private life = new Int8Array(256);
  private policy = new Int8Array(256);
  private status = new Int8Array(256);
  private filled = new Float64Array(256);
  private doneT = new Int32Array(256);
  /** Sparse: reasons exist only for orders whose rest died or expired. */
  readonly reason: (Reason | null)[] = [];
  /** Sparse: the request's own text where it is not a known asset, type, size type, policy or life. */
  private readonly raw: (Record<string, unknown> | undefined)[] = [];

  constructor(private readonly symbols: readonly string[]) {}

  /** Appends an order; returns its id. `asset` -1 (unknown) keeps the raw request text in `raw`. */
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
    const i = this.count++;
    if (i === this.t.length) this.grow();
    this.t[i] = t;
    this.asset[i] = asset;
    this.type[i] = type;
    this.sizeType[i] = sizeType;
    this.size[i] = size;
    this.qty[i] = qty;
    this.limit[i] = limit;
    this.stop[i] = stop;
    this.life[i] = life;
    this.policy[i] = policy;
    this.status[i] = 0;
    this.filled[i] = 0;
    this.doneT[i] = -1;
    if (raw !== undefined) this.raw[i] = raw;
    return i + 1;
  }

  setFilled(id: number, units: number): void {
    this.filled[id - 1] = units;
  }

  finish(id: number, status: OrderStatus, reason: Reason | null, t: number): void {
    this.status[id - 1] = STATUSES.indexOf(status);
    this.doneT[id - 1] = t;
    if (reason !== null) this.reason[id - 1] = reason;
  }

  records(): OrderRecord[] {
    const rows: OrderRecord[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const raw = this.raw[i];
      const doneT = this.doneT[i];
      rows[i] = {
        id: i + 1,
        t: this.t[i],
        asset: this.asset[i] >= 0 ? this.symbols[this.asset[i]] : String(raw?.asset),
        type: this.type[i] >= 0 ? TYPES[this.type[i]] : (raw?.type as OrderType),
        sizeType: this.sizeType[i] >= 0 ? SIZE_TYPES[this.sizeType[i]] : (raw?.sizeType as SizeType),
        size: raw !== undefined && "size" in raw ? (raw.size as number) : this.size[i],
        qty: this.qty[i],
        limitPrice: Number.isNaN(this.limit[i]) ? null : this.limit[i],
        stopPrice: Number.isNaN(this.stop[i]) ? null : this.stop[i],
        timeInForce: this.life[i] >= 0 ? LIVES[this.life[i]] : (raw?.timeInForce as TimeInForce),
        onInsufficient:
          this.policy[i] >= 0 ? POLICIES[this.policy[i]] : (raw?.onInsufficient as OnInsufficient),
        status: STATUSES[this.status[i]],
        filledQty: this.filled[i],
        reason: this.reason[i] ?? null,
        doneT: doneT < 0 ? null : doneT,
      };
    }
    return rows;
  }

  private grow(): void {
    const n = this.t.length * 2;
    this.t = resizeI32(this.t, n);
    this.asset = resizeI32(this.asset, n);
    this.type = resizeI8(this.type, n);
    this.sizeType = resizeI8(this.sizeType, n);
    this.size = resizeF64(this.size, n);
    this.qty = resizeF64(this.qty, n);
    this.limit = resizeF64(this.limit, n);
    this.stop = resizeF64(this.stop, n);
    this.life = resizeI8(this.life, n);
    this.policy = resizeI8(this.policy, n);
    this.status = resizeI8(this.status, n);
    this.filled = resizeF64(this.filled, n);
    this.doneT = resizeI32(this.doneT, n);
  }
}

/** Fill flags, bits of one byte. */
export const FORCED = 1;
export const PARTIAL = 2;
export const ZERO_VOLUME = 4;
export const NO_IMPACT_HISTORY = 8;
export const CLAMPED = 16;

/** Fill records in processing order. */
export class FillLog {
  count = 0;
  private ints = new Int32Array(3 * 256);
  private floats = new Float64Array(10 * 256);
  private flags = new Uint8Array(256);

  constructor(private readonly symbols: readonly string[]) {}

  /** Appends a fill; `volumeCapFilled` NaN when the cap did not cut the order. */
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
  ): void {
    const i = this.count++;
    if (i === this.flags.length) this.grow();
    this.ints[3 * i] = orderId;
    this.ints[3 * i + 1] = t;
    this.ints[3 * i + 2] = asset;
    const f = this.floats;
    const o = 10 * i;
    f[o] = qty;
    f[o + 1] = reducing;
    f[o + 2] = increasing;
    f[o + 3] = base;
    f[o + 4] = price;
    f[o + 5] = commission;
    f[o + 6] = slippageCost;
    f[o + 7] = impactCost;
    f[o + 8] = volumeCapFilled;
    f[o + 9] = volumeCap;
    this.flags[i] = flags;
  }

  records(): FillRecord[] {
    const rows: FillRecord[] = new Array(this.count);
    const f = this.floats;
    for (let i = 0; i < this.count; i++) {
      const o = 10 * i;
      const flags = this.flags[i];
      rows[i] = {
        orderId: this.ints[3 * i],
        t: this.ints[3 * i + 1],
        asset: this.symbols[this.ints[3 * i + 2]],
        qty: f[o],
        reducingQty: f[o + 1],
        increasingQty: f[o + 2],
        basePrice: f[o + 3],
        fillPrice: f[o + 4],
        commission: f[o + 5],
        slippageCost: f[o + 6],
        impactCost: f[o + 7],
        forced: (flags & FORCED) !== 0,
        partial: (flags & PARTIAL) !== 0,
        zeroVolume: (flags & ZERO_VOLUME) !== 0,
        noImpactHistory: (flags & NO_IMPACT_HISTORY) !== 0,
        clamped: (flags & CLAMPED) !== 0,
        volumeCap: Number.isNaN(f[o + 8]) ? null : { filled: f[o + 8], cap: f[o + 9] },
      };
    }
    return rows;
  }

  private grow(): void {
    const n = this.flags.length * 2;
    this.ints = resizeI32(this.ints, 3 * n);
    this.floats = resizeF64(this.floats, 10 * n);
    this.flags = resizeU8(this.flags, n);
  }
}

function resizeF64(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(n);
  next.set(a.subarray(0, Math.min(a.length, n)));
  return next;
}
function resizeI32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(n);
  next.set(a.subarray(0, Math.min(a.length, n)));
  return next;
}
function resizeI8(a: Int8Array, n: number): Int8Array<ArrayBuffer> {
  const next = new Int8Array(n);
  next.set(a.subarray(0, Math.min(a.length, n)));
  return next;
}
function resizeU8(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(n);
  next.set(a.subarray(0, Math.min(a.length, n)));
  return next;
}
