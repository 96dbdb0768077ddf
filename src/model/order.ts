// SPEC 4 and 6.4: what a strategy submits. Sizes are resolved to signed units at decision time.
import type { OnInsufficient, TimeInForce } from "./config.ts";

export type OrderType = "market" | "limit" | "stop" | "stop-limit";

/**
 * units: signed quantity; value: signed money; percent: signed fraction of equity;
 * targetUnits / targetValue / targetPercent: the position to reach (SPEC 6.4).
 */
export type SizeType = "units" | "value" | "percent" | "targetUnits" | "targetValue" | "targetPercent";

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
