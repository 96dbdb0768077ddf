// SPEC 4, 6.4 and 6.5: generated order schedules for scheduledOrders(): every order type and
// size type, limit and stop prices near the data (some the next open gaps through, some exactly
// at the next bar's open, high or low: ties at the limit), on the asset's tick grid, reversals,
// orders far beyond the cash, bursts on one bar and asset, whole portfolios (a target weight per
// asset: the start positions of a random portfolio when placed on bar 0), per-order timeInForce
// and onInsufficient, and a small share of invalid requests the engine must reject ("invalidOrder":
// an unknown asset or field, a NaN or huge size, a missing price or one the order type has no use for).
//
// Like panel(), the schedule is drawn as shrinkable drafts (bar and asset as small integers
// taken modulo the run's shape, prices as bps offsets from a reference price), then
// materialized; so a failing schedule shrinks to fewer, simpler orders on earlier bars.
import fc from "fast-check";
import type {
  OnInsufficient,
  OrderRequest,
  OrderType,
  SizeType,
  TimeInForce,
} from "../../src/model/index.ts";

export interface OrderConstraints {
  /** Fewest drafts (default 0); a burst or a reversal draft makes several orders. */
  readonly minOrders?: number;
  /** Most drafts (default 12). */
  readonly maxOrders?: number;
  /** Weight of invalid requests among drafts, against 32 for valid ones (default 1). */
  readonly invalidWeight?: number;
  /** Where limit and stop prices come from (default: 100 for every asset, bar and anchor, a cent grid). */
  readonly pricing?: OrderPricing;
}

/** Which price of the data a limit or stop price is an offset from. */
export type PriceAnchor = "close" | "nextOpen" | "nextHigh" | "nextLow";

/** The data as the order generator sees it (the generator may look ahead; a strategy may not). */
export interface OrderPricing {
  /**
   * A price near the data for (asset symbol, decision bar, anchor): the close at t, or the open,
   * high or low of bar t + 1 when present (else the close).
   */
  price(asset: string, t: number, anchor: PriceAnchor): number;
  /** The asset's tick in cents (1 without a tick grid: prices stay in whole cents). */
  tickCents(asset: string): number;
}

const FLAT_PRICING: OrderPricing = { price: () => 100, tickCents: () => 1 };

/** How an order is sized and priced, before it is placed on a bar and an asset. */
export interface OrderShape {
  readonly type: OrderType;
  readonly sizeType: SizeType;
  readonly size: number;
  /** Limit price vs the reference price (limit) or vs the stop price (stop-limit), in bps. */
  readonly limitOffsetBps: number;
  /** Stop price vs the reference price, in bps. */
  readonly stopOffsetBps: number;
  /** The price the offsets start from: for a limit its own, for stops the stop's. */
  readonly anchor: PriceAnchor;
  readonly timeInForce: TimeInForce | null;
  readonly onInsufficient: OnInsufficient | null;
}

export type InvalidFlaw =
  | "unknownAsset"
  | "unknownField"
  | "nanSize"
  | "hugeUnits"
  | "hugeValue"
  | "noLimitPrice"
  | "noStopPrice"
  | "marketLimitPrice"
  | "limitStopPrice";

const FLAWS: readonly InvalidFlaw[] = [
  "unknownAsset",
  "unknownField",
  "nanSize",
  "hugeUnits",
  "hugeValue",
  "noLimitPrice",
  "noStopPrice",
  "marketLimitPrice",
  "limitStopPrice",
];

/** One generated item; `t` and `asset` are reduced modulo the run's bars and assets. */
export type OrderDraft =
  | { readonly kind: "order"; readonly t: number; readonly asset: number; readonly order: OrderShape }
  | { readonly kind: "burst"; readonly t: number; readonly asset: number; readonly orders: OrderShape[] }
  | {
      readonly kind: "reversal";
      readonly t: number;
      readonly asset: number;
      /** Units of the opening order (signed). */
      readonly qty: number;
      /** Bars between the opening order and the opposite one (0: same bar). */
      readonly lag: number;
      /** The opposite order is -factor x qty units. */
      readonly factor: number;
    }
  | {
      readonly kind: "oversized";
      readonly t: number;
      readonly asset: number;
      readonly sizeType: SizeType;
      readonly size: number;
      readonly onInsufficient: OnInsufficient | null;
    }
  | {
      readonly kind: "portfolio";
      readonly t: number;
      /** Target weight of asset i (modulo the run's assets), in percent of equity, signed. */
      readonly weights: readonly number[];
    }
  | { readonly kind: "invalid"; readonly t: number; readonly asset: number; readonly flaw: InvalidFlaw };

/** Orders by decision bar, in submission order, for scheduledOrders(). */
export function orderSequence(
  symbols: readonly string[],
  bars: number,
  constraints: OrderConstraints = {},
): fc.Arbitrary<Map<number, OrderRequest[]>> {
  const pricing = constraints.pricing ?? FLAT_PRICING;
  return orderDrafts(constraints).map((drafts) => materializeOrders(drafts, symbols, bars, pricing));
}

