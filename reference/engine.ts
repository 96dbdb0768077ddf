// SPEC 4: the timeline of one bar, strictly in order: 1 settlement, 2 open auction (forced orders,
// then the strategy's), 3 intrabar, 4 close (marks, variation margin, financing, margin check),
// 5 decision (and same-bar fills), 6 snapshot.
// The reference engine: exact decimals, every invariant asserted at every step.
import {
  type AccountView,
  canonicalEvents,
  type Engine,
  marketRequest,
  type OrderRecord,
  type OrderRequest,
  type Panel,
  type Records,
  type RunConfig,
  type Strategy,
} from "../src/model/index.ts";
import { CausalContext } from "../src/strategy/context.ts";
import { symbolOrder } from "../src/strategy/declarative.ts";
import { Batch, type Candidate, cancelRest, finish } from "./batch.ts";
import { CashFlows } from "./cash-flows.ts";
import { Dec, ZERO } from "./decimal.ts";
import { calendarDays, type FinancingSnapshot, financingEntries } from "./financing.ts";
import { Impact } from "./impact.ts";
import { intake, resizeAtFill } from "./intake.ts";
import { evaluateResting, fillDependsOnPath, intrabarPath, type RestingOrder } from "./intrabar.ts";
import { Invariants } from "./invariants.ts";
import { sizeLiquidation } from "./liquidation.ts";
import { RunState, restOf, type WorkingOrder } from "./state.ts";
import { checkAtSubmit } from "./submit-check.ts";

export const referenceEngine: Engine = {
  name: "reference",
  run(panel: Panel, config: RunConfig, strategy: Strategy): Records {
    return new ReferenceRun(panel, config, strategy).run();
  },
};

class ReferenceRun {
  private readonly state: RunState;
  private readonly invariants: Invariants;
  private readonly impact: Impact;
  private readonly context: CausalContext;
  private readonly symbolIndex: Map<string, number>;
  private readonly series: Records["series"] = {
    cash: [],
    equity: [],
    grossExposure: [],
    netExposure: [],
    initialMargin: [],
    maintenanceMargin: [],
    positions: [],
  };
  /** SPEC 7: consecutive closes in call since the last liquidation, and a liquidation due at the next open. */
  private callStreak = 0;
  private liquidationDue = false;
  private financingSnapshot: FinancingSnapshot | null = null;
  private readonly cashFlows: CashFlows;

  constructor(
    private readonly panel: Panel,
    private readonly config: RunConfig,
    private readonly strategy: Strategy,
  ) {
    this.state = new RunState(panel, config);
    this.invariants = new Invariants(this.state);
    this.impact = new Impact(this.state, config);
    this.context = new CausalContext(panel);
    this.symbolIndex = new Map(panel.symbols.map((s, i) => [s, i]));
    this.cashFlows = new CashFlows(config);
  }

  run(): Records {
    const bars = this.panel.times.length;
    const atOpen = this.config.fillAt === "open";
    for (let t = 0; t < bars; t++) {
      this.state.volumeUsed.fill(ZERO);
      if (t > 0 && monthOf(this.panel.times[t]) !== monthOf(this.panel.times[t - 1]))
        this.state.monthQty = ZERO;
      for (const event of this.state.settlement.step1(t)) this.state.events.push({ ...event, t, step: 1 });
      const flows = this.cashFlows.step1(this.state, t);
      for (const event of flows) this.state.events.push({ ...event, t, step: 1 });
      if (flows.length > 0) this.invariants.afterCashFlows(t);
      if (atOpen && !this.state.bankrupt) this.decide(t, true);
      this.openAuction(t);
      this.intrabar(t);
      this.close(t);
      if (!atOpen && !this.state.bankrupt) this.decide(t, false);
      if (this.config.fillAt === "close") {
        if (this.config.checkAtSubmit) checkAtSubmit(this.state, this.invariants, t, t);
        this.marketBatch(
          t,
          (asset) => this.state.bar(t, asset)?.close ?? null,
          (asset) => this.state.closeMark(asset),
        );
        this.settleFuturesAtClose(t);
      }
      this.snapshot(t);
    }
    for (const order of this.state.working) finish(order, "expired", { kind: "endOfData" }, bars - 1);
    this.state.working = [];
    return this.records();
  }

