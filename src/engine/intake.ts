// SPEC 6.4 and 9: a request at the close of bar t becomes an order with its quantity in lots, or
// an "invalidOrder" rejection; a zero quantity sends no order.
import {
  SIZE_TYPES as MODEL_SIZE_TYPES,
  marketRequest,
  type OnInsufficient,
  ORDER_REQUEST_FIELDS,
  type OrderRequest,
  type Reason,
  type SizeType,
  TARGET_SIZE_TYPES,
} from "../model/index.ts";
import { codeOf, sizeTypeName } from "./logs.ts";
import { lookupTable } from "./lookup.ts";
import { offGrid, truncLots } from "./numeric.ts";
import type { RunState } from "./state.ts";
import { FORCED_NONE, LIMIT, MARKET, NO_RESIZE, STOP, STOP_LIMIT } from "./working.ts";

const MODES = lookupTable([
  ["market", MARKET],
  ["limit", LIMIT],
  ["stop", STOP],
  ["stop-limit", STOP_LIMIT],
]);
const SIZE_TYPES = lookup(MODEL_SIZE_TYPES);
const TARGETS = lookup(TARGET_SIZE_TYPES);
const POLICIES = lookup(["reject", "partial", "scale"]);
const LIVES = lookup(["gtc", "day"]);
const FIELD_LIST = ORDER_REQUEST_FIELDS.join(", ");
const FIELDS: ReadonlySet<string> = new Set(ORDER_REQUEST_FIELDS);
// Whole numbers of units are exact in float64 only up to 2^53: a larger order is refused.
const MAX_UNITS = 2 ** 53;

/** The fields of a request intake reads besides its asset. */
export type OrderFields = Omit<OrderRequest, "asset">;

export function intake(
  s: RunState,
  t: number,
  request: OrderRequest,
  equity: number,
  symbolIndex: ReadonlyMap<string, number>,
  terms: Terms,
): number {
  const asset = symbolIndex.get(String(request.asset));
  const flaw =
    asset === undefined
      ? invalid("asset", `unknown asset "${String(request.asset)}"`)
      : unknownField(request);
  return admit(s, t, asset ?? -1, request, terms.resolve(s, request), flaw, equity, request);
}

/**
 * What an order's terms (type, sizeType, onInsufficient, timeInForce) come to, with the run's
 * defaults filled in: their codes, and the first of them no order can take. Resolved once per
 * request, or once for a whole row of orders sharing terms; rewritten in place, no object per order.
 */
export class Terms {
  type = "market";
  sizeType = "units";
  policy = "reject";
  timeInForce = "gtc";
  /** MARKET ... STOP_LIMIT, or undefined for an unknown type. */
  mode: number | undefined = MARKET;
  target = false;
  /** Sized by a price (value, percent and their targets), so it needs a close. */
  priced = false;
  typeCode = 0;
  sizeTypeCode = 0;
  policyCode = 0;
  lifeCode = 0;
  /** SPEC 6.5 invalidOrder on the first term no order has (in that order), or null. */
  fault: Reason | null = null;

  resolve(s: RunState, fields: OrderFields): this {
    this.type = fields.type ?? "market";
    this.sizeType = fields.sizeType ?? "units";
    this.policy = policyOf(s, fields.onInsufficient, this.sizeType);
    this.timeInForce = fields.timeInForce ?? s.config.timeInForce;
    this.mode = MODES[this.type];
    this.target = TARGETS[this.sizeType] === true;
    this.priced = this.sizeType !== "units" && this.sizeType !== "targetUnits";
    this.typeCode = codeOf.type(this.type);
    this.sizeTypeCode = codeOf.sizeType(this.sizeType);
    this.policyCode = codeOf.policy(this.policy);
    this.lifeCode = codeOf.life(this.timeInForce);
    this.fault =
      this.mode === undefined
        ? invalid("type", `unknown order type "${this.type}"`)
        : SIZE_TYPES[this.sizeType] !== true
          ? invalid("sizeType", `unknown size type "${this.sizeType}"`)
          : POLICIES[this.policy] !== true
            ? invalid("onInsufficient", `unknown policy "${this.policy}"`)
            : LIVES[this.timeInForce] !== true
              ? invalid("timeInForce", `unknown time in force "${this.timeInForce}"`)
              : null;
    return this;
  }
}

/** Whether intake takes terms of a target size type with their policy and life (none refused for them). */
export function validTargetTerms(terms: Terms): boolean {
  return terms.target && terms.fault === null;
}

