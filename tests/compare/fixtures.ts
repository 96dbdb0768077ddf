// Hand-made Records for the comparator tests: two assets, six bars, three orders (one rejected),
// two fills, one event, one round trip. The numbers are plausible, not an engine's output.
import type { EventRecord, FillRecord, OrderRecord, Records } from "../../src/model/index.ts";

/** Records whose fields the tests may edit: the readonly markers removed, one level deep. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function tinyRecords(engine = "reference"): Records {
  const orders: OrderRecord[] = [
    order({ id: 1, t: 0, asset: "SPY", qty: 100, status: "filled", filledQty: 100, doneT: 1 }),
    order({
      id: 2,
      t: 2,
      asset: "BKNG",
      type: "limit",
      size: 5,
      qty: 5,
      limitPrice: 3520,
      status: "rejected",
      reason: { kind: "insufficientCash", required: 17600.5, available: 9000 },
      doneT: 3,
    }),
    order({ id: 3, t: 4, asset: "BKNG", sizeType: "value", size: -3512.25, qty: -1 }),
  ];
  orders[2] = { ...orders[2], status: "filled", filledQty: -1, doneT: 5 };
  const fills: FillRecord[] = [
    fill({
      orderId: 1,
      t: 1,
      asset: "SPY",
      qty: 100,
      increasingQty: 100,
      basePrice: 101.2,
      fillPrice: 101.25,
    }),
    fill({
      orderId: 3,
      t: 5,
      asset: "BKNG",
      qty: -1,
      increasingQty: -1,
      basePrice: 3512.5,
      fillPrice: 3512.25,
      commission: 1,
      slippageCost: 0.25,
    }),
  ];
  const events: EventRecord[] = [
    { kind: "marginCall", t: 4, step: 4, equity: 20100.5, requirement: 21000, deficit: 899.5 },
  ];
  return {
    engine,
    symbols: ["SPY", "BKNG"],
    orders,
    fills,
    events,
    trades: [
      {
        asset: "SPY",
        side: 1,
        entryT: 1,
        exitT: null,
        absQty: 100,
        entryPrice: 101.25,
        exitPrice: null,
        realizedPnl: 0,
        commission: 1,
        pnl: -1,
        open: true,
      },
      {
        asset: "BKNG",
        side: -1,
        entryT: 5,
        exitT: null,
        absQty: 1,
        entryPrice: 3512.25,
        exitPrice: null,
        realizedPnl: 0,
        commission: 1,
        pnl: -1,
        open: true,
      },
    ],
    series: {
      cash: [30000, 19874, 19874, 19874, 19874, 23385.25],
      equity: [30000, 29999, 30049, 30099, 20100.5, 33585.25],
      grossExposure: [0, 10125, 10175, 10225, 226.5, 13712.25],
      netExposure: [0, 10125, 10175, 10225, 226.5, 6687.75],
      initialMargin: [0, 5062.5, 5087.5, 5112.5, 113.25, 6856.125],
      maintenanceMargin: [0, 2531.25, 2543.75, 2556.25, 21000, 3428.0625],
      positions: [
        [0, 0],
        [100, 0],
        [100, 0],
        [100, 0],
        [100, 0],
        [100, -1],
      ],
    },
    totals: { commission: 2, realizedPnl: 0, unrealizedPnl: 50.25 },
    ledgerTotals: {
      commission: -2,
      variationMargin: 0,
      debitInterest: 0,
      creditInterest: 0,
      borrowFee: -0.01,
      shortRebate: 0,
      deposit: 0,
      withdrawal: 0,
    },
    sameBarFills: false,
    warnings: ["holidays null: weekdays only"],
  };
}

function order(o: Partial<OrderRecord> & Pick<OrderRecord, "id" | "t" | "asset" | "qty">): OrderRecord {
  const { id, t, asset, qty, ...rest } = o;
  return {
    id,
    t,
    asset,
    type: "market",
    sizeType: "units",
    size: qty,
    qty,
    limitPrice: null,
    stopPrice: null,
    timeInForce: "gtc",
    onInsufficient: "reject",
    status: "working",
    filledQty: 0,
    reason: null,
    doneT: null,
    deferred: { zeroVolume: 0, volumeCap: 0, missingBar: 0, slippage: 0 },
    ...rest,
  };
}

function fill(
  f: Partial<FillRecord> & Pick<FillRecord, "orderId" | "t" | "asset" | "qty" | "basePrice" | "fillPrice">,
): FillRecord {
  const { orderId, t, asset, qty, basePrice, fillPrice, ...rest } = f;
  return {
    orderId,
    t,
    asset,
    qty,
    reducingQty: 0,
    increasingQty: 0,
    basePrice,
    fillPrice,
    commission: 1,
    slippageCost: 5,
    impactCost: 0,
    forced: false,
    partial: false,
    zeroVolume: false,
    noImpactHistory: false,
    clamped: null,
    volumeCap: null,
    ...rest,
  };
}
