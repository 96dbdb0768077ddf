// SPEC 4: the timeline of one bar, in float64: 1 settlement, 2 open auction (forced batch, then
// next-open market orders), 3 intrabar, 4 close (marks, variation margin, financing, margin
// check), 5 decision (and same-bar fills), 6 snapshot. Under fillAt "open" the decision comes
// between 1 and 2 instead, and its market orders fill in that open auction.
import {
  canonicalEvents,
  isoDate,
  type MarketTerms,
  type OrderRequest,
  type OutcomeRecords,
  type Panel,
  type Records,
  type RunConfig,
  type Strategy,
} from "../model/index.ts";
import { CausalContext, type DecisionDesk } from "../strategy/context.ts";
import { symbolOrder } from "../strategy/declarative.ts";
import { AT_CLOSE, AT_OPEN, Batch } from "./batch.ts";
import { grown } from "./buffers.ts";
import { CashFlowBook } from "./cash-flows.ts";
import { intake, Terms } from "./intake.ts";
import { BECAME_LIMIT, evaluate, FILL, fillDependsOnPath, setPath, Trigger } from "./intrabar.ts";
import { LiquidationSizer } from "./liquidation.ts";
import { codeOf, PositionRows } from "./logs.ts";
import { MarketIntake } from "./market-intake.ts";
import { atLeast, beyond } from "./numeric.ts";
import type { SettlementEvent } from "./settlement.ts";
import {
  BORROW_FEE,
  COMMISSION,
  CREDIT_INTEREST,
  DEBIT_INTEREST,
  DEPOSIT,
  RunState,
  SHORT_REBATE,
  VARIATION_MARGIN,
  WITHDRAWAL,
} from "./state.ts";
import { checkAtSubmit } from "./submit-check.ts";
import { Valuation } from "./valuation.ts";
import {
  FORCED_BANKRUPT,
  FORCED_CALL,
  FORCED_NONE,
  LIMIT,
  MARKET,
  POLICY_REJECT,
  STOP,
  STOP_LIMIT,
  type WorkingOrders,
} from "./working.ts";

export class FastRun {
  private readonly s: RunState;
  private readonly batch: Batch;
  private readonly sizer: LiquidationSizer;
  private readonly context: CausalContext;
  private readonly symbolIndex: Map<string, number>;
  private readonly series: OutcomeRecords["series"] = {
    cash: [],
    equity: [],
    grossExposure: [],
    netExposure: [],
    initialMargin: [],
    maintenanceMargin: [],
  };
  private readonly positions: PositionRows;
  private callStreak = 0;
  private liquidationDue = false;
  /** The snapshot financing reads at the next close: cash, and each short's value (0 if none). */
  private prevCash = Number.NaN;
  private readonly prevShortValue: Float64Array;
  /** The assets short at the snapshot (their values are in prevShortValue). */
  private readonly prevShorts: Int32Array;
  private prevShortCount = 0;
  /** The working slots a batch runs over, `candidateCount` of them, and their base prices. */
  private candidates = new Int32Array(64);
  private candidateCount = 0;
  private bases = new Float64Array(64);
  private readonly path = new Float64Array(4);
  private readonly trigger = new Trigger();
  /** A stop-limit's outcome on the path with its extremes swapped (SPEC 12 ambiguousBar). */
  private readonly swapped = new Trigger();
  private readonly triggerTime: number[] = [];
  private readonly settlementEvents: SettlementEvent[] = [];
  private readonly cashFlows: CashFlowBook;
  private readonly account = {
    cash: 0,
    equity: 0,
    position: (asset: number) => this.s.units[asset],
    initialMargin: 0,
    maintenanceMargin: 0,
    buyingPower: 0,
    inCall: false,
  };
  private equityAtDecision = 0;
  /** The account at the opens, for a decision there (fillAt "open"). */
  private readonly atOpen: Valuation;
  private readonly marketIntake: MarketIntake;
  /** submit()'s terms, resolved afresh for each request. */
  private readonly requestTerms = new Terms();
  /** Column indices in symbol order (SPEC 6.4's order of a row of orders, and of close-outs). */
  private readonly symbolOrder: Int32Array;
  private t = 0;
  /** Bars where the tiered commission's monthly count starts again. */
  private readonly monthStarts: Uint8Array;
  /** The decision step's desk, one object per run (its account is updated in place). */
  private readonly desk: DecisionDesk = {
    account: this.account,
    submit: (request: OrderRequest) => {
      const recorded = this.s.orders.count;
      return this.queue(
        recorded,
        intake(this.s, this.t, request, this.equityAtDecision, this.symbolIndex, this.requestTerms),
      );
    },
    submitMarket: (asset: number, size: number, terms: MarketTerms) => {
      const recorded = this.s.orders.count;
      return this.queue(recorded, this.marketIntake.order(this.t, asset, size, terms, this.equityAtDecision));
    },
    submitRow: (sizes: Float64Array, offset: number, terms: MarketTerms) =>
      this.marketIntake.row(this.t, sizes, offset, terms, this.equityAtDecision),
    cancel: (orderId: number) => {
      const s = this.s;
      const slot = s.working.slotOf(orderId);
      if (slot < 0)
        return Number.isInteger(orderId) && orderId >= 1 && orderId <= s.orders.count
          ? "notWorking"
          : "noSuchOrder";
      if (s.working.forced[slot] !== FORCED_NONE) return "forced";
      s.cancelRest(slot, { kind: "cancelRequested" }, this.t);
      s.working.dropDone();
      return "cancelled";
    },
    workingOrders: () => {
      const w = this.s.working;
      return Array.from(w.list.subarray(0, w.count), (slot) => this.s.orders.record(w.id[slot]));
    },
    fillsOfBar: () => this.s.fills.recordsOfBar(this.t),
  };

