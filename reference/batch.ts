// SPEC 3 (legs and batches), 6.1-6.3 and 6.5: one batch of fills (the open auction, the
// intrabar batch or the same-bar close). Reducing legs of each asset's first order fill first;
// then their increasing legs ("reject" and "partial" in processing order, then one "scale"
// group); then every further order of an asset, split against the position at that moment.
import type { OnInsufficient, Reason } from "../src/model/index.ts";
import { checkLegs, type Leg } from "./checks.ts";
import {
  adjustedPrice,
  heldBySlippage,
  type Priced,
  recordCommission,
  slippageTerms,
  slips,
  splitCosts,
} from "./costs.ts";
import { type Dec, dec, maxDec, minDec, truncToStep, ZERO } from "./decimal.ts";
import type { Impact } from "./impact.ts";
import type { Invariants } from "./invariants.ts";
import { type RunState, restOf, type WorkingOrder } from "./state.ts";

export interface Candidate {
  readonly order: WorkingOrder;
  readonly basePrice: Dec;
}

/** One order inside a batch: its one price (fixed when first processed), and its fill record. */
interface Entry {
  readonly order: WorkingOrder;
  readonly basePrice: Dec;
  readonly side: 1 | -1;
  readonly hadFill: boolean;
  readonly zeroVolume: boolean;
  /** The bar's volume for the cap and volume-based impact (synthetic on a zero-volume bar). */
  readonly volume: number;
  pricing: Pricing | null;
  slot: Slot | null;
}

interface Pricing extends Priced {
  readonly temporaryBps: Dec;
  readonly noImpactHistory: boolean;
}

interface Slot {
  readonly entry: Entry;
  /** The account's month-to-date quantity before this record (tiered commission). */
  readonly monthQtyBefore: Dec;
  reducing: Dec;
  increasing: Dec;
  commission: Dec;
}

const SCALE_STEPS = 10_000;

export class Batch {
  private readonly slots: Slot[] = [];

  constructor(
    private readonly state: RunState,
    private readonly invariants: Invariants,
    private readonly impact: Impact,
    private readonly t: number,
    /** The timeline step of this batch (2 open auction, 3 intrabar, 5 same-bar close), for events. */
    private readonly step: 2 | 3 | 5,
    /** Marks for checks: opens (open auction, intrabar) or closes (same-bar), SPEC 3. */
    private readonly markOf: (asset: number) => Dec,
  ) {}

  run(candidates: readonly Candidate[]): void {
    const entries = candidates.map((c) => this.admit(c)).filter((e): e is Entry => e !== null);
    const firsts: Entry[] = [];
    const further: Entry[] = [];
    const seen = new Set<number>();
    for (const entry of entries) {
      // exitsFirst false: every order runs as a further one, in processing order (SPEC 3).
      (seen.has(entry.order.asset) || !this.state.config.exitsFirst ? further : firsts).push(entry);
      seen.add(entry.order.asset);
    }
    const increasing: { entry: Entry; qty: Dec }[] = [];
    for (const entry of firsts) {
      const { reducing, increasing: rest } = split(restOf(entry.order), this.state.qty[entry.order.asset]);
      if (!this.reduce(entry, reducing)) continue;
      if (!rest.isZero()) increasing.push({ entry, qty: rest });
    }
    const scaleGroup: { entry: Entry; qty: Dec }[] = [];
    for (const { entry, qty } of increasing) {
      const leg = this.prepareIncreasing(entry, qty);
      if (leg === null) continue;
      if (entry.order.record.onInsufficient === "scale") scaleGroup.push({ entry, qty: leg });
      else this.increaseChecked(entry, leg, entry.order.record.onInsufficient);
    }
    this.scale(scaleGroup);
    for (const entry of further) {
      if (entry.order.record.status !== "working") continue;
      const { reducing, increasing: rest } = split(restOf(entry.order), this.state.qty[entry.order.asset]);
      if (!this.reduce(entry, reducing) || rest.isZero()) continue;
      const leg = this.prepareIncreasing(entry, rest);
      if (leg === null) continue;
      const policy = entry.order.record.onInsufficient;
      this.increaseChecked(entry, leg, policy === "scale" ? "partial" : policy);
    }
    this.writeFills();
    for (const entry of entries)
      if (entry.order.record.status === "working" && this.capRoom(entry)?.isZero() === true)
        entry.order.record.deferred.volumeCap++;
    this.invariants.afterBatch(this.t, this.marksWith(this.slots.map((slot) => slot.entry)));
  }

