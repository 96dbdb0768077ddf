// Declarative orders (VectorBT's from_orders): a size per bar and asset, NaN for no order. Row t
// is decided at the close of bar t and sized then (SPEC 6.4); it fills at the next open, or at
// the same close under the run's fillAt "close".

import { ON_INSUFFICIENT, TIME_IN_FORCE } from "../config/resolve.ts";
import type {
  BarContext,
  FillAt,
  MarketTerms,
  OnInsufficient,
  SizeType,
  Strategy,
  TimeInForce,
} from "../model/index.ts";
import { SIZE_TYPES } from "../model/index.ts";
import { type InputName, type NumberMatrix, numberMatrix } from "./declarative-input.ts";

export interface FromOrdersOptions {
  /** Signed size per bar and asset in `sizeType`; NaN sends no order (a number: every bar). */
  readonly size: number | NumberMatrix;
  /** Default "units". */
  readonly sizeType?: SizeType;
  /**
   * "open" (default): fill at the open after the decision bar; "close": at the decision bar's
   * close, which needs the run's fillAt "close" (the strategy's `fillAt` says which).
   */
  readonly price?: "open" | "close";
  /** Overrides the run's onInsufficient for these orders. */
  readonly onInsufficient?: OnInsufficient;
  readonly timeInForce?: TimeInForce;
  readonly name?: string;
}

/** A declarative strategy, with the fill timing its run needs (RunConfig.fillAt). */
export interface DeclarativeStrategy extends Strategy {
  readonly fillAt: FillAt;
}

export function fromOrders(options: FromOrdersOptions): DeclarativeStrategy {
  return ordersStrategy({ api: "fromOrders", arg: "size" }, options, options.name ?? "from-orders");
}

/** fromOrders with the size argument named as the user called it (fromTargets weights). */
export function ordersStrategy(
  sizeName: InputName,
  options: FromOrdersOptions,
  name: string,
): DeclarativeStrategy {
  const fillAt = fillAtFor(sizeName.api, options.price);
  // One terms object for every order of the strategy: an order is then an asset and a size.
  const terms = orderTerms(sizeName.api, options.sizeType ?? "units", options);
  // Bound to a run by its context (one per run), so the same strategy can run again.
  let run: BarContext | null = null;
  let sizes: Float64Array = new Float64Array(0);
  return {
    name,
    fillAt,
    onBar(ctx: BarContext) {
      if (ctx !== run) {
        sizes = numberMatrix(sizeName, options.size, ctx);
        run = ctx;
      }
      // The whole row at once, in symbol order (SPEC 6.4), NaN sizes sending no order.
      ctx.submitRow(sizes, ctx.t * ctx.symbols.length, terms);
    },
  };
}

/** The run's fillAt that a declarative `price` needs. */
export function fillAtFor(api: string, price: "open" | "close" | undefined): FillAt {
  if (price === undefined || price === "open") return "next-open";
  if (price === "close") return "close";
  throw new Error(`${api} price: "${String(price)}"; expected "open" or "close"`);
}

/**
 * The terms a declarative API gives each of its orders: the size type, and the run's policies
 * unless the options override them. A value no order can take is an error here, at the call,
 * rather than an invalidOrder on every order of the run.
 */
export function orderTerms(
  api: string,
  sizeType: SizeType,
  options: { readonly onInsufficient?: OnInsufficient; readonly timeInForce?: TimeInForce },
): MarketTerms {
  const { onInsufficient, timeInForce } = options;
  checkOneOf(api, "sizeType", sizeType, SIZE_TYPES);
  if (onInsufficient !== undefined) checkOneOf(api, "onInsufficient", onInsufficient, ON_INSUFFICIENT);
  if (timeInForce !== undefined) checkOneOf(api, "timeInForce", timeInForce, TIME_IN_FORCE);
  return {
    sizeType,
    ...(onInsufficient === undefined ? {} : { onInsufficient }),
    ...(timeInForce === undefined ? {} : { timeInForce }),
  };
}

function checkOneOf(api: string, option: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value))
    throw new Error(`${api} ${option}: ${JSON.stringify(value)}; expected one of ${allowed.join(", ")}`);
}
