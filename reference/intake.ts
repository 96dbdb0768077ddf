// SPEC 6.4 and 9: turns a strategy's request at the close of bar t into an order record with
// its quantity resolved, or an "invalidOrder" rejection; a zero quantity sends no order.
import {
  SIZE_TYPES as MODEL_SIZE_TYPES,
  type OnInsufficient,
  ORDER_REQUEST_FIELDS,
  type OrderRecord,
  type OrderRequest,
  type OrderType,
  type SizeType,
  TARGET_SIZE_TYPES,
  type TimeInForce,
} from "../src/model/index.ts";
import { finish } from "./batch.ts";
import { type Dec, dec, truncToStep } from "./decimal.ts";
import type { RunState, WorkingOrder } from "./state.ts";

const QTY_NUDGE = dec(1e-18);
// Past 2^53 units a float64 engine no longer holds every whole quantity: refused, not rounded.
const MAX_UNITS = dec(2 ** 53);

const ORDER_TYPES: ReadonlySet<string> = new Set<OrderType>(["market", "limit", "stop", "stop-limit"]);
const SIZE_TYPES: ReadonlySet<string> = new Set(MODEL_SIZE_TYPES);
const POLICIES: ReadonlySet<string> = new Set<OnInsufficient>(["reject", "partial", "scale"]);
const TIME_IN_FORCE: ReadonlySet<string> = new Set<TimeInForce>(["gtc", "day"]);

/** What a decision sizes by: the last close, or at the open the bar's open or else the last close. */
function priceSeen(state: RunState): string {
  return state.config.fillAt === "open" ? "open or close" : "close";
}

/** Creates the order of a request decided at bar t; returns null when it sends no order. */
export function intake(
  state: RunState,
  t: number,
  request: OrderRequest,
  equityAtDecision: Dec,
  symbolIndex: ReadonlyMap<string, number>,
): WorkingOrder | null {
  const type = request.type ?? "market";
  const sizeType = request.sizeType ?? "units";
  const policy =
    request.onInsufficient ??
    state.config.onInsufficient ??
    (TARGET_SIZE_TYPES.has(sizeType) ? "scale" : "reject");
  const timeInForce = request.timeInForce ?? state.config.timeInForce;
  const record: OrderRecord = {
    id: 0,
    t,
    asset: String(request.asset),
    type,
    sizeType,
    size: request.size,
    qty: 0,
    limitPrice: request.limitPrice ?? null,
    stopPrice: request.stopPrice ?? null,
    timeInForce,
    onInsufficient: policy,
    status: "working",
    filledQty: 0,
    reason: null,
    doneT: null,
    deferred: { zeroVolume: 0, volumeCap: 0, missingBar: 0, slippage: 0 },
  };
  const asset = symbolIndex.get(record.asset);
  const invalid = (field: string, detail: string): null => {
    state.orders.push({
      ...record,
      id: state.orders.length + 1,
      status: "rejected",
      doneT: t,
      reason: { kind: "invalidOrder", field, detail },
    });
    return null;
  };
  if (asset === undefined) return invalid("asset", `unknown asset "${record.asset}"`);
  const unknown = Object.keys(request).find(
    (key) => !(ORDER_REQUEST_FIELDS as readonly string[]).includes(key),
  );
  if (unknown !== undefined)
    return invalid(unknown, `unknown field "${unknown}"; an order has ${ORDER_REQUEST_FIELDS.join(", ")}`);
  if (!ORDER_TYPES.has(type)) return invalid("type", `unknown order type "${type}"`);
  if (!SIZE_TYPES.has(sizeType)) return invalid("sizeType", `unknown size type "${sizeType}"`);
  if (!POLICIES.has(policy)) return invalid("onInsufficient", `unknown policy "${policy}"`);
  if (!TIME_IN_FORCE.has(timeInForce))
    return invalid("timeInForce", `unknown time in force "${timeInForce}"`);
  if (typeof request.size !== "number" || !Number.isFinite(request.size))
    return invalid("size", `size must be a finite number, got ${shown(request.size)}`);
  const needsLimit = type === "limit" || type === "stop-limit";
  const needsStop = type === "stop" || type === "stop-limit";
  if (!needsLimit && request.limitPrice !== undefined)
    return invalid("limitPrice", `a ${type} order has no limitPrice; it is for limit and stop-limit orders`);
  if (!needsStop && request.stopPrice !== undefined)
    return invalid("stopPrice", `a ${type} order has no stopPrice; it is for stop and stop-limit orders`);
  if (needsLimit && !validPrice(request.limitPrice))
    return invalid(
      "limitPrice",
      `a ${type} order needs a finite limitPrice > 0, got ${shown(request.limitPrice)}`,
    );
  if (needsStop && !validPrice(request.stopPrice))
    return invalid(
      "stopPrice",
      `a ${type} order needs a finite stopPrice > 0, got ${shown(request.stopPrice)}`,
    );
  const tick = state.ticks[asset];
  const offGrid = (price: number | undefined) =>
    tick !== null &&
    !dec(price as number)
      .mod(tick)
      .isZero();
  if (needsLimit && offGrid(request.limitPrice))
    return invalid("limitPrice", `limitPrice ${request.limitPrice} is not on the tick grid ${tick}`);
  if (needsStop && offGrid(request.stopPrice))
    return invalid("stopPrice", `stopPrice ${request.stopPrice} is not on the tick grid ${tick}`);
  if (request.size === 0 && !TARGET_SIZE_TYPES.has(sizeType)) return null;

  const mark = state.decisionMark(t, asset);
  if (mark === null && sizeType !== "units" && sizeType !== "targetUnits")
    return invalid("asset", `no ${priceSeen(state)} of "${record.asset}" yet to size a ${sizeType} order`);
  const qty = sizedQty(state, asset, sizeType, dec(request.size), mark as Dec, equityAtDecision);
  if (qty.abs().gt(MAX_UNITS))
    return invalid(
      "size",
      `the ${sizeType} size comes to more than 2^53 = 9007199254740992 units, past exact float64 quantities`,
    );
  const resize = state.config.sizeAtFill && type === "market" && sizeType !== "units";
  // sizeAtFill: the fill's price decides the size, so a size of 0 at the close still goes out;
  // only a target of 0 for a flat asset is none at any price.
  const noneAtAnyPrice = request.size === 0 && state.qty[asset].isZero();
  if (qty.isZero() && (!resize || noneAtAnyPrice)) return null;

  const created: OrderRecord = { ...record, id: state.orders.length + 1, qty: qty.toNumber() };
  state.orders.push(created);
  return {
    record: created,
    asset,
    qty,
    filled: dec(0),
    mode: type,
    limitPrice: needsLimit ? dec(request.limitPrice as number) : null,
    stopPrice: needsStop ? dec(request.stopPrice as number) : null,
    forced: null,
    resize: resize ? { sizeType, size: dec(request.size) } : null,
  };
}