  /**
   * Step 2: forced orders first, as their own batch (bankruptcy close-outs, then margin-call
   * liquidations sized at this open), then, under next-open and open, the strategy's market orders.
   */
  private openAuction(t: number): void {
    const { state } = this;
    const { fillAt, checkAtSubmit: check } = this.config;
    // The orders decided at the last close, or (cheat-on-open) at this open.
    if (check && fillAt === "next-open" && t > 0) checkAtSubmit(state, this.invariants, t - 1, t);
    if (check && fillAt === "open") checkAtSubmit(state, this.invariants, t, t);
    const openOf = (asset: number) => state.bar(t, asset)?.open ?? null;
    const markOf = (asset: number) => state.openMark(t, asset);
    const forced = new Batch(state, this.invariants, this.impact, t, 2, markOf);
    if (!state.inCall) this.cancelCuredLiquidations(t);
    if (this.liquidationDue) {
      this.liquidationDue = false;
      this.callStreak = 0;
      const quote = (asset: number, absQty: Dec, priorQty: Dec) =>
        forced.quote(
          asset,
          state.qty[asset].gt(0) ? absQty.neg() : absQty,
          state.openMark(t, asset),
          priorQty,
        );
      for (const { asset, qty } of sizeLiquidation(state, t, quote))
        this.createForced(t, asset, qty, "marginCall");
    }
    const forcedOrders = state.working.filter((order) => order.forced !== null);
    const byCause = (cause: "bankrupt" | "marginCall") =>
      forcedOrders.filter((order) => order.forced === cause);
    forced.run(candidates([...byCause("bankrupt"), ...byCause("marginCall")], openOf));
    const liquidations = byCause("marginCall").filter((order) => order.record.t === t);
    if (liquidations.length > 0) this.invariants.afterLiquidation(t, liquidations, forced.fillMarks());
    this.dropDone();
    if (fillAt !== "close") this.marketBatch(t, openOf, markOf);
  }

  /**
   * SPEC 12: a liquidation's volume-capped rest works only while the account stays in call; the
   * first open after a close out of call cancels it. Bankruptcy close-outs work on until flat.
   */
  private cancelCuredLiquidations(t: number): void {
    for (const order of this.state.working) {
      if (order.forced !== "marginCall") continue;
      cancelRest(order, { kind: "callCured" }, t);
    }
    this.dropDone();
  }

  /** Step 2 (next-open, open) or step 5 (same-bar): every working strategy market order, in id order. */
  private marketBatch(
    t: number,
    baseOf: (asset: number) => Dec | null,
    markOf: (asset: number) => Dec,
  ): void {
    const orders = this.state.working.filter((order) => order.mode === "market" && order.forced === null);
    const step = this.config.fillAt === "close" ? 5 : 2;
    let offered = candidates(orders, baseOf);
    if (this.config.sizeAtFill) {
      // Every order of the batch is sized on the account as the batch starts, before its fills.
      const { state } = this;
      const equity = state.terms.value(state.ledger.cash, state.holdings(), markOf).equity;
      offered = offered.filter(({ order, basePrice }) => resizeAtFill(state, order, basePrice, equity, t));
    }
    new Batch(this.state, this.invariants, this.impact, t, step, markOf).run(offered);
    this.expireDayOrders(t, (order) => order.record.type === "market");
  }

  /**
   * Step 3: resting orders against bar t, ordered by id across assets and by trigger within one.
   * A bar whose outcome hung on the path assumption gets an ambiguousBar record (SPEC 4.3, 12).
   */
  private intrabar(t: number): void {
    const { state } = this;
    const triggered: { order: WorkingOrder; basePrice: Dec; time: Dec }[] = [];
    const triggers = new Map<number, number>();
    /** Assets with a stop-limit whose fill (or not) hung on the order of the extremes. */
    const pathDependent = new Set<number>();
    for (const order of state.working) {
      if (order.mode === "market") continue;
      const bar = state.bar(t, order.asset);
      if (bar === null) {
        order.record.deferred.missingBar++;
        continue;
      }
      if (state.volume(t, order.asset) === 0 && this.config.onZeroVolume === "defer") {
        order.record.deferred.zeroVolume++;
        continue;
      }
      const side = restOf(order).gt(0) ? 1 : -1;
      const path = intrabarPath(bar, this.config.intrabarPath, state.qty[order.asset]);
      const resting: RestingOrder = {
        mode: order.mode,
        side,
        limitPrice: order.limitPrice,
        stopPrice: order.stopPrice,
      };
      const outcome = evaluateResting(resting, path);
      if (outcome.kind === "none") continue;
      triggers.set(order.asset, (triggers.get(order.asset) ?? 0) + 1);
      if (fillDependsOnPath(resting, bar)) pathDependent.add(order.asset);
      if (outcome.kind === "becameLimit") order.mode = "limit";
      else triggered.push({ order, basePrice: outcome.basePrice, time: outcome.time });
    }
    const threshold = this.config.marginCheckAt === "adverse-extreme" ? 1 : 2;
    for (const [asset, count] of triggers) {
      if (count >= threshold || pathDependent.has(asset))
        state.events.push({
          kind: "ambiguousBar",
          t,
          step: 3,
          asset: this.panel.symbols[asset],
          triggered: count,
        });
    }
    const candidates = pathOrder(triggered);
    new Batch(state, this.invariants, this.impact, t, 3, (asset) => state.openMark(t, asset)).run(candidates);
    // A triggered stop keeps working as a market order, a triggered stop-limit as a limit order.
    for (const { order } of candidates) {
      if (order.mode === "stop") order.mode = "market";
      else if (order.mode === "stop-limit") order.mode = "limit";
    }
    this.expireDayOrders(t, (order) => order.record.type !== "market");
    this.dropDone();
  }