  /** Missing bars and zero-volume deferrals stay out of the batch (SPEC 6.3). */
  private admit(candidate: Candidate): Entry | null {
    const { order, basePrice } = candidate;
    if (this.state.bar(this.t, order.asset) === null) return null;
    const { config } = this.state;
    const zeroVolume = this.state.volume(this.t, order.asset) === 0;
    if (zeroVolume) {
      // Forced orders defer under "reject" too (SPEC 6.3).
      if (config.onZeroVolume === "defer" || (config.onZeroVolume === "reject" && order.forced !== null)) {
        order.record.deferred.zeroVolume++;
        return null;
      }
      if (config.onZeroVolume === "reject") {
        this.kill(order, { kind: "zeroVolume" });
        return null;
      }
    }
    const volume = zeroVolume ? config.syntheticVolume : this.state.volume(this.t, order.asset);
    const side = restOf(order).gt(0) ? 1 : -1;
    // Forced orders are never held: a liquidation fills, clamped (SPEC 7).
    if (order.forced === null && this.heldBySlippage(order, basePrice, side)) {
      order.record.deferred.slippage++;
      return null;
    }
    return {
      order,
      basePrice,
      side,
      hadFill: !order.filled.isZero(),
      zeroVolume,
      volume,
      pricing: null,
      slot: null,
    };
  }

  /**
   * SPEC 5, 12: one price per order per batch, fixed when the order is first processed: impact on
   * the asset's units already filled on the bar plus min(|rest|, cap left then), plus the asset's
   * permanent impact as it stands then.
   */
  private priced(entry: Entry): Pricing {
    if (entry.pricing !== null) return entry.pricing;
    const { order } = entry;
    const room = this.capRoom(entry);
    const rest = restOf(order).abs();
    entry.pricing = this.price(entry, room === null ? rest : minDec(rest, room));
    return entry.pricing;
  }

  private heldBySlippage(order: WorkingOrder, basePrice: Dec, side: 1 | -1): boolean {
    const terms = this.slippageAt(order.asset, order.mode === "market", basePrice);
    return heldBySlippage(this.state.config, side, basePrice, terms, this.barOf(order.asset), limitOf(order));
  }

  /** The slippage model's terms for a fill of the asset at basePrice, zero where slipOpen spares it. */
  private slippageAt(asset: number, market: boolean, basePrice: Dec): { bps: Dec; perUnit: Dec } {
    const { state, t } = this;
    if (!slips(state.config.slipOpen, market, basePrice, this.barOf(asset).open))
      return { bps: ZERO, perUnit: ZERO };
    return slippageTerms(state.config.slippage, () => state.spread(t, asset));
  }

  private barOf(asset: number): NonNullable<ReturnType<RunState["bar"]>> {
    return this.state.bar(this.t, asset) as NonNullable<ReturnType<RunState["bar"]>>;
  }