  constructor(
    private readonly panel: Panel,
    private readonly config: RunConfig,
    private readonly strategy: Strategy,
    /** False for an outcome run (runOutcome): no order, fill, trade or positions records. */
    keepRecords = true,
  ) {
    this.s = new RunState(panel, config, keepRecords);
    this.batch = new Batch(this.s);
    this.sizer = new LiquidationSizer(this.s);
    this.atOpen = new Valuation(this.s.rules);
    this.context = new CausalContext(panel);
    this.symbolIndex = new Map(panel.symbols.map((symbol, i) => [symbol, i]));
    this.symbolOrder = Int32Array.from(symbolOrder(panel.symbols));
    this.marketIntake = new MarketIntake(this.s, this.symbolOrder);
    this.prevShortValue = new Float64Array(panel.symbols.length);
    this.prevShorts = new Int32Array(panel.symbols.length);
    this.positions = new PositionRows(panel.times.length, panel.symbols.length);
    this.cashFlows = new CashFlowBook(this.s);
    this.monthStarts = monthStarts(panel.times);
  }

  /** Puts intake's order (a slot, or -1) to work; the id of the record it made past `recorded`, or null. */
  private queue(recorded: number, slot: number): number | null {
    if (slot >= 0) this.s.working.push(slot);
    // Ids are 1-based in creation order: a new record's id is the count.
    return this.s.orders.count > recorded ? this.s.orders.count : null;
  }

  run(): Records {
    this.simulate();
    return this.records();
  }

  /** The run without its order, fill, trade and positions records (a FastRun made with keepRecords false). */
  runOutcome(): OutcomeRecords {
    this.simulate();
    return this.outcome();
  }

