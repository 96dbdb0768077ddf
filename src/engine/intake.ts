// SPEC 6.4 and 9: a request at the close of bar t becomes an order with its quantity in lots, or
// an "invalidOrder" rejection; a zero quantity sends no order.
import { ORDER_REQUEST_FIELDS, type OrderRequest, type Reason, type SizeType } from "../model/index.ts";
import { codeOf } from "./logs.ts";
import { offGrid, truncLots } from "./numeric.ts";
import { FORCED_NONE, LIMIT, MARKET, Order, type RunState, STOP, STOP_LIMIT } from "./state.ts";

// Plain-object lookups (cheaper than Set.has on the per-order path).
const MODES: Readonly<Record<string, number>> = {
  market: MARKET,
  limit: LIMIT,
  stop: STOP,
  "stop-limit": STOP_LIMIT,
};
const SIZE_TYPES: Readonly<Record<string, boolean>> = {
  units: true,
  value: true,
  percent: true,
  targetUnits: true,
  targetValue: true,
  targetPercent: true,
};
const TARGETS: Readonly<Record<string, boolean>> = {
  targetUnits: true,
  targetValue: true,
  targetPercent: true,
};
const POLICIES: Readonly<Record<string, boolean>> = { reject: true, partial: true, scale: true };
const LIVES: Readonly<Record<string, boolean>> = { gtc: true, day: true };
const FIELD_LIST = ORDER_REQUEST_FIELDS.join(", ");
const FIELDS: ReadonlySet<string> = new Set(ORDER_REQUEST_FIELDS);
// Whole numbers of units are exact in float64 only up to 2^53: a larger order is refused.
const MAX_UNITS = 2 ** 53;

export function intake(
  s: RunState,
  t: number,
  request: OrderRequest,
  equity: number,
  symbolIndex: ReadonlyMap<string, number>,
): Order | null {
  const type = request.type ?? "market";
  const sizeType = request.sizeType ?? "units";
  const policy =
    request.onInsufficient ?? s.config.onInsufficient ?? (TARGETS[sizeType] === true ? "scale" : "reject");
  const timeInForce = request.timeInForce ?? s.config.timeInForce;
  const asset = symbolIndex.get(String(request.asset));
  const mode = MODES[type];
  const flaw = invalidField(s, request, asset, mode, sizeType, policy, timeInForce);
  const target = TARGETS[sizeType] === true;
  if (flaw === null && request.size === 0 && !target) return null;
  const lots =
    flaw === null
      ? lotsFor(s, asset as number, sizeType as SizeType, request.size, s.mark[asset as number], equity)
      : 0;
  const problem = flaw ?? tooLarge(s, asset as number, lots, sizeType);
  if (problem === null && lots === 0) return null;
  const log = s.orders;
  const raw = asset === undefined || problem !== null ? { ...request } : undefined;
  const id = log.add(
    t,
    asset ?? -1,
    codeOf.type(type),
    codeOf.sizeType(sizeType),
    problem === null ? request.size : Number.NaN,
    problem === null ? s.toUnits(asset as number, lots) : 0,
    request.limitPrice ?? Number.NaN,
    request.stopPrice ?? Number.NaN,
    codeOf.life(timeInForce),
    codeOf.policy(policy),
    raw,
  );
  if (problem !== null) {
    log.finish(id, "rejected", problem, t);
    return null;
  }
  const needsLimit = mode === LIMIT || mode === STOP_LIMIT;
  const needsStop = mode === STOP || mode === STOP_LIMIT;
  const limitPrice = needsLimit ? (request.limitPrice as number) : Number.NaN;
  const stopPrice = needsStop ? (request.stopPrice as number) : Number.NaN;
  return new Order(
    id,
    t,
    asset as number,
    lots,
    mode as number,
    limitPrice,
    stopPrice,
    FORCED_NONE,
    policy,
    timeInForce === "day",
    type === "market",
  );
}

/** The first invalid field of a request (SPEC 6.5 invalidOrder), or null. */
function invalidField(
  s: RunState,
  request: OrderRequest,
  asset: number | undefined,
  mode: number | undefined,
  sizeType: string,
  policy: string,
  timeInForce: string,
): Reason | null {
  const type = request.type ?? "market";
  if (asset === undefined) return invalid("asset", `unknown asset "${String(request.asset)}"`);
  for (const key of Object.keys(request))
    if (!FIELDS.has(key)) return invalid(key, `unknown field "${key}"; an order has ${FIELD_LIST}`);
  if (mode === undefined) return invalid("type", `unknown order type "${type}"`);
  if (SIZE_TYPES[sizeType] !== true) return invalid("sizeType", `unknown size type "${sizeType}"`);
  if (POLICIES[policy] !== true) return invalid("onInsufficient", `unknown policy "${policy}"`);
  if (LIVES[timeInForce] !== true) return invalid("timeInForce", `unknown time in force "${timeInForce}"`);
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
  const priced = sizeType !== "units" && sizeType !== "targetUnits";
  if (priced && Number.isNaN(s.mark[asset]) && !(size === 0 && !TARGETS[sizeType] === true)) {
    return invalid("asset", `no close of "${String(request.asset)}" yet to size a ${sizeType} order`);
  }
  return null;
}

/** SPEC 6.4 in lots: m the close at t, q the position after every fill up to t; targets of 0 close exactly. */
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
      return truncLots((size * equity) / unitValue / lot);
    case "targetUnits":
      return size === 0
        ? -position
        : truncLots((size - s.units[asset]) / lot, (Math.abs(size) + Math.abs(s.units[asset])) / lot);
    case "targetValue":
      return size === 0
        ? -position
        : truncLots((size - held) / unitValue / lot, (Math.abs(size) + Math.abs(held)) / unitValue / lot);
    case "targetPercent": {
      const target = size * equity;
      return size === 0
        ? -position
        : truncLots((target - held) / unitValue / lot, (Math.abs(target) + Math.abs(held)) / unitValue / lot);
    }
  }
}

/** SPEC 6.5 invalidOrder on size when the resolved quantity is past 2^53 units, else null. */
function tooLarge(s: RunState, asset: number, lots: number, sizeType: string): Reason | null {
  if (Math.abs(lots * s.lotSize[asset]) <= MAX_UNITS) return null;
  return invalid(
    "size",
    `the ${sizeType} size comes to more than 2^53 = 9007199254740992 units, past exact float64 quantities`,
  );
}

/** Strings quoted, so a size of "12" does not read as the number 12. */
function quoted(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function invalid(field: string, detail: string): Reason {
  return { kind: "invalidOrder", field, detail };
}

function validPrice(price: number | undefined): boolean {
  return typeof price === "number" && Number.isFinite(price) && price > 0;
}
