// SPEC 5, 6.3, 9 and 10 (I6, I9, I12): post-run checks on the fill records against their orders
// and the panel.
import { Decimal } from "decimal.js";
import type { OrderRecord } from "../../src/model/index.ts";
import { bankruptcyBar, type FinishedRun, fail, fillTag, firstFillBar, orderTag } from "./common.ts";

/** Fills belong to a known order of the same asset and side; an order's fills sum to its filledQty. */
export function fillsSumToFilledQty({ records }: FinishedRun): void {
  const check = "fillsSumToFilledQty";
  const byId = new Map(records.orders.map((o) => [o.id, o]));
  const sums = new Map<number, Decimal>();
  const counts = new Map<number, number>();
  for (const f of records.fills) {
    const o = byId.get(f.orderId);
    if (o === undefined) fail(check, `${fillTag(f)}: no order with id ${f.orderId}`);
    const order = o as OrderRecord;
    if (f.asset !== order.asset) fail(check, `${fillTag(f)}: asset ${f.asset} != order's ${order.asset}`);
    if (f.qty === 0 || Math.sign(f.qty) !== Math.sign(order.qty))
      fail(check, `${fillTag(f)}: qty ${f.qty} against order qty ${order.qty}`);
    sums.set(f.orderId, (sums.get(f.orderId) ?? new Decimal(0)).add(f.qty));
    counts.set(f.orderId, (counts.get(f.orderId) ?? 0) + 1);
  }
  for (const o of records.orders) {
    const sum = sums.get(o.id) ?? new Decimal(0);
    const count = counts.get(o.id) ?? 0;
    if (!sum.eq(o.filledQty))
      fail(check, `${orderTag(o)}: ${count} fills sum to ${sum}, filledQty ${o.filledQty}`);
    const unfilledEnd =
      o.status === "rejected" || o.status === "cancelled" || (o.status === "expired" && o.filledQty === 0);
    if (unfilledEnd && count > 0)
      fail(check, `${orderTag(o)}: ${o.status} without fill, yet ${count} fill records`);
  }
}

/** SPEC 9: qty == reducingQty + increasingQty, both parts on the fill's side. */
export function fillLegsAddUp({ records }: FinishedRun): void {
  for (const f of records.fills) {
    const sum = new Decimal(f.reducingQty).add(f.increasingQty);
    if (!sum.eq(f.qty))
      fail(
        "fillLegsAddUp",
        `${fillTag(f)}: qty ${f.qty} != reducing ${f.reducingQty} + increasing ${f.increasingQty} = ${sum}`,
      );
    for (const part of [f.reducingQty, f.increasingQty])
      if (part !== 0 && Math.sign(part) !== Math.sign(f.qty))
        fail("fillLegsAddUp", `${fillTag(f)}: part ${part} against the fill's side ${f.qty}`);
  }
}

/**
 * SPEC 1 and 5: a fill's base price is a price of the data (> 0) and no adjustment takes the fill
 * price below 0 (docs/semantics.md: without the clamp a sale's price stops at 0; nothing pays to sell).
 */
export function fillPricesAreNotNegative({ records }: FinishedRun): void {
  for (const f of records.fills)
    if (!(f.basePrice > 0 && f.fillPrice >= 0))
      fail(
        "fillPricesAreNotNegative",
        `${fillTag(f)}: fill price ${f.fillPrice} (base ${f.basePrice}); need base > 0 and fill >= 0`,
      );
}

/**
 * I6: a fill comes after its decision: next-open market orders and all limit and stop orders
 * from t+1 on; same-bar market orders, and every order decided at an open (fillAt "open"), from
 * the decision bar on. Never after the order ended.
 */
export function fillsAfterDecision({ config, records }: FinishedRun): void {
  const byId = new Map(records.orders.map((o) => [o.id, o]));
  for (const f of records.fills) {
    const o = byId.get(f.orderId);
    if (o === undefined) continue; // fillsSumToFilledQty's concern
    const earliest = firstFillBar(o, config.fillAt);
    if (f.t < earliest)
      fail(
        "fillsAfterDecision",
        `${fillTag(f)}: ${o.type} order decided at t=${o.t} (fillAt ${config.fillAt}) filled at t=${f.t} < ${earliest}`,
      );
    if (o.doneT !== null && f.t > o.doneT)
      fail("fillsAfterDecision", `${fillTag(f)}: filled at t=${f.t} after the order ended at t=${o.doneT}`);
  }
}

/** I9: no fill on a missing bar, under every policy. */
export function noFillOnMissingBar({ panel, records }: FinishedRun): void {
  const column = new Map(panel.symbols.map((s, i) => [s, i]));
  for (const f of records.fills) {
    const k = f.t * panel.symbols.length + (column.get(f.asset) as number);
    if (Number.isNaN(panel.close[k])) fail("noFillOnMissingBar", `${fillTag(f)}: the bar is missing`);
  }
}

