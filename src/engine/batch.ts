// SPEC 3 (legs and batches), 6.1-6.3, 6.5, 12: one batch of fills, in float64. The first order of
// each asset is split against the position at the start of the batch: reducing legs fill first,
// then increasing legs ("reject"/"partial" in order, then one "scale" group), then every further
// order of an asset against the position at that moment. Scratch arrays are reused across batches.
import type { Reason } from "../model/index.ts";
import { grown } from "./buffers.ts";
import { resizeAtFill } from "./intake.ts";
import { FORCED, NO_IMPACT_HISTORY, PARTIAL, ZERO_VOLUME } from "./logs.ts";
import { atLeast, beyond, floorLots } from "./numeric.ts";
import { Quote, recordCommission } from "./pricing.ts";
import { COMMISSION, FILL_NOTIONAL, type RunState, VARIATION_MARGIN } from "./state.ts";
import { Valuation } from "./valuation.ts";
import {
  FORCED_BANKRUPT,
  FORCED_NONE,
  LIMIT,
  MARKET,
  NO_RESIZE,
  POLICY_PARTIAL,
  POLICY_SCALE,
  STOP_LIMIT,
} from "./working.ts";

const SCALE_STEPS = 10_000;
/** False-position probes before the scale search falls back to halving. */
const FALSE_POSITION_STEPS = 6;
/** How the batch marks positions for checks: the bar's opens (open auction, intrabar) or closes. */
export const AT_OPEN = 0;
export const AT_CLOSE = 1;

export class Batch {
  private t = 0;
  private step: 2 | 3 | 5 = 2;
  private markAt = AT_OPEN;
  private count = 0;
  /** Each entry's working slot. */
  private order = new Int32Array(16);
  private base = new Float64Array(16);
  private side = new Int8Array(16);
  private hadFill = new Uint8Array(16);
  private zeroVolume = new Uint8Array(16);
  private volume = new Float64Array(16);
  /** The entry's volume cap on this bar, in lots (-1: none), fixed at admission (SPEC 6.2). */
  private capLots = new Float64Array(16);
  private quotes: (Quote | null)[] = [];
  /** 1 for the first order of its asset in the batch. */
  private first = new Uint8Array(16);
  /** Increasing lots left after a first order's reducing leg (0 = none). */
  private pendingIncreasing = new Float64Array(16);
  /** The entry's position in the fill order, -1 before its first fill. */
  private fillIndex = new Int32Array(16);
  private reducingLots = new Float64Array(16);
  private increasingLots = new Float64Array(16);
  private commission = new Float64Array(16);
  private monthBefore = new Float64Array(16);
  private fillOrder = new Int32Array(16);
  private fillCount = 0;
  /** Per-asset stamp of the last batch that saw the asset (first orders vs further ones). */
  private readonly seen: Int32Array;
  private batchId = 0;
  private readonly trial: Valuation;
  /** valuedAtMarks()'s valuation, with the batch and the positions version it was made at. */
  private readonly atMarks: Valuation;
  private marksBatch = -1;
  private marksVersion = -1;
  private readonly available = { all: 0, forBuys: 0, scale: 0 };
  /** check()'s room under the rules it checked: money left (negative past the failing rule). */
  private slack = 0;
  private readonly legIndex = new Int32Array(1);
  private readonly legLots = new Float64Array(1);
  private scaleIndex = new Int32Array(16);
  private scaleLots = new Float64Array(16);
  private scaleTry = new Float64Array(16);
  /** A scale group's members' fill prices and marks, and the valuation its probes start from (prepareGroup). */
  private groupPrice = new Float64Array(16);
  private groupMark = new Float64Array(16);
  private readonly groupBase: Valuation;
  private readonly quotePool: Quote[] = [];

  constructor(private readonly s: RunState) {
    this.seen = new Int32Array(s.n).fill(-1);
    this.trial = new Valuation(s.rules);
    this.atMarks = new Valuation(s.rules);
    this.groupBase = new Valuation(s.rules);
  }

