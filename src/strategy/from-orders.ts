// Declarative orders (VectorBT's from_orders): a size per bar and asset, NaN for no order. Row t
// is decided at the close of bar t and sized then (SPEC 6.4); it fills at the next open, or at
// the same close under the run's fillAt "close".
import type {
  BarContext,
  FillAt,
  OnInsufficient,
  OrderRequest,
  SizeType,
  Strategy,
  TimeInForce,
} from "../model/index.ts";
import { symbolOrder } from "./declarative.ts";
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
  const sizeType = options.sizeType ?? "units";
  const extra = orderPolicy(options);
  // Bound to a run by its context (one per run), so the same strategy can run again.
  let run: BarContext | null = null;
  let sizes: Float64Array = new Float64Array(0);
  let order: number[] = [];
  return {
    name,
    fillAt,
    onBar(ctx: BarContext) {
      if (ctx !== run) {
        sizes = numberMatrix(sizeName, options.size, ctx);
        order = symbolOrder(ctx.symbols);
        run = ctx;
      }
      const row = ctx.t * ctx.symbols.length;
      for (const asset of order) {
        const size = sizes[row + asset];
        if (!Number.isNaN(size)) ctx.submit({ asset: ctx.symbols[asset], sizeType, size, ...extra });
      }
    },
  };
}

/** The run's fillAt that a declarative `price` needs. */
export function fillAtFor(api: string, price: "open" | "close" | undefined): FillAt {
  if (price === undefined || price === "open") return "next-open";
  if (price === "close") return "close";
  throw new Error(`${api} price: "${String(price)}"; expected "open" or "close"`);
}

/** The per-order overrides a declarative API passes to each of its orders (absent: the run's). */
export function orderPolicy(options: {
  readonly onInsufficient?: OnInsufficient;
  readonly timeInForce?: TimeInForce;
}): Pick<OrderRequest, "onInsufficient" | "timeInForce"> {
  return {
    ...(options.onInsufficient === undefined ? {} : { onInsufficient: options.onInsufficient }),
    ...(options.timeInForce === undefined ? {} : { timeInForce: options.timeInForce }),
  };
}