  /**
   * Step 4: marks move to the closes, futures settle variation margin, financing accrues, then
   * the margin check of SPEC 7 (margin call, or bankruptcy at equity <= 0).
   */
  private close(t: number): void {
    const { state } = this;
    for (let asset = 0; asset < state.assets; asset++) {
      const bar = state.bar(t, asset);
      if (bar === null) continue;
      state.lastClose[asset] = bar.close;
    }
    this.settleFuturesAtClose(t);
    const snapshot = this.financingSnapshot;
    const flatAfterBankruptcy = this.state.bankrupt && state.held.size === 0;
    if (this.config.account === "margin" && snapshot !== null && !flatAfterBankruptcy) {
      const days = calendarDays(this.panel.times[t - 1], this.panel.times[t]);
      for (const entry of financingEntries(snapshot, this.config, days))
        state.ledger.post(t, entry.kind, entry.amount);
    }
    if (!this.state.bankrupt) this.marginCheck(t);
  }

  /**
   * SPEC 2, 3.3: every futures contract settles its variation margin to close t (ref -> close):
   * in step 4, and again after a same-bar batch, whose new contracts settle from their fill price
   * so that futures contribute 0 to the snapshot's equity and I7 holds at every bar (contracts
   * settled in step 4 add 0 then).
   */
  private settleFuturesAtClose(t: number): void {
    const { state } = this;
    for (let asset = 0; asset < state.assets; asset++) {
      const bar = state.bar(t, asset);
      if (bar !== null && state.terms.isFuture(asset))
        state.ledger.post(t, "variationMargin", state.variationMargin.atClose(asset, bar.close));
    }
    this.invariants.afterCloseSettlement(t);
  }

  private marginCheck(t: number): void {
    const { state, config } = this;
    const { equity, mm } = this.checkedValues(t);
    if (!equity.gt(0)) {
      this.declareBankruptcy(t, equity, mm);
      return;
    }
    state.inCall = config.account !== "cash" && equity.lt(mm);
    if (!state.inCall) {
      this.callStreak = 0;
      return;
    }
    state.events.push({
      kind: "marginCall",
      t,
      step: 4,
      equity: equity.toNumber(),
      requirement: mm.toNumber(),
      deficit: mm.sub(equity).toNumber(),
    });
    this.callStreak++;
    const liquidating = state.working.some((order) => order.forced === "marginCall");
    if (config.onMarginCall === "liquidate" && this.callStreak >= config.cureDays + 1 && !liquidating)
      this.liquidationDue = true;
  }

  /**
   * Equity and MM for the margin check: at the closes, or under "adverse-extreme" with longs at
   * the bar's low and shorts at its high (missing assets at their close), SPEC 7 and 12.
   */
  private checkedValues(t: number): { equity: Dec; mm: Dec } {
    const { state } = this;
    const atClose = state.valueAtClose();
    if (this.config.marginCheckAt === "close") return { equity: atClose.equity, mm: atClose.mm };
    const extremeOf = (asset: number) => {
      const bar = state.bar(t, asset);
      if (bar === null) return state.closeMark(asset);
      return state.qty[asset].gt(0) ? bar.low : bar.high;
    };
    let equity = atClose.equity;
    for (const [asset, qty] of state.holdings()) {
      equity = equity.add(
        qty.mul(extremeOf(asset).sub(state.closeMark(asset))).mul(state.multipliers[asset]),
      );
    }
    return { equity, mm: state.terms.value(ZERO, state.holdings(), extremeOf).mm };
  }