  private price(entry: Entry, quantity: Dec): Pricing {
    const { state, t } = this;
    const { side, basePrice, order } = entry;
    const asset = order.asset;
    const limit = limitOf(order);
    const bar = this.barOf(asset);
    const volumeBased = !(entry.zeroVolume && state.config.onZeroVolume === "fill");
    const earlier = state.volumeUsed[asset];
    const temporary = this.impact.temporary(t, asset, quantity, earlier, entry.volume, volumeBased);
    const impactBps = temporary.bps.add(this.impact.permanentBps(t, asset, side));
    const slippage = this.slippageAt(asset, order.mode === "market", basePrice);
    const bounds = { low: bar.low, high: bar.high, limit, tick: state.ticks[asset] };
    const priced = adjustedPrice(
      basePrice,
      side,
      slippage.bps,
      impactBps,
      slippage.perUnit,
      state.config.clampToBar,
      bounds,
    );
    return { ...priced, temporaryBps: temporary.bps, noImpactHistory: temporary.noHistory };
  }

  /**
   * The price and commission an order of |qty| towards 0 on an asset would get now at the open
   * (liquidation sizing, SPEC 12: "at open prices, with costs").
   */
  quote(asset: number, qty: Dec, basePrice: Dec, priorQty: Dec): { price: Dec; commission: Dec } {
    const side = qty.gt(0) ? 1 : -1;
    const zeroVolume = this.state.volume(this.t, asset) === 0;
    const volume = zeroVolume ? this.state.config.syntheticVolume : this.state.volume(this.t, asset);
    const probe: Entry = {
      // The liquidation a quote sizes is a market order.
      order: { asset, mode: "market", limitPrice: null } as WorkingOrder,
      basePrice,
      side,
      hadFill: false,
      zeroVolume,
      volume,
      pricing: null,
      slot: null,
    };
    const room = this.capRoom(probe);
    const { price } = this.price(probe, room === null ? qty.abs() : minDec(qty.abs(), room));
    const terms = {
      multiplier: this.state.multipliers[asset],
      orderHadFill: false,
      monthQtyBefore: this.state.monthQty.add(priorQty),
    };
    return { price, commission: recordCommission(this.state.config.commission, qty.abs(), price, terms) };
  }

  /** Fills a reducing leg up to the volume cap; false when the cap cut it (the rest waits). */
  private reduce(entry: Entry, reducing: Dec): boolean {
    if (reducing.isZero()) return true;
    const room = this.capRoom(entry);
    const qty = room === null ? reducing : minDec(reducing.abs(), room).mul(reducing.s);
    if (!qty.isZero()) this.fill(entry, qty, true);
    return qty.eq(reducing);
  }

  /** Cuts an increasing leg to the cap; null when it cannot be processed on this bar. */
  private prepareIncreasing(entry: Entry, qty: Dec): Dec | null {
    const { order } = entry;
    if (this.state.config.account === "cash" && this.state.qty[order.asset].add(qty).lt(0)) {
      this.kill(order, { kind: "shortInCashAccount", qty: qty.toNumber() });
      return null;
    }
    const room = this.capRoom(entry);
    if (room === null) return qty;
    if (room.isZero()) return null;
    return minDec(qty.abs(), room).mul(qty.s);
  }

  private increaseChecked(entry: Entry, leg: Dec, policy: OnInsufficient): void {
    const reason = this.check([{ entry, qty: leg }]);
    if (reason === null) {
      if (this.blockedByCall(entry)) return;
      this.fill(entry, leg, false);
      this.invariants.afterIncrease(this.t, this.marksWith([entry]));
      return;
    }
    // In call under "liquidate", a leg that does not fit keeps its reason, unfilled (SPEC 12).
    if (policy === "partial" && !this.callBlocksEntries()) {
      const lot = this.state.lots[entry.order.asset];
      const lots = leg.abs().div(lot).toNumber();
      const best = largestFitting(
        lots - 1,
        (n) => this.check([{ entry, qty: lot.mul(n).mul(leg.s) }]) === null,
      );
      if (best > 0) {
        this.fill(entry, lot.mul(best).mul(leg.s), false);
        this.invariants.afterIncrease(this.t, this.marksWith([entry]));
      }
    }
    this.kill(entry.order, reason);
  }

