// SPEC 3-6: the run configuration as a user writes it (a JSON file, CLI flags or code): every key
// optional, with its default and a one-line description for the docs and the CLI's help.
import type {
  AccountType,
  CommissionModel,
  CompatProfile,
  FillAt,
  InstrumentKind,
  IntrabarPath,
  LiquidationOrder,
  MarginCheckAt,
  OnInsufficient,
  OnMarginCall,
  OnZeroVolume,
  RestoreTo,
  Settlement,
  SlippageModel,
  TimeInForce,
  UnsettledFunds,
} from "../model/index.ts";

/** What resolveConfig() accepts; RunConfig is what it returns. */
export interface ConfigInput {
  /** A peer's defaults under the keys given (src/compat/). */
  compat?: CompatProfile | null;
  initialCash?: number;
  account?: AccountType;
  fillAt?: FillAt;
  onInsufficient?: OnInsufficient | null;
  maxParticipation?: number | null;
  onZeroVolume?: OnZeroVolume;
  syntheticVolume?: number;
  intrabarPath?: IntrabarPath;
  timeInForce?: TimeInForce;
  clampToBar?: boolean;
  slipOpen?: boolean;
  slipMatch?: boolean;
  slipLimit?: boolean;
  initialRate?: number;
  maintLong?: number;
  maintShort?: number;
  finraShortFloors?: boolean;
  maxGrossLeverage?: number | null;
  maxNetLeverage?: number | null;
  shortCash?: boolean;
  exitsFirst?: boolean;
  checkAtSubmit?: boolean;
  sizeAtFill?: boolean;
  onMarginCall?: OnMarginCall;
  marginCheckAt?: MarginCheckAt;
  cureDays?: number;
  liquidationOrder?: LiquidationOrder;
  liquidationBuffer?: number;
  restoreTo?: RestoreTo | null;
  debitRate?: number;
  creditRate?: number;
  shortRebateRate?: number;
  /** Default of every instrument's borrowRate; `instruments` overrides it per symbol. */
  borrowRate?: number;
  settlement?: Settlement;
  unsettledFunds?: UnsettledFunds;
  gfvLimit?: number;
  /** "us-equity": the shipped US calendar (closures, and the Fed's days in settlementHolidays). */
  holidays?: readonly string[] | "us-equity" | null;
  settlementHolidays?: readonly string[];
  slippage?: SlippageInput;
  impact?: ImpactInput;
  commission?: CommissionInput;
  /** Defaults of every instrument; `instruments` overrides them per symbol. */
  multiplier?: number;
  lotSize?: number;
  tickSize?: number | null;
  instruments?: { readonly [symbol: string]: InstrumentInput };
  /** SPEC 12: deposits (amount > 0) and withdrawals (amount < 0), any order. */
  cashFlows?: readonly CashFlowInput[];
}

/** A deposit or withdrawal: ISO date "YYYY-MM-DD", money (> 0 in, < 0 out, never 0). */
export interface CashFlowInput {
  date: string;
  amount: number;
}

/** halfSpread's bps may be left out (null: half the bar's `spread` field). */
export type SlippageInput =
  | Exclude<SlippageModel, { model: "halfSpread" }>
  | { model: "halfSpread"; bps?: number | null };

/** Every impact parameter may be left out (SPEC 5 defaults; permanentFraction 0, halfLifeBars 1). */
export type ImpactInput =
  | { model: "none" }
  | { model: "volumeShare"; k?: number; permanentFraction?: number; halfLifeBars?: number }
  | {
      model: "sqrtImpact";
      y?: number;
      e?: number;
      windowBars?: number;
      permanentFraction?: number;
      halfLifeBars?: number;
    };

/** perShare's min and max (0 and null) and percent's fixed (0) may be left out. */
export type CommissionInput =
  | Exclude<CommissionModel, { model: "perShare" } | { model: "percent" }>
  | { model: "percent"; rate: number; fixed?: number }
  | { model: "perShare"; rate: number; min?: number; max?: number | null };

export interface InstrumentInput {
  kind?: InstrumentKind;
  multiplier?: number;
  lotSize?: number;
  tickSize?: number | null;
  /** Futures only, and required for them. */
  initialMargin?: MarginInput;
  maintenanceMargin?: MarginInput;
  borrowRate?: number;
}

/** A futures margin: money per contract, or `{rate}` of the notional at the mark (SPEC 3.3). */
export type MarginInput = number | { rate: number };

export type ConfigKey = keyof ConfigInput;