  private simulate(): void {
    const s = this.s;
    const bars = this.panel.times.length;
    const atOpen = this.config.fillAt === "open";
    for (let t = 0; t < bars; t++) {
      this.t = t;
      s.volumeUsed.fill(0);
      if (this.monthStarts[t] === 1) s.monthUnits = 0;
      this.settle(t);
      this.cashFlows.step1(t);
      if (atOpen && !s.bankrupt) this.decide(t, true);
      this.openAuction(t);
      this.intrabar(t);
      this.close(t);
      if (!atOpen && !s.bankrupt) this.decide(t, false);
      if (this.config.fillAt === "close") {
        if (this.config.checkAtSubmit) checkAtSubmit(s, t, t);
        this.marketBatch(t, 5, AT_CLOSE);
        this.settleFuturesAtClose(t);
      }
      this.snapshot();
    }
    const w = s.working;
    for (let i = 0; i < w.count; i++) s.finish(w.list[i], "expired", { kind: "endOfData" }, bars - 1);
    w.clear();
  }

  private settle(t: number): void {
    const s = this.s;
    if (!s.settlement.active) return;
    const events = this.settlementEvents;
    events.length = 0;
    s.settlement.settle(t, events);
    for (const e of events) {
      if (e.kind === "restricted")
        s.events.push({
          kind: "restricted",
          t,
          step: 1,
          until: isoDate(e.untilDay * 86_400_000),
          violations: e.violations,
        });
      else
        s.events.push({
          kind: "settlement",
          t,
          step: 1,
          asset: this.panel.symbols[e.asset],
          orderId: e.orderId,
          tradeDate: isoDate(e.tradeDay * 86_400_000),
          amount: e.amount,
        });
    }
  }

  /** Step 2: forced orders first (close-outs, then liquidations sized now), then next-open (or open) market orders. */
  private openAuction(t: number): void {
    const s = this.s;
    const { fillAt, checkAtSubmit: check } = this.config;
    // The orders decided at the last close, or (cheat-on-open) at this open.
    if (check && fillAt === "next-open" && t > 0) checkAtSubmit(s, t - 1, t);
    if (check && fillAt === "open") checkAtSubmit(s, t, t);
    if (!s.inCall) this.cancelCuredLiquidations(t);
    if (this.liquidationDue) {
      this.liquidationDue = false;
      this.callStreak = 0;
      for (const { asset, lots } of this.sizer.size(t, this.batch))
        this.createForced(t, asset, lots, FORCED_CALL);
    }
    // Close-outs first, then liquidations, each in id order.
    this.candidateCount = 0;
    this.collect(FORCED_BANKRUPT, false);
    this.collect(FORCED_CALL, false);
    if (this.candidateCount > 0) {
      this.runBatch(t, 2, AT_OPEN, this.panel.open);
      s.working.dropDone();
    }
    if (fillAt !== "close") this.marketBatch(t, 2, AT_OPEN);
  }

  /** SPEC 12: out of call at the last close, a liquidation's capped rest is cancelled (callCured). */
  private cancelCuredLiquidations(t: number): void {
    const s = this.s;
    const w = s.working;
    let any = false;
    for (let i = 0; i < w.count; i++) {
      const slot = w.list[i];
      if (w.forced[slot] !== FORCED_CALL) continue;
      s.cancelRest(slot, { kind: "callCured" }, t);
      any = true;
    }
    if (any) w.dropDone();
  }

  /** Every working strategy market order, in id order, at the open (next-open, open) or the close (same-bar). */
  private marketBatch(t: number, step: 2 | 5, markAt: number): void {
    this.candidateCount = 0;
    this.collect(FORCED_NONE, true);
    if (this.candidateCount > 0)
      this.runBatch(t, step, markAt, markAt === AT_OPEN ? this.panel.open : this.panel.close);
    this.expireDay(t, true);
  }

  /** Appends the working orders of `forced` (only market ones when `marketOnly`) to the candidates, in id order. */
  private collect(forced: number, marketOnly: boolean): void {
    const w = this.s.working;
    if (this.candidates.length < this.candidateCount + w.count)
      this.candidates = grown(this.candidates, 2 * (this.candidateCount + w.count));
    for (let i = 0; i < w.count; i++) {
      const slot = w.list[i];
      if (w.forced[slot] === forced && (!marketOnly || w.mode[slot] === MARKET))
        this.candidates[this.candidateCount++] = slot;
    }
  }

