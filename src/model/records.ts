// SPEC 9: the output of every engine, compared field by field. Plain data only: numbers,
// strings, booleans, arrays and plain objects, so JSON.parse(JSON.stringify(r)) equals r.
import type { OnInsufficient, TimeInForce } from "./config.ts";
import type { OrderStatus, OrderType, SizeType } from "./order.ts";
import type { Reason } from "./reason.ts";

/**
 * SPEC 5: the bars an order was due on but could not fill, by cause: a zero-volume bar that
 * deferred it, a bar whose volume cap ran out before its rest was done (it filled part or
 * nothing, the rest waits), a bar missing for its asset, a bar its slipped price passed under
 * slipMatch false.
 */
export interface Deferrals {
  zeroVolume: number;
  volumeCap: number;
  missingBar: number;
  slippage: number;
}

export type DeferralCause = keyof Deferrals;

export const DEFERRAL_CAUSES: readonly DeferralCause[] = [
  "zeroVolume",
  "volumeCap",
  "missingBar",
  "slippage",
];

export interface OrderRecord {
  /** 1, 2, 3... in decision order (SPEC 9). */
  readonly id: number;
  /** Decision bar. */
  readonly t: number;
  readonly asset: string;
  readonly type: OrderType | "liquidation";
  readonly sizeType: SizeType;
  /** The size as requested (units, money or fraction, per sizeType). */
  readonly size: number;
  /**
   * Signed units resolved at decision time (SPEC 6.4), or under sizeAtFill at the first bar the
   * order is offered to a fill; 0 for an invalid order.
   */
  qty: number;
  readonly limitPrice: number | null;
  readonly stopPrice: number | null;
  readonly timeInForce: TimeInForce;
  readonly onInsufficient: OnInsufficient;
  status: OrderStatus;
  /** Signed units filled so far. */
  filledQty: number;
  /** Why the order's rest died or expired; null while working or when fully filled. */
  reason: Reason | null;
  /** Bar at which the status became final; null while working. */
  doneT: number | null;
  /** Bars the order waited through, by cause (SPEC 5: every deferral carries its numbers). */
  readonly deferred: Deferrals;
}

export interface FillRecord {
  readonly orderId: number;
  readonly t: number;
  readonly asset: string;
  /** Signed: + buy, - sell. qty == reducingQty + increasingQty. */
  readonly qty: number;
  readonly reducingQty: number;
  readonly increasingQty: number;
  readonly basePrice: number;
  readonly fillPrice: number;
  readonly commission: number;
  readonly slippageCost: number;
  readonly impactCost: number;
  readonly forced: boolean;
  /** The order still has a rest after this fill. */
  readonly partial: boolean;
  readonly zeroVolume: boolean;
  readonly noImpactHistory: boolean;
  /** SPEC 5: set when the adjusted price fell outside [low, high] and clampToBar moved it in. */
  readonly clamped: { readonly unclampedPrice: number } | null;
  /** SPEC 5, 6.2: set when the volume cap cut the order on this bar (its rest keeps working). */
  readonly volumeCap: { readonly filled: number; readonly cap: number } | null;
}

/** SPEC 4 timeline steps, used to order events canonically. */
export type TimelineStep = 1 | 2 | 3 | 4 | 5;

/** SPEC 9 and 12: events, in canonical order (bar, timeline step, no asset first, symbol, creation). */
export type EventRecord = { readonly t: number; readonly step: TimelineStep } & (
  | {
      readonly kind: "marginCall";
      readonly equity: number;
      readonly requirement: number;
      readonly deficit: number;
    }
  | { readonly kind: "bankrupt"; readonly equity: number; readonly requirement: number }
  | {
      readonly kind: "liquidation";
      readonly asset: string;
      readonly orderId: number;
      readonly qty: number;
      readonly price: number;
      readonly cause: "marginCall" | "bankrupt";
    }
  | { readonly kind: "ambiguousBar"; readonly asset: string; readonly triggered: number }
  | {
      readonly kind: "settlement";
      readonly asset: string;
      readonly orderId: number;
      readonly tradeDate: string;
      readonly amount: number;
    }
  | {
      readonly kind: "goodFaithViolation";
      readonly asset: string;
      readonly orderId: number;
      readonly violations: number;
    }
  /** `until`: the ISO date the restriction ends on (the first bar dated on or after it trades freely). */
  | { readonly kind: "restricted"; readonly until: string; readonly violations: number }
  /** SPEC 12: a posted deposit (amount > 0) or withdrawal (amount < 0), step 1, no asset. */
  | { readonly kind: "cashFlow"; readonly amount: number }
  /** SPEC 12: a withdrawal (amount < 0) refused whole; `available` is what could be taken out (>= 0). */
  | { readonly kind: "withdrawalRefused"; readonly amount: number; readonly available: number }
);