/** An order's onInsufficient: its own, else the run's, else "scale" for targets and "reject" (SPEC 6.5). */
function policyOf(s: RunState, own: OnInsufficient | undefined, sizeType: string): OnInsufficient {
  return own ?? s.config.onInsufficient ?? (TARGETS[sizeType] === true ? "scale" : "reject");
}

/**
 * The working slot of the order of `fields` under `terms` (fields' own, resolved) for `asset`
 * (-1: unknown, with `flaw` saying so), or -1 for its invalidOrder record or for no order. A
 * refused order's record keeps what was asked: `request`, or the market request the fields stand for.
 */
export function admit(
  s: RunState,
  t: number,
  asset: number,
  fields: OrderFields,
  terms: Terms,
  flaw: Reason | null,
  equity: number,
  request: OrderRequest | null,
): number {
  const fault = flaw ?? terms.fault ?? invalidField(s, fields, asset, terms);
  if (fault === null && fields.size === 0 && !terms.target) return -1;
  const lots =
    fault === null
      ? lotsFor(s, asset, terms.sizeType as SizeType, fields.size, s.decisionMark[asset], equity)
      : 0;
  const problem = fault ?? tooLarge(s, asset, lots, terms.sizeType);
  const resized = s.config.sizeAtFill && terms.type === "market" && terms.sizeType !== "units";
  // sizeAtFill: the fill's price decides the size, so a size of 0 at the close still goes out;
  // only a target of 0 for a flat asset is none at any price.
  if (
    problem === null &&
    lots === 0 &&
    !(resized && !(terms.target && fields.size === 0 && s.lots[asset] === 0))
  )
    return -1;
  const log = s.orders;
  const raw =
    problem === null
      ? undefined
      : { ...(request ?? marketRequest(s.panel.symbols[asset], fields.size, fields)) };
  const id = log.add(
    t,
    asset,
    terms.typeCode,
    terms.sizeTypeCode,
    problem === null ? fields.size : Number.NaN,
    problem === null ? s.toUnits(asset, lots) : 0,
    fields.limitPrice ?? Number.NaN,
    fields.stopPrice ?? Number.NaN,
    terms.lifeCode,
    terms.policyCode,
    raw,
  );
  if (problem !== null) {
    log.finish(id, "rejected", problem, t);
    return -1;
  }
  const mode = terms.mode as number;
  const needsLimit = mode === LIMIT || mode === STOP_LIMIT;
  const needsStop = mode === STOP || mode === STOP_LIMIT;
  const slot = s.working.open(
    id,
    t,
    asset,
    lots,
    mode,
    needsLimit ? (fields.limitPrice as number) : Number.NaN,
    needsStop ? (fields.stopPrice as number) : Number.NaN,
    FORCED_NONE,
    terms.policyCode,
    terms.timeInForce === "day",
    terms.type === "market",
  );
  if (resized) s.working.resizeAtFill(slot, terms.sizeTypeCode, fields.size);
  return slot;
}

/**
 * sizeAtFill (SPEC 6.4, VectorBT's val_price=price): sizes the order in `slot` again at the first
 * bar it is offered to a fill, at that bar's base price, with the position now and `equity` at the
 * batch's marks before any of its fills. Returns false when it ends there: sized to 0 lots
 * (cancelled, sizedToZero) or past 2^53 units (invalidOrder).
 */
export function resizeAtFill(s: RunState, slot: number, base: number, equity: number, t: number): boolean {
  const w = s.working;
  const code = w.resizeType[slot];
  if (code === NO_RESIZE) return true;
  w.resizeType[slot] = NO_RESIZE;
  const asset = w.asset[slot];
  const sizeType = sizeTypeName(code);
  const lots = lotsFor(s, asset, sizeType, w.resizeSize[slot], base, equity);
  const problem = tooLarge(s, asset, lots, sizeType, " at the fill");
  if (problem !== null) {
    s.finish(slot, "rejected", problem, t);
    return false;
  }
  w.lots[slot] = lots;
  s.orders.setQty(w.id[slot], s.toUnits(asset, lots));
  if (lots !== 0) return true;
  s.finish(slot, "cancelled", { kind: "sizedToZero" }, t);
  return false;
}

/** SPEC 6.5 invalidOrder on a key no order has, or null. */
function unknownField(request: OrderRequest): Reason | null {
  // for-in over own keys: Object.keys would make an array per order.
  for (const key in request)
    if (Object.hasOwn(request, key) && !FIELDS.has(key))
      return invalid(key, `unknown field "${key}"; an order has ${FIELD_LIST}`);
  return null;
}