  /** The candidates as one batch, based at `prices` (the bar's opens or closes). */
  private runBatch(t: number, step: 2 | 5, markAt: number, prices: Float64Array): void {
    const count = this.candidateCount;
    if (this.bases.length < count) this.bases = new Float64Array(count * 2);
    const w = this.s.working;
    const at = t * this.s.n;
    for (let i = 0; i < count; i++) this.bases[i] = prices[at + w.asset[this.candidates[i]]];
    this.batch.run(t, step, markAt, this.candidates, count, this.bases);
  }

  /** Step 3: resting orders by id across assets and by trigger time within one (SPEC 12). */
  private intrabar(t: number): void {
    const s = this.s;
    const w = s.working;
    if (!hasResting(w)) return;
    const { open, high, low, close, volume } = this.panel;
    const triggered: number[] = [];
    const times = this.triggerTime;
    times.length = 0;
    const bases: number[] = [];
    const counts = new Map<number, number>();
    /** Assets with a stop-limit whose fill (or not) hung on the order of the extremes. */
    const pathDependent = new Set<number>();
    for (let i = 0; i < w.count; i++) {
      const slot = w.list[i];
      const mode = w.mode[slot];
      if (mode === MARKET) continue;
      const asset = w.asset[slot];
      const at = t * s.n + asset;
      if (Number.isNaN(close[at])) {
        s.orders.defer(w.id[slot], "missingBar");
        continue;
      }
      if (volume[at] === 0 && this.config.onZeroVolume === "defer") {
        s.orders.defer(w.id[slot], "zeroVolume");
        continue;
      }
      setPath(this.path, open[at], high[at], low[at], close[at], this.config.intrabarPath, s.lots[asset]);
      const side = w.rest(slot) > 0 ? 1 : -1;
      const limitPrice = w.limitPrice[slot];
      const stopPrice = w.stopPrice[slot];
      const outcome = evaluate(this.trigger, mode, side, limitPrice, stopPrice, this.path);
      if (outcome.outcome !== FILL && outcome.outcome !== BECAME_LIMIT) continue;
      counts.set(asset, (counts.get(asset) ?? 0) + 1);
      const filled = outcome.outcome === FILL;
      if (
        mode === STOP_LIMIT &&
        fillDependsOnPath(this.swapped, filled, side, limitPrice, stopPrice, this.path)
      )
        pathDependent.add(asset);
      if (outcome.outcome === BECAME_LIMIT) {
        w.mode[slot] = LIMIT;
        continue;
      }
      triggered.push(slot);
      bases.push(outcome.basePrice);
      times.push(outcome.time);
    }
    const threshold = this.config.marginCheckAt === "adverse-extreme" ? 1 : 2;
    for (const [asset, count] of counts)
      if (count >= threshold || pathDependent.has(asset))
        s.events.push({
          kind: "ambiguousBar",
          t,
          step: 3,
          asset: this.panel.symbols[asset],
          triggered: count,
        });
    if (triggered.length > 0) {
      const ordered = pathOrder(w, triggered, bases, times);
      this.batch.run(t, 3, AT_OPEN, ordered.slots, ordered.slots.length, ordered.bases);
      for (const slot of ordered.slots) {
        if (w.mode[slot] === STOP) w.mode[slot] = MARKET;
        else if (w.mode[slot] === STOP_LIMIT) w.mode[slot] = LIMIT;
      }
    }
    this.expireDay(t, false);
  }

  /** Step 4: marks, variation margin, financing, then the margin check (SPEC 7). */
  private close(t: number): void {
    const s = this.s;
    const { close } = this.panel;
    for (let asset = 0; asset < s.n; asset++) {
      const c = close[t * s.n + asset];
      if (Number.isNaN(c)) continue;
      s.setMark(asset, c);
    }
    this.settleFuturesAtClose(t);
    if (this.config.account === "margin" && t > 0 && !(s.bankrupt && s.heldCount === 0)) this.finance(t);
    if (!s.bankrupt) this.marginCheck(t);
  }

