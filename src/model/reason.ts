// SPEC 6.5: the closed set of reasons an order's rest dies or is cut, with their numbers.

export type Reason =
  | { kind: "shortInCashAccount"; qty: number }
  | { kind: "insufficientCash"; required: number; available: number }
  | { kind: "insufficientBuyingPower"; required: number; available: number }
  | { kind: "maxGrossLeverage"; gross: number; limit: number }
  | { kind: "maxNetLeverage"; net: number; limit: number }
  | { kind: "scaled"; k: number }
  | { kind: "volumeCap"; filled: number; cap: number }
  | { kind: "zeroVolume" }
  | { kind: "marginCall" }
  | { kind: "bankrupt" }
  | { kind: "callCured" }
  | { kind: "restricted"; required: number; available: number }
  | { kind: "submitCheck"; required: number; available: number }
  | { kind: "sizedToZero" }
  | { kind: "endOfData" }
  | { kind: "dayExpired" }
  | { kind: "cancelRequested" }
  | { kind: "invalidOrder"; field: string; detail: string };

export type ReasonKind = Reason["kind"];

export const REASON_KINDS: readonly ReasonKind[] = [
  "shortInCashAccount",
  "insufficientCash",
  "insufficientBuyingPower",
  "maxGrossLeverage",
  "maxNetLeverage",
  "scaled",
  "volumeCap",
  "zeroVolume",
  "marginCall",
  "bankrupt",
  "callCured",
  "restricted",
  "submitCheck",
  "sizedToZero",
  "endOfData",
  "dayExpired",
  "cancelRequested",
  "invalidOrder",
];

/**
 * Reasons that end an order's rest without a rule refusing it: it ran out of time (endOfData,
 * dayExpired), or sized at its fill it had nothing to trade (sizedToZero).
 */
const NOT_REFUSED: ReadonlySet<ReasonKind> = new Set<ReasonKind>(["endOfData", "dayExpired", "sizedToZero"]);

/** An order whose rest a rule ended (rejected, cut, cancelled), not one that ran out of time or had nothing to do. */
export function endedByRule(order: { readonly reason: Reason | null }): boolean {
  return order.reason !== null && !NOT_REFUSED.has(order.reason.kind);
}