  /** Runs one batch over working slots (in processing order, `count` of them) with their base prices. */
  run(
    t: number,
    step: 2 | 3 | 5,
    markAt: number,
    slots: Int32Array,
    count: number,
    bases: ArrayLike<number>,
  ): void {
    this.t = t;
    this.step = step;
    this.markAt = markAt;
    this.batchId++;
    this.count = 0;
    this.fillCount = 0;
    this.ensure(count);
    for (let i = 0; i < count; i++) this.admit(slots[i], bases[i]);
    if (this.count === 0) return;
    const s = this.s;
    const w = s.working;
    const n = this.count;
    // Phase 1: reducing legs of each asset's first order; their increasing legs wait.
    let scaleCount = 0;
    for (let e = 0; e < n; e++) {
      this.pendingIncreasing[e] = 0;
      const asset = w.asset[this.order[e]];
      // exitsFirst false: every order runs in phase 3, one by one in processing order (SPEC 3).
      this.first[e] = this.seen[asset] === this.batchId || !s.config.exitsFirst ? 0 : 1;
      if (this.first[e] === 0) continue;
      this.seen[asset] = this.batchId;
      const rest = w.rest(this.order[e]);
      const reducing = reducingPart(rest, s.lots[asset]);
      if (this.reduce(e, reducing)) this.pendingIncreasing[e] = rest - reducing;
    }
    // Phase 2: increasing legs of first orders: reject/partial in order, then the scale group.
    for (let e = 0; e < n; e++) {
      if (this.first[e] === 0 || this.pendingIncreasing[e] === 0) continue;
      const leg = this.prepareIncreasing(e, this.pendingIncreasing[e]);
      if (leg === 0) continue;
      const policy = w.policy[this.order[e]];
      if (policy === POLICY_SCALE) {
        this.scaleIndex[scaleCount] = e;
        this.scaleLots[scaleCount++] = leg;
      } else this.increaseChecked(e, leg, policy);
    }
    if (scaleCount > 0) this.scale(scaleCount);
    // Phase 3: every further order of an asset, against the position at that moment.
    for (let e = 0; e < n; e++) {
      if (this.first[e] === 1) continue;
      const slot = this.order[e];
      if (!w.isWorking(slot)) continue;
      const rest = w.rest(slot);
      const reducing = reducingPart(rest, s.lots[w.asset[slot]]);
      if (!this.reduce(e, reducing) || rest === reducing) continue;
      const leg = this.prepareIncreasing(e, rest - reducing);
      if (leg === 0) continue;
      const policy = w.policy[slot];
      this.increaseChecked(e, leg, policy === POLICY_SCALE ? POLICY_PARTIAL : policy);
    }
    this.writeFills();
    for (let e = 0; e < n; e++)
      if (w.isWorking(this.order[e]) && this.room(e) === 0) s.orders.defer(w.id[this.order[e]], "volumeCap");
  }

  /**
   * The price and commission a forced order of signed lots would get now at base (liquidation
   * sizing at the open, SPEC 12). Writes into `out` and returns the commission.
   */
  quoteForced(t: number, asset: number, lots: number, base: number, out: Quote, priorUnits: number): number {
    const s = this.s;
    const at = t * s.n + asset;
    const zero = s.panel.volume[at] === 0;
    const volume = zero ? s.config.syntheticVolume : s.panel.volume[at];
    const cap = this.capLotsOf(asset, zero, volume);
    const absLots = Math.abs(lots);
    const room = cap < 0 ? absLots : Math.min(absLots, Math.max(0, cap - s.volumeUsed[asset]));
    const volumeBased = !(zero && s.config.onZeroVolume === "fill");
    s.pricing.quote(
      out,
      t,
      asset,
      base,
      lots > 0 ? 1 : -1,
      s.toUnits(asset, room),
      s.toUnits(asset, s.volumeUsed[asset]),
      volume,
      volumeBased,
      Number.NaN,
      s.tick[asset],
      true, // the liquidation it sizes is a market order
    );
    return recordCommission(
      s.config.commission,
      s.toUnits(asset, absLots),
      out.price,
      s.multiplier[asset],
      false,
      s.monthUnits + priorUnits,
    );
  }

