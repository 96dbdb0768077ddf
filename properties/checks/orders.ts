// SPEC 6.5 and 9: post-run checks on the order records: final statuses, ids, reasons, filledQty.
import { Decimal } from "decimal.js";
import { type OrderRecord, type OrderRequest, REASON_KINDS } from "../../src/model/index.ts";
import { bankruptcyBar, type FinishedRun, fail, orderTag } from "./common.ts";

/** Every working order ended: none is left "working"; those that ran out of data expired at the last bar. */
export function everyOrderIsFinal({ panel, records }: FinishedRun): void {
  const last = panel.times.length - 1;
  for (const o of records.orders) {
    if (o.status === "working" || o.doneT === null)
      fail("everyOrderIsFinal", `${orderTag(o)}: status ${o.status}, doneT ${o.doneT} after the run`);
    if (o.reason?.kind === "endOfData" && (o.status !== "expired" || o.doneT !== last))
      fail(
        "everyOrderIsFinal",
        `${orderTag(o)}: endOfData with status ${o.status} at ${o.doneT}, last bar ${last}`,
      );
  }
}

/** Ids are 1, 2, 3... in decision order (SPEC 9). */
export function orderIdsAreSequential({ records }: FinishedRun): void {
  records.orders.forEach((o, k) => {
    if (o.id !== k + 1)
      fail("orderIdsAreSequential", `order at index ${k} has id ${o.id}, expected ${k + 1}`);
    if (k > 0 && o.t < records.orders[k - 1].t)
      fail(
        "orderIdsAreSequential",
        `${orderTag(o)} decided at t=${o.t} after order ${o.id - 1} at t=${records.orders[k - 1].t}`,
      );
  });
}

/** SPEC 6.5: every reason comes from the closed set of src/model/reason.ts. */
export function reasonsFromClosedSet({ records }: FinishedRun): void {
  const known = new Set<string>(REASON_KINDS);
  for (const o of records.orders)
    if (o.reason !== null && !known.has(o.reason.kind))
      fail(
        "reasonsFromClosedSet",
        `${orderTag(o)}: reason "${o.reason.kind}" is not one of ${REASON_KINDS.join(", ")}`,
      );
}

/** SPEC 6.5: status, reason and filledQty agree. */
export function statusAgreesWithFilledQty({ records }: FinishedRun): void {
  const check = "statusAgreesWithFilledQty";
  for (const o of records.orders) {
    const qty = new Decimal(o.qty);
    const filled = new Decimal(o.filledQty);
    const where = `${orderTag(o)} status ${o.status} qty ${o.qty} filledQty ${o.filledQty}`;
    // An order of 0 units: invalid, or under sizeAtFill sized to 0 at its fill, or never sized (expired first).
    if (qty.isZero() && !zeroQtyAllowed(o)) fail(check, `${where}: an order of 0 units`);
    if (!filled.isZero() && filled.s !== qty.s) fail(check, `${where}: filled against the order's side`);
    if (filled.abs().gt(qty.abs())) fail(check, `${where}: filled more than ordered`);
    switch (o.status) {
      case "filled":
        if (!filled.eq(qty)) fail(check, `${where}: filled needs filledQty == qty`);
        if (o.reason !== null) fail(check, `${where}: filled with reason ${o.reason.kind}`);
        break;
      case "rejected":
      case "cancelled":
        if (!filled.isZero()) fail(check, `${where}: ${o.status} needs filledQty 0`);
        if (o.reason === null) fail(check, `${where}: ${o.status} without a reason`);
        break;
      case "expired":
        if (o.reason?.kind !== "endOfData" && o.reason?.kind !== "dayExpired")
          fail(check, `${where}: expired with reason ${o.reason?.kind ?? null}, not endOfData or dayExpired`);
        if (o.reason?.kind === "dayExpired" && !filled.isZero())
          fail(check, `${where}: a day order that filled something ends "partial", not "expired"`);
        if (filled.eq(qty) && !qty.isZero()) fail(check, `${where}: expired although fully filled`);
        break;
      case "partial":
        if (filled.isZero() || filled.eq(qty)) fail(check, `${where}: partial needs 0 < |filledQty| < |qty|`);
        if (o.reason === null) fail(check, `${where}: partial without a reason`);
        break;
      case "working":
        break; // everyOrderIsFinal's concern
    }
  }
}

