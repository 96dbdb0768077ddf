// compat: "vectorbt": the defaults under which assay's engines follow VectorBT 0.28's
// Portfolio.from_orders with cash_sharing=True (vectorbt/portfolio/nb.py: buy_nb, sell_nb,
// process_order_nb, simulate_from_orders_nb). Each key names the peer's rule it mirrors;
// docs/peers.md has the full table and what is not mirrored.
import type { ConfigInput } from "../config/input.ts";
import type { OrderRecord, Reason } from "../model/index.ts";

export const VECTORBT_CONFIG: Readonly<ConfigInput> = Object.freeze({
  // sell_nb (lock_cash=False) sells and short-sells any size, its proceeds going to cash, with no
  // margin; buy_nb caps a buy at the cash balance, fees included: Backtrader's shortcash account.
  account: "margin",
  shortCash: true,
  // buy_nb with allow_partial=True fills the size the cash pays for, fees included.
  onInsufficient: "partial",
  // size_granularity=NaN: sizes are never rounded. assay truncates to its lot; 1e-8 is
  // VectorBT's own min_size, below which it trades nothing.
  lotSize: 1e-8,
  // val_price=inf (the order price) with update_value=False: TargetAmount, TargetValue, Value and
  // TargetPercent are converted to units at the fill row's price, the group valued once before
  // its first order (process_order_nb's size conversion, get_group_value_ctx_nb).
  sizeAtFill: true,
  // call_seq="default" runs a row's orders in column order, each filled before the next is sized.
  exitsFirst: false,
  // There is no volume input: no participation cap, and a zero-volume bar fills as any other.
  maxParticipation: null,
  onZeroVolume: "fill",
  // buy_nb/sell_nb apply slippage as price x (1 +- slippage) with no cap at the bar's high or low.
  clampToBar: false,
});

/**
 * VectorBT's log status for what assay records as `reason` ("Rejected: " + OrderStatusInfo, as
 * the golden files write it). buy_nb: no cash is NoCashLong; some cash with allow_partial=False
 * is PartialFill. Under "partial" a refusal means not one lot fits: VectorBT, which spends its
 * cash to the last cent on partial fills, has none left (assay keeps the sub-lot remainder).
 */
export function vectorbtStatus(reason: Reason, order: OrderRecord): string {
  switch (reason.kind) {
    case "insufficientCash":
      return reason.available <= 0 || order.onInsufficient === "partial"
        ? "Rejected: NoCashLong"
        : "Rejected: PartialFill";
    default:
      return reason.kind;
  }
}

/**
 * A buy cut down by cash is one order record in VectorBT, filled at the smaller size, with no
 * rejection logged for its rest: only orders that filled nothing are its rejections.
 */
export function vectorbtListsRejection(order: OrderRecord): boolean {
  return order.filledQty === 0;
}

/**
 * The VectorBT switches a golden file states in `input.other`, as assay keys (the rest of
 * `other` is words). call_seq "auto" sorts a row's orders by approximate value, sales first:
 * assay's exits first. A value no key reproduces goes to `refuse` with the key and why.
 */
export function vectorbtFileOptions(
  other: Readonly<Record<string, unknown>>,
  refuse: (key: string, message: string) => never,
): ConfigInput {
  const notReproduced = (key: string, what: string) =>
    refuse(key, `VectorBT's ${what} is not reproduced by compat "vectorbt"`);
  const options: { exitsFirst?: boolean; onInsufficient?: "partial" | "reject" } = {};
  const { callSeq, allowPartial, lockCash, method } = other;
  if (callSeq === "default" || callSeq === "auto") options.exitsFirst = callSeq === "auto";
  else if (callSeq !== undefined) notReproduced("callSeq", `call_seq ${JSON.stringify(callSeq)}`);
  if (typeof allowPartial === "boolean") options.onInsufficient = allowPartial ? "partial" : "reject";
  else if (allowPartial !== undefined)
    notReproduced("allowPartial", `allow_partial ${JSON.stringify(allowPartial)}`);
  if (lockCash !== undefined && lockCash !== false)
    notReproduced("lockCash", `lock_cash ${JSON.stringify(lockCash)} (short sales limited by free cash)`);
  if (method !== undefined && method !== "from_orders" && method !== "from_signals")
    notReproduced("method", `method ${JSON.stringify(method)} (from_orders and from_signals are)`);
  return options;
}
