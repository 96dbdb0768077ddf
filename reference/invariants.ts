// SPEC 10: the invariants the reference asserts at every step. Each check recomputes its side
// from its own sources (fill records, the ledger, the lots), not from the number it checks.
import { MONEY_TOLERANCE } from "../src/compare/index.ts";
import { isoDate, type Reason } from "../src/model/index.ts";
import { type Dec, dec, maxDec, minDec, ZERO } from "./decimal.ts";
import { CASH_FLOW_KINDS, FINANCING_KINDS, LEDGER_KINDS } from "./ledger.ts";
import { restoreTargetMet } from "./liquidation.ts";
import { type RunState, restOf, type WorkingOrder } from "./state.ts";

export class InvariantError extends Error {
  constructor(
    readonly invariant: string,
    readonly t: number,
    message: string,
  ) {
    super(message);
    this.name = "InvariantError";
  }
}

const REJECTIONS_BY_RULE: ReadonlySet<Reason["kind"]> = new Set([
  "insufficientCash",
  "insufficientBuyingPower",
  "maxGrossLeverage",
  "maxNetLeverage",
  "scaled",
  "marginCall",
  "submitCheck",
]);

export class Invariants {
  /** I3's side: positions summed from the fill records alone. */
  private readonly positionsFromFills: Dec[];
  /** Assets that ever had a fill, so I1 sums positions without scanning every column. */
  private readonly touched = new Set<number>();
  private ledgerSeen = 0;
  private ledgerSum = ZERO;
  /** I2's other side: what the fill records say their equities' notionals and commissions moved. */
  private fillsSeen = 0;
  private recordedNotional = ZERO;
  private recordedCommission = ZERO;
  /** Sum of the records' |notional| and |commission|: the size their float64 rounding is measured against. */
  private recordedSize = ZERO;
  /** I2's side for cash flows: the cashFlow events' deposits and withdrawals. */
  private eventsSeen = 0;
  private recordedDeposits = ZERO;
  private recordedWithdrawals = ZERO;
  /** I9's side: units of the fill records per asset on bar `unitsBar`. */
  private unitsBar = -1;
  private readonly unitsOnBar = new Map<number, Dec>();
  /**
   * I1's side for futures: each future's open contracts as FIFO lots of the fills (signed
   * quantity, variation-margin reference), from the fills' own prices and the closes alone
   * (SPEC 2), never from the engine's VariationMargin.
   */
  private readonly futureLots: { qty: Dec; ref: Dec }[][];

  constructor(private readonly state: RunState) {
    this.positionsFromFills = new Array(state.assets).fill(ZERO);
    this.futureLots = Array.from({ length: state.assets }, () => []);
  }

  /** A fill of a future: it closes the oldest opposite lots, the rest opens a lot at its price. */
  private bookFuture(asset: number, qty: Dec, price: Dec): void {
    const lots = this.futureLots[asset];
    let left = qty;
    while (!left.isZero() && lots.length > 0 && lots[0].qty.s !== left.s) {
      const take = minDec(left.abs(), lots[0].qty.abs());
      const closed = lots[0].qty.gt(0) ? take : take.neg();
      lots[0].qty = lots[0].qty.sub(closed);
      if (lots[0].qty.isZero()) lots.shift();
      left = left.add(closed);
    }
    if (!left.isZero()) lots.push({ qty: left, ref: price });
  }

  /** SPEC 2 (a): after the close's variation margin, every open contract of a future present at t has ref = close t. */
  afterCloseSettlement(t: number): void {
    const { state } = this;
    this.futureLots.forEach((lots, asset) => {
      const bar = state.bar(t, asset);
      if (bar === null) return;
      for (const lot of lots) lot.ref = bar.close;
    });
  }