  private admit(slot: number, base: number): void {
    const s = this.s;
    const w = s.working;
    const at = this.t * s.n + w.asset[slot];
    if (Number.isNaN(s.panel.close[at])) {
      s.orders.defer(w.id[slot], "missingBar");
      return;
    }
    // sizeAtFill: sized on the account as the batch starts (no fill of it has happened yet).
    if (
      w.resizeType[slot] !== NO_RESIZE &&
      !resizeAtFill(s, slot, base, s.cash + this.valuedAtMarks().positions, this.t)
    )
      return;
    const zero = s.panel.volume[at] === 0;
    if (zero) {
      const policy = s.config.onZeroVolume;
      if (policy === "defer" || (policy === "reject" && w.forced[slot] !== FORCED_NONE)) {
        s.orders.defer(w.id[slot], "zeroVolume");
        return;
      }
      if (policy === "reject") {
        this.kill(slot, { kind: "zeroVolume" });
        return;
      }
    }
    const side = w.rest(slot) > 0 ? 1 : -1;
    // Forced orders are never held: a liquidation fills, clamped (SPEC 7).
    if (w.forced[slot] === FORCED_NONE && this.heldBySlippage(slot, base, side)) {
      s.orders.defer(w.id[slot], "slippage");
      return;
    }
    const e = this.count++;
    this.order[e] = slot;
    this.base[e] = base;
    this.side[e] = side;
    this.hadFill[e] = w.filled[slot] !== 0 ? 1 : 0;
    this.zeroVolume[e] = zero ? 1 : 0;
    this.volume[e] = zero ? s.config.syntheticVolume : s.panel.volume[at];
    this.capLots[e] = this.capLotsOf(w.asset[slot], zero, this.volume[e]);
    this.quotes[e] = null;
    this.fillIndex[e] = -1;
  }

  private heldBySlippage(slot: number, base: number, side: number): boolean {
    const w = this.s.working;
    return this.s.pricing.heldBySlippage(
      this.t,
      w.asset[slot],
      base,
      side,
      w.mode[slot] === MARKET,
      this.limitOf(slot),
    );
  }

  /** The limit a fill is capped at: a limit or stop-limit order's, else NaN. */
  private limitOf(slot: number): number {
    const mode = this.s.working.mode[slot];
    return mode === LIMIT || mode === STOP_LIMIT ? this.s.working.limitPrice[slot] : Number.NaN;
  }

  /**
   * SPEC 5, 12: one price per order per batch, fixed when it is first processed; impact on the
   * asset's units already filled on the bar plus min(|rest|, cap left then).
   */
  private priced(e: number): Quote {
    const cached = this.quotes[e];
    if (cached !== null) return cached;
    const s = this.s;
    const w = s.working;
    const slot = this.order[e];
    const asset = w.asset[slot];
    const room = this.room(e);
    const rest = Math.abs(w.rest(slot));
    const quantity = room < 0 ? rest : Math.min(rest, room);
    const volumeBased = !(this.zeroVolume[e] === 1 && s.config.onZeroVolume === "fill");
    const quote = this.quotePool[e] ?? new Quote();
    this.quotePool[e] = quote;
    s.pricing.quote(
      quote,
      this.t,
      asset,
      this.base[e],
      this.side[e],
      s.toUnits(asset, quantity),
      s.toUnits(asset, s.volumeUsed[asset]),
      this.volume[e],
      volumeBased,
      this.limitOf(slot),
      s.tick[asset],
      w.mode[slot] === MARKET,
    );
    this.quotes[e] = quote;
    return quote;
  }

  /** Fills a reducing leg up to the cap; false when the cap cut it (its increasing part waits). */
  private reduce(e: number, reducing: number): boolean {
    if (reducing === 0) return true;
    const room = this.room(e);
    const lots = room < 0 ? reducing : Math.sign(reducing) * Math.min(Math.abs(reducing), room);
    if (lots !== 0) this.fill(e, lots, true);
    return lots === reducing;
  }

  /** Cuts an increasing leg to the cap; 0 when it cannot be processed on this bar. */
  private prepareIncreasing(e: number, lots: number): number {
    const s = this.s;
    const slot = this.order[e];
    const asset = s.working.asset[slot];
    if (s.config.account === "cash" && s.lots[asset] + lots < 0) {
      this.kill(slot, { kind: "shortInCashAccount", qty: s.toUnits(asset, lots) });
      return 0;
    }
    const room = this.room(e);
    if (room < 0) return lots;
    return Math.sign(lots) * Math.min(Math.abs(lots), room);
  }

