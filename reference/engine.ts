// SPEC 4: the timeline of one bar, strictly in order: (1 settlement: none yet) 2 open auction,
// 3 intrabar, 4 close (marks, margin check), 5 decision (and same-bar fills), 6 snapshot.
// The reference engine: exact decimals, every invariant asserted at every step.
import type { Engine, EventRecord, Panel, Records, RunConfig, Strategy } from "../src/model/index.ts";
import { CausalContext } from "../src/strategy/context.ts";
import { Batch, type Candidate, finish } from "./batch.ts";
import { type Dec, ZERO } from "./decimal.ts";
import { intake } from "./intake.ts";
import { evaluateResting, nearerFirstPath } from "./intrabar.ts";
import { Invariants } from "./invariants.ts";
import { RunState, restOf, type WorkingOrder } from "./state.ts";

export const referenceEngine: Engine = {
  name: "reference",
  run(panel: Panel, config: RunConfig, strategy: Strategy): Records {
    return new ReferenceRun(panel, config, strategy).run();
  },
};

class ReferenceRun {
  private readonly state: RunState;
  private readonly invariants: Invariants;
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

  constructor(
    private readonly panel: Panel,
    private readonly config: RunConfig,
    private readonly strategy: Strategy,
  ) {
    this.state = new RunState(panel, config);
    this.invariants = new Invariants(this.state);
    this.context = new CausalContext(panel);
    this.symbolIndex = new Map(panel.symbols.map((s, i) => [s, i]));
  }

  run(): Records {
    const bars = this.panel.times.length;
    for (let t = 0; t < bars; t++) {
      this.state.volumeUsed.fill(ZERO);
      if (this.config.fillAt === "next-open") {
        this.marketBatch(
          t,
          (asset) => this.state.bar(t, asset)?.open ?? null,
          (asset) => this.state.openMark(t, asset),
        );
      }
      this.intrabar(t);
      this.close(t);
      this.decide(t);
      if (this.config.fillAt === "close") {
        this.marketBatch(
          t,
          (asset) => this.state.bar(t, asset)?.close ?? null,
          (asset) => this.state.closeMark(asset),
        );
      }
      this.snapshot(t);
    }
    for (const order of this.state.working) finish(order, "expired", { kind: "endOfData" }, bars - 1);
    this.state.working = [];
    return this.records();
  }

  /** Step 2 (next-open) or step 5 (same-bar): every working market order, in id order. */
  private marketBatch(
    t: number,
    baseOf: (asset: number) => Dec | null,
    markOf: (asset: number) => Dec,
  ): void {
    const candidates: Candidate[] = [];
    for (const order of this.state.working) {
      if (order.mode !== "market") continue;
      const basePrice = baseOf(order.asset);
      if (basePrice !== null) candidates.push({ order, basePrice });
    }
    new Batch(this.state, this.invariants, t, markOf).run(candidates);
    this.expireDayOrders(t, (order) => order.record.type === "market");
  }

  /** Step 3: resting orders against bar t, ordered by id across assets and by trigger within one. */
  private intrabar(t: number): void {
    const triggered: { order: WorkingOrder; basePrice: Dec; time: Dec }[] = [];
    for (const order of this.state.working) {
      if (order.mode === "market") continue;
      const bar = this.state.bar(t, order.asset);
      if (bar === null) continue;
      if (this.state.volume(t, order.asset) === 0 && this.config.onZeroVolume === "defer") continue;
      const side = restOf(order).isPositive() ? 1 : -1;
      const outcome = evaluateResting(
        { mode: order.mode, side, limitPrice: order.limitPrice, stopPrice: order.stopPrice },
        nearerFirstPath(bar),
      );
      if (outcome.kind === "becameLimit") order.mode = "limit";
      if (outcome.kind === "fill")
        triggered.push({ order, basePrice: outcome.basePrice, time: outcome.time });
    }
    const candidates = pathOrder(triggered);
    new Batch(this.state, this.invariants, t, (asset) => this.state.openMark(t, asset)).run(candidates);
    // A triggered stop keeps working as a market order, a triggered stop-limit as a limit order.
    for (const { order } of candidates) {
      if (order.mode === "stop") order.mode = "market";
      else if (order.mode === "stop-limit") order.mode = "limit";
    }
    this.expireDayOrders(t, (order) => order.record.type !== "market");
    this.dropDone();
  }

  /** Step 4: marks at the close, then the margin check of SPEC 7 (recorded; liquidation comes later). */
  private close(t: number): void {
    const { state } = this;
    for (let asset = 0; asset < state.assets; asset++) {
      const bar = state.bar(t, asset);
      if (bar !== null) state.lastClose[asset] = bar.close;
    }
    if (this.config.account !== "margin") return;
    const value = state.valueAtClose();
    state.inCall = value.equity.lt(value.mm);
    if (state.inCall) {
      state.events.push({
        kind: "marginCall",
        t,
        step: 4,
        equity: value.equity.toNumber(),
        requirement: value.mm.toNumber(),
        deficit: value.mm.sub(value.equity).toNumber(),
      });
    }
  }

  /** Step 5: the strategy sees bars 0..t and the account after every fill up to t. */
  private decide(t: number): void {
    const { state } = this;
    const equity = state.valueAtClose().equity;
    const view = {
      cash: state.ledger.cash.toNumber(),
      equity: equity.toNumber(),
      position: (asset: number) => state.qty[asset].toNumber(),
    };
    this.context.enter(t, view, (request) => {
      const order = intake(state, t, request, equity, this.symbolIndex);
      if (order !== null) state.working.push(order);
    });
    this.strategy.onBar(this.context);
  }

  /** Step 6: the per-bar series, after the invariants at the close hold. */
  private snapshot(t: number): void {
    this.invariants.atClose(t);
    const value = this.state.valueAtClose();
    const s = this.series;
    s.cash.push(this.state.ledger.cash.toNumber());
    s.equity.push(value.equity.toNumber());
    s.grossExposure.push(value.gross.toNumber());
    s.netExposure.push(value.net.toNumber());
    s.initialMargin.push(value.im.toNumber());
    s.maintenanceMargin.push(value.mm.toNumber());
    s.positions.push(this.state.qty.map((q) => q.toNumber()));
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
      sameBarFills: this.config.fillAt === "close",
      warnings: [],
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

/** SPEC 9: by bar, timeline step, events without an asset first, symbol, creation order. */
function canonicalEvents(events: EventRecord[]): EventRecord[] {
  const assetOf = (e: EventRecord) => ("asset" in e ? e.asset : "");
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => {
      const ea = a.event;
      const eb = b.event;
      if (ea.t !== eb.t) return ea.t - eb.t;
      if (ea.step !== eb.step) return ea.step - eb.step;
      const aa = assetOf(ea);
      const ab = assetOf(eb);
      if (aa !== ab) return aa === "" ? -1 : ab === "" ? 1 : aa < ab ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ event }) => event);
}