  /**
   * Equity recomputed from this class's own sources: ledger cash, the equities' positions summed
   * from the fill records at the marks, and the futures' unsettled variation of their own lots.
   */
  private ownEquity(markOf: (asset: number) => Dec): {
    equity: Dec;
    cash: Dec;
    positions: Dec;
    unsettled: Dec;
  } {
    const { state } = this;
    let positions = ZERO;
    let unsettled = ZERO;
    for (const asset of this.touched) {
      const qty = this.positionsFromFills[asset];
      if (qty.isZero()) continue;
      const mark = markOf(asset);
      const multiplier = state.multipliers[asset];
      if (!state.terms.isFuture(asset)) {
        positions = positions.add(qty.mul(mark).mul(multiplier));
        continue;
      }
      for (const lot of this.futureLots[asset])
        unsettled = unsettled.add(lot.qty.mul(mark.sub(lot.ref)).mul(multiplier));
    }
    const cash = this.ledgerSum.add(state.ledger.initialCash);
    return { equity: cash.add(positions).add(unsettled), cash, positions, unsettled };
  }

  /** After every fill: I2, I4, I6, I8, I9 (each O(1)). */
  afterFill(t: number, order: WorkingOrder, qty: Dec, price: Dec, basePrice: Dec): void {
    const { state } = this;
    const asset = order.asset;
    const bar = state.bar(t, asset);
    const where = `asset=${order.record.asset} order=${order.record.id}`;
    if (state.terms.isFuture(asset)) this.bookFuture(asset, qty, price);
    this.assert(bar !== null, "I9", t, `${where}: a fill on a missing bar`);
    const b = bar as NonNullable<typeof bar>;
    this.checkLedger(t);
    const side = qty.gt(0) ? 1 : -1;
    this.assert(
      basePrice.gte(b.low) && basePrice.lte(b.high),
      "I8",
      t,
      `${where}: base price ${basePrice} outside [${b.low}, ${b.high}]`,
    );
    this.assert(
      price.sub(basePrice).mul(side).gte(0),
      "I8",
      t,
      `${where}: fill price ${price} is better than base ${basePrice} for side ${side}`,
    );
    if (state.config.clampToBar) {
      this.assert(
        price.gte(b.low) && price.lte(b.high),
        "I8",
        t,
        `${where}: fill price ${price} outside [${b.low}, ${b.high}]`,
      );
    }
    if (order.limitPrice !== null && (order.mode === "limit" || order.mode === "stop-limit")) {
      this.assert(
        price.sub(order.limitPrice).mul(side).lte(0),
        "I8",
        t,
        `${where}: fill ${price} worse than limit ${order.limitPrice}`,
      );
    }
    const { onZeroVolume, fillAt } = state.config;
    if (state.volume(t, asset) === 0)
      this.assert(
        onZeroVolume === "fill" || onZeroVolume === "synthetic",
        "I9",
        t,
        `${where}: a fill on a zero-volume bar under "${onZeroVolume}"`,
      );
    // Same-bar market orders fill at their decision close, and every order decided at an open
    // (fillAt "open") works from that open on; margin-call liquidations are created at the open
    // they fill at (SPEC 7); everything else fills from the next bar on.
    const sameBar =
      fillAt === "open" ||
      (order.record.type === "market" && fillAt === "close") ||
      order.forced === "marginCall";
    const earliest = sameBar ? order.record.t : order.record.t + 1;
    this.assert(
      !state.bankrupt || order.forced !== null,
      "I12",
      t,
      `${where}: a strategy order filled after bankruptcy`,
    );
    this.assert(t >= earliest, "I6", t, `${where}: decided at t=${order.record.t}, filled at t=${t}`);
    if (state.config.account === "cash") {
      // A buy never takes cash below 0. A sale is never rejected (I11), so a fixed or minimum
      // commission above its proceeds may leave a debit: that is the broker's bill, not a loan.
      const buy = qty.gt(0);
      this.assert(
        !buy || !state.ledger.cash.lt(0),
        "I4",
        t,
        `${where}: a buy took cash to ${state.ledger.cash} < 0 in a cash account`,
      );
      this.assert(
        !state.qty[asset].lt(0),
        "I4",
        t,
        `${where}: position ${state.qty[asset]} < 0 in a cash account`,
      );
    }
  }