  /** SPEC 6.1 "scale": one common factor k = j / 10^4 for the largest j whose floored legs all fit. */
  private scale(group: { entry: Entry; qty: Dec }[]): void {
    const members = group.filter(({ entry, qty }) => {
      if (!this.callBlocksEntries()) return true;
      this.kill(entry.order, this.check([{ entry, qty }]) ?? { kind: "marginCall" });
      return false;
    });
    if (members.length === 0) return;
    const legsAt = (j: number) =>
      members.map(({ entry, qty }) => ({
        entry,
        qty: truncToStep(qty.mul(j).div(SCALE_STEPS), this.state.lots[entry.order.asset]),
      }));
    // Legs floored to 0 units add nothing: they fit even when the account is already over a
    // limit, so k is never below the largest j at which every leg floors to 0 (SPEC 6.1).
    const fits = (j: number) => {
      const legs = legsAt(j).filter((l) => !l.qty.isZero());
      return legs.length === 0 || this.check(legs) === null;
    };
    const j = fits(SCALE_STEPS) ? SCALE_STEPS : largestFitting(SCALE_STEPS - 1, fits);
    const legs = legsAt(j).filter((leg) => !leg.qty.isZero());
    for (const { entry, qty } of legs) this.fill(entry, qty, false);
    if (legs.length > 0) this.invariants.afterIncrease(this.t, this.marksWith(legs.map((leg) => leg.entry)));
    if (j < SCALE_STEPS)
      for (const { entry } of members) this.kill(entry.order, { kind: "scaled", k: j / SCALE_STEPS });
  }

  /** The batch's marks with every filled asset at its fill price (the marks after the batch). */
  fillMarks(): (asset: number) => Dec {
    return this.marksWith(this.slots.map((slot) => slot.entry));
  }

  /** The batch's marks with each given entry's asset at its fill price (the marks of its check). */
  private marksWith(entries: readonly Entry[]): (asset: number) => Dec {
    const prices = new Map(entries.map((e) => [e.order.asset, this.priced(e).price]));
    return (asset) => prices.get(asset) ?? this.markOf(asset);
  }

  /** Under onMarginCall "liquidate", an account in call takes no increasing leg (SPEC 3.2, 12). */
  private blockedByCall(entry: Entry): boolean {
    if (!this.callBlocksEntries()) return false;
    this.kill(entry.order, { kind: "marginCall" });
    return true;
  }

  /** In call under "liquidate"; under "ignore" a call rejects nothing (SPEC 3.2). */
  private callBlocksEntries(): boolean {
    return this.state.inCall && this.state.config.onMarginCall === "liquidate";
  }

  /**
   * Checks legs as if filled together, in order: each leg's commission is the one its record will
   * be charged when the legs before it have filled (tiered rates move with the month's quantity).
   */
  private check(legs: readonly { entry: Entry; qty: Dec }[]): Reason | null {
    let monthQty = this.state.monthQty;
    const asLegs: Leg[] = legs.map(({ entry, qty }) => {
      const leg = {
        asset: entry.order.asset,
        qty,
        price: this.priced(entry).price,
        commission: this.legCommission(entry, qty, monthQty),
      };
      monthQty = monthQty.add(qty.abs());
      return leg;
    });
    return checkLegs(this.state, this.t, asLegs, this.markOf);
  }

  /** What a leg adds to its fill record's commission (SPEC 12: the record is charged as parts fill). */
  private legCommission(entry: Entry, qty: Dec, monthQty: Dec = this.state.monthQty): Dec {
    const { slot } = entry;
    const before = slot === null ? ZERO : slot.reducing.abs().add(slot.increasing.abs());
    const model = this.state.config.commission;
    const price = this.priced(entry).price;
    const terms = {
      multiplier: this.state.multipliers[entry.order.asset],
      orderHadFill: entry.hadFill,
      monthQtyBefore: slot === null ? monthQty : slot.monthQtyBefore,
    };
    return recordCommission(model, before.add(qty.abs()), price, terms).sub(
      recordCommission(model, before, price, terms),
    );
  }

