// The reference engine's mutable state for one run: account (ledger, positions, marks), order
// book, trade book and the records written so far. Every module of reference/ works on it.
import type { EventRecord, FillRecord, OrderRecord, Panel, RunConfig, SizeType } from "../src/model/index.ts";
import { type Dec, dec, ZERO } from "./decimal.ts";
import { VariationMargin } from "./futures.ts";
import type { BarPrices } from "./intrabar.ts";
import { Ledger } from "./ledger.ts";
import { MarginTerms, type Valuation } from "./margin.ts";
import { CashSettlement } from "./settlement.ts";
import { TradeBook } from "./trades.ts";

export type OrderMode = "market" | "limit" | "stop" | "stop-limit";

export interface WorkingOrder {
  readonly record: OrderRecord;
  readonly asset: number;
  /** Signed units requested (sized again at the first fill bar under sizeAtFill). */
  qty: Dec;
  filled: Dec;
  /** How the order works now: a triggered stop works as a market order, a stop-limit as a limit. */
  mode: OrderMode;
  readonly limitPrice: Dec | null;
  readonly stopPrice: Dec | null;
  /** A liquidation order (SPEC 7): its cause, else null for a strategy order. */
  readonly forced: "marginCall" | "bankrupt" | null;
  /** sizeAtFill: the request's size, until the order is sized at its first fill bar; else null. */
  resize: { readonly sizeType: SizeType; readonly size: Dec } | null;
}

export function restOf(order: WorkingOrder): Dec {
  return order.qty.sub(order.filled);
}

export class RunState {
  readonly assets: number;
  readonly multipliers: Dec[];
  readonly lots: Dec[];
  readonly ticks: (Dec | null)[];
  readonly ledger: Ledger;
  readonly terms: MarginTerms;
  readonly trades: TradeBook;
  readonly variationMargin: VariationMargin;
  readonly settlement: CashSettlement;
  /** Orders that already had their good-faith violation (one per order, SPEC 12). */
  readonly violatedOrders = new Set<number>();
  /** Signed position per asset. */
  readonly qty: Dec[];
  /** Assets with a non-zero position. */
  readonly held = new Set<number>();
  /** Last valid close per asset (SPEC 2 marks); null before the asset's first close. */
  readonly lastClose: (Dec | null)[];
  readonly orders: OrderRecord[] = [];
  /** Working orders in id order. */
  working: WorkingOrder[] = [];
  readonly fills: FillRecord[] = [];
  readonly events: EventRecord[] = [];
  /** Units filled per asset in the current bar (SPEC 6.2 cap is per asset per bar). */
  readonly volumeUsed: Dec[];
  /** The account's quantity traded in the current calendar month (tiered commission, SPEC 5). */
  monthQty: Dec = ZERO;
  /** SPEC 7: terminal once set; no strategy order fills after it (I12). */
  bankrupt = false;
  /** Set at a close in margin call; holds for all of the next bar (SPEC 12). */
  inCall = false;
  private barCache = new Map<number, BarPrices | null>();
  private barCacheT = -1;

  constructor(
    readonly panel: Panel,
    readonly config: RunConfig,
  ) {
    this.assets = panel.symbols.length;
    this.multipliers = config.instruments.map((i) => dec(i.multiplier));
    this.lots = config.instruments.map((i) => dec(i.lotSize));
    this.ticks = config.instruments.map((i) => (i.tickSize === null ? null : dec(i.tickSize)));
    this.ledger = new Ledger(dec(config.initialCash));
    this.variationMargin = new VariationMargin(this.assets, this.multipliers);
    this.terms = new MarginTerms(config, this.variationMargin);
    this.trades = new TradeBook(this.assets, this.multipliers);
    this.settlement = new CashSettlement(config, panel.times, this.assets);
    this.qty = new Array(this.assets).fill(ZERO);
    this.lastClose = new Array(this.assets).fill(null);
    this.volumeUsed = new Array(this.assets).fill(ZERO);
  }

  /** Bar t of an asset as exact decimals, or null for a missing bar. */
  bar(t: number, asset: number): BarPrices | null {
    if (t !== this.barCacheT) {
      this.barCache = new Map();
      this.barCacheT = t;
    }
    let bar = this.barCache.get(asset);
    if (bar === undefined) {
      const at = t * this.assets + asset;
      const { open, high, low, close } = this.panel;
      bar = Number.isNaN(close[at])
        ? null
        : { open: dec(open[at]), high: dec(high[at]), low: dec(low[at]), close: dec(close[at]) };
      this.barCache.set(asset, bar);
    }
    return bar;
  }

  /** The bar's relative quoted spread (halfSpread slippage without bps); an error if absent. */
  spread(t: number, asset: number): number {
    const value = this.panel.extra.spread?.[t * this.assets + asset];
    if (value === undefined || !Number.isFinite(value) || value < 0) {
      throw new Error(
        `bar t=${t} asset=${this.panel.symbols[asset]} field=spread: halfSpread slippage without bps needs a spread >= 0 on every bar it fills, got ${value} [SPEC 12]`,
      );
    }
    return value;
  }

  volume(t: number, asset: number): number {
    return this.panel.volume[t * this.assets + asset];
  }

  setPosition(asset: number, qty: Dec): void {
    this.qty[asset] = qty;
    if (qty.isZero()) this.held.delete(asset);
    else this.held.add(asset);
  }

  *holdings(): Iterable<readonly [number, Dec]> {
    for (const asset of this.held) yield [asset, this.qty[asset]];
  }

  /** Mark of an asset at the last close (0 if it never had one: then it holds nothing). */
  closeMark(asset: number): Dec {
    return this.lastClose[asset] ?? ZERO;
  }

  /** Marks for a check at the open auction or intrabar of bar t (SPEC 3): opens, else last close. */
  openMark(t: number, asset: number): Dec {
    return this.bar(t, asset)?.open ?? this.closeMark(asset);
  }

  /**
   * The price a decision at bar t sizes at, and Backtrader's creation price of a market order: the
   * last close, or under fillAt "open" (deciding at the open of t) bar t's open when it has one;
   * null when the asset has neither yet.
   */
  decisionMark(t: number, asset: number): Dec | null {
    const open = this.config.fillAt === "open" ? this.bar(t, asset)?.open : undefined;
    return open ?? this.lastClose[asset];
  }

  valueAtClose(): Valuation {
    return this.terms.value(this.ledger.cash, this.holdings(), (a) => this.closeMark(a));
  }

  /**
   * Cash a cash account's buy may use (SPEC 3.1, 12): `all` for the insufficientCash check,
   * `forBuys` for the restricted check (settled cash only when restricted or under "forbid").
   */
  availableCash(t: number): { all: Dec; forBuys: Dec } {
    return this.settlement.available(this.ledger.cash, t);
  }
}
