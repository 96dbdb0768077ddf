// SPEC 6.4 and 9: order sizes resolved to signed units at the decision close, checked by hand on a
// tiny in-memory panel (a golden file cannot express a plain "percent" order). Each expected qty is
// worked out in the comment beside it, from the closes and equity of the panel below.
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { type ConfigInput, resolveConfig } from "../../src/config/index.ts";
import type { OrderRecord, OrderRequest, Panel } from "../../src/model/index.ts";
import { scheduledOrders } from "../../src/strategy/declarative.ts";
import { testPanel } from "../helpers/panel.ts";

// Two assets, three bars (2024-01-02..04), volume 1,000,000 everywhere.
//   A: t0 open 40 close 40; t1 open 48 close 50; t2 open 50 close 50
//   B: close 33 at every bar
const SYMBOLS = ["A", "B"];
const BARS: Record<string, readonly (readonly [open: number, high: number, low: number, close: number])[]> = {
  A: [
    [40, 41, 39, 40],
    [48, 51, 47, 50],
    [50, 51, 49, 50],
  ],
  B: [
    [33, 34, 32, 33],
    [33, 34, 32, 33],
    [33, 34, 32, 33],
  ],
};

function panel(): Panel {
  return testPanel(["2024-01-02", "2024-01-03", "2024-01-04"], BARS);
}

/** Margin account, $100,000, no costs, no volume cap: orders decided at the closes of t0 and t1. */
function orders(
  atT0: readonly OrderRequest[],
  atT1: readonly OrderRequest[] = [],
  options: ConfigInput = {},
): OrderRecord[] {
  const config = resolveConfig(
    {
      initialCash: 100_000,
      account: "margin",
      fillAt: "next-open",
      maxParticipation: null,
      onZeroVolume: "defer",
      ...options,
    },
    SYMBOLS,
  );
  const strategy = scheduledOrders(
    new Map<number, readonly OrderRequest[]>([
      [0, atT0],
      [1, atT1],
    ]),
  );
  return referenceEngine.run(panel(), config, strategy).orders;
}

/** Holding 100 A bought at the t1 open 48: at the t1 close 50, cash 100000 - 4800 = 95200 and
 * equity 95200 + 100 x 50 = 100200; the position's value is 5000. */
const HOLD_100_A: OrderRequest = { asset: "A", size: 100 };

/** The records of the orders decided at t1 (after order 1, the buy of 100 A at t0). */
function sizedAtT1(requests: readonly OrderRequest[]): OrderRecord[] {
  const all = orders([HOLD_100_A], requests);
  expect(all[0]).toMatchObject({ id: 1, t: 0, qty: 100, status: "filled", filledQty: 100 });
  return all.slice(1);
}

