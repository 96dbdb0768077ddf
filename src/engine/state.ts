// The fast engine's state for one run, struct-of-arrays: per-asset typed arrays for positions
// (in lots), marks and contract terms; the cash balance and ledger totals as numbers; working
// orders in the slots of WorkingOrders; records appended as they happen.
import type { EventRecord, OrderStatus, Panel, Reason, RunConfig } from "../model/index.ts";
import { FillLog, OrderLog } from "./logs.ts";
import { LotQueues } from "./lots.ts";
import { gridDivisor, onGrid } from "./numeric.ts";
import { Pricing } from "./pricing.ts";
import { Settlement } from "./settlement.ts";
import { TradeBook } from "./trades.ts";
import { MarginRules, Valuation } from "./valuation.ts";
import { WorkingOrders } from "./working.ts";

/** SPEC 2: ledger kinds, indexes into `ledger`. */
export const FILL_NOTIONAL = 0;
export const COMMISSION = 1;
export const VARIATION_MARGIN = 2;
export const DEBIT_INTEREST = 3;
export const CREDIT_INTEREST = 4;
export const BORROW_FEE = 5;
export const SHORT_REBATE = 6;
export const DEPOSIT = 7;
export const WITHDRAWAL = 8;

export class RunState {
  readonly n: number;
  readonly config: RunConfig;
  readonly panel: Panel;
  readonly multiplier: Float64Array;
  readonly lotSize: Float64Array;
  readonly tick: Float64Array;
  readonly borrowRate: Float64Array;
  /** Per asset: divide lots by this to get units, or multiply by lotSize when it is 0. */
  readonly unitDivisor: Float64Array;
  readonly rules: MarginRules;
  readonly pricing: Pricing;
  readonly trades: TradeBook;
  readonly settlement: Settlement;
  /** Futures: open contracts with their variation-margin reference price, FIFO. */
  readonly refs: LotQueues;
  /** UTC day number of each bar. */
  readonly days: Float64Array;

  /** Ledger totals by kind (FILL_NOTIONAL ... WITHDRAWAL), signed as cash changes. */
  readonly ledger = new Float64Array(9);
  /** Signed position per asset, in lots (whole numbers) and in units. */
  readonly lots: Float64Array;
  readonly units: Float64Array;
  /** Assets with a non-zero position, and each asset's slot in it (-1 if none). */
  readonly held: Int32Array;
  heldCount = 0;
  private readonly heldSlot: Int32Array;
  /** Last valid close per asset; NaN before its first. */
  readonly mark: Float64Array;
  /**
   * The prices a decision sizes at (SPEC 6.4's m) and Backtrader's creation price of a market
   * order: `mark` itself, or under fillAt "open" the opens of the decision bar (else the last
   * close), set by markDecisionAtOpen.
   */
  readonly decisionMark: Float64Array;
  /** Lots filled per asset in the current bar (the volume cap is per asset per bar). */
  readonly volumeUsed: Float64Array;
  /** Units traded in the calendar month so far (tiered commission). */
  monthUnits = 0;
  inCall = false;
  bankrupt = false;

  /** The trade book is kept for its records, or for the unrealized P&L largest-loss liquidation ranks by (SPEC 7). */
  readonly keepTrades: boolean;
  readonly orders: OrderLog;
  readonly working = new WorkingOrders();
  readonly fills: FillLog;
  /** Bumped by every change of a position, so a bar without fills reuses the last positions row. */
  positionsVersion = 0;
  readonly events: EventRecord[] = [];
  readonly violated = new Set<number>();
  /** A reusable valuation for checks at the close. */
  readonly scratch: Valuation;
  /** valueAtClose()'s valuation, and the version of positions and marks it was made at. */
  private readonly atClose: Valuation;
  private closeVersion = 0;
  private closeValued = -1;

  constructor(
    panel: Panel,
    config: RunConfig,
    /** False for an outcome run: no order, fill, trade or positions records (FastRun). */
    readonly keepRecords = true,
  ) {
    const n = panel.symbols.length;
    this.n = n;
    this.config = config;
    this.panel = panel;
    this.multiplier = Float64Array.from(config.instruments, (i) => i.multiplier);
    this.lotSize = Float64Array.from(config.instruments, (i) => i.lotSize);
    this.tick = Float64Array.from(config.instruments, (i) => i.tickSize ?? Number.NaN);
    this.borrowRate = Float64Array.from(config.instruments, (i) => i.borrowRate);
    this.unitDivisor = Float64Array.from(config.instruments, (i) => gridDivisor(i.lotSize));
    this.rules = new MarginRules(config);
    this.pricing = new Pricing(config, panel);
    this.trades = new TradeBook(panel.symbols, this.multiplier, this);
    this.days = Float64Array.from(panel.times, (ms) => Math.floor(ms / 86_400_000));
    this.settlement = new Settlement(config, this.days, n);
    this.refs = new LotQueues(n);
    this.cashSum = config.initialCash;
    this.cashPeak = Math.abs(config.initialCash);
    this.lots = new Float64Array(n);
    this.units = new Float64Array(n);
    this.held = new Int32Array(n);
    this.heldSlot = new Int32Array(n).fill(-1);
    this.mark = new Float64Array(n).fill(Number.NaN);
    this.decisionMark = config.fillAt === "open" ? new Float64Array(n).fill(Number.NaN) : this.mark;
    this.volumeUsed = new Float64Array(n);
    this.scratch = new Valuation(this.rules);
    this.atClose = new Valuation(this.rules);
    this.keepTrades = keepRecords || config.liquidationOrder === "largest-loss";
    this.orders = new OrderLog(panel.symbols, keepRecords);
    this.fills = new FillLog(panel.symbols, keepRecords);
  }

