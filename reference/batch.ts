// SPEC 3 (legs and batches), 6.1-6.3 and 6.5: one batch of fills (the open auction, the
// intrabar batch or the same-bar close). Reducing legs of each asset's first order fill first;
// then their increasing legs ("reject" and "partial" in processing order, then one "scale"
// group); then every further order of an asset, split against the position at that moment.
import type { OnInsufficient, Reason } from "../src/model/index.ts";
import { checkLegs, type Leg } from "./checks.ts";
import { adjustedPrice, recordCommission } from "./costs.ts";
import { type Dec, dec, maxDec, minDec, truncToStep, ZERO } from "./decimal.ts";
import type { Invariants } from "./invariants.ts";
import { type RunState, restOf, type WorkingOrder } from "./state.ts";

export interface Candidate {
  readonly order: WorkingOrder;
  readonly basePrice: Dec;
}

/** One order inside a batch: its one price, and its fill record once a leg fills. */
interface Entry {
  readonly order: WorkingOrder;
  readonly basePrice: Dec;
  readonly price: Dec;
  readonly hadFill: boolean;
  readonly zeroVolume: boolean;
  slot: Slot | null;
}

interface Slot {
  readonly entry: Entry;
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
    private readonly t: number,
    /** Marks for checks: opens (open auction, intrabar) or closes (same-bar), SPEC 3. */
    private readonly markOf: (asset: number) => Dec,
  ) {}

  run(candidates: readonly Candidate[]): void {
    const entries = candidates.map((c) => this.admit(c)).filter((e): e is Entry => e !== null);
    const firsts: Entry[] = [];
    const further: Entry[] = [];
    const seen = new Set<number>();
    for (const entry of entries) {
      (seen.has(entry.order.asset) ? further : firsts).push(entry);
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
    this.invariants.afterBatch(this.t, this.marksWith(this.slots.map((slot) => slot.entry)));
  }

  /** Missing bars and zero-volume deferrals stay out of the batch (SPEC 6.3); the price is fixed here. */
  private admit(candidate: Candidate): Entry | null {
    const { order, basePrice } = candidate;
    const bar = this.state.bar(this.t, order.asset);
    if (bar === null) return null;
    const zeroVolume = this.state.volume(this.t, order.asset) === 0;
    if (zeroVolume) {
      const policy = this.state.config.onZeroVolume;
      if (policy === "defer") return null;
      if (policy === "reject") {
        this.kill(order, { kind: "zeroVolume" });
        return null;
      }
    }
    const side = restOf(order).isPositive() ? 1 : -1;
    const limit = order.mode === "limit" || order.mode === "stop-limit" ? order.limitPrice : null;
    const bounds = { low: bar.low, high: bar.high, limit, tick: this.state.ticks[order.asset] };
    const price = adjustedPrice(
      this.state.config.slippage,
      this.state.config.clampToBar,
      basePrice,
      side,
      bounds,
    );
    return { order, basePrice, price, hadFill: !order.filled.isZero(), zeroVolume, slot: null };
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
    if (this.state.config.account === "cash" && this.state.qty[order.asset].add(qty).isNegative()) {
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
    if (policy === "partial" && !this.state.inCall) {
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
      if (!this.state.inCall || this.state.config.onMarginCall !== "liquidate") return true;
      this.kill(entry.order, this.check([{ entry, qty }]) ?? { kind: "marginCall" });
      return false;
    });
    if (members.length === 0) return;
    const legsAt = (j: number) =>
      members.map(({ entry, qty }) => ({
        entry,
        qty: truncToStep(qty.mul(j).div(SCALE_STEPS), this.state.lots[entry.order.asset]),
      }));
    const fits = (j: number) => this.check(legsAt(j).filter((l) => !l.qty.isZero())) === null;
    const j = fits(SCALE_STEPS) ? SCALE_STEPS : largestFitting(SCALE_STEPS - 1, fits);
    const legs = legsAt(j).filter((leg) => !leg.qty.isZero());
    for (const { entry, qty } of legs) this.fill(entry, qty, false);
    if (legs.length > 0) this.invariants.afterIncrease(this.t, this.marksWith(legs.map((leg) => leg.entry)));
    if (j < SCALE_STEPS)
      for (const { entry } of members) this.kill(entry.order, { kind: "scaled", k: j / SCALE_STEPS });
  }

  /** The batch's marks with each given entry's asset at its fill price (the marks of its check). */
  private marksWith(entries: readonly Entry[]): (asset: number) => Dec {
    const prices = new Map(entries.map((e) => [e.order.asset, e.price]));
    return (asset) => prices.get(asset) ?? this.markOf(asset);
  }

  /** Under onMarginCall "liquidate", an account in call takes no increasing leg (SPEC 3.2, 12). */
  private blockedByCall(entry: Entry): boolean {
    if (!this.state.inCall || this.state.config.onMarginCall !== "liquidate") return false;
    this.kill(entry.order, { kind: "marginCall" });
    return true;
  }

  private check(legs: readonly { entry: Entry; qty: Dec }[]): Reason | null {
    const asLegs: Leg[] = legs.map(({ entry, qty }) => ({
      asset: entry.order.asset,
      qty,
      price: entry.price,
      commission: this.legCommission(entry, qty),
    }));
    return checkLegs(this.state, asLegs, this.markOf);
  }

  /** What a leg adds to its fill record's commission (SPEC 12: the record is charged as parts fill). */
  private legCommission(entry: Entry, qty: Dec): Dec {
    const before = entry.slot === null ? ZERO : entry.slot.reducing.abs().add(entry.slot.increasing.abs());
    const model = this.state.config.commission;
    const multiplier = this.state.multipliers[entry.order.asset];
    const withLeg = recordCommission(model, before.add(qty.abs()), entry.price, multiplier, entry.hadFill);
    return withLeg.sub(recordCommission(model, before, entry.price, multiplier, entry.hadFill));
  }

  private fill(entry: Entry, qty: Dec, reducing: boolean): void {
    const { state, t } = this;
    const { order } = entry;
    const asset = order.asset;
    const commission = this.legCommission(entry, qty);
    state.ledger.post(t, "fillNotional", qty.mul(entry.price).mul(state.multipliers[asset]).neg());
    state.ledger.post(t, "commission", commission.neg());
    state.setPosition(asset, state.qty[asset].add(qty));
    state.trades.leg(asset, t, qty, entry.price, commission, reducing);
    state.volumeUsed[asset] = state.volumeUsed[asset].add(qty.abs());
    order.filled = order.filled.add(qty);
    if (entry.slot === null) {
      entry.slot = { entry, reducing: ZERO, increasing: ZERO, commission: ZERO };
      this.slots.push(entry.slot);
    }
    if (reducing) entry.slot.reducing = entry.slot.reducing.add(qty);
    else entry.slot.increasing = entry.slot.increasing.add(qty);
    entry.slot.commission = entry.slot.commission.add(commission);
    order.record.filledQty = order.filled.toNumber();
    if (restOf(order).isZero()) finish(order, "filled", null, t);
    this.invariants.afterFill(t, order, qty, entry.price, entry.basePrice);
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

  /** Units still allowed on this bar for the entry's asset (SPEC 6.2); null = no cap. */
  private capRoom(entry: Entry): Dec | null {
    const { config } = this.state;
    if (config.maxParticipation === null) return null;
    if (entry.zeroVolume && config.onZeroVolume === "fill") return null;
    const asset = entry.order.asset;
    const volume = entry.zeroVolume ? config.syntheticVolume : this.state.volume(this.t, asset);
    const cap = truncToStep(dec(config.maxParticipation).mul(dec(volume)), this.state.lots[asset]);
    return maxDec(cap.sub(this.state.volumeUsed[asset]), ZERO);
  }

  private writeFills(): void {
    for (const slot of this.slots) {
      const { order, basePrice, price, zeroVolume } = slot.entry;
      const qty = slot.reducing.add(slot.increasing);
      const multiplier = this.state.multipliers[order.asset];
      this.state.fills.push({
        orderId: order.record.id,
        t: this.t,
        asset: order.record.asset,
        qty: qty.toNumber(),
        reducingQty: slot.reducing.toNumber(),
        increasingQty: slot.increasing.toNumber(),
        basePrice: basePrice.toNumber(),
        fillPrice: price.toNumber(),
        commission: slot.commission.toNumber(),
        slippageCost: qty.abs().mul(multiplier).mul(price.sub(basePrice).abs()).toNumber(),
        impactCost: 0,
        forced: false,
        partial: order.record.status !== "filled",
        zeroVolume,
        noImpactHistory: false,
      });
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
