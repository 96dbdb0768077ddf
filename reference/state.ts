// The reference engine's mutable state for one run: account (ledger, positions, marks), order
// book, trade book and the records written so far. Every module of reference/ works on it.
import type { EventRecord, FillRecord, OrderRecord, Panel, RunConfig } from "../src/model/index.ts";
import { type Dec, dec, ZERO } from "./decimal.ts";
import type { BarPrices } from "./intrabar.ts";
import { Ledger } from "./ledger.ts";
import { MarginTerms, type Valuation } from "./margin.ts";
import { TradeBook } from "./trades.ts";

export type OrderMode = "market" | "limit" | "stop" | "stop-limit";

export interface WorkingOrder {
  readonly record: OrderRecord;
  readonly asset: number;
  /** Signed units requested. */
  readonly qty: Dec;
  filled: Dec;
  /** How the order works now: a triggered stop works as a market order, a stop-limit as a limit. */
  mode: OrderMode;
  readonly limitPrice: Dec | null;
  readonly stopPrice: Dec | null;
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
    this.terms = new MarginTerms(config);
    this.trades = new TradeBook(this.assets, this.multipliers);
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

  valueAtClose(): Valuation {
    return this.terms.value(this.ledger.cash, this.holdings(), (a) => this.closeMark(a), this.multipliers);
  }
}
