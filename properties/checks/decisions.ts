// SPEC 4 and 6.4, from the records and the panel: when a decision's market orders fill and the
// price it sized at, under each fillAt ("open" is cheat-on-open: decided at the open of t, seeing
// only open_t of that bar). Neither engine's timeline or intake code is used.
import type { Panel, RunConfig } from "../../src/model/index.ts";
import { type FinishedRun, fail, fillTag, firstFillBar, orderTag } from "./common.ts";

/** A strategy market order fills at its bar's open (next-open, open) or close (close), unmoved as a base. */
export function marketFillsAtTheirBase({ panel, config, records }: FinishedRun): void {
  const column = new Map(panel.symbols.map((s, i) => [s, i]));
  const market = new Set(records.orders.filter((o) => o.type === "market").map((o) => o.id));
  const prices = config.fillAt === "close" ? panel.close : panel.open;
  for (const f of records.fills) {
    if (f.forced || !market.has(f.orderId)) continue;
    const base = prices[f.t * panel.symbols.length + (column.get(f.asset) as number)];
    if (f.basePrice !== base)
      fail(
        "marketFillsAtTheirBase",
        `${fillTag(f)}: a market order based at ${f.basePrice}, not the bar's ${config.fillAt === "close" ? "close" : "open"} ${base} (fillAt ${config.fillAt})`,
      );
  }
}

/**
 * SPEC 6.4 for value orders (no position or equity needed): |qty| is |v| / (m x mult) truncated
 * to the lot, m the price the decision saw: the last close, or under fillAt "open" the open of
 * the decision bar when it has one. Read as bounds (within 1e-9 relative), not by recomputing a
 * floor: qty x m x mult <= |v| < (|qty| + lot) x m x mult. Not under sizeAtFill, which sizes again.
 */
export function valueOrdersSizedAtDecisionPrice({ panel, config, records }: FinishedRun): void {
  if (config.sizeAtFill) return;
  const column = new Map(panel.symbols.map((s, i) => [s, i]));
  for (const o of records.orders) {
    if (o.sizeType !== "value" || o.reason?.kind === "invalidOrder" || o.qty === 0) continue;
    const asset = column.get(o.asset) as number;
    const m = decisionPrice(panel, config, o.t, asset);
    const { multiplier, lotSize } = config.instruments[asset];
    const unit = m * multiplier;
    const v = Math.abs(o.size);
    const slack = 1e-9 * v;
    const qty = Math.abs(o.qty);
    if (!(qty * unit <= v + slack && (qty + lotSize) * unit > v - slack))
      fail(
        "valueOrdersSizedAtDecisionPrice",
        `${orderTag(o)}: qty ${o.qty} for a value of ${o.size} at ${m} x ${multiplier} (lot ${lotSize}); the price seen at ${config.fillAt === "open" ? "the open" : "the close"} of t=${o.t} gives ${Math.trunc(v / unit / lotSize) * lotSize}`,
      );
  }
}

/** The price a decision at t sized at: open_t under fillAt "open" when the bar is there, else the last close. */
function decisionPrice(panel: Panel, config: RunConfig, t: number, asset: number): number {
  const n = panel.symbols.length;
  if (config.fillAt === "open" && !Number.isNaN(panel.open[t * n + asset])) return panel.open[t * n + asset];
  for (let k = config.fillAt === "open" ? t - 1 : t; k >= 0; k--)
    if (!Number.isNaN(panel.close[k * n + asset])) return panel.close[k * n + asset];
  return Number.NaN;
}

/**
 * A strategy market order is offered from its first bar on (the decision bar under "close" and
 * "open", the next under "next-open"): every bar it waited before its first fill was a deferral
 * its record counts (zero volume, a spent volume cap, a missing bar, slipMatch).
 */
export function marketOrdersWaitOnlyWhenDeferred({ config, records }: FinishedRun): void {
  const firstFill = new Map<number, number>();
  for (const f of records.fills) if (!firstFill.has(f.orderId)) firstFill.set(f.orderId, f.t);
  for (const o of records.orders) {
    const filledAt = firstFill.get(o.id);
    if (o.type !== "market" || filledAt === undefined) continue;
    const waited = filledAt - firstFillBar(o, config.fillAt);
    const { zeroVolume, volumeCap, missingBar, slippage } = o.deferred;
    if (waited > zeroVolume + volumeCap + missingBar + slippage)
      fail(
        "marketOrdersWaitOnlyWhenDeferred",
        `${orderTag(o)}: first filled at t=${filledAt}, ${waited} bar(s) after its first (fillAt ${config.fillAt}), with deferrals ${JSON.stringify(o.deferred)}`,
      );
  }
}