  private increaseChecked(e: number, leg: number, policy: number): void {
    const slot = this.order[e];
    this.legIndex[0] = e;
    this.legLots[0] = leg;
    const reason = this.check(this.legIndex, this.legLots, 1);
    if (reason === null) {
      if (this.callBlocksEntries()) this.kill(slot, { kind: "marginCall" });
      else this.fill(e, leg, false);
      return;
    }
    // In call under "liquidate", a leg that does not fit keeps its reason, unfilled (SPEC 12).
    if (policy === POLICY_PARTIAL && !this.callBlocksEntries()) {
      // The largest lot count below the leg that fits.
      let lo = 0;
      let hi = Math.abs(leg) - 1;
      const sign = Math.sign(leg);
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        this.legLots[0] = sign * mid;
        if (this.check(this.legIndex, this.legLots, 1) === null) lo = mid;
        else hi = mid - 1;
      }
      if (lo > 0) this.fill(e, sign * lo, false);
    }
    this.kill(slot, reason);
  }

  /** SPEC 6.1 "scale": k = j / 10^4 for the largest j whose floored legs all fit together. */
  private scale(count: number): void {
    let members = 0;
    for (let i = 0; i < count; i++) {
      const e = this.scaleIndex[i];
      if (this.callBlocksEntries()) {
        this.legIndex[0] = e;
        this.legLots[0] = this.scaleLots[i];
        this.kill(this.order[e], this.check(this.legIndex, this.legLots, 1) ?? { kind: "marginCall" });
        continue;
      }
      this.scaleIndex[members] = e;
      this.scaleLots[members++] = this.scaleLots[i];
    }
    if (members === 0) return;
    this.prepareGroup(members);
    const j = this.scaledFit(members, SCALE_STEPS) ? SCALE_STEPS : this.largestScaledFit(members);
    for (let i = 0; i < members; i++) {
      const lots = scaled(this.scaleLots[i], j);
      if (lots !== 0) this.fill(this.scaleIndex[i], lots, false);
    }
    if (j < SCALE_STEPS)
      for (let i = 0; i < members; i++)
        this.kill(this.order[this.scaleIndex[i]], { kind: "scaled", k: j / SCALE_STEPS });
  }

  /**
   * SPEC 6.1's j when the whole group does not fit: the largest j < 10^4 whose scaled legs fit
   * (j = 0 floors every leg to 0, which fits). Whether a j fits is monotone in j when every rule's
   * room only shrinks as the legs grow; then any search that keeps a fitting j below and a failing
   * one above finds the one boundary a binary search would. This one probes where the room, on a
   * straight line through the last fitting and failing probes, runs out (false position): a few
   * checks instead of fourteen. The room is a staircase (each leg floors to whole lots), and plain
   * false position creeps up on it from one side; the Illinois rule halves the room of an end
   * kept twice in a row, so the line swings across the boundary. Tiered commission (a bigger leg can move the next into a cheaper
   * band) and the net leverage cap (legs of both signs) are not monotone: those groups get the
   * plain binary search, as the reference engine runs it.
   */
  private largestScaledFit(members: number): number {
    // lo fits; fail (> lo) does not; with the room each left.
    let lo = 0;
    let fail = SCALE_STEPS;
    const config = this.s.config;
    if (config.commission.model !== "tiered" && config.maxNetLeverage === null) {
      let failRoom = this.slack;
      // The binary search's first probe, for a first fitting point with legs (at j = 0 the legs
      // floored to nothing leave out their re-marks: off the line).
      const half = SCALE_STEPS / 2;
      let loRoom = Number.NaN;
      if (this.scaledFit(members, half)) {
        lo = half;
        loRoom = this.slack;
      } else fail = half;
      /** Which end the last probe moved: 1 lo, -1 fail, 0 none yet. */
      let moved = 0;
      for (
        let step = 0;
        step < FALSE_POSITION_STEPS &&
        fail - lo > 1 &&
        Number.isFinite(loRoom) &&
        loRoom >= 0 &&
        failRoom < 0;
        step++
      ) {
        const line = lo + Math.floor(((fail - lo) * loRoom) / (loRoom - failRoom));
        const probe = Math.min(fail - 1, Math.max(lo + 1, line));
        if (this.scaledFit(members, probe)) {
          lo = probe;
          loRoom = this.slack;
          if (moved === 1) failRoom /= 2;
          moved = 1;
        } else {
          fail = probe;
          failRoom = this.slack;
          if (moved === -1) loRoom /= 2;
          moved = -1;
        }
      }
    }
    let hi = fail - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.scaledFit(members, mid)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * What every probe of a scale group shares, found once: each member's fill price and mark, and
   * the valuation at the marks without the members' positions (each probe adds them back at
   * their new size). No fill moves a position while the group is searched.
   */
  private prepareGroup(members: number): void {
    const s = this.s;
    const base = this.groupBase;
    base.copyFrom(this.valuedAtMarks());
    for (let i = 0; i < members; i++) {
      const e = this.scaleIndex[i];
      const asset = s.working.asset[this.order[e]];
      this.groupPrice[i] = this.priced(e).price;
      this.groupMark[i] = this.markOf(asset);
      base.add(asset, s.units[asset], this.groupMark[i], -1);
    }
  }

  /**
   * Whether the scale group's legs scaled by j / 10^4 fit together. Legs floored to 0 units add
   * nothing: they fit even when the account is already over a limit, so k is never below the
   * largest j at which every leg floors to 0 (SPEC 6.1).
   */
  private scaledFit(members: number, j: number): boolean {
    let lots = 0;
    for (let i = 0; i < members; i++) {
      this.scaleTry[i] = scaled(this.scaleLots[i], j);
      lots += Math.abs(this.scaleTry[i]);
    }
    if (lots !== 0) return this.check(this.scaleIndex, this.scaleTry, members, true) === null;
    // No check ran: the room is unknown (not the last check's), and the search halves from here.
    this.slack = Number.NaN;
    return true;
  }

  /** In call under "liquidate"; under "ignore" a call rejects nothing (SPEC 3.2). */
  private callBlocksEntries(): boolean {
    return this.s.inCall && this.s.config.onMarginCall === "liquidate";
  }

  /**
   * SPEC 3.1-3.3, 6.5: legs (entries and signed lots) as if filled together, at the batch's marks
   * with each leg's asset at its fill price. The first failing rule names the reason.
   */
  private check(entries: Int32Array, legs: Float64Array, count: number, group = false): Reason | null {
    const s = this.s;
    const config = s.config;
    // A fresh valuation at the batch's marks: running sums updated fill by fill drift when
    // positions of 1e9 net to an equity of 1e3 (SPEC 9 compares money to 1e-6). A scale group's
    // probes start from groupBase instead: the same, less its members' positions at their marks.
    const v = this.trial;
    const atMarks = this.valuedAtMarks();
    v.copyFrom(group ? this.groupBase : atMarks);
    const positionsBefore = atMarks.positions;
    let outflow = 0;
    // Equity after the legs without the legs' notional, which leaves cash and joins the positions
    // at the same price: computing both sides and adding them would cancel 1e9 against 1e9. What
    // remains is the costs and the legs' assets re-marked from the batch mark to their fill price.
    let equityChange = 0;
    // Legs are charged in order: each at the month's quantity after the legs before it (tiered).
    let month = s.monthUnits;
    for (let i = 0; i < count; i++) {
      const lots = legs[i];
      const e = entries[i];
      const asset = s.working.asset[this.order[e]];
      if (lots === 0) {
        // A member that floors to nothing keeps its position at its mark.
        if (group) v.add(asset, s.units[asset], this.groupMark[i], 1);
        continue;
      }
      const price = group ? this.groupPrice[i] : this.priced(e).price;
      const mark = group ? this.groupMark[i] : this.markOf(asset);
      const units = s.toUnits(asset, lots);
      const commission = this.legCommission(e, lots, month);
      if (s.rules.future[asset] === 0) outflow += units * price * s.multiplier[asset];
      // The asset's position re-marked from the batch mark to the fill price: an equity's market
      // value, or a future's unsettled variation (its new contracts take m_ref = price and add 0).
      equityChange += s.units[asset] * (price - mark) * s.multiplier[asset];
      outflow += commission;
      equityChange -= commission;
      month += Math.abs(units);
      if (!group) v.add(asset, s.units[asset], mark, -1);
      v.add(asset, s.toUnits(asset, s.lots[asset] + lots), price, 1);
    }
    const scale = v.scale + s.moneyScale(s.cash) + Math.abs(outflow);
    const cashAccount = config.account === "cash";
    if (cashAccount) s.settlement.available(s.cash, this.t, this.available);
    const cashScale = cashAccount ? scale + this.available.scale : scale;
    // slack: the room left under the rules checked so far (the failing rule's, negative, on a refusal).
    this.slack = Number.POSITIVE_INFINITY;
    if (cashAccount) {
      this.slack = this.available.all - outflow;
      if (beyond(outflow, this.available.all, cashScale))
        return { kind: "insufficientCash", required: outflow, available: this.available.all };
    }
    // shortCash: the fill may not take cash below 0, a short sale's proceeds counting (SPEC 3.2).
    if (config.shortCash) {
      this.slack = Math.min(this.slack, s.cash - outflow);
      if (beyond(outflow, s.cash, scale))
        return { kind: "insufficientCash", required: outflow, available: s.cash };
    }
    const equity = s.cash + positionsBefore + equityChange;
    if (config.account !== "cash") {
      const required = config.account === "futures" ? v.im : Math.max(v.im, v.mm);
      this.slack = Math.min(this.slack, equity - required);
      if (!atLeast(equity, required, scale))
        return { kind: "insufficientBuyingPower", required, available: equity };
    }
    // Gross and net count futures at notional: their own size is the scale of these comparisons.
    const leverageScale = scale + Math.abs(v.gross);
    if (config.maxGrossLeverage !== null) {
      const limit = equity * config.maxGrossLeverage;
      this.slack = Math.min(this.slack, limit - v.gross);
      if (beyond(v.gross, limit, leverageScale)) return { kind: "maxGrossLeverage", gross: v.gross, limit };
    }
    if (config.maxNetLeverage !== null) {
      const limit = equity * config.maxNetLeverage;
      this.slack = Math.min(this.slack, limit - Math.abs(v.net));
      if (beyond(Math.abs(v.net), limit, leverageScale))
        return { kind: "maxNetLeverage", net: Math.abs(v.net), limit };
    }
    // Last in SPEC 6.5's order: a restricted buy that also breaks a leverage cap is named by the cap.
    if (cashAccount) {
      this.slack = Math.min(this.slack, this.available.forBuys - outflow);
      if (beyond(outflow, this.available.forBuys, cashScale))
        return { kind: "restricted", required: outflow, available: this.available.forBuys };
    }
    return null;
  }

  /** What a leg adds to its fill record's commission (SPEC 12). */
  private legCommission(e: number, lots: number, monthUnits = this.s.monthUnits): number {
    const s = this.s;
    const asset = s.working.asset[this.order[e]];
    const hasSlot = this.fillIndex[e] >= 0;
    const beforeLots = hasSlot ? Math.abs(this.reducingLots[e]) + Math.abs(this.increasingLots[e]) : 0;
    const price = this.priced(e).price;
    const month = hasSlot ? this.monthBefore[e] : monthUnits;
    const model = s.config.commission;
    const had = this.hadFill[e] === 1;
    const mult = s.multiplier[asset];
    return (
      recordCommission(model, s.toUnits(asset, beforeLots + Math.abs(lots)), price, mult, had, month) -
      recordCommission(model, s.toUnits(asset, beforeLots), price, mult, had, month)
    );
  }

  private fill(e: number, lots: number, reducing: boolean): void {
    const s = this.s;
    const t = this.t;
    const w = s.working;
    const slot = this.order[e];
    const asset = w.asset[slot];
    const quote = this.priced(e);
    const price = quote.price;
    const commission = this.legCommission(e, lots);
    if (this.fillIndex[e] < 0) {
      this.fillIndex[e] = this.fillCount;
      this.fillOrder[this.fillCount++] = e;
      this.reducingLots[e] = 0;
      this.increasingLots[e] = 0;
      this.commission[e] = 0;
      this.monthBefore[e] = s.monthUnits;
      s.pricing.recordPermanent(t, asset, this.side[e], quote.temporaryBps);
    }
    const units = s.toUnits(asset, lots);
    const notional = units * price * s.multiplier[asset];
    const cashBefore = s.cash;
    if (s.rules.future[asset] === 1)
      s.post(VARIATION_MARGIN, this.variationMargin(asset, lots, price, reducing));
    else s.post(FILL_NOTIONAL, -notional);
    s.post(COMMISSION, -commission);
    if (s.settlement.active) this.settle(slot, lots, notional + commission, cashBefore);
    s.move(asset, lots);
    s.volumeUsed[asset] += Math.abs(lots);
    s.monthUnits += Math.abs(units);
    w.filled[slot] += lots;
    if (reducing) this.reducingLots[e] += lots;
    else this.increasingLots[e] += lots;
    this.commission[e] += commission;
    s.orders.setFilled(w.id[slot], s.toUnits(asset, w.filled[slot]));
    if (w.filled[slot] === w.lots[slot]) s.finish(slot, "filled", null, t);
  }

  /** Futures: a reducing fill settles the closed contracts against their references; an increasing one opens at the price. */
  private variationMargin(asset: number, lots: number, price: number, reducing: boolean): number {
    const s = this.s;
    if (!reducing) {
      s.refs.push(asset, lots, price);
      return 0;
    }
    let left = Math.abs(lots);
    let settled = 0;
    while (left > 0) {
      const ref = s.refs.valueAt(asset, 0);
      const taken = s.refs.takeOldest(asset, left);
      settled += s.toUnits(asset, taken) * (price - ref) * s.multiplier[asset];
      left -= Math.abs(taken);
    }
    return settled;
  }

  private settle(slot: number, lots: number, outflow: number, cashBefore: number): void {
    const s = this.s;
    const asset = s.working.asset[slot];
    const id = s.working.id[slot];
    if (lots > 0) {
      s.settlement.buy(asset, lots, outflow, cashBefore);
      return;
    }
    const violating = s.settlement.sell(asset, id, Math.abs(lots), -outflow, this.t);
    if (!violating || s.violated.has(id)) return;
    s.violated.add(id);
    const violations = s.settlement.violate(this.t);
    s.events.push({
      kind: "goodFaithViolation",
      t: this.t,
      step: this.step,
      asset: s.panel.symbols[asset],
      orderId: id,
      violations,
    });
  }

  private kill(slot: number, reason: Reason): void {
    const status =
      this.s.working.filled[slot] !== 0 ? "partial" : reason.kind === "zeroVolume" ? "cancelled" : "rejected";
    this.s.finish(slot, status, reason, this.t);
  }

  /** Lots still allowed on this bar for the entry's asset (SPEC 6.2); -1 = no cap. */
  private room(e: number): number {
    const cap = this.capLots[e];
    return cap < 0 ? -1 : Math.max(0, cap - this.s.volumeUsed[this.s.working.asset[this.order[e]]]);
  }

  private capLotsOf(asset: number, zeroVolume: boolean, volume: number): number {
    const config = this.s.config;
    if (config.maxParticipation === null || (zeroVolume && config.onZeroVolume === "fill")) return -1;
    return floorLots((config.maxParticipation * volume) / this.s.lotSize[asset]);
  }

  private markOf(asset: number): number {
    return this.markAt === AT_OPEN ? this.s.openMark(this.t, asset) : this.s.mark[asset];
  }

  /**
   * The account at the batch's marks, kept while no fill moves a position: a scale group's search
   * checks a dozen fractions of the same legs against the same positions.
   */
  private valuedAtMarks(): Valuation {
    const s = this.s;
    if (this.marksBatch === this.batchId && this.marksVersion === s.positionsVersion) return this.atMarks;
    this.marksBatch = this.batchId;
    this.marksVersion = s.positionsVersion;
    const v = this.atMarks;
    v.clear();
    for (let i = 0; i < s.heldCount; i++) {
      const asset = s.held[i];
      const mark = this.markOf(asset);
      v.add(asset, s.units[asset], mark, 1);
      // SPEC 2, 3: a future's unsettled variation at the batch's marks (an overnight gap at the open).
      v.addUnsettled(s.unsettled(asset, mark));
    }
    return v;
  }

  private writeFills(): void {
    const s = this.s;
    const w = s.working;
    for (let i = 0; i < this.fillCount; i++) {
      const e = this.fillOrder[i];
      const slot = this.order[e];
      const asset = w.asset[slot];
      const forced = w.forced[slot];
      const quote = this.priced(e);
      const qty = s.toUnits(asset, this.reducingLots[e] + this.increasingLots[e]);
      if (forced !== FORCED_NONE) this.liquidationEvent(slot, qty, quote.price);
      // Booked as one record, once its commission is whole: its parts share it (SPEC 5, 8).
      if (s.keepTrades)
        s.trades.record(
          asset,
          this.t,
          this.reducingLots[e],
          this.increasingLots[e],
          quote.price,
          this.commission[e],
        );
      // An outcome run keeps its series and events only: no fill record to write.
      if (!s.keepRecords) continue;
      const total = Math.abs(quote.price - this.base[e]) * Math.abs(qty) * s.multiplier[asset];
      const moves = quote.slippageMove + quote.impactMove;
      // Each part from its own share of the moves: total - impactCost would cancel when impact dominates.
      const impactCost = moves === 0 ? 0 : (total * quote.impactMove) / moves;
      const slippageCost = moves === 0 ? total : (total * quote.slippageMove) / moves;
      const capped = w.isWorking(slot) && this.room(e) === 0;
      let flags = 0;
      if (forced !== FORCED_NONE) flags |= FORCED;
      if (!w.isFilled(slot)) flags |= PARTIAL;
      if (this.zeroVolume[e] === 1) flags |= ZERO_VOLUME;
      if (quote.noImpactHistory) flags |= NO_IMPACT_HISTORY;
      const cap = capped ? s.toUnits(asset, this.capLots[e]) : Number.NaN;
      s.fills.add(
        w.id[slot],
        this.t,
        asset,
        qty,
        s.toUnits(asset, this.reducingLots[e]),
        s.toUnits(asset, this.increasingLots[e]),
        this.base[e],
        quote.price,
        this.commission[e],
        slippageCost,
        impactCost,
        flags,
        capped ? s.toUnits(asset, s.volumeUsed[asset]) : Number.NaN,
        cap,
        quote.clamped ? quote.unclamped : Number.NaN,
      );
    }
  }

  /** A forced fill's event (SPEC 7): the order's qty filled in this batch at its price. */
  private liquidationEvent(slot: number, qty: number, price: number): void {
    const s = this.s;
    const w = s.working;
    s.events.push({
      kind: "liquidation",
      t: this.t,
      step: this.step,
      asset: s.panel.symbols[w.asset[slot]],
      orderId: w.id[slot],
      qty,
      price,
      cause: w.forced[slot] === FORCED_BANKRUPT ? "bankrupt" : "marginCall",
    });
  }

  private ensure(size: number): void {
    if (size <= this.base.length) return;
    const capacity = Math.max(size, this.base.length * 2);
    this.base = grown(this.base, capacity);
    this.side = grown(this.side, capacity);
    this.hadFill = grown(this.hadFill, capacity);
    this.zeroVolume = grown(this.zeroVolume, capacity);
    this.volume = grown(this.volume, capacity);
    this.capLots = grown(this.capLots, capacity);
    this.fillIndex = grown(this.fillIndex, capacity);
    this.order = grown(this.order, capacity);
    this.first = grown(this.first, capacity);
    this.pendingIncreasing = grown(this.pendingIncreasing, capacity);
    this.reducingLots = grown(this.reducingLots, capacity);
    this.increasingLots = grown(this.increasingLots, capacity);
    this.commission = grown(this.commission, capacity);
    this.monthBefore = grown(this.monthBefore, capacity);
    this.fillOrder = grown(this.fillOrder, capacity);
    this.scaleIndex = grown(this.scaleIndex, capacity);
    this.scaleLots = grown(this.scaleLots, capacity);
    this.scaleTry = grown(this.scaleTry, capacity);
    this.groupPrice = grown(this.groupPrice, capacity);
    this.groupMark = grown(this.groupMark, capacity);
  }
}

/** The part of a signed rest that reduces a position (towards 0). */
function reducingPart(rest: number, position: number): number {
  if (position === 0 || Math.sign(rest) === Math.sign(position)) return 0;
  return Math.abs(rest) <= Math.abs(position) ? rest : -position;
}

/** A leg of signed lots scaled by j / 10^4, truncated toward 0. */
function scaled(lots: number, j: number): number {
  return Math.sign(lots) * floorLots((Math.abs(lots) * j) / SCALE_STEPS);
}