  /**
   * At the end of every batch, on the fill records it wrote: I3 (positions == the records' sums),
   * I8 (costs >= 0), I9 (the records' units on the bar within the participation cap), then I1 at
   * the batch's marks (each filled asset at its last fill price).
   */
  afterBatch(t: number, markOf: (asset: number) => Dec): void {
    const { state } = this;
    if (t !== this.unitsBar) {
      this.unitsBar = t;
      this.unitsOnBar.clear();
    }
    for (; this.fillsSeen < state.fills.length; this.fillsSeen++) {
      const fill = state.fills[this.fillsSeen];
      const asset = state.panel.symbols.indexOf(fill.asset);
      const where = `asset=${fill.asset} order=${fill.orderId}`;
      const qty = dec(fill.qty);
      this.positionsFromFills[asset] = this.positionsFromFills[asset].add(qty);
      this.touched.add(asset);
      const notional = state.terms.isFuture(asset)
        ? ZERO
        : qty.mul(dec(fill.fillPrice)).mul(state.multipliers[asset]);
      this.recordedNotional = this.recordedNotional.add(notional);
      this.recordedCommission = this.recordedCommission.add(dec(fill.commission));
      this.recordedSize = this.recordedSize.add(notional.abs()).add(dec(fill.commission).abs());
      for (const [cost, amount] of [
        ["commission", fill.commission],
        ["slippageCost", fill.slippageCost],
        ["impactCost", fill.impactCost],
      ] as const)
        this.assert(amount >= 0, "I8", t, `${where}: ${cost} ${amount} < 0`);
      const units = (this.unitsOnBar.get(asset) ?? ZERO).add(qty.abs());
      this.unitsOnBar.set(asset, units);
      this.checkParticipation(t, asset, units, where);
    }
    for (const asset of new Set([...this.touched, ...state.held]))
      this.assert(
        state.qty[asset].eq(this.positionsFromFills[asset]),
        "I3",
        t,
        `asset=${state.panel.symbols[asset]}: position ${state.qty[asset]} != sum of fill records ${this.positionsFromFills[asset]}`,
      );
    this.checkIdentity(t, markOf);
  }

  /** I9: per asset and bar, the units of the fill records within maxParticipation x volume. */
  private checkParticipation(t: number, asset: number, units: Dec, where: string): void {
    const { maxParticipation, onZeroVolume, syntheticVolume } = this.state.config;
    const volume = this.state.volume(t, asset);
    if (maxParticipation === null || (volume === 0 && onZeroVolume === "fill")) return;
    const cap = dec(maxParticipation).mul(dec(volume === 0 ? syntheticVolume : volume));
    this.assert(units.lte(cap), "I9", t, `${where}: fill records of ${units} units on the bar > cap ${cap}`);
  }

  /** I5: after an accepted increasing leg (or scale group), at the marks of its check. */
  afterIncrease(t: number, markOf: (asset: number) => Dec): void {
    const { state } = this;
    const value = state.terms.value(state.ledger.cash, state.holdings(), markOf);
    if (state.config.account === "margin") {
      const required = maxDec(value.im, value.mm);
      this.assert(
        value.equity.gte(required),
        "I5",
        t,
        `equity ${value.equity} < max(IM ${value.im}, MM ${value.mm})`,
      );
    }
    if (state.config.account === "futures")
      this.assert(
        value.equity.gte(value.im),
        "I5",
        t,
        `equity ${value.equity} < the sum of initial margins ${value.im} in a futures account`,
      );
    const { maxGrossLeverage, maxNetLeverage } = state.config;
    if (maxGrossLeverage !== null) {
      this.assert(
        value.gross.lte(value.equity.mul(dec(maxGrossLeverage))),
        "I5",
        t,
        `gross ${value.gross} > ${maxGrossLeverage} x equity ${value.equity}`,
      );
    }
    if (maxNetLeverage !== null) {
      this.assert(
        value.net.abs().lte(value.equity.mul(dec(maxNetLeverage))),
        "I5",
        t,
        `|net| ${value.net.abs()} > ${maxNetLeverage} x equity ${value.equity}`,
      );
    }
  }