  private fill(entry: Entry, qty: Dec, reducing: boolean): void {
    const { state, t } = this;
    const { order } = entry;
    const asset = order.asset;
    const { price, temporaryBps } = this.priced(entry);
    const commission = this.legCommission(entry, qty);
    if (entry.slot === null) {
      entry.slot = {
        entry,
        monthQtyBefore: state.monthQty,
        reducing: ZERO,
        increasing: ZERO,
        commission: ZERO,
      };
      this.slots.push(entry.slot);
      this.impact.record(t, asset, entry.side, temporaryBps);
    }
    const cashBefore = state.ledger.cash;
    const notional = qty.mul(price).mul(state.multipliers[asset]);
    if (state.terms.isFuture(asset)) {
      state.ledger.post(t, "variationMargin", state.variationMargin.onFill(asset, qty, price, reducing));
    } else {
      state.ledger.post(t, "fillNotional", notional.neg());
    }
    state.ledger.post(t, "commission", commission.neg());
    if (state.settlement.active) this.settle(order, qty, notional.add(commission), cashBefore);
    state.setPosition(asset, state.qty[asset].add(qty));
    state.volumeUsed[asset] = state.volumeUsed[asset].add(qty.abs());
    state.monthQty = state.monthQty.add(qty.abs());
    order.filled = order.filled.add(qty);
    if (reducing) entry.slot.reducing = entry.slot.reducing.add(qty);
    else entry.slot.increasing = entry.slot.increasing.add(qty);
    entry.slot.commission = entry.slot.commission.add(commission);
    order.record.filledQty = order.filled.toNumber();
    if (restOf(order).isZero()) finish(order, "filled", null, t);
    this.invariants.afterFill(t, order, qty, price, entry.basePrice);
  }

  /** SPEC 3.1: a cash account's buy draws on its funds, a sale becomes a receivable (and may violate good faith). */
  private settle(order: WorkingOrder, qty: Dec, outflow: Dec, cashBefore: Dec): void {
    const { state, t } = this;
    if (qty.gt(0)) {
      const drawn = state.settlement.onBuy(order.asset, qty, outflow, cashBefore);
      const settledOnly = state.config.unsettledFunds === "forbid" || state.settlement.restricted(t);
      this.invariants.settledOnly(t, order, drawn, settledOnly);
      return;
    }
    const violating = state.settlement.onSale(
      order.asset,
      order.record.asset,
      order.record.id,
      qty,
      outflow.neg(),
      t,
    );
    if (!violating || state.violatedOrders.has(order.record.id)) return;
    state.violatedOrders.add(order.record.id);
    const violations = state.settlement.addViolation(t);
    state.events.push({
      kind: "goodFaithViolation",
      t,
      step: this.step,
      asset: order.record.asset,
      orderId: order.record.id,
      violations,
    });
  }

  private kill(order: WorkingOrder, reason: Reason): void {
    this.invariants.onKill(this.t, order, reason);
    const status = !order.filled.isZero()
      ? "partial"
      : reason.kind === "zeroVolume"
        ? "cancelled"
        : "rejected";
    finish(order, status, reason, this.t);
  }

  /** SPEC 5: volumeCap {filled, cap} when the cap left the order's rest for a later bar. */
  private capReport(entry: Entry): { filled: number; cap: number } | null {
    const room = this.capRoom(entry);
    if (entry.order.record.status !== "working" || room === null || !room.isZero()) return null;
    const asset = entry.order.asset;
    return { filled: this.state.volumeUsed[asset].toNumber(), cap: (this.cap(entry) as Dec).toNumber() };
  }

  /** Units still allowed on this bar for the entry's asset (SPEC 6.2); null = no cap. */
  private capRoom(entry: Entry): Dec | null {
    const cap = this.cap(entry);
    return cap === null ? null : maxDec(cap.sub(this.state.volumeUsed[entry.order.asset]), ZERO);
  }