/** A FIFO round trip (SPEC 8): opens when a position leaves 0, closes when it returns to 0. */
export interface TradeRecord {
  readonly asset: string;
  /** +1 long, -1 short. */
  readonly side: 1 | -1;
  readonly entryT: number;
  readonly exitT: number | null;
  /** Total units opened (unsigned). */
  readonly absQty: number;
  /** Quantity-weighted average price of the opening fills. */
  readonly entryPrice: number;
  /** Quantity-weighted average price of the closing fills; null while nothing closed. */
  readonly exitPrice: number | null;
  /** Realized P&L of the closed units (before commission). */
  readonly realizedPnl: number;
  /** Commission allocated to this trade, pro rata by quantity. */
  readonly commission: number;
  /** realizedPnl - commission. */
  readonly pnl: number;
  readonly open: boolean;
}

/** Per-bar snapshot (SPEC 4 step 6), one entry per bar. */
export interface BarSeries {
  readonly cash: number[];
  readonly equity: number[];
  /** Sum of |market value|. */
  readonly grossExposure: number[];
  /** Sum of market value (signed). */
  readonly netExposure: number[];
  readonly initialMargin: number[];
  readonly maintenanceMargin: number[];
  /** positions[t][i]: signed units of asset i at the end of bar t. */
  readonly positions: number[][];
}

/** SPEC 2: the kinds of cash change besides fill notional. */
export type LedgerTotalKind =
  | "commission"
  | "variationMargin"
  | "debitInterest"
  | "creditInterest"
  | "borrowFee"
  | "shortRebate"
  | "deposit"
  | "withdrawal";

export interface Records {
  readonly engine: string;
  readonly symbols: readonly string[];
  readonly orders: OrderRecord[];
  readonly fills: FillRecord[];
  readonly events: EventRecord[];
  readonly trades: TradeRecord[];
  readonly series: BarSeries;
  /** Money paid in commissions, realized and unrealized P&L at the end (SPEC 8). */
  readonly totals: { commission: number; realizedPnl: number; unrealizedPnl: number };
  /** The sum of each ledger kind other than fill notional, signed as cash changes (0 when none). */
  readonly ledgerTotals: { readonly [kind in LedgerTotalKind]: number };
  /** True when market orders filled at the decision bar's close (look-ahead if the signal used it). */
  readonly sameBarFills: boolean;
  readonly warnings: string[];
}

/**
 * An outcome run's records (the fast engine's runOutcome, which `assay stress` runs a path with):
 * the same series (less positions), events, ledger totals and warnings as the full run's, and no
 * order, fill or trade records.
 */
export type OutcomeRecords = Omit<Records, "orders" | "fills" | "trades" | "totals" | "series"> & {
  readonly series: Omit<BarSeries, "positions">;
};

/** SPEC 9 and 12: events by bar, timeline step, events without an asset first, symbol, creation. */
export function canonicalEvents(events: readonly EventRecord[]): EventRecord[] {
  const assetOf = (event: EventRecord) => ("asset" in event ? event.asset : "");
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => {
      if (a.event.t !== b.event.t) return a.event.t - b.event.t;
      if (a.event.step !== b.event.step) return a.event.step - b.event.step;
      const x = assetOf(a.event);
      const y = assetOf(b.event);
      if (x !== y) return x === "" ? -1 : y === "" ? 1 : x < y ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ event }) => event);
}