/** The shrinkable drafts behind orderSequence(). */
export function orderDrafts(constraints: OrderConstraints = {}): fc.Arbitrary<OrderDraft[]> {
  const { minOrders = 0, maxOrders = 12, invalidWeight = 1 } = constraints;
  const t = fc.nat({ max: 1_000 });
  const asset = fc.nat({ max: 15 });
  const single = fc.record({ kind: fc.constant("order" as const), t, asset, order: orderShape() });
  const burst = fc.record({
    kind: fc.constant("burst" as const),
    t,
    asset,
    orders: fc.array(orderShape(), { minLength: 2, maxLength: 5 }),
  });
  const reversal = fc.record({
    kind: fc.constant("reversal" as const),
    t,
    asset,
    qty: signed(fc.integer({ min: 1, max: 800 })),
    lag: fc.nat({ max: 3 }),
    factor: fc.integer({ min: 2, max: 4 }),
  });
  const oversized = fc.oneof(
    fc.record({
      kind: fc.constant("oversized" as const),
      t,
      asset,
      sizeType: fc.constant<SizeType>("units"),
      size: signed(fc.integer({ min: 100_000, max: 10_000_000 })),
      onInsufficient: policy(),
    }),
    fc.record({
      kind: fc.constant("oversized" as const),
      t,
      asset,
      sizeType: fc.constantFrom<SizeType>("value", "targetValue"),
      size: signed(fc.integer({ min: 100_000_000, max: 10_000_000_000 })),
      onInsufficient: policy(),
    }),
    fc.record({
      kind: fc.constant("oversized" as const),
      t,
      asset,
      sizeType: fc.constantFrom<SizeType>("percent", "targetPercent"),
      size: signed(fc.integer({ min: 5, max: 50 })),
      onInsufficient: policy(),
    }),
  );
  const portfolio = fc.record({
    kind: fc.constant("portfolio" as const),
    t,
    weights: portfolioWeights(),
  });
  const invalid = fc.record({
    kind: fc.constant("invalid" as const),
    t,
    asset,
    flaw: fc.constantFrom(...FLAWS),
  });
  const draft: fc.Arbitrary<OrderDraft> = fc.oneof(
    { weight: 20, arbitrary: single },
    { weight: 4, arbitrary: burst },
    { weight: 3, arbitrary: reversal },
    { weight: 3, arbitrary: oversized },
    { weight: 2, arbitrary: portfolio },
    { weight: invalidWeight, arbitrary: invalid },
  );
  return fc.array(draft, { minLength: minOrders, maxLength: maxOrders });
}

/** Places drafts on a run of `bars` bars over `symbols`; orders of one bar keep draft order. */
export function materializeOrders(
  drafts: readonly OrderDraft[],
  symbols: readonly string[],
  bars: number,
  pricing: OrderPricing,
): Map<number, OrderRequest[]> {
  const byBar = new Map<number, OrderRequest[]>();
  const put = (t: number, order: OrderRequest) => {
    const list = byBar.get(t) ?? [];
    list.push(order);
    byBar.set(t, list);
  };
  for (const draft of drafts) {
    const t = draft.t % bars;
    if (draft.kind === "portfolio") {
      for (const order of portfolioOrders(draft.weights, symbols)) put(t, order);
      continue;
    }
    const symbol = symbols[draft.asset % symbols.length];
    switch (draft.kind) {
      case "order":
        put(t, request(symbol, t, draft.order, pricing));
        break;
      case "burst":
        for (const shape of draft.orders) put(t, request(symbol, t, shape, pricing));
        break;
      case "reversal":
        put(t, { asset: symbol, size: draft.qty });
        put(Math.min(bars - 1, t + draft.lag), { asset: symbol, size: -draft.factor * draft.qty });
        break;
      case "oversized":
        put(
          t,
          withPolicy({ asset: symbol, sizeType: draft.sizeType, size: draft.size }, draft.onInsufficient),
        );
        break;
      case "invalid":
        put(t, invalidRequest(symbol, draft.flaw, pricing.price(symbol, t, "close")));
        break;
    }
  }
  return byBar;
}

/** A signed percent per asset: 1 to 4 entries, each within +-150 % (targets of 0 included). */
export function portfolioWeights(): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: -150, max: 150 }), { minLength: 1, maxLength: 4 });
}

/** One targetPercent order per asset, weights taken cyclically. */
export function portfolioOrders(weights: readonly number[], symbols: readonly string[]): OrderRequest[] {
  return symbols.map((asset, i) => ({
    asset,
    sizeType: "targetPercent",
    size: weights[i % weights.length] / 100,
  }));
}

/** Marks a symbol no generated panel uses (panel symbols are 1-3 uppercase letters). */
export const UNKNOWN_ASSET = "?unknown";

