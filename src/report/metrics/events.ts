// The account's events over the run: margin calls, forced fills, bankruptcy, refused
// withdrawals, and the orders that ended unfilled, by status and reason code. The run summary
// reads the same counts.
import { isoDate, type OrderStatus, type Records } from "../../model/index.ts";

export type EndedStatus = Exclude<OrderStatus, "working" | "filled">;

export interface AccountEvents {
  readonly marginCalls: number;
  /** Forced fills (margin-call liquidations and bankruptcy close-outs). */
  readonly liquidations: number;
  /** Date of the bankruptcy, or null. */
  readonly bankrupt: string | null;
  readonly withdrawalsRefused: number;
  /** Orders refused with nothing filled (status "rejected"), by reason code. */
  readonly rejectionsByReason: Readonly<Record<string, number>>;
  /** Orders part filled whose rest died (status "partial": scaled, cut to fit, expired), by reason code. */
  readonly cutsByReason: Readonly<Record<string, number>>;
  /** Orders cancelled with nothing filled, by reason code. */
  readonly cancelledByReason: Readonly<Record<string, number>>;
  /** Orders expired with nothing filled (end of data, a day order's end), by reason code. */
  readonly expiredByReason: Readonly<Record<string, number>>;
}

export function accountEvents(records: Records, times: Float64Array): AccountEvents {
  // By status, so that a scaled fill is not counted as a rejection nor an expired order lost.
  const ended: Record<EndedStatus, Record<string, number>> = {
    rejected: {},
    partial: {},
    cancelled: {},
    expired: {},
  };
  for (const order of records.orders) {
    if (order.status === "working" || order.status === "filled" || order.reason === null) continue;
    const byReason = ended[order.status];
    byReason[order.reason.kind] = (byReason[order.reason.kind] ?? 0) + 1;
  }
  const bankruptcy = records.events.find((event) => event.kind === "bankrupt");
  return {
    marginCalls: records.events.filter((event) => event.kind === "marginCall").length,
    liquidations: records.fills.filter((fill) => fill.forced).length,
    bankrupt: bankruptcy === undefined ? null : isoDate(times[bankruptcy.t]),
    withdrawalsRefused: records.events.filter((event) => event.kind === "withdrawalRefused").length,
    rejectionsByReason: ended.rejected,
    cutsByReason: ended.partial,
    cancelledByReason: ended.cancelled,
    expiredByReason: ended.expired,
  };
}