  /** Ends a working order: its status, reason and bar, in its slot and in its record. */
  finish(slot: number, status: OrderStatus, reason: Reason | null, t: number): void {
    this.working.setStatus(slot, status);
    this.orders.finish(this.working.id[slot], status, reason, t);
  }

  /** Ends a working order's rest: "cancelled" if nothing filled, else "partial". */
  cancelRest(slot: number, reason: Reason, t: number): void {
    this.finish(slot, this.working.filled[slot] === 0 ? "cancelled" : "partial", reason, t);
  }

  /** Units of a lot count of an asset. */
  toUnits(asset: number, lots: number): number {
    return onGrid(lots, this.lotSize[asset], this.unitDivisor[asset]);
  }

  /**
   * Cash as a Neumaier-compensated sum of the ledger: flows of 1e9 that net to little keep their
   * small part (SPEC 9 compares money to 1e-6).
   */
  private cashSum: number;
  private cashError = 0;
  /** The largest |cash| and |entry| the ledger has summed: what cash's float error is a few ulps of. */
  private cashPeak: number;

  get cash(): number {
    return this.cashSum + this.cashError;
  }

  post(kind: number, amount: number): void {
    const sum = this.cashSum + amount;
    this.cashError +=
      Math.abs(this.cashSum) >= Math.abs(amount) ? this.cashSum - sum + amount : amount - sum + this.cashSum;
    this.cashSum = sum;
    this.cashPeak = Math.max(this.cashPeak, Math.abs(sum), Math.abs(amount));
    this.ledger[kind] += amount;
  }

  /**
   * The tie rule's scale for `cash` (this run's, or a what-if from it): its size, or the largest
   * amount the ledger summed to reach it, whichever is more. Entries of 1,000 that net to 0 leave
   * ~1e-13 of float error, which must read as 0 (bankruptcy at equity 0), not as money.
   */
  moneyScale(cash: number): number {
    return Math.max(Math.abs(cash), this.cashPeak);
  }

  /** Moves an asset's position by signed lots, keeping units and the held list in step. */
  move(asset: number, lots: number): void {
    this.positionsVersion++;
    this.closeVersion++;
    const next = this.lots[asset] + lots;
    this.lots[asset] = next;
    this.units[asset] = this.toUnits(asset, next);
    const slot = this.heldSlot[asset];
    if (next !== 0 && slot < 0) {
      this.held[this.heldCount] = asset;
      this.heldSlot[asset] = this.heldCount++;
    } else if (next === 0 && slot >= 0) {
      const last = this.held[--this.heldCount];
      this.held[slot] = last;
      this.heldSlot[last] = slot;
      this.heldSlot[asset] = -1;
    }
  }

  /** Sets an asset's mark (its last valid close). */
  setMark(asset: number, close: number): void {
    this.mark[asset] = close;
    this.closeVersion++;
  }

  present(t: number, asset: number): boolean {
    return !Number.isNaN(this.panel.close[t * this.n + asset]);
  }

  /** Marks for checks at the open or intrabar of bar t: the open, else the last close (SPEC 3). */
  openMark(t: number, asset: number): number {
    const open = this.panel.open[t * this.n + asset];
    return Number.isNaN(open) ? this.mark[asset] : open;
  }

  /**
   * SPEC 2: the unsettled variation of a future's open contracts at `mark`, sum of lots x (mark -
   * m_ref) x mult over its FIFO lots (0 for an equity or no contracts).
   */
  unsettled(asset: number, mark: number): number {
    return this.unsettledFrom(asset, 0, mark);
  }

  /** The unsettled variation at `mark` of the contracts left after the oldest |closingLots| close (FIFO). */
  unsettledFrom(asset: number, closingLots: number, mark: number): number {
    if (this.rules.future[asset] === 0) return 0;
    const refs = this.refs;
    const count = refs.count(asset);
    let skip = Math.abs(closingLots);
    let total = 0;
    for (let i = 0; i < count; i++) {
      const lot = refs.lotsAt(asset, i);
      const closed = Math.min(skip, Math.abs(lot));
      skip -= closed;
      const left = lot - Math.sign(lot) * closed;
      if (left !== 0)
        total += this.toUnits(asset, left) * (mark - refs.valueAt(asset, i)) * this.multiplier[asset];
    }
    return total;
  }

  /**
   * The account valued at the last closes, read-only to callers. Kept while no position and no
   * mark moves (a bar reads it at its close, its decision and its snapshot); futures, whose
   * references also move, are valued afresh every time.
   */
  valueAtClose(): Valuation {
    if (this.closeValued === this.closeVersion && !this.rules.anyFuture) return this.atClose;
    this.closeValued = this.closeVersion;
    return this.valueAt(this.mark, this.atClose);
  }

  /** The account valued at `marks` (one per asset), into `out`. */
  valueAt(marks: Float64Array, out: Valuation): Valuation {
    out.clear();
    for (let i = 0; i < this.heldCount; i++) {
      const asset = this.held[i];
      out.add(asset, this.units[asset], marks[asset], 1);
      out.addUnsettled(this.unsettled(asset, marks[asset]));
    }
    return out;
  }

  /** fillAt "open": the decision at the open of t sizes at its opens (the last close where a bar is missing). */
  markDecisionAtOpen(t: number): void {
    for (let asset = 0; asset < this.n; asset++) this.decisionMark[asset] = this.openMark(t, asset);
  }
}
