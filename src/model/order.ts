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

export type OrderStatus = "working" | "filled" | "partial" | "rejected" | "cancelled" | "expired";