  /**
   * I13: after a margin-call liquidation at the open, equity >= the restore target at the fill
   * prices, or the account is flat, or a liquidation order was blocked (its rest still works:
   * volume cap, zero-volume or missing bar). The equity is this class's own (futures' unsettled
   * variation included, SPEC 12), so a sizing that left it out cannot pass on its own numbers.
   */
  afterLiquidation(t: number, orders: readonly WorkingOrder[], markOf: (asset: number) => Dec): void {
    const { state } = this;
    if (state.held.size === 0 || orders.some((order) => order.record.status === "working")) return;
    // A held asset missing at this open is never liquidated (SPEC 12): the data blocked it, so
    // the account counts as flat once every asset present at this open is.
    const present = [...state.held].filter((asset) => state.bar(t, asset) !== null);
    this.checkLedger(t);
    const { equity } = this.ownEquity(markOf);
    const { target } = restoreTargetMet(state, state.ledger.cash, state.holdings(), markOf);
    this.assert(
      equity.gte(target) || present.length === 0,
      "I13",
      t,
      `after liquidation equity ${equity} < restore target ${target}, with positions left in ${present.map((a) => state.panel.symbols[a]).join(", ")} and no order blocked`,
    );
  }

  /** I4: under "forbid" or a restriction, a buy draws on settled cash only. */
  settledOnly(t: number, order: WorkingOrder, drawnUnsettled: Dec, settledOnly: boolean): void {
    this.assert(
      !settledOnly || drawnUnsettled.isZero(),
      "I4",
      t,
      `order ${order.record.id} (${order.record.asset}) drew ${drawnUnsettled} of unsettled funds while buys must use settled cash`,
    );
  }

  /** I11: a rule (cash, margin, leverage, scale) never kills a reducing leg. */
  onKill(t: number, order: WorkingOrder, reason: Reason): void {
    if (!REJECTIONS_BY_RULE.has(reason.kind)) return;
    const position = this.state.qty[order.asset];
    const rest = restOf(order);
    const reducing = !position.isZero() && rest.s !== position.s;
    this.assert(
      !reducing,
      "I11",
      t,
      `order ${order.record.id} (${order.record.asset}): ${reason.kind} killed a rest ${rest} that reduces position ${position}`,
    );
  }

  /**
   * After the cash flows of step 1 (SPEC 12): I2 (the cashFlow events agree with the ledger's
   * deposits and withdrawals), I1 at the last closes, and a posted withdrawal left the account
   * within its rule: equity >= max(IM, MM) (margin, futures), settled cash >= 0 (cash account).
   */
  afterCashFlows(t: number): void {
    const { state } = this;
    let withdrew = false;
    for (; this.eventsSeen < state.events.length; this.eventsSeen++) {
      const event = state.events[this.eventsSeen];
      if (event.kind !== "cashFlow") continue;
      const amount = dec(event.amount);
      if (amount.gt(0)) this.recordedDeposits = this.recordedDeposits.add(amount);
      else {
        this.recordedWithdrawals = this.recordedWithdrawals.add(amount);
        withdrew = true;
      }
    }
    this.checkRecordsAgainstLedger(t);
    const equity = this.checkIdentity(t, (a) => state.closeMark(a));
    if (!withdrew) return;
    if (state.config.account === "cash") {
      const settled = state.settlement.settledCash(state.ledger.cash);
      this.assert(!settled.lt(0), "I2", t, `a withdrawal left settled cash ${settled} < 0 in a cash account`);
      return;
    }
    const value = state.valueAtClose();
    const required = maxDec(value.im, value.mm);
    this.assert(
      equity.gte(required),
      "I2",
      t,
      `a withdrawal left equity ${equity} < max(IM ${value.im}, MM ${value.mm}) [SPEC 12]`,
    );
  }

  /** At every close (after same-bar fills): I1, I2, I7, I14. */
  atClose(t: number): void {
    const { state } = this;
    this.checkLedger(t);
    this.afterCashFlows(t);
    const markOf = (a: number) => state.closeMark(a);
    const equity = this.checkIdentity(t, markOf);
    const trades = state.trades;
    const commissions = state.ledger.total("commission").neg();
    const financing = FINANCING_KINDS.reduce((sum, kind) => sum.add(state.ledger.total(kind)), ZERO);
    const unrealized = trades.unrealized(markOf);
    const attributed = trades.realized.add(unrealized).sub(commissions).add(financing);
    const netDeposits = CASH_FLOW_KINDS.reduce((sum, kind) => sum.add(state.ledger.total(kind)), ZERO);
    const change = equity.sub(state.ledger.initialCash).sub(netDeposits);
    this.assert(
      change.eq(attributed),
      "I7",
      t,
      `equity change ${change} (net of deposits ${netDeposits}) != realized ${trades.realized} + unrealized ${unrealized} - commissions ${commissions} + financing ${financing} = ${attributed}`,
    );
    this.assert(
      this.recorded(trades.commission, this.recordedCommission),
      "I14",
      t,
      `commissions allocated to trades ${trades.commission} != the fill records' ${this.recordedCommission}`,
    );
    const tradePnl = trades.tradePnlTotal();
    const expected = trades.realized.sub(commissions);
    this.assert(
      tradePnl.eq(expected),
      "I14",
      t,
      `sum of trade P&L ${tradePnl} != realized ${trades.realized} - commissions ${commissions}`,
    );
  }

