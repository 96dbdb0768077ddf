// SPEC 3-7: the run configuration, fully resolved (every default filled). src/config builds it
// from user input and validates it; engines read it and never see a partial config.
import type { Instrument } from "./instrument.ts";

/** "futures": only futures, margined per contract (SPEC 3.3). */
export type AccountType = "cash" | "margin" | "futures";
/**
 * When a strategy decides and its market orders fill: "next-open" (at the close of t, filled at
 * the open of t+1), "close" (at the close of t, filled at that close: look-ahead) or "open" (at
 * the open of t, seeing bars 0..t-1 and open_t only, filled in that open auction: Backtrader's
 * cheat-on-open).
 */
export type FillAt = "next-open" | "close" | "open";
export type OnInsufficient = "reject" | "partial" | "scale";
export type OnZeroVolume = "defer" | "reject" | "fill" | "synthetic";
export type TimeInForce = "gtc" | "day";
/** SPEC 4.3, 12: which extreme of a bar the assumed path visits first. */
export type IntrabarPath = "nearer-first" | "pessimistic" | "optimistic";
export type OnMarginCall = "liquidate" | "ignore";
/** SPEC 7: margin check on close marks, or longs at the low and shorts at the high. */
export type MarginCheckAt = "close" | "adverse-extreme";
export type LiquidationOrder = "largest-requirement" | "largest-loss" | "pro-rata";
/** SPEC 7: liquidate to MM x (1 + buffer), or to IM. */
export type RestoreTo = "maintenance" | "initial";
/** SPEC 3.1: business days to settle a sale, or the US equity cycle by trade date (T+5, T+3, T+2, T+1). */
export type Settlement = number | "us-equity";
export type UnsettledFunds = "good-faith" | "forbid";

/** SPEC 5: adverse price adjustment before impact. */
export type SlippageModel =
  | { model: "fixedBps"; bps: number }
  | { model: "perShare"; amount: number }
  /** The half spread in bps, or (bps null) half the bar's relative `spread` field. */
  | { model: "halfSpread"; bps: number | null };

/** SPEC 5: market impact, in bps, from volume; optional permanent part decaying by half-life. */
export type ImpactModel =
  | { model: "none" }
  | { model: "volumeShare"; k: number; permanentFraction: number; halfLifeBars: number }
  | {
      model: "sqrtImpact";
      y: number;
      e: number;
      windowBars: number;
      permanentFraction: number;
      halfLifeBars: number;
    };

/** A tiered band: the per-unit rate while the month's cumulative quantity is below upTo (null: no bound). */
export interface CommissionBand {
  readonly upTo: number | null;
  readonly rate: number;
}

/** SPEC 5: commission on the final fill price and filled quantity; never negative. */
export type CommissionModel =
  /** rate of the notional on every fill, plus `fixed` once per order (VectorBT's fees + fixed_fees). */
  | { model: "percent"; rate: number; fixed: number }
  | { model: "perShare"; rate: number; min: number; max: number | null }
  | { model: "perContract"; rate: number }
  | { model: "fixedPerOrder"; amount: number }
  | { model: "tiered"; bands: readonly CommissionBand[] };

/**
 * SPEC 12: money paid in (amount > 0, a deposit) or taken out (amount < 0, a withdrawal) in step 1
 * of the first bar dated on or after `date` (an ISO date), after settlement.
 */
export interface CashFlow {
  readonly date: string;
  readonly amount: number;
}

/** A peer whose rules a profile's defaults reproduce (src/compat/, docs/peers.md). */
export type CompatProfile = "backtrader" | "vectorbt";

export interface RunConfig {
  readonly initialCash: number;
  readonly account: AccountType;
  readonly fillAt: FillAt;
  /** null: "reject" for explicit orders, "scale" for target orders (SPEC 6.5). */
  readonly onInsufficient: OnInsufficient | null;
  /** Fraction of the bar's volume per asset per bar; null = no cap (SPEC 6.2). */
  readonly maxParticipation: number | null;
  readonly onZeroVolume: OnZeroVolume;
  /** Volume assumed on a zero-volume bar under onZeroVolume "synthetic". */
  readonly syntheticVolume: number;
  readonly intrabarPath: IntrabarPath;
  readonly timeInForce: TimeInForce;
  readonly clampToBar: boolean;
  /** Backtrader's slip_open: false, no slippage on market orders or on fills at the bar's open (SPEC 5). */
  readonly slipOpen: boolean;
  /** Backtrader's slip_match: false, an order whose slipped price passes the bar waits for a later bar. */
  readonly slipMatch: boolean;
  /** Backtrader's slip_limit: under slipMatch false, limit and stop-limit orders still fill, clamped. */
  readonly slipLimit: boolean;
  /** Reg T initial margin rate, long and short (SPEC 3.2). */
  readonly initialRate: number;
  readonly maintLong: number;
  /** Short maintenance rate (the 30% of FINRA's rule when finraShortFloors is on). */
  readonly maintShort: number;
  readonly finraShortFloors: boolean;
  readonly maxGrossLeverage: number | null;
  readonly maxNetLeverage: number | null;
  /**
   * Backtrader's broker (shortcash, SPEC 3.2): a margin account with no margin requirement whose
   * increasing legs need cash_after >= 0, a short sale's proceeds counting as cash.
   */
  readonly shortCash: boolean;
  /**
   * SPEC 3: true, a batch fills every first order's reducing leg before any increasing leg; false,
   * its orders run one by one in processing order, each reducing leg then its increasing leg
   * (Backtrader's _execute order).
   */
  readonly exitsFirst: boolean;
  /** Backtrader's checksubmit (SPEC 3): the submit-time cash check at the decision bar's close. */
  readonly checkAtSubmit: boolean;
  /**
   * VectorBT's val_price=price (SPEC 6.4): a market order sized by anything but units is sized
   * again at the first bar it is offered to a fill, at that bar's base price, position and equity.
   */
  readonly sizeAtFill: boolean;
  /** The peer profile the defaults came from (src/compat/), or null for assay's own. */
  readonly compat: CompatProfile | null;
  readonly onMarginCall: OnMarginCall;
  readonly marginCheckAt: MarginCheckAt;
  /** Closes in call before liquidation: liquidate when cureDays + 1 consecutive closes are in call. */
  readonly cureDays: number;
  readonly liquidationOrder: LiquidationOrder;
  readonly liquidationBuffer: number;
  readonly restoreTo: RestoreTo;
  /** Financing, fractions per year, actual/360 (SPEC 3.2). borrowRate is per asset in instruments. */
  readonly debitRate: number;
  readonly creditRate: number;
  readonly shortRebateRate: number;
  readonly settlement: Settlement;
  readonly unsettledFunds: UnsettledFunds;
  /** Good-faith violations in 12 months that restrict the account for 90 days. */
  readonly gfvLimit: number;
  /** Exchange holidays (ISO dates): no trading, no settlement; null = weekdays only (a warning). */
  readonly holidays: readonly string[] | null;
  /** Trading days on which nothing settles (ISO dates): not counted as settlement days (SPEC 1). */
  readonly settlementHolidays: readonly string[];
  readonly slippage: SlippageModel;
  readonly impact: ImpactModel;
  readonly commission: CommissionModel;
  /** One per panel symbol, in panel column order. */
  readonly instruments: readonly Instrument[];
  /** SPEC 12: deposits and withdrawals in date order (ties in the order given); never amount 0. */
  readonly cashFlows: readonly CashFlow[];
}