function orderShape(): fc.Arbitrary<OrderShape> {
  const sized = fc.oneof(
    fc.record({ sizeType: fc.constant<SizeType>("units"), size: unitsSize() }),
    fc.record({
      sizeType: fc.constant<SizeType>("value"),
      size: fc.integer({ min: -100_000, max: 100_000 }),
    }),
    fc.record({ sizeType: fc.constant<SizeType>("percent"), size: fraction(150) }),
    fc.record({ sizeType: fc.constant<SizeType>("targetUnits"), size: withZero(unitsSize()) }),
    fc.record({
      sizeType: fc.constant<SizeType>("targetValue"),
      size: withZero(fc.integer({ min: -100_000, max: 100_000 })),
    }),
    fc.record({ sizeType: fc.constant<SizeType>("targetPercent"), size: withZero(fraction(150)) }),
  );
  return fc
    .record({
      type: fc.constantFrom<OrderType>("market", "limit", "stop", "stop-limit"),
      sized,
      // Mostly within a few percent, sometimes far (the next open may gap through the price),
      // sometimes exactly at the anchor: a tie with the next bar's open, high or low.
      limitOffsetBps: offsetBps(),
      stopOffsetBps: offsetBps(),
      anchor: fc.oneof(
        { weight: 3, arbitrary: fc.constant<PriceAnchor>("close") },
        { weight: 1, arbitrary: fc.constantFrom<PriceAnchor>("nextOpen", "nextHigh", "nextLow") },
      ),
      timeInForce: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom<TimeInForce>("gtc", "day") },
      ),
      onInsufficient: policy(),
    })
    .map(({ sized, ...rest }) => ({ ...rest, ...sized }));
}

function offsetBps(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.integer({ min: -300, max: 300 }) },
    { weight: 1, arbitrary: fc.integer({ min: -1500, max: 1500 }) },
  );
}

function unitsSize(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -1_000, max: 1_000 }) },
    // Off the lot grid of lotSize 1 and 10: the engine truncates toward 0.
    { weight: 1, arbitrary: fc.integer({ min: -5_000, max: 5_000 }).map((c) => c / 100) },
  );
}

/** A fraction in [-maxPercent %, +maxPercent %], in whole percents. */
function fraction(maxPercent: number): fc.Arbitrary<number> {
  return fc.integer({ min: -maxPercent, max: maxPercent }).map((p) => p / 100);
}

/** Target 0 (close the position, SPEC 6.4) often enough to be seen. */
function withZero(size: fc.Arbitrary<number>): fc.Arbitrary<number> {
  return fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: size });
}

function signed(magnitude: fc.Arbitrary<number>): fc.Arbitrary<number> {
  return fc.tuple(magnitude, fc.boolean()).map(([m, negative]) => (negative ? -m : m));
}

function policy(): fc.Arbitrary<OnInsufficient | null> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom<OnInsufficient>("reject", "partial", "scale") },
  );
}

function request(asset: string, t: number, shape: OrderShape, pricing: OrderPricing): OrderRequest {
  const order: { -readonly [K in keyof OrderRequest]: OrderRequest[K] } = {
    asset,
    type: shape.type,
    sizeType: shape.sizeType,
    size: shape.size,
  };
  const ref = pricing.price(asset, t, shape.anchor);
  const tick = pricing.tickCents(asset);
  const stop = priceAt(ref, shape.stopOffsetBps, tick);
  if (shape.type === "limit") order.limitPrice = priceAt(ref, shape.limitOffsetBps, tick);
  if (shape.type === "stop" || shape.type === "stop-limit") order.stopPrice = stop;
  if (shape.type === "stop-limit") order.limitPrice = priceAt(stop, shape.limitOffsetBps, tick);
  if (shape.timeInForce !== null) order.timeInForce = shape.timeInForce;
  return withPolicy(order, shape.onInsufficient);
}

function withPolicy(order: OrderRequest, onInsufficient: OnInsufficient | null): OrderRequest {
  return onInsufficient === null ? order : { ...order, onInsufficient };
}

function invalidRequest(symbol: string, flaw: InvalidFlaw, ref: number): OrderRequest {
  switch (flaw) {
    case "unknownAsset":
      return { asset: UNKNOWN_ASSET, size: 10 };
    case "unknownField":
      // A typo of a field an order has: no engine may read past it.
      return { asset: symbol, size: 10, limitprice: ref } as OrderRequest;
    case "nanSize":
      return { asset: symbol, size: Number.NaN };
    case "hugeUnits":
      return { asset: symbol, sizeType: "targetUnits", size: -1e20 };
    case "hugeValue":
      // Past 2^53 units at any price under 1e9.
      return { asset: symbol, sizeType: "value", size: 1e25 };
    case "marketLimitPrice":
      return { asset: symbol, size: 10, limitPrice: ref };
    case "limitStopPrice":
      return { asset: symbol, type: "limit", size: -10, limitPrice: ref, stopPrice: ref };
    case "noLimitPrice":
      return { asset: symbol, type: "limit", size: 10 };
    case "noStopPrice":
      return { asset: symbol, type: "stop-limit", size: -10, limitPrice: ref };
  }
}

/** ref moved by bps, in whole ticks of `tickCents` cents, at least one tick. */
function priceAt(ref: number, bps: number, tickCents: number): number {
  return (Math.max(1, Math.round(((ref * 100) / tickCents) * (1 + bps / 1e4))) * tickCents) / 100;
}