  /**
   * SPEC 3.3: futures contracts settle to close t, in step 4 and again after a same-bar batch
   * (its new contracts from their fill price; those settled in step 4 add 0).
   */
  private settleFuturesAtClose(t: number): void {
    const s = this.s;
    if (!s.rules.anyFuture) return;
    const { close } = this.panel;
    for (let asset = 0; asset < s.n; asset++) {
      const c = close[t * s.n + asset];
      if (!Number.isNaN(c) && s.rules.future[asset] === 1 && s.refs.count(asset) > 0)
        s.post(VARIATION_MARGIN, this.variationMarginAtClose(asset, c));
    }
  }

  private variationMarginAtClose(asset: number, close: number): number {
    const s = this.s;
    let settled = 0;
    const count = s.refs.count(asset);
    for (let i = 0; i < count; i++) {
      settled +=
        s.toUnits(asset, s.refs.lotsAt(asset, i)) * (close - s.refs.valueAt(asset, i)) * s.multiplier[asset];
      s.refs.setValueAt(asset, i, close);
    }
    return settled;
  }

  /** SPEC 3.2: actual/360 on the previous snapshot; d calendar days since the previous bar. */
  private finance(t: number): void {
    const s = this.s;
    const days = s.days[t] - s.days[t - 1];
    if (days === 0) return;
    const c = this.config;
    // Interest is on cash without the short proceeds held in it (they earn only the rebate).
    let balance = this.prevCash;
    let scale = Math.abs(balance);
    let borrow = 0;
    let rebate = 0;
    for (let i = 0; i < this.prevShortCount; i++) {
      const asset = this.prevShorts[i];
      const value = this.prevShortValue[asset];
      balance -= value;
      scale += value;
      borrow += (s.borrowRate[asset] * days * value) / 360;
      rebate += (c.shortRebateRate * days * value) / 360;
    }
    // A balance within the tie rule of 0 is 0 (cash and the proceeds cancel): no interest.
    if (beyond(0, balance, scale)) s.post(DEBIT_INTEREST, -((c.debitRate * days * -balance) / 360));
    else if (beyond(balance, 0, scale)) s.post(CREDIT_INTEREST, (c.creditRate * days * balance) / 360);
    if (borrow !== 0) s.post(BORROW_FEE, -borrow);
    if (rebate !== 0) s.post(SHORT_REBATE, rebate);
  }

  private marginCheck(t: number): void {
    const s = this.s;
    const v = s.valueAtClose();
    let equity = s.cash + v.positions;
    let mm = v.mm;
    const scale = v.scale + s.moneyScale(s.cash);
    if (this.config.marginCheckAt === "adverse-extreme") {
      // Longs at the bar's low, shorts at its high; missing assets at their close (SPEC 12).
      const { low, high } = this.panel;
      const atExtremes = s.scratch;
      atExtremes.clear();
      for (let i = 0; i < s.heldCount; i++) {
        const asset = s.held[i];
        const at = t * s.n + asset;
        const units = s.units[asset];
        const extreme = Number.isNaN(low[at]) ? s.mark[asset] : units > 0 ? low[at] : high[at];
        equity += units * (extreme - s.mark[asset]) * s.multiplier[asset];
        atExtremes.add(asset, units, extreme, 1);
      }
      mm = atExtremes.mm;
    }
    if (!beyond(equity, 0, scale)) {
      this.bankruptcy(t, equity, mm);
      return;
    }
    s.inCall = this.config.account !== "cash" && !atLeast(equity, mm, scale);
    if (!s.inCall) {
      this.callStreak = 0;
      return;
    }
    s.events.push({ kind: "marginCall", t, step: 4, equity, requirement: mm, deficit: mm - equity });
    this.callStreak++;
    const liquidating = s.working.hasForced(FORCED_CALL);
    if (
      this.config.onMarginCall === "liquidate" &&
      this.callStreak >= this.config.cureDays + 1 &&
      !liquidating
    )
      this.liquidationDue = true;
  }

