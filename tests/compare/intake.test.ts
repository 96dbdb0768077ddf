// SPEC 6.5 invalidOrder in both engines: what each refuses at intake and the record it writes,
// identical in the two (each engine validates requests on its own code).
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { resolveConfig } from "../../src/config/index.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type { OrderRecord, OrderRequest, Reason } from "../../src/model/index.ts";
import { scheduledOrders } from "../../src/strategy/declarative.ts";
import { testPanel } from "../helpers/panel.ts";

// One asset A closing at 50 on 2024-01-02 and 2024-01-03; $100,000 margin account, no costs.
function run(requests: readonly OrderRequest[]): OrderRecord[][] {
  const panel = testPanel(["2024-01-02", "2024-01-03"], {
    A: [
      [50, 51, 49, 50],
      [50, 51, 49, 50],
    ],
  });
  const config = resolveConfig(
    { initialCash: 100_000, account: "margin", maxParticipation: null, onZeroVolume: "defer" },
    ["A"],
  );
  return [referenceEngine, fastEngine].map(
    (engine) => engine.run(panel, config, scheduledOrders(new Map([[0, requests]]))).orders,
  );
}

/** The invalidOrder reason of the only order of `request`, the same in both engines. */
function refusal(request: unknown): Reason | null {
  const [reference, fast] = run([request as OrderRequest]);
  expect(fast).toEqual(reference);
  expect(reference).toHaveLength(1);
  expect(reference[0]).toMatchObject({ status: "rejected", qty: 0, filledQty: 0, doneT: 0 });
  return reference[0].reason;
}

const UNITS_OVER_2_53 =
  "size comes to more than 2^53 = 9007199254740992 units, past exact float64 quantities";

describe("intake() in both engines", () => {
  it("refuses an unknown field, naming it and the fields an order has", () => {
    expect(refusal({ asset: "A", size: 10, qtty: 5 })).toEqual({
      kind: "invalidOrder",
      field: "qtty",
      detail:
        'unknown field "qtty"; an order has asset, type, sizeType, size, limitPrice, stopPrice, timeInForce, onInsufficient',
    });
  });

  it("refuses names an object inherits (toString, constructor) as order types and terms", () => {
    // The fast engine once looked types up in a plain object: "constructor" found Object and the
    // order was taken as a market order of no known type.
    for (const type of ["constructor", "toString", "__proto__"])
      expect(refusal({ asset: "A", size: 10, type })).toEqual({
        kind: "invalidOrder",
        field: "type",
        detail: `unknown order type "${type}"`,
      });
    expect(refusal({ asset: "A", size: 10, sizeType: "valueOf" })).toMatchObject({ field: "sizeType" });
    expect(refusal({ asset: "A", size: 10, onInsufficient: "hasOwnProperty" })).toMatchObject({
      field: "onInsufficient",
    });
    expect(refusal({ asset: "A", size: 10, timeInForce: "constructor" })).toMatchObject({
      field: "timeInForce",
    });
  });

  it("refuses a price the order type has no use for", () => {
    expect(refusal({ asset: "A", size: 10, limitPrice: 49 })).toEqual({
      kind: "invalidOrder",
      field: "limitPrice",
      detail: "a market order has no limitPrice; it is for limit and stop-limit orders",
    });
    expect(refusal({ asset: "A", type: "limit", size: 10, limitPrice: 49, stopPrice: 48 })).toEqual({
      kind: "invalidOrder",
      field: "stopPrice",
      detail: "a limit order has no stopPrice; it is for stop and stop-limit orders",
    });
    expect(refusal({ asset: "A", type: "stop", size: 10, stopPrice: 52, limitPrice: 53 })).toEqual({
      kind: "invalidOrder",
      field: "limitPrice",
      detail: "a stop order has no limitPrice; it is for limit and stop-limit orders",
    });
  });

  it("quotes a string size or price, so it does not read as a number", () => {
    expect(refusal({ asset: "A", size: "12" })).toEqual({
      kind: "invalidOrder",
      field: "size",
      detail: 'size must be a finite number, got "12"',
    });
    expect(refusal({ asset: "A", type: "limit", size: 1, limitPrice: "49" })).toEqual({
      kind: "invalidOrder",
      field: "limitPrice",
      detail: 'a limit order needs a finite limitPrice > 0, got "49"',
    });
  });

  it("refuses a size past 2^53 units, in units, money or percent of equity", () => {
    expect(refusal({ asset: "A", size: 1e20 })).toEqual({
      kind: "invalidOrder",
      field: "size",
      detail: `the units ${UNITS_OVER_2_53}`,
    });
    // 1e18 / 50 = 2e16 units > 2^53 = 9.007e15
    expect(refusal({ asset: "A", sizeType: "value", size: 1e18 })).toEqual({
      kind: "invalidOrder",
      field: "size",
      detail: `the value ${UNITS_OVER_2_53}`,
    });
    // 1e13 x equity 100,000 / 50 = 2e16 units
    expect(refusal({ asset: "A", sizeType: "targetPercent", size: 1e13 })).toEqual({
      kind: "invalidOrder",
      field: "size",
      detail: `the targetPercent ${UNITS_OVER_2_53}`,
    });
  });

  it("takes 1e15 units as 1e15, and 2^53 units itself", () => {
    const [reference1e15, fast1e15] = run([{ asset: "A", size: 1e15 }]);
    expect(fast1e15).toEqual(reference1e15);
    expect(reference1e15[0].qty).toBe(1e15);
    const [reference, fast] = run([{ asset: "A", size: 2 ** 53 }]);
    expect(fast).toEqual(reference);
    expect(reference[0]).toMatchObject({ qty: 2 ** 53, reason: { kind: "insufficientBuyingPower" } });
  });

  it("keeps a price given as undefined as absent", () => {
    const [reference, fast] = run([{ asset: "A", size: 10, limitPrice: undefined }]);
    expect(fast).toEqual(reference);
    expect(reference[0]).toMatchObject({ status: "filled", qty: 10 });
  });
});
