// SPEC 4 step 5: what a strategy sees at the close of bar t (bars 0..t only) and how it acts;
// under fillAt "open", at the open of bar t (bars 0..t-1 and the opens of t).

import type { FillAt } from "./config.ts";
import type { MarketTerms, OrderRequest } from "./order.ts";
import type { BarField, Panel } from "./panel.ts";
import type { FillRecord, OrderRecord } from "./records.ts";

/**
 * The account as of the close of bar t, after every fill up to t; under fillAt "open", after
 * step 1 of bar t, positions marked at its opens.
 */
export interface AccountView {
  readonly cash: number;
  readonly equity: number;
  /** Signed units held of the asset (column index). */
  position(asset: number): number;
  /** SPEC 3.2, 3.3: initial and maintenance margin of the positions at the closes of t (at an open, its opens). */
  readonly initialMargin: number;
  readonly maintenanceMargin: number;
  /** Margin and futures accounts: equity - max(IM, MM); a cash account: its cash. */
  readonly buyingPower: number;
  /** SPEC 7: the close of t (at an open, of t-1) found equity below MM. */
  readonly inCall: boolean;
}

export interface BarContext {
  /** The decision bar. */
  readonly t: number;
  readonly tsMs: number;
  /** Number of bars in the run (the calendar's length, not its data: a strategy can skip the last bar). */
  readonly bars: number;
  readonly symbols: readonly string[];
  /**
   * Field of an asset at bar t - lag (lag >= 0); NaN for a missing bar. Throws on lag < 0, and
   * at an open (fillAt "open") on lag 0 for any field but "open".
   */
  bar(field: BarField, asset: number, lag?: number): number;
  /** An extra numeric column (e.g. a signal), causally, like bar() (at an open, lag >= 1 only). */
  extra(name: string, asset: number, lag?: number): number;
  /**
   * One field of every asset at bar t - lag (column order; NaN before bar 0): a whole
   * cross-section at once. A copy, in a buffer the context reuses: the next row() of the same
   * field and lag overwrites it (copy it to keep it), and writing into it changes nothing else.
   */
  row(field: BarField | string, lag?: number): Float64Array;
  readonly account: AccountView;
  /** The working orders after bar t (the strategy's and liquidations), in id order: copies. */
  readonly orders: readonly OrderRecord[];
  /** The fills of bar t so far (its open auction and intrabar steps), in processing order: copies. */
  readonly fills: readonly FillRecord[];
  /** Queues an order for the next fill step; returns its record's id, or null if it made none (a zero size). */
  submit(order: OrderRequest): number | null;
  /**
   * submit({ asset: symbols[asset], size, ...terms }) for a market order by column index, with
   * the same record and outcome; an engine takes it into its intake without building a request
   * (the declarative APIs' path). Throws for an index out of range or a key terms do not have.
   */
  submitMarket(asset: number, size: number, terms: MarketTerms): number | null;
  /**
   * submitMarket(a, sizes[offset + a], terms) for every asset a in symbol order, NaN sizes
   * skipped: one bar's row of a T x N size matrix (offset t x N), which an engine takes in whole
   * (the declarative APIs' columnar path). Throws when the row does not fit in `sizes`.
   */
  submitRow(sizes: Float64Array, offset: number, terms: MarketTerms): void;
  /**
   * Ends a working order of the strategy's at once (status "cancelled", or "partial" if part
   * filled; reason cancelRequested). False if it is no longer working; throws for an id that is
   * no order, or a liquidation's.
   */
  cancel(orderId: number): boolean;
}

export interface Strategy {
  readonly name: string;
  /** Called once per bar at the decision step, in bar order. */
  onBar(ctx: BarContext): void;
  /**
   * The fill timing the strategy is written for (a declarative `price: "close"` needs "close"):
   * backtest() runs with it when the config names none, and refuses a config that differs.
   */
  readonly fillAt?: FillAt;
}

/** Everything an engine needs besides the config. */
export interface RunInput {
  readonly panel: Panel;
  readonly strategy: Strategy;
}