  /** SPEC 7, 12: terminal; working orders cancelled, one close-out per position (symbol order). */
  private bankruptcy(t: number, equity: number, requirement: number): void {
    const s = this.s;
    s.bankrupt = true;
    s.inCall = false;
    s.events.push({ kind: "bankrupt", t, step: 4, equity, requirement });
    const w = s.working;
    for (let i = 0; i < w.count; i++) s.cancelRest(w.list[i], { kind: "bankrupt" }, t);
    w.clear();
    for (const asset of this.symbolOrder)
      if (s.lots[asset] !== 0) this.createForced(t, asset, -s.lots[asset], FORCED_BANKRUPT);
  }

  private createForced(t: number, asset: number, lots: number, cause: number): void {
    const s = this.s;
    const qty = s.toUnits(asset, lots);
    const id = s.orders.add(
      t,
      asset,
      codeOf.type("liquidation"),
      codeOf.sizeType("units"),
      qty,
      qty,
      Number.NaN,
      Number.NaN,
      codeOf.life("gtc"),
      codeOf.policy("reject"),
    );
    s.working.push(
      s.working.open(id, t, asset, lots, MARKET, Number.NaN, Number.NaN, cause, POLICY_REJECT, false, false),
    );
  }

  /**
   * Step 5: the strategy sees bars 0..t and the account after every fill up to t. Under fillAt
   * "open" (`atOpen`) it decides before step 2 instead, the account marked at the opens and its
   * sizes read at them.
   */
  private decide(t: number, atOpen: boolean): void {
    const s = this.s;
    if (atOpen) s.markDecisionAtOpen(t);
    const v = atOpen ? s.valueAt(s.decisionMark, this.atOpen) : s.valueAtClose();
    this.equityAtDecision = s.cash + v.positions;
    const account = this.account;
    account.cash = s.cash;
    account.equity = this.equityAtDecision;
    account.initialMargin = v.im;
    account.maintenanceMargin = v.mm;
    account.buyingPower =
      this.config.account === "cash" ? s.cash : this.equityAtDecision - Math.max(v.im, v.mm);
    account.inCall = s.inCall;
    this.context.enter(t, this.desk, atOpen);
    this.strategy.onBar(this.context);
  }

  private snapshot(): void {
    const s = this.s;
    const v = s.valueAtClose();
    const series = this.series;
    series.cash.push(s.cash);
    series.equity.push(s.cash + v.positions);
    series.grossExposure.push(v.gross);
    series.netExposure.push(v.net);
    series.initialMargin.push(v.im);
    series.maintenanceMargin.push(v.mm);
    if (s.keepRecords) this.positions.snapshot(this.t, s.units, s.positionsVersion);
    this.prevCash = s.cash;
    // The shorts as a list, so financing at the next close visits them and not every asset.
    this.prevShortCount = 0;
    for (let i = 0; i < s.heldCount; i++) {
      const asset = s.held[i];
      if (s.units[asset] < 0 && s.rules.future[asset] === 0) {
        this.prevShortValue[asset] = -s.units[asset] * s.mark[asset] * s.multiplier[asset];
        this.prevShorts[this.prevShortCount++] = asset;
      }
    }
  }

  /** SPEC 12: a "day" order works in one step only; its rest ends "dayExpired". */
  private expireDay(t: number, market: boolean): void {
    const s = this.s;
    const w = s.working;
    const marketType = market ? 1 : 0;
    let any = false;
    for (let i = 0; i < w.count; i++) {
      const slot = w.list[i];
      if (!w.isWorking(slot)) any = true;
      else if (w.day[slot] === 1 && w.marketType[slot] === marketType) {
        s.finish(slot, w.filled[slot] === 0 ? "expired" : "partial", { kind: "dayExpired" }, t);
        any = true;
      }
    }
    if (any) w.dropDone();
  }