  /**
   * I2's second half: the fill records agree with the ledger kind by kind (their equities'
   * notionals with "fillNotional", their commissions with "commission"), within the rounding of
   * the records' float64 numbers.
   */
  private checkRecordsAgainstLedger(t: number): void {
    const { ledger } = this.state;
    const paid = ledger.total("fillNotional").neg();
    this.assert(
      this.recorded(paid, this.recordedNotional),
      "I2",
      t,
      `ledger fillNotional ${paid.neg()} != minus the fill records' notionals ${this.recordedNotional}`,
    );
    const commission = ledger.total("commission").neg();
    this.assert(
      this.recorded(commission, this.recordedCommission),
      "I2",
      t,
      `ledger commission ${commission.neg()} != minus the fill records' commissions ${this.recordedCommission}`,
    );
    for (const [kind, recorded] of [
      ["deposit", this.recordedDeposits],
      ["withdrawal", this.recordedWithdrawals],
    ] as const) {
      const posted = ledger.total(kind);
      // Each event's amount is the flow's number itself, so the sums agree exactly.
      this.assert(
        posted.eq(recorded),
        "I2",
        t,
        `ledger ${kind} ${posted} != the cashFlow events' ${kind}s ${recorded}`,
      );
    }
  }

  /** An exact amount equals a sum of record numbers within SPEC 9's money tolerance of their size. */
  private recorded(exact: Dec, fromRecords: Dec): boolean {
    const allowed = maxDec(
      this.recordedSize.add(exact.abs()).mul(dec(MONEY_TOLERANCE.relative)),
      dec(MONEY_TOLERANCE.absolute),
    );
    return exact.sub(fromRecords).abs().lte(allowed);
  }

  /** I2: cash == initial cash + the ledger's entries, each of a known kind. */
  private checkLedger(t: number): void {
    const { entries, initialCash, cash } = this.state.ledger;
    for (; this.ledgerSeen < entries.length; this.ledgerSeen++) {
      const entry = entries[this.ledgerSeen];
      this.assert(LEDGER_KINDS.has(entry.kind), "I2", t, `ledger entry of unknown kind "${entry.kind}"`);
      this.ledgerSum = this.ledgerSum.add(entry.amount);
    }
    const expected = initialCash.add(this.ledgerSum);
    this.assert(
      cash.eq(expected),
      "I2",
      t,
      `cash ${cash} != initial ${initialCash} + ledger ${this.ledgerSum} = ${expected}`,
    );
  }

  /**
   * I1: the account's equity == ledger cash + the equities' positions from the fills at the marks
   * + the futures' unsettled variation of the lots of the fills (SPEC 2, 10). Returns equity.
   */
  private checkIdentity(t: number, markOf: (asset: number) => Dec): Dec {
    const { state } = this;
    this.checkLedger(t);
    const equity = state.terms.value(state.ledger.cash, state.holdings(), markOf).equity;
    const own = this.ownEquity(markOf);
    this.assert(
      equity.eq(own.equity),
      "I1",
      t,
      `equity ${equity} != cash ${own.cash} + positions ${own.positions} + futures' unsettled variation ${own.unsettled} = ${own.equity} (diff ${equity.sub(own.equity)})`,
    );
    return equity;
  }

  private assert(ok: boolean, invariant: string, t: number, detail: string): void {
    if (ok) return;
    const time = this.state.panel.times[t];
    const date = Number.isFinite(time) ? ` (${isoDate(time)})` : "";
    throw new InvariantError(invariant, t, `invariant ${invariant} at t=${t}${date}: ${detail} [SPEC 10]`);
  }
}