describe("reference intake: order sizes (SPEC 6.4)", () => {
  it("units: 150.7 and -150.7 truncate toward 0 to the lot 1: 150 and -150", () => {
    const records = orders([
      { asset: "A", sizeType: "units", size: 150.7 },
      { asset: "A", sizeType: "units", size: -150.7 },
    ]);
    expect(records.map((o) => [o.id, o.t, o.qty, o.sizeType, o.size])).toEqual([
      [1, 0, 150, "units", 150.7],
      [2, 0, -150, "units", -150.7],
    ]);
  });

  it("units with lotSize 10: 157 -> 150 and -157 -> -150 (toward 0, not floor -160)", () => {
    const records = orders(
      [
        { asset: "A", size: 157 },
        { asset: "A", size: -157 },
      ],
      [],
      { lotSize: 10 },
    );
    expect(records.map((o) => o.qty)).toEqual([150, -150]);
  });

  it("value: 10000 at close 33 is 303.03... units, truncated to 303; -10000 to -303", () => {
    const records = orders([
      { asset: "B", sizeType: "value", size: 10_000 },
      { asset: "B", sizeType: "value", size: -10_000 },
    ]);
    expect(records.map((o) => [o.qty, o.sizeType])).toEqual([
      [303, "value"],
      [-303, "value"],
    ]);
  });

  it("percent: 0.25 of equity 100000 at close 40 is 25000 / 40 = 625 units", () => {
    const [record] = orders([{ asset: "A", sizeType: "percent", size: 0.25 }]);
    expect(record).toMatchObject({ id: 1, sizeType: "percent", size: 0.25, qty: 625 });
  });

  it("percent at t1 uses the equity at that close: 0.1 x 100200 = 10020 on B at 33 = 303.6 -> 303", () => {
    const [record] = sizedAtT1([{ asset: "B", sizeType: "percent", size: 0.1 }]);
    expect(record.qty).toBe(303);
  });

  it("targetUnits against a position of 100: 30 -> -70, 250 -> +150, -20 -> -120", () => {
    const records = sizedAtT1([
      { asset: "A", sizeType: "targetUnits", size: 30 },
      { asset: "A", sizeType: "targetUnits", size: 250 },
      { asset: "A", sizeType: "targetUnits", size: -20 },
    ]);
    expect(records.map((o) => o.qty)).toEqual([-70, 150, -120]);
  });

  it("targetValue holding 100 at close 50: 2000 -> (2000 - 5000) / 50 = -60; 2010 -> -59.8 -> -59 (toward 0)", () => {
    const records = sizedAtT1([
      { asset: "A", sizeType: "targetValue", size: 2000 },
      { asset: "A", sizeType: "targetValue", size: 2010 },
      { asset: "A", sizeType: "targetValue", size: -2000 },
    ]);
    // -2000 -> (-2000 - 5000) / 50 = -140
    expect(records.map((o) => [o.qty, o.sizeType])).toEqual([
      [-60, "targetValue"],
      [-59, "targetValue"],
      [-140, "targetValue"],
    ]);
  });

  it("targetPercent holding 100: 0.08 x equity 100200 = 8016; (8016 - 5000) / 50 = 60.32 -> 60", () => {
    const [record] = sizedAtT1([{ asset: "A", sizeType: "targetPercent", size: 0.08 }]);
    expect(record).toMatchObject({ sizeType: "targetPercent", size: 0.08, qty: 60 });
  });

  it("a target of 0 (units, value or percent) closes the position exactly: -100", () => {
    const records = sizedAtT1([
      { asset: "A", sizeType: "targetUnits", size: 0 },
      { asset: "A", sizeType: "targetValue", size: 0 },
      { asset: "A", sizeType: "targetPercent", size: 0 },
    ]);
    expect(records.map((o) => [o.sizeType, o.qty])).toEqual([
      ["targetUnits", -100],
      ["targetValue", -100],
      ["targetPercent", -100],
    ]);
  });

  it("a target already met sends no order: no record, and the next order takes the next id", () => {
    const records = sizedAtT1([
      { asset: "A", sizeType: "targetUnits", size: 100 },
      // 5000 / 50 = 100 units: already held
      { asset: "A", sizeType: "targetValue", size: 5000 },
      // 5040 -> (5040 - 5000) / 50 = 0.8 -> 0: no order either
      { asset: "A", sizeType: "targetValue", size: 5040 },
      { asset: "A", sizeType: "targetUnits", size: 90 },
    ]);
    expect(records.map((o) => [o.id, o.sizeType, o.qty])).toEqual([[2, "targetUnits", -10]]);
  });

  it("a target on a flat asset is sized from 0: targetValue 1000 on B at 33 -> 30", () => {
    const [record] = orders([{ asset: "B", sizeType: "targetValue", size: 1000 }]);
    expect(record.qty).toBe(30);
  });

  it("invalid orders are rejected invalidOrder naming the field, with qty 0", () => {
    const records = orders([
      { asset: "ZZZ", size: 10 },
      { asset: "A", size: Number.NaN },
      { asset: "A", type: "limit", size: 10 },
      { asset: "A", size: Number.POSITIVE_INFINITY },
      { asset: "A", sizeType: "value", size: Number.NEGATIVE_INFINITY },
      { asset: "A", type: "stop", size: 10 },
    ]);
    expect(
      records.map((o) => [o.id, o.status, o.qty, o.filledQty, o.doneT, o.reason?.kind, fieldOf(o)]),
    ).toEqual([
      [1, "rejected", 0, 0, 0, "invalidOrder", "asset"],
      [2, "rejected", 0, 0, 0, "invalidOrder", "size"],
      [3, "rejected", 0, 0, 0, "invalidOrder", "limitPrice"],
      [4, "rejected", 0, 0, 0, "invalidOrder", "size"],
      [5, "rejected", 0, 0, 0, "invalidOrder", "size"],
      [6, "rejected", 0, 0, 0, "invalidOrder", "stopPrice"],
    ]);
  });

  it("a zero size, or one that truncates to 0, sends no order", () => {
    const records = orders([
      { asset: "A", size: 0 },
      { asset: "A", size: 0.4 },
      { asset: "B", size: 5 },
    ]);
    expect(records.map((o) => [o.id, o.asset, o.qty])).toEqual([[1, "B", 5]]);
  });
});

function fieldOf(order: OrderRecord): string | undefined {
  return order.reason?.kind === "invalidOrder" ? order.reason.field : undefined;
}