  /** The asset's cap on this bar: floor(p x volume / lot) lots; null = no cap (SPEC 6.2). */
  private cap(entry: Entry): Dec | null {
    const { config } = this.state;
    if (config.maxParticipation === null) return null;
    if (entry.zeroVolume && config.onZeroVolume === "fill") return null;
    return truncToStep(
      dec(config.maxParticipation).mul(dec(entry.volume)),
      this.state.lots[entry.order.asset],
    );
  }

  private writeFills(): void {
    for (const slot of this.slots) {
      const { order, basePrice, zeroVolume } = slot.entry;
      const pricing = this.priced(slot.entry);
      const qty = slot.reducing.add(slot.increasing);
      // Booked as one record, once its commission is whole: its parts share it (SPEC 5, 8).
      this.state.trades.record(
        order.asset,
        this.t,
        slot.reducing,
        slot.increasing,
        pricing.price,
        slot.commission,
      );
      const costs = splitCosts(pricing, basePrice, qty.abs(), this.state.multipliers[order.asset]);
      this.state.fills.push({
        orderId: order.record.id,
        t: this.t,
        asset: order.record.asset,
        qty: qty.toNumber(),
        reducingQty: slot.reducing.toNumber(),
        increasingQty: slot.increasing.toNumber(),
        basePrice: basePrice.toNumber(),
        fillPrice: pricing.price.toNumber(),
        commission: slot.commission.toNumber(),
        slippageCost: costs.slippageCost.toNumber(),
        impactCost: costs.impactCost.toNumber(),
        forced: order.forced !== null,
        partial: order.record.status !== "filled",
        zeroVolume,
        noImpactHistory: pricing.noImpactHistory,
        clamped: pricing.clamped ? { unclampedPrice: pricing.unclamped.toNumber() } : null,
        volumeCap: this.capReport(slot.entry),
      });
      if (order.forced !== null) {
        this.state.events.push({
          kind: "liquidation",
          t: this.t,
          step: this.step,
          asset: order.record.asset,
          orderId: order.record.id,
          qty: qty.toNumber(),
          price: pricing.price.toNumber(),
          cause: order.forced,
        });
      }
    }
  }
}

/** Splits a signed order rest against a position into its reducing and increasing legs. */
export function split(rest: Dec, position: Dec): { reducing: Dec; increasing: Dec } {
  if (position.isZero() || rest.s === position.s) return { reducing: ZERO, increasing: rest };
  const reducing = rest.abs().lte(position.abs()) ? rest : position.neg();
  return { reducing, increasing: rest.sub(reducing) };
}

export function finish(
  order: WorkingOrder,
  status: "filled" | "partial" | "rejected" | "cancelled" | "expired",
  reason: Reason | null,
  t: number,
): void {
  order.record.status = status;
  order.record.reason = reason;
  order.record.doneT = t;
  order.record.filledQty = order.filled.toNumber();
}

/** Ends a working order's rest: "cancelled" if nothing filled, else "partial". */
export function cancelRest(order: WorkingOrder, reason: Reason, t: number): void {
  finish(order, order.filled.isZero() ? "cancelled" : "partial", reason, t);
}

/** Largest n in [0, hi] with fits(n), for a predicate true up to some point and false after. */
function largestFitting(hi: number, fits: (n: number) => boolean): number {
  let lo = 0;
  let top = hi;
  while (lo < top) {
    const mid = Math.ceil((lo + top) / 2);
    if (fits(mid)) lo = mid;
    else top = mid - 1;
  }
  return lo;
}

/** The limit a fill is capped at: a limit or stop-limit order's, else null. */
function limitOf(order: WorkingOrder): Dec | null {
  return order.mode === "limit" || order.mode === "stop-limit" ? order.limitPrice : null;
}
