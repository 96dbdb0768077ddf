// SPEC 3-6: the run configuration as a user writes it (a JSON file, CLI flags or code): every key
// optional, with its default and a one-line description for the docs and the CLI's help.
import type {
  AccountType,
  CommissionModel,
  FillAt,
  InstrumentKind,
  IntrabarPath,
  OnInsufficient,
  OnMarginCall,
  OnZeroVolume,
  SlippageModel,
  TimeInForce,
} from "../model/index.ts";

/** What resolveConfig() accepts; RunConfig is what it returns. */
export interface ConfigInput {
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
  initialRate?: number;
  maintLong?: number;
  maintShort?: number;
  finraShortFloors?: boolean;
  maxGrossLeverage?: number | null;
  maxNetLeverage?: number | null;
  onMarginCall?: OnMarginCall;
  slippage?: SlippageModel;
  commission?: CommissionInput;
  /** Defaults of every instrument; `instruments` overrides them per symbol. */
  multiplier?: number;
  lotSize?: number;
  tickSize?: number | null;
  instruments?: { readonly [symbol: string]: InstrumentInput };
}

/** perShare's min and max may be left out (0 and null). */
export type CommissionInput =
  | Exclude<CommissionModel, { model: "perShare" }>
  | { model: "perShare"; rate: number; min?: number; max?: number | null };

export interface InstrumentInput {
  kind?: InstrumentKind;
  multiplier?: number;
  lotSize?: number;
  tickSize?: number | null;
}

export type ConfigKey = keyof ConfigInput;

/** The SPEC defaults, as an input: resolveConfig(DEFAULT_CONFIG_INPUT) equals resolveConfig({}). */
export const DEFAULT_CONFIG_INPUT: Readonly<Required<ConfigInput>> = deepFreeze({
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
  initialRate: 0.5,
  maintLong: 0.25,
  maintShort: 0.3,
  finraShortFloors: true,
  maxGrossLeverage: null,
  maxNetLeverage: null,
  onMarginCall: "liquidate",
  slippage: { model: "fixedBps", bps: 0 },
  commission: { model: "percent", rate: 0 },
  multiplier: 1,
  lotSize: 1,
  tickSize: null,
  instruments: {},
});

/** Every top-level key, in the order the docs list them and the checks run. */
export const CONFIG_KEYS = deepFreeze({
  initialCash: "Starting cash in the account currency; finite > 0 [SPEC 2]",
  account: '"margin" (Reg T) or "cash" (no shorts; buys need cash) [SPEC 3]',
  fillAt: '"next-open" (market orders fill at the next open) or "close" (same bar, look-ahead) [SPEC 4]',
  onInsufficient:
    'When an increasing leg does not fit: "reject", "partial", "scale", or null (reject explicit orders, scale target orders) [SPEC 6.1]',
  maxParticipation:
    "Fills per asset per bar as a fraction of the bar's volume, in (0, 1]; null = no cap [SPEC 6.2]",
  onZeroVolume: 'Orders reaching a zero-volume bar: "defer", "reject", "fill" or "synthetic" [SPEC 6.3]',
  syntheticVolume:
    'Volume assumed on a zero-volume bar; required and > 0 under onZeroVolume "synthetic" [SPEC 6.3]',
  intrabarPath:
    'Assumed price path inside a bar: "nearer-first" (open, nearer extreme, other extreme, close) [SPEC 4.3]',
  timeInForce: 'Life of an order: "gtc" (until filled or cancelled) or "day" (one bar) [SPEC 4.5]',
  clampToBar: "Clamp adjusted fill prices into the bar's [low, high] [SPEC 5]",
  initialRate: "Initial margin rate of equities, long and short, in (0, 1] [SPEC 3.2]",
  maintLong: "Maintenance margin rate of long equities, in [0, 1] [SPEC 3.2]",
  maintShort:
    "Maintenance margin rate of short equities when finraShortFloors is false, in [0, 1] [SPEC 3.2]",
  finraShortFloors: "Short maintenance by FINRA 4210, with its $5.00 and $2.50 per-share floors [SPEC 3.2]",
  maxGrossLeverage: "Cap on sum |market value| / equity after an increasing leg; null = none [SPEC 3.2]",
  maxNetLeverage: "Cap on |sum market value| / equity after an increasing leg; null = none [SPEC 3.2]",
  onMarginCall:
    '"liquidate" (entries rejected while in call; forced liquidation arrives with SPEC 7) or "ignore" (record the call only) [SPEC 7]',
  slippage: '{model: "fixedBps", bps} or {model: "perShare", amount} (money per unit) [SPEC 5]',
  commission:
    '{model: "percent", rate}, {model: "perShare", rate, min?, max?} or {model: "fixedPerOrder", amount} [SPEC 5]',
  multiplier: "Money per price point per unit, for every asset (1 for stocks) [SPEC 1]",
  lotSize: "Quantity step, for every asset (1 share; 1e-8 for fractional crypto) [SPEC 1]",
  tickSize: "Price grid, for every asset; null = none [SPEC 1]",
  instruments: "{ [symbol]: {kind?, multiplier?, lotSize?, tickSize?} }: per-asset overrides [SPEC 1]",
} satisfies Record<ConfigKey, string>);

/** Shared constants must not change under a caller's feet. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