/**
 * SPEC 6.4, 6.5: where a record may carry qty 0. Under sizeAtFill a market order sized by value,
 * percent or target is sent even when its size at the close is 0 units; it is sized again at its
 * first fill bar, so one that ends before any (expired at the end of data, or cancelled: by the
 * strategy, a cured call, bankruptcy) keeps the 0.
 */
function zeroQtyAllowed(o: OrderRecord): boolean {
  if (o.reason?.kind === "invalidOrder" || o.reason?.kind === "sizedToZero") return true;
  return (
    (o.status === "expired" || o.status === "cancelled") && o.type === "market" && o.sizeType !== "units"
  );
}

/** An invalid request (unknown asset or field, non-finite or huge size, missing or unused price) is an "invalidOrder" record, not a crash. */
export function invalidRequestsAreRejected({ panel, config, ordersByBar, records }: FinishedRun): void {
  const known = new Set(panel.symbols);
  // SPEC 7: no decisions from the bankrupt close on (at an open, from the next bar's).
  const lastDecision = bankruptcyBar(records) - (config.fillAt === "open" ? 0 : 1);
  for (const [t, requests] of ordersByBar) {
    if (t > lastDecision) continue;
    const invalid = requests.filter((r) => invalidRequest(r, known) !== null).length;
    if (invalid === 0) continue;
    const rejected = records.orders.filter(
      (o) => o.t === t && o.status === "rejected" && o.reason?.kind === "invalidOrder",
    ).length;
    if (rejected < invalid)
      fail(
        "invalidRequestsAreRejected",
        `t=${t}: ${invalid} invalid requests, ${rejected} invalidOrder records`,
      );
  }
}

/** Why a request is invalid: the field it names and the rule it breaks. */
export interface InvalidRequest {
  readonly field: string;
  readonly rule: "unknownAsset" | "unknownField" | "notFinite" | "missingPrice" | "unusedPrice" | "over2^53";
}

// The keys of an OrderRequest, written out here rather than taken from an engine.
const REQUEST_KEYS = new Set([
  "asset",
  "type",
  "sizeType",
  "size",
  "limitPrice",
  "stopPrice",
  "timeInForce",
  "onInsufficient",
]);

/** What makes a request invalid whatever the account and the data (SPEC 6.5 invalidOrder), or null. */
export function invalidRequest(request: OrderRequest, symbols: ReadonlySet<string>): InvalidRequest | null {
  const type = request.type ?? "market";
  const sizeType = request.sizeType ?? "units";
  const price = (p: number | undefined) => typeof p === "number" && Number.isFinite(p) && p > 0;
  const limitOrder = type === "limit" || type === "stop-limit";
  const stopOrder = type === "stop" || type === "stop-limit";
  if (!symbols.has(request.asset)) return { field: "asset", rule: "unknownAsset" };
  const unknown = Object.keys(request).find((key) => !REQUEST_KEYS.has(key));
  if (unknown !== undefined) return { field: unknown, rule: "unknownField" };
  if (!Number.isFinite(request.size)) return { field: "size", rule: "notFinite" };
  if (!limitOrder && request.limitPrice !== undefined) return { field: "limitPrice", rule: "unusedPrice" };
  if (!stopOrder && request.stopPrice !== undefined) return { field: "stopPrice", rule: "unusedPrice" };
  if (limitOrder && !price(request.limitPrice)) return { field: "limitPrice", rule: "missingPrice" };
  if (stopOrder && !price(request.stopPrice)) return { field: "stopPrice", rule: "missingPrice" };
  // Units past 2^54 are past 2^53 after any lot truncation, and a target's position (itself at most
  // 2^53 units) taken off; money and percent sizes depend on the prices, so are left to the tests.
  if ((sizeType === "units" || sizeType === "targetUnits") && Math.abs(request.size) > 2 ** 54)
    return { field: "size", rule: "over2^53" };
  return null;
}
