// SPEC 3-6: the run configuration, fully resolved (every default filled). src/config builds it
// from user input and validates it; engines read it and never see a partial config.
import type { Instrument } from "./instrument.ts";

export type AccountType = "cash" | "margin";
export type FillAt = "next-open" | "close";
export type OnInsufficient = "reject" | "partial" | "scale";
export type OnZeroVolume = "defer" | "reject" | "fill" | "synthetic";
export type TimeInForce = "gtc" | "day";
export type IntrabarPath = "nearer-first";
export type OnMarginCall = "liquidate" | "ignore";

/** SPEC 5: adverse price adjustment. */
export type SlippageModel = { model: "fixedBps"; bps: number } | { model: "perShare"; amount: number };

/** SPEC 5: commission on the final fill price and filled quantity; never negative. */
export type CommissionModel =
  | { model: "percent"; rate: number }
  | { model: "perShare"; rate: number; min: number; max: number | null }
  | { model: "fixedPerOrder"; amount: number };

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
  /** Reg T initial margin rate, long and short (SPEC 3.2). */
  readonly initialRate: number;
  readonly maintLong: number;
  /** Used for shorts when finraShortFloors is false. */
  readonly maintShort: number;
  readonly finraShortFloors: boolean;
  readonly maxGrossLeverage: number | null;
  readonly maxNetLeverage: number | null;
  readonly onMarginCall: OnMarginCall;
  readonly slippage: SlippageModel;
  readonly commission: CommissionModel;
  /** One per panel symbol, in panel column order. */
  readonly instruments: readonly Instrument[];
}
