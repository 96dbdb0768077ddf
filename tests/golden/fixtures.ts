// Hand-built golden inputs and Records for the golden tests: no engine involved.
import type { FillRecord, OrderRecord, Records } from "../../src/model/index.ts";

/** Parsed JSON that tests edit freely before the reader checks it. */
// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited into invalid shapes on purpose
export type LooseJson = Record<string, any>;

/** A small golden file as parsed JSON; tests clone and edit it. */
export function tinyGolden(): LooseJson {
  return {
    name: "tiny",
    peer: "assay-spec test",
    about: "two assets, three dates, a missing bar and an absent row",
    input: {
      cash: 10000,
      assets: ["B", "A"],
      bars: [
        { date: "2024-01-02", asset: "A", open: 10, high: 11, low: 9, close: 10.5, volume: 1000 },
        {
          date: "2024-01-02",
          asset: "B",
          open: 20,
          high: 21,
          low: 19,
          close: 20.5,
          volume: 500,
          spread: 0.001,
        },
        { date: "2024-01-03", asset: "A", open: null, high: null, low: null, close: null, volume: null },
        { date: "2024-01-03", asset: "B", open: 20.5, high: 22, low: 20, close: 21, volume: 0 },
        { date: "2024-01-04", asset: "A", open: 10.5, high: 11, low: 10, close: 10.8, volume: 900 },
      ],
      orders: [
        { date: "2024-01-02", asset: "A", type: "market", size: 100 },
        { date: "2024-01-02", asset: "B", type: "limit", size: -50, limitPrice: 21.5, timeInForce: "day" },
        { date: "2024-01-02", asset: "A", type: "stop", size: -10, stopPrice: 9.5 },
        { date: "2024-01-03", asset: "B", type: "stop-limit", size: 5, stopPrice: 21.5, limitPrice: 22 },
        { date: "2024-01-03", asset: "A", type: "value", value: -2000, onInsufficient: "partial" },
        { date: "2024-01-03", asset: "B", type: "target-size", size: 0 },
        { date: "2024-01-04", asset: "B", type: "target-value", value: 5000 },
        { date: "2024-01-04", asset: "A", type: "target-percent", percent: -0.25 },
      ],
      costs: { commission: { kind: "percent", rate: 0.001 }, slippage: { kind: "bps", bps: 5 } },
      fillAt: "next-open",
      options: {
        account: "margin",
        onInsufficient: null,
        maxParticipation: null,
        settlement: 0,
        debitRate: 0,
      },
      other: { note: "words" },
    },
    expected: { finalValue: 10000 },
  };
}

export const DATES = ["2024-01-02", "2024-01-03", "2024-01-04"];

function order(o: Partial<OrderRecord> & Pick<OrderRecord, "id" | "t" | "asset" | "qty">): OrderRecord {
  return {
    type: "market",
    sizeType: "units",
    size: o.qty,
    limitPrice: null,
    stopPrice: null,
    timeInForce: "gtc",
    onInsufficient: "reject",
    status: "filled",
    filledQty: o.qty,
    reason: null,
    doneT: o.t + 1,
    deferred: { zeroVolume: 0, volumeCap: 0, missingBar: 0, slippage: 0 },
    ...o,
  };
}

function fill(
  f: Partial<FillRecord> & Pick<FillRecord, "orderId" | "t" | "asset" | "qty" | "fillPrice">,
): FillRecord {
  return {
    reducingQty: 0,
    increasingQty: f.qty,
    basePrice: f.fillPrice,
    commission: 0,
    slippageCost: 0,
    impactCost: 0,
    forced: false,
    partial: false,
    zeroVolume: false,
    noImpactHistory: false,
    clamped: null,
    volumeCap: null,
    ...f,
  };
}

/**
 * Records of a three-bar run: order 1 buys 100 A at 10.005 on bar 1; order 2 (B, target-percent)
 * is cut by buying power after 30 of 80; order 3 (B limit) expires at the end of data.
 */