/** The first invalid field of a request for a known asset under valid terms (SPEC 6.5 invalidOrder), or null. */
function invalidField(s: RunState, request: OrderFields, asset: number, terms: Terms): Reason | null {
  const { type, mode, sizeType } = terms;
  const size = request.size;
  if (typeof size !== "number" || !Number.isFinite(size))
    return invalid("size", `size must be a finite number, got ${quoted(size)}`);
  const needsLimit = mode === LIMIT || mode === STOP_LIMIT;
  const needsStop = mode === STOP || mode === STOP_LIMIT;
  if (!needsLimit && request.limitPrice !== undefined)
    return invalid("limitPrice", `a ${type} order has no limitPrice; it is for limit and stop-limit orders`);
  if (!needsStop && request.stopPrice !== undefined)
    return invalid("stopPrice", `a ${type} order has no stopPrice; it is for stop and stop-limit orders`);
  if (needsLimit && !validPrice(request.limitPrice))
    return invalid(
      "limitPrice",
      `a ${type} order needs a finite limitPrice > 0, got ${quoted(request.limitPrice)}`,
    );
  if (needsStop && !validPrice(request.stopPrice))
    return invalid(
      "stopPrice",
      `a ${type} order needs a finite stopPrice > 0, got ${quoted(request.stopPrice)}`,
    );
  const tick = s.tick[asset];
  if (needsLimit && !Number.isNaN(tick) && offGrid(request.limitPrice as number, tick))
    return invalid("limitPrice", `limitPrice ${request.limitPrice} is not on the tick grid ${tick}`);
  if (needsStop && !Number.isNaN(tick) && offGrid(request.stopPrice as number, tick))
    return invalid("stopPrice", `stopPrice ${request.stopPrice} is not on the tick grid ${tick}`);
  if (terms.priced && Number.isNaN(s.decisionMark[asset]) && !(size === 0 && !terms.target)) {
    const seen = s.config.fillAt === "open" ? "open or close" : "close";
    return invalid("asset", `no ${seen} of "${s.panel.symbols[asset]}" yet to size a ${sizeType} order`);
  }
  return null;
}

/** SPEC 6.4 in lots: m the close at t (or the fill's base price), q the position now; targets of 0 close exactly. */
function lotsFor(
  s: RunState,
  asset: number,
  sizeType: SizeType,
  size: number,
  mark: number,
  equity: number,
): number {
  const position = s.lots[asset];
  const lot = s.lotSize[asset];
  const unitValue = mark * s.multiplier[asset];
  const held = s.units[asset] * unitValue;
  switch (sizeType) {
    case "units":
      return truncLots(size / lot);
    case "value":
      return truncLots(size / unitValue / lot);
    case "percent":
      return truncLots(
        (size * equity) / unitValue / lot,
        (Math.abs(size) * s.moneyScale(equity)) / unitValue / lot,
      );
    case "targetUnits":
      return size === 0
        ? -position
        : truncLots((size - s.units[asset]) / lot, (Math.abs(size) + Math.abs(s.units[asset])) / lot);
    case "targetValue":
      return size === 0
        ? -position
        : truncLots((size - held) / unitValue / lot, (Math.abs(size) + Math.abs(held)) / unitValue / lot);
    case "targetPercent": {
      // Equity carries the float error of every amount the ledger summed to reach it, so the
      // tie is read at that scale (moneyScale), not at equity's own size: 0.48 x an equity of 2
      // left after 1,000 of cash flows is 0.96 give or take 4e-14, one lot of 0.96 exactly.
      const target = size * equity;
      const scale = Math.abs(size) * s.moneyScale(equity) + Math.abs(held);
      return size === 0 ? -position : truncLots((target - held) / unitValue / lot, scale / unitValue / lot);
    }
  }
}

/** SPEC 6.5 invalidOrder on size when the resolved quantity is past 2^53 units (`where`: " at the fill" when resized), else null. */
function tooLarge(s: RunState, asset: number, lots: number, sizeType: string, where = ""): Reason | null {
  if (Math.abs(lots * s.lotSize[asset]) <= MAX_UNITS) return null;
  return invalid(
    "size",
    `the ${sizeType} size comes to more than 2^53 = 9007199254740992 units${where}, past exact float64 quantities`,
  );
}

/** Strings quoted, so a size of "12" does not read as the number 12. */
function quoted(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Whether a name is one of `names`, as a lookup table. */
function lookup(names: Iterable<string>): Readonly<Record<string, boolean>> {
  return lookupTable(Array.from(names, (name) => [name, true] as const));
}

function invalid(field: string, detail: string): Reason {
  return { kind: "invalidOrder", field, detail };
}

function validPrice(price: number | undefined): boolean {
  return typeof price === "number" && Number.isFinite(price) && price > 0;
}