/** The SPEC defaults, as an input: resolveConfig(DEFAULT_CONFIG_INPUT) equals resolveConfig({}). */
export const DEFAULT_CONFIG_INPUT: Readonly<Required<ConfigInput>> = deepFreeze({
  compat: null,
  initialCash: 1_000_000,
  account: "margin",
  fillAt: "next-open",
  onInsufficient: null,
  maxParticipation: 0.1,
  onZeroVolume: "defer",
  // Required (and > 0) under onZeroVolume "synthetic"; unused otherwise.
  syntheticVolume: 0,
  intrabarPath: "nearer-first",
  timeInForce: "gtc",
  clampToBar: true,
  slipOpen: true,
  slipMatch: true,
  slipLimit: true,
  initialRate: 0.5,
  maintLong: 0.25,
  maintShort: 0.3,
  finraShortFloors: true,
  maxGrossLeverage: null,
  maxNetLeverage: null,
  shortCash: false,
  exitsFirst: true,
  checkAtSubmit: false,
  sizeAtFill: false,
  onMarginCall: "liquidate",
  marginCheckAt: "close",
  cureDays: 0,
  liquidationOrder: "largest-requirement",
  liquidationBuffer: 0,
  // null: by account, "initial" for a futures account, "maintenance" otherwise (SPEC 7).
  restoreTo: null,
  debitRate: 0,
  creditRate: 0,
  shortRebateRate: 0,
  borrowRate: 0,
  settlement: 0,
  unsettledFunds: "good-faith",
  gfvLimit: 3,
  holidays: null,
  settlementHolidays: [],
  slippage: { model: "fixedBps", bps: 0 },
  impact: { model: "none" },
  commission: { model: "percent", rate: 0 },
  multiplier: 1,
  lotSize: 1,
  tickSize: null,
  instruments: {},
  cashFlows: [],
});

