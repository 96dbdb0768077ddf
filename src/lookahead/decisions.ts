// Look-ahead detection: what a strategy decided, bar by bar. A recorder wraps the strategy and
// logs, at each decision step, the orders it submits and the orders it cancels (and, in a run on
// perturbed bars, a throw), in call order. These are what two runs compare: the records'
// statuses and fills after t may rightly differ, the decisions at or before t may not.
import type {
  AccountView,
  BarContext,
  BarField,
  FillRecord,
  MarketTerms,
  OnInsufficient,
  OrderRecord,
  OrderRequest,
  OrderType,
  SizeType,
  Strategy,
  TimeInForce,
} from "../model/index.ts";
import { marketRequest } from "../model/index.ts";
import { symbolOrder } from "../strategy/declarative.ts";

/** An order request with its defaults spelled out, so that `{}` and `{ type: "market" }` read alike. */
export interface DecidedOrder {
  readonly asset: string;
  readonly type: OrderType;
  readonly sizeType: SizeType;
  readonly size: number;
  readonly limitPrice: number | null;
  readonly stopPrice: number | null;
  /** null: the run's default. */
  readonly timeInForce: TimeInForce | null;
  readonly onInsufficient: OnInsufficient | null;
}

export type Decision =
  | { readonly kind: "submit"; readonly t: number; readonly order: DecidedOrder }
  /** `asset` is the cancelled order's, null when it was no working order. */
  | { readonly kind: "cancel"; readonly t: number; readonly orderId: number; readonly asset: string | null }
  | { readonly kind: "threw"; readonly t: number; readonly message: string };

/** Thrown at the first decision step after `through`, to end a run whose later bars are not compared. */
export class StopRecording extends Error {
  constructor(readonly t: number) {
    super(`recording stopped at t=${t}`);
  }
}

/**
 * `strategy` with its decisions logged into `decisions`. With `through`, the run is for bars up
 * to `through` only: the decision step of bar through + 1 throws StopRecording, and a throw of the
 * strategy's is logged as a decision and ends the run the same way.
 */
export function recording(
  strategy: Strategy,
  through?: number,
): { readonly strategy: Strategy; readonly decisions: Decision[] } {
  const decisions: Decision[] = [];
  // One view per run, as strategies keep per-run state keyed on their context (perRun).
  let context: BarContext | null = null;
  let view: BarContext | null = null;
  const recorder: Strategy = {
    name: strategy.name,
    fillAt: strategy.fillAt,
    onBar(ctx) {
      if (through !== undefined && ctx.t > through) throw new StopRecording(ctx.t);
      if (ctx !== context || view === null) {
        context = ctx;
        view = new RecordingContext(ctx, decisions);
      }
      if (through === undefined) return strategy.onBar(view);
      try {
        strategy.onBar(view);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        decisions.push({ kind: "threw", t: ctx.t, message });
        throw new StopRecording(ctx.t);
      }
    },
  };
  return { strategy: recorder, decisions };
}

/** The engine's context, its submit(), submitMarket(), submitRow() and cancel() logged on the way through. */
class RecordingContext implements BarContext {
  readonly #ctx: BarContext;
  readonly #decisions: Decision[];
  readonly #symbolOrder: readonly number[];

  constructor(ctx: BarContext, decisions: Decision[]) {
    this.#ctx = ctx;
    this.#decisions = decisions;
    this.#symbolOrder = symbolOrder(ctx.symbols);
  }

  get t(): number {
    return this.#ctx.t;
  }
  get tsMs(): number {
    return this.#ctx.tsMs;
  }
  get bars(): number {
    return this.#ctx.bars;
  }
  get symbols(): readonly string[] {
    return this.#ctx.symbols;
  }
  get account(): AccountView {
    return this.#ctx.account;
  }
  get orders(): readonly OrderRecord[] {
    return this.#ctx.orders;
  }
  get fills(): readonly FillRecord[] {
    return this.#ctx.fills;
  }
  bar(field: BarField, asset: number, lag?: number): number {
    return this.#ctx.bar(field, asset, lag);
  }
  extra(name: string, asset: number, lag?: number): number {
    return this.#ctx.extra(name, asset, lag);
  }
  row(field: BarField | string, lag?: number): Float64Array {
    return this.#ctx.row(field, lag);
  }

  submit(order: OrderRequest): number | null {
    this.#decisions.push({ kind: "submit", t: this.#ctx.t, order: decided(order) });
    return this.#ctx.submit(order);
  }

  submitMarket(asset: number, size: number, terms: MarketTerms): number | null {
    // The context checks the asset index first: a decision is logged for an order it takes in.
    const id = this.#ctx.submitMarket(asset, size, terms);
    this.#decisions.push({
      kind: "submit",
      t: this.#ctx.t,
      order: decided(marketRequest(this.#ctx.symbols[asset], size, terms)),
    });
    return id;
  }

  submitRow(sizes: Float64Array, offset: number, terms: MarketTerms): void {
    this.#ctx.submitRow(sizes, offset, terms);
    // The row's orders as the engine takes them: in symbol order, NaN none.
    for (const asset of this.#symbolOrder) {
      const size = sizes[offset + asset];
      if (!Number.isNaN(size))
        this.#decisions.push({
          kind: "submit",
          t: this.#ctx.t,
          order: decided(marketRequest(this.#ctx.symbols[asset], size, terms)),
        });
    }
  }

  cancel(orderId: number): boolean {
    const target = this.#ctx.orders.find((order) => order.id === orderId);
    this.#decisions.push({ kind: "cancel", t: this.#ctx.t, orderId, asset: target?.asset ?? null });
    return this.#ctx.cancel(orderId);
  }
}

/** A request that is no object (the engine rejects it as invalidOrder) is logged with its fields undefined. */
function decided(request: OrderRequest): DecidedOrder {
  const order: Partial<OrderRequest> = typeof request === "object" && request !== null ? request : {};
  return {
    asset: order.asset as string,
    type: order.type ?? "market",
    sizeType: order.sizeType ?? "units",
    size: order.size as number,
    limitPrice: order.limitPrice ?? null,
    stopPrice: order.stopPrice ?? null,
    timeInForce: order.timeInForce ?? null,
    onInsufficient: order.onInsufficient ?? null,
  };
}
