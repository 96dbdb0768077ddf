// The working orders, struct-of-arrays by slot: what the engine needs while an order works (its
// record lives in the OrderLog). No object per order: a slot is an index into typed columns, and
// it is reused once its order leaves the working list, so the columns are as long as the most
// orders that ever work at once, not as long as the run's order count.
import type { OrderStatus } from "../model/index.ts";
import { grown } from "./buffers.ts";
import { statusCode } from "./logs.ts";

/** How an order works now: a triggered stop works as a market order, a triggered stop-limit as a limit. */
export const MARKET = 0;
export const LIMIT = 1;
export const STOP = 2;
export const STOP_LIMIT = 3;

/** Who made the order: the strategy, a margin-call liquidation, or a bankruptcy close-out. */
export const FORCED_NONE = 0;
export const FORCED_CALL = 1;
export const FORCED_BANKRUPT = 2;

/** onInsufficient as a code (SPEC 6.5), in the OrderLog's order. */
export const POLICY_REJECT = 0;
export const POLICY_PARTIAL = 1;
export const POLICY_SCALE = 2;

const WORKING = statusCode("working");
/** resizeType of an order sized once and for all. */
export const NO_RESIZE = -1;
const FILLED = statusCode("filled");

export class WorkingOrders {
  id = new Int32Array(0);
  /** Decision bar. */
  t = new Int32Array(0);
  asset = new Int32Array(0);
  /** Signed lots requested, and filled so far. */
  lots = new Float64Array(0);
  filled = new Float64Array(0);
  mode = new Int8Array(0);
  limitPrice = new Float64Array(0);
  stopPrice = new Float64Array(0);
  forced = new Int8Array(0);
  policy = new Int8Array(0);
  /** timeInForce "day". */
  day = new Uint8Array(0);
  /** The record's type is "market" (a triggered stop is not). */
  marketType = new Uint8Array(0);
  /** The order's status code (logs.ts): working until it ends. */
  status = new Int8Array(0);
  /**
   * sizeAtFill: the request's size type code (logs.ts) and size, until the order is sized at its
   * first fill bar; NO_RESIZE otherwise.
   */
  resizeType = new Int8Array(0);
  resizeSize = new Float64Array(0);
  /** The working list: slots in id order, `count` of them. */
  list = new Int32Array(0);
  count = 0;
  private free = new Int32Array(0);
  private freeCount = 0;

  constructor(capacity = 64) {
    this.resize(capacity);
  }

  /** A slot holding a new working order (not yet in the list: push() puts it there). */
  open(
    id: number,
    t: number,
    asset: number,
    lots: number,
    mode: number,
    limitPrice: number,
    stopPrice: number,
    forced: number,
    policy: number,
    day: boolean,
    marketType: boolean,
  ): number {
    if (this.freeCount === 0) this.resize(this.id.length * 2);
    const slot = this.free[--this.freeCount];
    this.id[slot] = id;
    this.t[slot] = t;
    this.asset[slot] = asset;
    this.lots[slot] = lots;
    this.filled[slot] = 0;
    this.mode[slot] = mode;
    this.limitPrice[slot] = limitPrice;
    this.stopPrice[slot] = stopPrice;
    this.forced[slot] = forced;
    this.policy[slot] = policy;
    this.day[slot] = day ? 1 : 0;
    this.marketType[slot] = marketType ? 1 : 0;
    this.status[slot] = WORKING;
    this.resizeType[slot] = NO_RESIZE;
    return slot;
  }

  /** sizeAtFill: the order in `slot` is sized again, from its request, at its first fill bar. */
  resizeAtFill(slot: number, sizeTypeCode: number, size: number): void {
    this.resizeType[slot] = sizeTypeCode;
    this.resizeSize[slot] = size;
  }

  /** Appends a slot to the working list (orders are made in id order, so the list stays in it). */
  push(slot: number): void {
    this.list[this.count++] = slot;
  }

  rest(slot: number): number {
    return this.lots[slot] - this.filled[slot];
  }

  isWorking(slot: number): boolean {
    return this.status[slot] === WORKING;
  }

  isFilled(slot: number): boolean {
    return this.status[slot] === FILLED;
  }

  setStatus(slot: number, status: OrderStatus): void {
    this.status[slot] = statusCode(status);
  }

  /** The working slot of order `id`, or -1. */
  slotOf(id: number): number {
    for (let i = 0; i < this.count; i++) if (this.id[this.list[i]] === id) return this.list[i];
    return -1;
  }

  /** Whether some order in the list is of `forced` (FORCED_NONE: any strategy order). */
  hasForced(forced: number): boolean {
    for (let i = 0; i < this.count; i++) if (this.forced[this.list[i]] === forced) return true;
    return false;
  }

  /** Removes ended orders from the list in place, keeping id order, and frees their slots. */
  dropDone(): void {
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      const slot = this.list[i];
      if (this.status[slot] === WORKING) this.list[kept++] = slot;
      else this.free[this.freeCount++] = slot;
    }
    this.count = kept;
  }

  /** Empties the list, freeing every slot (the orders must have ended). */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.free[this.freeCount++] = this.list[i];
    this.count = 0;
  }

  private resize(capacity: number): void {
    const old = this.id.length;
    this.id = grown(this.id, capacity);
    this.t = grown(this.t, capacity);
    this.asset = grown(this.asset, capacity);
    this.lots = grown(this.lots, capacity);
    this.filled = grown(this.filled, capacity);
    this.mode = grown(this.mode, capacity);
    this.limitPrice = grown(this.limitPrice, capacity);
    this.stopPrice = grown(this.stopPrice, capacity);
    this.forced = grown(this.forced, capacity);
    this.policy = grown(this.policy, capacity);
    this.day = grown(this.day, capacity);
    this.marketType = grown(this.marketType, capacity);
    this.status = grown(this.status, capacity);
    this.resizeType = grown(this.resizeType, capacity);
    this.resizeSize = grown(this.resizeSize, capacity);
    this.list = grown(this.list, capacity);
    this.free = grown(this.free, capacity);
    // New slots are free, the lowest on top of the stack (so slots are taken in order).
    for (let slot = capacity - 1; slot >= old; slot--) this.free[this.freeCount++] = slot;
  }
}