  /**
   * The records. Orders, fills and the positions series are kept columnar during the run and
   * become plain objects on first read (then cached): a caller that reads only the equity curve
   * never pays for 17,000 order objects.
   */
  private records(): Records {
    const s = this.s;
    let unrealized = 0;
    for (let asset = 0; asset < s.n; asset++)
      if (s.lots[asset] !== 0) unrealized += s.trades.unrealizedOf(asset, s.mark[asset]);
    const outcome = this.outcome();
    const lazy = <T>(make: () => T) => {
      let value: T | undefined;
      return () => {
        value ??= make();
        return value;
      };
    };
    const orders = lazy(() => s.orders.records());
    const fills = lazy(() => s.fills.records());
    const trades = lazy(() => s.trades.records());
    const positions = lazy(() => this.positions.records());
    return {
      ...outcome,
      get orders() {
        return orders();
      },
      get fills() {
        return fills();
      },
      get trades() {
        return trades();
      },
      series: {
        ...outcome.series,
        get positions() {
          return positions();
        },
      },
      totals: {
        commission: -s.ledger[COMMISSION],
        realizedPnl: s.trades.realized,
        unrealizedPnl: unrealized,
      },
    };
  }

  /** What every run returns: the series (less positions), events, ledger totals and warnings. */
  private outcome(): OutcomeRecords {
    const s = this.s;
    const ledger = s.ledger;
    return {
      engine: "fast",
      symbols: this.panel.symbols,
      events: canonicalEvents(s.events),
      series: this.series,
      ledgerTotals: {
        commission: ledger[COMMISSION],
        variationMargin: ledger[VARIATION_MARGIN],
        debitInterest: ledger[DEBIT_INTEREST],
        creditInterest: ledger[CREDIT_INTEREST],
        borrowFee: ledger[BORROW_FEE],
        shortRebate: ledger[SHORT_REBATE],
        deposit: ledger[DEPOSIT],
        withdrawal: ledger[WITHDRAWAL],
      },
      sameBarFills: this.config.fillAt === "close",
      warnings: [
        ...(s.settlement.active && this.config.holidays === null
          ? [
              "no holidays given: settlement dates count weekdays only and may be early on exchange holidays [SPEC 1]",
            ]
          : []),
        ...this.cashFlows.unapplied(),
      ],
    };
  }
}

/**
 * SPEC 12: across assets in id order; an asset's places in that order refilled in trigger order
 * (ties by id). `slots` are working slots in id order.
 */
function pathOrder(
  w: WorkingOrders,
  slots: number[],
  bases: number[],
  times: number[],
): { slots: Int32Array; bases: number[] } {
  const index = slots.map((_, i) => i);
  const byAsset = new Map<number, number[]>();
  for (const i of index) {
    const asset = w.asset[slots[i]];
    const list = byAsset.get(asset) ?? [];
    list.push(i);
    byAsset.set(asset, list);
  }
  for (const list of byAsset.values())
    list.sort((a, b) => times[a] - times[b] || w.id[slots[a]] - w.id[slots[b]]);
  const next = new Map<number, number>();
  const picked = index.map((i) => {
    const asset = w.asset[slots[i]];
    const k = next.get(asset) ?? 0;
    next.set(asset, k + 1);
    return (byAsset.get(asset) as number[])[k];
  });
  return { slots: Int32Array.from(picked, (i) => slots[i]), bases: picked.map((i) => bases[i]) };
}

/** 1 at each bar after the first whose calendar month (UTC) differs from the bar before it. */
function monthStarts(times: Float64Array): Uint8Array {
  const starts = new Uint8Array(times.length);
  let previous = Number.NaN;
  for (let t = 0; t < times.length; t++) {
    const date = new Date(times[t]);
    const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
    if (t > 0 && month !== previous) starts[t] = 1;
    previous = month;
  }
  return starts;
}

/** Whether some working order rests (limit, stop, stop-limit) rather than being a market order. */
function hasResting(w: WorkingOrders): boolean {
  for (let i = 0; i < w.count; i++) if (w.mode[w.list[i]] !== MARKET) return true;
  return false;
}