  /**
   * SPEC 7 and 12: terminal. Every working order is cancelled ("bankrupt"), one close-out order
   * per open position (symbol order) takes its id now, and the strategy decides no more.
   */
  private declareBankruptcy(t: number, equity: Dec, requirement: Dec): void {
    const { state } = this;
    this.state.bankrupt = true;
    state.inCall = false;
    state.events.push({
      kind: "bankrupt",
      t,
      step: 4,
      equity: equity.toNumber(),
      requirement: requirement.toNumber(),
    });
    for (const order of state.working) cancelRest(order, { kind: "bankrupt" }, t);
    this.dropDone();
    for (const asset of symbolOrder(this.panel.symbols)) {
      if (!state.qty[asset].isZero()) this.createForced(t, asset, state.qty[asset].neg(), "bankrupt");
    }
  }

  /** A liquidation order (type "liquidation", gtc, under the volume cap), id in creation order. */
  private createForced(t: number, asset: number, qty: Dec, cause: "marginCall" | "bankrupt"): void {
    const { state } = this;
    const record: OrderRecord = {
      id: state.orders.length + 1,
      t,
      asset: this.panel.symbols[asset],
      type: "liquidation",
      sizeType: "units",
      size: qty.toNumber(),
      qty: qty.toNumber(),
      limitPrice: null,
      stopPrice: null,
      timeInForce: "gtc",
      onInsufficient: "reject",
      status: "working",
      filledQty: 0,
      reason: null,
      doneT: null,
      deferred: { zeroVolume: 0, volumeCap: 0, missingBar: 0, slippage: 0 },
    };
    state.orders.push(record);
    state.working.push({
      record,
      asset,
      qty,
      filled: ZERO,
      mode: "market",
      limitPrice: null,
      stopPrice: null,
      forced: cause,
      resize: null,
    });
  }

  /**
   * Step 5: the strategy sees bars 0..t and the account after every fill up to t. Under fillAt
   * "open" it decides before step 2 instead (`atOpen`): bars 0..t-1 and the opens of t, and the
   * account after step 1 marked at those opens (Backtrader's next_open, "the open price for stake
   * calculations").
   */
  private decide(t: number, atOpen: boolean): void {
    const { state } = this;
    const value = atOpen
      ? state.terms.value(state.ledger.cash, state.holdings(), (asset) => state.openMark(t, asset))
      : state.valueAtClose();
    const equity = value.equity;
    const cash = state.ledger.cash.toNumber();
    const account: AccountView = {
      cash,
      equity: equity.toNumber(),
      position: (asset: number) => state.qty[asset].toNumber(),
      initialMargin: value.im.toNumber(),
      maintenanceMargin: value.mm.toNumber(),
      buyingPower: this.config.account === "cash" ? cash : equity.sub(Dec.max(value.im, value.mm)).toNumber(),
      inCall: state.inCall,
    };
    const submit = (request: OrderRequest): number | null => {
      const recorded = state.orders.length;
      const order = intake(state, t, request, equity, this.symbolIndex);
      if (order !== null) state.working.push(order);
      // Ids are 1-based in creation order: a new record's id is the count.
      return state.orders.length > recorded ? state.orders.length : null;
    };
    this.context.enter(
      t,
      {
        account,
        submit,
        submitMarket: (asset, size, terms) => submit(marketRequest(this.panel.symbols[asset], size, terms)),
        submitRow: (sizes, offset, terms) => {
          for (const asset of symbolOrder(this.panel.symbols)) {
            const size = sizes[offset + asset];
            if (!Number.isNaN(size)) submit(marketRequest(this.panel.symbols[asset], size, terms));
          }
        },
        cancel: (orderId) => {
          const order = state.working.find((working) => working.record.id === orderId);
          if (order === undefined)
            return Number.isInteger(orderId) && orderId >= 1 && orderId <= state.orders.length
              ? "notWorking"
              : "noSuchOrder";
          if (order.forced !== null) return "forced";
          cancelRest(order, { kind: "cancelRequested" }, t);
          this.dropDone();
          return "cancelled";
        },
        workingOrders: () => state.working.map((order) => structuredClone(order.record)),
        fillsOfBar: () => {
          let first = state.fills.length;
          while (first > 0 && state.fills[first - 1].t === t) first--;
          return state.fills.slice(first).map((fill) => structuredClone(fill));
        },
      },
      atOpen,
    );
    this.strategy.onBar(this.context);
  }