/**
 * sizeAtFill (SPEC 6.4, VectorBT's val_price=price): sizes the order again at the first bar it is
 * offered to a fill, at that bar's base price, with the position and the equity at that batch's
 * marks before any of its fills. Returns false when it sizes to 0 (then it is cancelled).
 */
export function resizeAtFill(
  state: RunState,
  order: WorkingOrder,
  basePrice: Dec,
  equity: Dec,
  t: number,
): boolean {
  const resize = order.resize;
  if (resize === null) return true;
  order.resize = null;
  const qty = sizedQty(state, order.asset, resize.sizeType, resize.size, basePrice, equity);
  if (qty.abs().gt(MAX_UNITS)) {
    finish(
      order,
      "rejected",
      {
        kind: "invalidOrder",
        field: "size",
        detail: `the ${resize.sizeType} size comes to more than 2^53 = 9007199254740992 units at the fill, past exact float64 quantities`,
      },
      t,
    );
    return false;
  }
  order.qty = qty;
  order.record.qty = qty.toNumber();
  if (!qty.isZero()) return true;
  finish(order, "cancelled", { kind: "sizedToZero" }, t);
  return false;
}

/**
 * SPEC 6.4's quantity truncated to the lot, priced at `mark`. Quantities derived from rounded
 * accruals (20 places) are read with a nudge of 1e-18 of their size: far below any true fraction
 * of a lot, above that rounding (4000/3 rounded must not turn an exact 1,612,715 lots into 1,612,714).
 */
function sizedQty(
  state: RunState,
  asset: number,
  sizeType: SizeType,
  size: Dec,
  mark: Dec,
  equity: Dec,
): Dec {
  const raw = rawQty(state, asset, sizeType, size, mark, equity);
  return truncToStep(raw.add(raw.mul(QTY_NUDGE)), state.lots[asset]);
}

/** SPEC 6.4, with m the close at t (or the fill's base price) and q the position now. */
function rawQty(state: RunState, asset: number, sizeType: SizeType, size: Dec, mark: Dec, equity: Dec): Dec {
  const position = state.qty[asset];
  const unitValue = () => mark.mul(state.multipliers[asset]);
  switch (sizeType) {
    case "units":
      return size;
    case "value":
      return size.div(unitValue());
    case "percent":
      return size.mul(equity).div(unitValue());
    case "targetUnits":
      return size.sub(position);
    case "targetValue":
      return size.isZero() ? position.neg() : size.sub(position.mul(unitValue())).div(unitValue());
    case "targetPercent":
      return size.isZero()
        ? position.neg()
        : size.mul(equity).sub(position.mul(unitValue())).div(unitValue());
  }
}

/** A value as the strategy gave it: strings quoted, so "12" is not mistaken for the number 12. */
function shown(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function validPrice(price: number | undefined): boolean {
  return typeof price === "number" && Number.isFinite(price) && price > 0;
}