/** Every top-level key, in the order the docs list them and the checks run. */
export const CONFIG_KEYS = deepFreeze({
  compat:
    "A peer's rules as the defaults of the other keys: \"backtrader\" (docs/peers.md); keys given still win; null = assay's own [SPEC 3]",
  initialCash: "Starting cash in the account currency; finite > 0 [SPEC 2]",
  account:
    '"margin" (Reg T), "cash" (no shorts; buys need cash; no futures) or "futures" (futures only) [SPEC 3]',
  fillAt:
    '"next-open" (decide at the close, fill at the next open), "close" (fill at that close, look-ahead) or "open" (decide at the open seeing only its open, fill there: cheat-on-open) [SPEC 4]',
  onInsufficient:
    'When an increasing leg does not fit: "reject", "partial", "scale", or null (reject explicit orders, scale target orders) [SPEC 6.1]',
  maxParticipation:
    "Fills per asset per bar as a fraction of the bar's volume, in (0, 1]; null = no cap [SPEC 6.2]",
  onZeroVolume: 'Orders reaching a zero-volume bar: "defer", "reject", "fill" or "synthetic" [SPEC 6.3]',
  syntheticVolume:
    'Volume assumed on a zero-volume bar; required and > 0 under onZeroVolume "synthetic" [SPEC 6.3]',
  intrabarPath:
    'Assumed price path inside a bar: "nearer-first" (open, nearer extreme, other extreme, close), "pessimistic" or "optimistic" for the position held [SPEC 4.3, 12]',
  timeInForce: 'Life of an order: "gtc" (until filled or cancelled) or "day" (one bar) [SPEC 4.5]',
  clampToBar: "Clamp adjusted fill prices into the bar's [low, high] [SPEC 5]",
  slipOpen:
    "Slippage on market orders and on fills at the bar's open; false: none there (Backtrader's slip_open=False) [SPEC 5]",
  slipMatch:
    "An order whose slipped price (before impact) passes the bar's high (buy) or low (sale) still fills, clamped; false: it waits for a later bar (Backtrader's slip_match=False) [SPEC 5]",
  slipLimit:
    "Under slipMatch false, limit and stop-limit orders still fill, clamped (true), or wait too when their slipped price passes the bar or the limit (Backtrader's slip_limit) [SPEC 5]",
  initialRate: "Initial margin rate of equities, long and short, in (0, 1] [SPEC 3.2]",
  maintLong: "Maintenance margin rate of long equities, in [0, 1] [SPEC 3.2]",
  maintShort:
    "Maintenance margin rate of short equities when finraShortFloors is false, in [0, 1] [SPEC 3.2]",
  finraShortFloors: "Short maintenance by FINRA 4210, with its $5.00 and $2.50 per-share floors [SPEC 3.2]",
  maxGrossLeverage: "Cap on sum |market value| / equity after an increasing leg; null = none [SPEC 3.2]",
  maxNetLeverage: "Cap on |sum market value| / equity after an increasing leg; null = none [SPEC 3.2]",
  shortCash:
    "Backtrader's broker (shortcash): a margin account with no margin requirement; an increasing leg needs cash_after >= 0, short proceeds counting as cash [SPEC 3.2]",
  exitsFirst:
    "A batch fills every first order's reducing leg before any increasing leg (true), or runs its orders one by one in processing order, each reducing then increasing (false: Backtrader's order) [SPEC 3]",
  checkAtSubmit:
    "Backtrader's checksubmit: before its first batch, each order is paid for at the decision bar's close against a running cash; cash < 0 rejects it (submitCheck) and its cost stays spent [SPEC 3]",
  sizeAtFill:
    "VectorBT's val_price: a market order sized by value, percent or a target is sized again at the first bar it can fill, at that bar's base price (the open under next-open), position and equity at those marks; sized to 0 it is cancelled (sizedToZero) [SPEC 6.4]",
  onMarginCall:
    '"liquidate" (force sales at the next open to restore margin, SPEC 7) or "ignore" (record the call only) [SPEC 7]',
  marginCheckAt:
    'Margin call check on "close" marks, or "adverse-extreme" (longs at the low, shorts at the high) [SPEC 7]',
  cureDays:
    "Closes a call may last before liquidation: liquidate after cureDays + 1 closes in call; integer >= 0 [SPEC 7]",
  liquidationOrder:
    'Which positions a margin call closes first: "largest-requirement", "largest-loss" or "pro-rata" [SPEC 7]',
  liquidationBuffer: 'Liquidate to MM x (1 + liquidationBuffer) under restoreTo "maintenance"; >= 0 [SPEC 7]',
  restoreTo:
    'Target of a liquidation: "maintenance" (MM with the buffer) or "initial" (max(IM, MM)); null (default) is "initial" for a futures account, "maintenance" otherwise [SPEC 7]',
  debitRate: "Interest on negative cash, fraction per year, actual/360; >= 0 [SPEC 3.2]",
  creditRate: "Interest paid on positive cash, fraction per year, actual/360; >= 0 [SPEC 3.2]",
  shortRebateRate: "Rebate on short market value, fraction per year, actual/360; >= 0 [SPEC 3.2]",
  borrowRate: "Borrow fee on short market value, fraction per year, for every asset; >= 0 [SPEC 3.2]",
  settlement:
    'Business days until a sale settles (0 = at once), or "us-equity" (T+5/T+3/T+2/T+1 by trade date) [SPEC 3.1]',
  unsettledFunds:
    'Cash account buys with unsettled proceeds: "good-faith" (allowed; violations counted) or "forbid" [SPEC 3.1]',
  gfvLimit:
    "Good-faith violations in 12 months that restrict the account for 90 days; integer >= 1 [SPEC 3.1]",
  holidays:
    'Exchange holidays (no trading, no settlement), ISO dates "YYYY-MM-DD", removed from the weekdays; "us-equity" = the NYSE closures from 1990 and the Fed\'s non-settlement days; null = none (a warning) [SPEC 1]',
  settlementHolidays:
    'Days that trade but do not settle, ISO dates "YYYY-MM-DD" (US: Columbus Day, Veterans Day), added to those of holidays "us-equity" [SPEC 1]',
  slippage:
    '{model: "fixedBps", bps}, {model: "perShare", amount} (money per unit) or {model: "halfSpread", bps?} (no bps: half the spread field) [SPEC 5]',
  impact:
    '{model: "none"}, {model: "volumeShare", k?} or {model: "sqrtImpact", y?, e?, windowBars?}, with permanentFraction? and halfLifeBars? [SPEC 5]',
  commission:
    '{model: "percent", rate, fixed?} (fixed: money once per order), {model: "perShare", rate, min?, max?}, {model: "perContract", rate}, {model: "fixedPerOrder", amount} or {model: "tiered", bands} [SPEC 5]',
  multiplier: "Money per price point per unit, for every asset (1 for stocks) [SPEC 1]",
  lotSize: "Quantity step, for every asset (1 share; 1e-8 for fractional crypto) [SPEC 1]",
  tickSize: "Price grid, for every asset; null = none [SPEC 1]",
  instruments:
    "{ [symbol]: {kind?, multiplier?, lotSize?, tickSize?, initialMargin?, maintenanceMargin?, borrowRate?} }: per-asset overrides; futures need margins [SPEC 1, 3.3]",
  cashFlows:
    '[{date: "YYYY-MM-DD", amount}]: deposits (amount > 0) and withdrawals (< 0, refused whole if they would leave equity < max(IM, MM), or exceed settled cash in a cash account), each in step 1 of the first bar dated on or after its date; any order, applied by date, ties as given [SPEC 12]',
} satisfies Record<ConfigKey, string>);

/** Shared constants must not change under a caller's feet. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
