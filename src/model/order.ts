// SPEC 4 and 6.4: what a strategy submits. Sizes are resolved to signed units at decision time.
import type { OnInsufficient, TimeInForce } from "./config.ts";

export type OrderType = "market" | "limit" | "stop" | "stop-limit";

/**
 * units: signed quantity; value: signed money; percent: signed fraction of equity;
 * targetUnits / targetValue / targetPercent: the position to reach (SPEC 6.4).
 */
export type SizeType = "units" | "value" | "percent" | "targetUnits" | "targetValue" | "targetPercent";

export const SIZE_TYPES: readonly SizeType[] = Object.keys({
  units: true,
  value: true,
  percent: true,
  targetUnits: true,
  targetValue: true,
  targetPercent: true,
} satisfies Record<SizeType, true>) as SizeType[];

export const TARGET_SIZE_TYPES: ReadonlySet<SizeType> = new Set([
  "targetUnits",
  "targetValue",
  "targetPercent",
]);

export interface OrderRequest {
  readonly asset: string;
  /** Default "market". */
  readonly type?: OrderType;
  /** Default "units". */
  readonly sizeType?: SizeType;
  readonly size: number;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
  /** Overrides the run's timeInForce. */
  readonly timeInForce?: TimeInForce;
  /** Overrides the run's onInsufficient. */
  readonly onInsufficient?: OnInsufficient;
}

/**
 * What a declarative strategy's market orders share, made once per strategy and passed with
 * every order (BarContext.submitMarket), so that an order is two numbers, not an object.
 */
export interface MarketTerms {
  /** Default "units". */
  readonly sizeType?: SizeType;
  readonly timeInForce?: TimeInForce;
  readonly onInsufficient?: OnInsufficient;
}

export const MARKET_TERMS_FIELDS: readonly (keyof MarketTerms)[] = Object.keys({
  sizeType: true,
  timeInForce: true,
  onInsufficient: true,
} satisfies Record<keyof MarketTerms, true>) as (keyof MarketTerms)[];

/** The request that submitMarket(asset, size, terms) stands for: its terms' given fields only. */
export function marketRequest(symbol: string, size: number, terms: MarketTerms): OrderRequest {
  return {
    asset: symbol,
    ...(terms.sizeType === undefined ? {} : { sizeType: terms.sizeType }),
    size,
    ...(terms.timeInForce === undefined ? {} : { timeInForce: terms.timeInForce }),
    ...(terms.onInsufficient === undefined ? {} : { onInsufficient: terms.onInsufficient }),
  };
}

/**
 * The keys of an OrderRequest (the Record type fails to compile when one is missing): an engine
 * refuses any other key as the config refuses an unknown key (invalidOrder {field}).
 */
export const ORDER_REQUEST_FIELDS: readonly (keyof OrderRequest)[] = Object.keys({
  asset: true,
  type: true,
  sizeType: true,
  size: true,
  limitPrice: true,
  stopPrice: true,
  timeInForce: true,
  onInsufficient: true,
} satisfies Record<keyof OrderRequest, true>) as (keyof OrderRequest)[];

export type OrderStatus = "working" | "filled" | "partial" | "rejected" | "cancelled" | "expired";