export function tinyRecords(): Records {
  return {
    engine: "hand",
    symbols: ["B", "A"],
    orders: [
      order({ id: 1, t: 0, asset: "A", qty: 100 }),
      order({
        id: 2,
        t: 1,
        asset: "B",
        sizeType: "targetPercent",
        size: 0.5,
        qty: 80,
        onInsufficient: "partial",
        status: "partial",
        filledQty: 30,
        reason: { kind: "insufficientBuyingPower", required: 2100.5, available: 1500.25 },
      }),
      order({
        id: 3,
        t: 1,
        asset: "B",
        type: "limit",
        qty: -5,
        limitPrice: 30,
        status: "expired",
        filledQty: 0,
        reason: { kind: "endOfData" },
        doneT: 2,
      }),
    ],
    fills: [
      fill({
        orderId: 1,
        t: 1,
        asset: "A",
        qty: 100,
        basePrice: 10,
        fillPrice: 10.005,
        commission: 1.0005,
        slippageCost: 0.5,
      }),
      fill({ orderId: 2, t: 2, asset: "B", qty: 30, fillPrice: 21, commission: 0.63, partial: false }),
    ],
    events: [{ t: 2, step: 4, kind: "marginCall", equity: 900, requirement: 1000, deficit: 100 }],
    trades: [
      {
        asset: "A",
        side: 1,
        entryT: 1,
        exitT: null,
        absQty: 100,
        entryPrice: 10.005,
        exitPrice: null,
        realizedPnl: 0,
        commission: 1.0005,
        pnl: -1.0005,
        open: true,
      },
      {
        asset: "B",
        side: 1,
        entryT: 2,
        exitT: null,
        absQty: 30,
        entryPrice: 21,
        exitPrice: null,
        realizedPnl: 0,
        commission: 0.63,
        pnl: -0.63,
        open: true,
      },
    ],
    series: {
      cash: [10000, 8998.4995, 8367.8695],
      equity: [10000, 9999.9995, 9997.8695],
      grossExposure: [0, 1000, 1710],
      netExposure: [0, 1000, 1710],
      initialMargin: [0, 500, 855],
      maintenanceMargin: [0, 250, 427.5],
      positions: [
        [0, 0],
        [0, 100],
        [30, 100],
      ],
    },
    totals: { commission: 1.6305, realizedPnl: 0, unrealizedPnl: -2.5 },
    ledgerTotals: {
      commission: -1.6305,
      variationMargin: 0,
      debitInterest: 0,
      creditInterest: 0,
      borrowFee: 0,
      shortRebate: 0,
      deposit: 0,
      withdrawal: 0,
    },
    sameBarFills: false,
    warnings: [],
  };
}

/** The expected section that tinyRecords() matches exactly. */
export function tinyExpected(): LooseJson {
  return {
    fills: [
      {
        date: "2024-01-03",
        asset: "A",
        orderId: 1,
        size: 100,
        reducingQty: 0,
        increasingQty: 100,
        basePrice: 10,
        price: 10.005,
        commission: 1.0005,
        slippageCost: 0.5,
        impactCost: 0,
        flags: [],
      },
      { date: "2024-01-04", asset: "B", size: 30, price: 21, commission: 0.63 },
    ],
    rejected: [{ date: "2024-01-04", asset: "B", orderId: 2, size: 50, reason: "insufficientBuyingPower" }],
    orders: [
      {
        id: 1,
        date: "2024-01-02",
        asset: "A",
        type: "market",
        qty: 100,
        onInsufficient: "reject",
        status: "filled",
        filledQty: 100,
        reason: null,
      },
      {
        id: 2,
        date: "2024-01-03",
        asset: "B",
        type: "target-percent",
        qty: 80,
        onInsufficient: "partial",
        status: "partial",
        filledQty: 30,
        reason: "insufficientBuyingPower",
        reasonDetail: { required: 2100.5, available: 1500.25 },
      },
      {
        id: 3,
        date: "2024-01-03",
        asset: "B",
        type: "limit",
        qty: -5,
        onInsufficient: "reject",
        status: "expired",
        filledQty: 0,
        reason: "endOfData",
      },
    ],
    equity: [
      { date: "2024-01-02", value: 10000, cash: 10000 },
      { date: "2024-01-03", value: 9999.9995, cash: 8998.4995 },
      { date: "2024-01-04", value: 9997.8695, cash: 8367.8695 },
    ],
    finalValue: 9997.8695,
    finalCash: 8367.8695,
    finalPositions: { A: 100, B: 30 },
    events: [{ kind: "marginCall", date: "2024-01-04", equity: 900, requirement: 1000, deficit: 100 }],
    ledgerTotals: { commission: -1.6305 },
    trades: [
      {
        asset: "A",
        qty: 100,
        entryDate: "2024-01-03",
        exitDate: null,
        entryPrice: 10.005,
        exitPrice: null,
        realizedPnl: 0,
        commission: 1.0005,
        pnl: -1.0005,
      },
      { asset: "B", qty: 30, entryDate: "2024-01-04", exitDate: null, commission: 0.63 },
    ],
  };
}