/** I9 and SPEC 6.3: no fill on a zero-volume bar under "defer" or "reject"; the flag tells the truth. */
export function noFillOnZeroVolumeBar({ panel, config, records }: FinishedRun): void {
  const column = new Map(panel.symbols.map((s, i) => [s, i]));
  for (const f of records.fills) {
    const volume = panel.volume[f.t * panel.symbols.length + (column.get(f.asset) as number)];
    if (volume === 0 && (config.onZeroVolume === "defer" || config.onZeroVolume === "reject"))
      fail("noFillOnZeroVolumeBar", `${fillTag(f)}: volume 0 under onZeroVolume "${config.onZeroVolume}"`);
    if (f.zeroVolume !== (volume === 0))
      fail(
        "noFillOnZeroVolumeBar",
        `${fillTag(f)}: flag zeroVolume ${f.zeroVolume} on a bar of volume ${volume}`,
      );
  }
}

/** I12: after the bankrupt close only forced (liquidation) orders fill; forced fills are liquidations. */
export function onlyForcedFillsAfterBankruptcy({ records }: FinishedRun): void {
  const bankruptAt = bankruptcyBar(records);
  const byId = new Map(records.orders.map((o) => [o.id, o]));
  for (const f of records.fills) {
    const o = byId.get(f.orderId);
    if (o === undefined) continue; // fillsSumToFilledQty's concern
    if (f.forced !== (o.type === "liquidation"))
      fail("onlyForcedFillsAfterBankruptcy", `${fillTag(f)}: forced ${f.forced} on a ${o.type} order`);
    if (f.t > bankruptAt && !f.forced)
      fail(
        "onlyForcedFillsAfterBankruptcy",
        `${fillTag(f)}: a strategy fill after bankruptcy at t=${bankruptAt}`,
      );
  }
}

/**
 * I8 from the panel: the base price is inside [low_t, high_t], the adjustments are adverse (a buy
 * pays at least the base, a sale gets at most it), with clampToBar the fill price is inside the
 * bar, a limit fill is never worse than its limit, and every cost is >= 0.
 */
export function fillPricesAreInBar({ panel, config, records }: FinishedRun): void {
  const check = "fillPricesAreInBar";
  const column = new Map(panel.symbols.map((s, i) => [s, i]));
  const byId = new Map(records.orders.map((o) => [o.id, o]));
  for (const f of records.fills) {
    const k = f.t * panel.symbols.length + (column.get(f.asset) as number);
    const [low, high] = [panel.low[k], panel.high[k]];
    if (!(f.basePrice >= low && f.basePrice <= high))
      fail(check, `${fillTag(f)}: base price ${f.basePrice} outside [${low}, ${high}]`);
    const side = Math.sign(f.qty);
    if ((f.fillPrice - f.basePrice) * side < 0)
      fail(
        check,
        `${fillTag(f)}: fill price ${f.fillPrice} better than base ${f.basePrice} for side ${side}`,
      );
    if (config.clampToBar && !(f.fillPrice >= low && f.fillPrice <= high))
      fail(check, `${fillTag(f)}: fill price ${f.fillPrice} outside [${low}, ${high}] under clampToBar`);
    const limit = byId.get(f.orderId)?.limitPrice ?? null;
    if (limit !== null && (f.fillPrice - limit) * side > 0)
      fail(check, `${fillTag(f)}: fill price ${f.fillPrice} worse than its limit ${limit}`);
    for (const [cost, amount] of [
      ["commission", f.commission],
      ["slippageCost", f.slippageCost],
      ["impactCost", f.impactCost],
    ] as const)
      if (!(amount >= 0)) fail(check, `${fillTag(f)}: ${cost} ${amount} < 0`);
  }
}

/**
 * I9 from the fill records: per asset and bar, the units filled add up to at most the
 * participation cap (maxParticipation x volume, the synthetic volume on a zero-volume bar under
 * "synthetic"; no cap under "fill" on zero volume).
 */
export function fillsWithinParticipation({ panel, config, records }: FinishedRun): void {
  const { maxParticipation } = config;
  if (maxParticipation === null) return;
  const column = new Map(panel.symbols.map((s, i) => [s, i]));
  const filled = new Map<number, Decimal>();
  for (const f of records.fills) {
    const k = f.t * panel.symbols.length + (column.get(f.asset) as number);
    const volume = panel.volume[k];
    if (volume === 0 && config.onZeroVolume === "fill") continue;
    const sum = (filled.get(k) ?? new Decimal(0)).add(Math.abs(f.qty));
    filled.set(k, sum);
    const cap = new Decimal(maxParticipation).mul(volume === 0 ? config.syntheticVolume : volume);
    if (sum.gt(cap))
      fail(
        "fillsWithinParticipation",
        `${fillTag(f)}: ${sum} units filled on the bar > cap ${cap} (${maxParticipation} x volume ${volume})`,
      );
  }
}