  /** Step 6: the per-bar series, after the invariants at the close hold; financing reads it next bar. */
  private snapshot(t: number): void {
    const { state } = this;
    this.invariants.atClose(t);
    const value = state.valueAtClose();
    const s = this.series;
    s.cash.push(state.ledger.cash.toNumber());
    s.equity.push(value.equity.toNumber());
    s.grossExposure.push(value.gross.toNumber());
    s.netExposure.push(value.net.toNumber());
    s.initialMargin.push(value.im.toNumber());
    s.maintenanceMargin.push(value.mm.toNumber());
    s.positions.push(state.qty.map((q) => q.toNumber()));
    const shorts = [...state.held]
      .filter((asset) => state.qty[asset].lt(0) && !state.terms.isFuture(asset))
      .map((asset) => ({
        value: state.qty[asset].abs().mul(state.closeMark(asset)).mul(state.multipliers[asset]),
        borrowRate: this.config.instruments[asset].borrowRate,
      }));
    this.financingSnapshot = { cash: state.ledger.cash, shorts };
  }

  /** SPEC 1: without holidays, settlement counts weekdays only; said once. SPEC 12: flows never applied. */
  private warnings(): string[] {
    const unapplied = this.cashFlows.unapplied(this.panel.times);
    if (!this.state.settlement.active || this.config.holidays !== null) return unapplied;
    return [
      "no holidays given: settlement dates count weekdays only and may be early on exchange holidays [SPEC 1]",
      ...unapplied,
    ];
  }

  /** SPEC 12: a "day" order works in one step only; its rest ends "dayExpired". */
  private expireDayOrders(t: number, inStep: (order: WorkingOrder) => boolean): void {
    for (const order of this.state.working) {
      if (order.record.status !== "working" || order.record.timeInForce !== "day" || !inStep(order)) continue;
      finish(order, order.filled.isZero() ? "expired" : "partial", { kind: "dayExpired" }, t);
    }
    this.dropDone();
  }

  private dropDone(): void {
    this.state.working = this.state.working.filter((order) => order.record.status === "working");
  }

  private records(): Records {
    const { state } = this;
    const markOf = (asset: number) => state.closeMark(asset);
    return {
      engine: "reference",
      symbols: this.panel.symbols,
      orders: state.orders,
      fills: state.fills,
      events: canonicalEvents(state.events),
      trades: state.trades.records(this.panel.symbols),
      series: this.series,
      totals: {
        commission: state.ledger.total("commission").neg().toNumber(),
        realizedPnl: state.trades.realized.toNumber(),
        unrealizedPnl: state.trades.unrealized(markOf).toNumber(),
      },
      ledgerTotals: {
        commission: state.ledger.total("commission").toNumber(),
        variationMargin: state.ledger.total("variationMargin").toNumber(),
        debitInterest: state.ledger.total("debitInterest").toNumber(),
        creditInterest: state.ledger.total("creditInterest").toNumber(),
        borrowFee: state.ledger.total("borrowFee").toNumber(),
        shortRebate: state.ledger.total("shortRebate").toNumber(),
        deposit: state.ledger.total("deposit").toNumber(),
        withdrawal: state.ledger.total("withdrawal").toNumber(),
      },
      sameBarFills: this.config.fillAt === "close",
      warnings: this.warnings(),
    };
  }
}

/** SPEC 12: across assets in id order; an asset's id slots refilled in trigger order (ties by id). */
function pathOrder(triggered: { order: WorkingOrder; basePrice: Dec; time: Dec }[]): Candidate[] {
  const byAsset = new Map<number, typeof triggered>();
  for (const item of triggered) {
    const list = byAsset.get(item.order.asset) ?? [];
    list.push(item);
    byAsset.set(item.order.asset, list);
  }
  for (const list of byAsset.values())
    list.sort((a, b) => a.time.cmp(b.time) || a.order.record.id - b.order.record.id);
  const next = new Map<number, number>();
  return triggered.map((slot) => {
    const asset = slot.order.asset;
    const index = next.get(asset) ?? 0;
    next.set(asset, index + 1);
    const item = (byAsset.get(asset) as typeof triggered)[index];
    return { order: item.order, basePrice: item.basePrice };
  });
}

/** Calendar month of a UTC ms timestamp, as year * 12 + month. */
function monthOf(tsMs: number): number {
  const date = new Date(tsMs);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** Orders as batch candidates at a base price; orders of assets without one (missing) wait. */
function candidates(orders: readonly WorkingOrder[], baseOf: (asset: number) => Dec | null): Candidate[] {
  const result: Candidate[] = [];
  for (const order of orders) {
    const basePrice = baseOf(order.asset);
    if (basePrice !== null) result.push({ order, basePrice });
    else order.record.deferred.missingBar++;
  }
  return result;
}
