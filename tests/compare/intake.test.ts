// SPEC 6.5 invalidOrder in both engines: what each refuses at intake and the record it writes,
// identical in the two (each engine validates requests on its own code).
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { resolveConfig } from "../../src/config/index.ts";
import type { ConfigInput } from "../../src/config/input.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type { OrderRecord, OrderRequest, Reason } from "../../src/model/index.ts";
import { scheduledOrders } from "../../src/strategy/declarative.ts";
import { type TestBar, testPanel } from "../helpers/panel.ts";

// One asset A closing at 50 on 2024-01-02 and 2024-01-03; $100,000 margin account, no costs.
const TWO_BARS: readonly TestBar[] = [
  [50, 51, 49, 50],
  [50, 51, 49, 50],
];

/** The orders of `requests` decided at bar 0, in both engines, under `options` and A's `bars`. */
function run(
  requests: readonly OrderRequest[],
  options: ConfigInput = {},
  bars: readonly TestBar[] = TWO_BARS,
): OrderRecord[][] {
  const panel = testPanel(["2024-01-02", "2024-01-03"], { A: bars });
  const config = resolveConfig(
    { initialCash: 100_000, account: "margin", maxParticipation: null, onZeroVolume: "defer", ...options },
    ["A"],
  );
  return [referenceEngine, fastEngine].map(
    (engine) => engine.run(panel, config, scheduledOrders(new Map([[0, requests]]))).orders,
  );
}

/** The invalidOrder reason of the only order of `request`, the same in both engines. */
function refusal(
  request: unknown,
  options: ConfigInput = {},
  bars: readonly TestBar[] = TWO_BARS,
): Reason | null {
  const [reference, fast] = run([request as OrderRequest], options, bars);
  expect(fast).toEqual(reference);
  expect(reference).toHaveLength(1);
  expect(reference[0]).toMatchObject({ status: "rejected", qty: 0, filledQty: 0, doneT: 0 });
  return reference[0].reason;
}

const invalid = (field: string, detail: string): Reason => ({ kind: "invalidOrder", field, detail });

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

  it("refuses an unknown asset, keeping the name it was given", () => {
    expect(refusal({ asset: "ZZZ", size: 10 })).toEqual(invalid("asset", 'unknown asset "ZZZ"'));
  });

  it("refuses a size that is not a finite number, saying what it got", () => {
    for (const [size, shown] of [
      [Number.NaN, "NaN"],
      [Number.POSITIVE_INFINITY, "Infinity"],
      [Number.NEGATIVE_INFINITY, "-Infinity"],
      [null, "null"],
      [undefined, "undefined"],
    ] as const)
      expect(refusal({ asset: "A", size })).toEqual(
        invalid("size", `size must be a finite number, got ${shown}`),
      );
  });

  it("refuses a missing, non-positive or non-finite limit or stop price", () => {
    for (const [price, shown] of [
      [undefined, "undefined"],
      [0, "0"],
      [-49, "-49"],
      [Number.NaN, "NaN"],
      [Number.POSITIVE_INFINITY, "Infinity"],
    ] as const) {
      expect(refusal({ asset: "A", type: "limit", size: 1, limitPrice: price })).toEqual(
        invalid("limitPrice", `a limit order needs a finite limitPrice > 0, got ${shown}`),
      );
      expect(refusal({ asset: "A", type: "stop", size: 1, stopPrice: price })).toEqual(
        invalid("stopPrice", `a stop order needs a finite stopPrice > 0, got ${shown}`),
      );
    }
    // A stop-limit needs both: its limit is checked first, then its stop.
    expect(refusal({ asset: "A", type: "stop-limit", size: 1, stopPrice: 52 })).toEqual(
      invalid("limitPrice", "a stop-limit order needs a finite limitPrice > 0, got undefined"),
    );
    expect(refusal({ asset: "A", type: "stop-limit", size: 1, limitPrice: 53, stopPrice: "52" })).toEqual(
      invalid("stopPrice", 'a stop-limit order needs a finite stopPrice > 0, got "52"'),
    );
  });

  it("refuses a limit or stop price off the tick grid, and takes one on it", () => {
    const ticked = { tickSize: 0.05 };
    expect(refusal({ asset: "A", type: "limit", size: 1, limitPrice: 49.97 }, ticked)).toEqual(
      invalid("limitPrice", "limitPrice 49.97 is not on the tick grid 0.05"),
    );
    expect(refusal({ asset: "A", type: "stop", size: 1, stopPrice: 51.01 }, ticked)).toEqual(
      invalid("stopPrice", "stopPrice 51.01 is not on the tick grid 0.05"),
    );
    expect(
      refusal({ asset: "A", type: "stop-limit", size: 1, stopPrice: 51.03, limitPrice: 51.1 }, ticked),
    ).toEqual(invalid("stopPrice", "stopPrice 51.03 is not on the tick grid 0.05"));
    const [reference, fast] = run(
      [{ asset: "A", type: "stop-limit", size: 1, stopPrice: 51.05, limitPrice: 51.1 }],
      ticked,
    );
    expect(fast).toEqual(reference);
    expect(reference[0]).toMatchObject({ status: "expired", reason: { kind: "endOfData" } });
  });

  it("refuses a priced size before the asset's first close (at an open, its first open), never units", () => {
    // A has no bar at 2024-01-02: no close to size a value, percent or target value/percent at.
    const late: TestBar[] = [null, [50, 51, 49, 50]];
    for (const sizeType of ["value", "percent", "targetValue", "targetPercent"] as const)
      expect(refusal({ asset: "A", sizeType, size: 0.5 }, {}, late)).toEqual(
        invalid("asset", `no close of "A" yet to size a ${sizeType} order`),
      );
    expect(refusal({ asset: "A", sizeType: "value", size: 500 }, { fillAt: "open" }, late)).toEqual(
      invalid("asset", 'no open or close of "A" yet to size a value order'),
    );
    // Units need no price: 10 units and a target of 10 both fill at 2024-01-03's open.
    const [reference, fast] = run(
      [
        { asset: "A", size: 10 },
        { asset: "A", sizeType: "targetUnits", size: 10 },
      ],
      {},
      late,
    );
    expect(fast).toEqual(reference);
    expect(reference.map((o) => `${o.qty} ${o.status}`)).toEqual(["10 filled", "10 filled"]);
  });

  it("sizeAtFill: a target of 0 for a flat asset is no order, a target met at the close still goes out", () => {
    const [none, noneFast] = run([{ asset: "A", sizeType: "targetUnits", size: 0 }], { sizeAtFill: true });
    expect(noneFast).toEqual(none);
    expect(none).toEqual([]);
    // A value of 10 at the close of 50 is 0 units, but sent: the fill's open of 25 makes it 0.4,
    // still 0 whole units, so it ends there (sizedToZero) at bar 1.
    const [reference, fast] = run([{ asset: "A", sizeType: "value", size: 10 }], { sizeAtFill: true }, [
      [50, 51, 49, 50],
      [25, 26, 24, 25],
    ]);
    expect(fast).toEqual(reference);
    expect(reference[0]).toMatchObject({
      qty: 0,
      status: "cancelled",
      reason: { kind: "sizedToZero" },
      doneT: 1,
    });
  });

  it("sizeAtFill: a size past 2^53 units at the fill's price is refused there", () => {
    // 100% of the 100,000 equity at the close of 50 is 2,000 units; at the next open of 1e-12 it
    // is 1e17 units, past 2^53.
    const [reference, fast] = run([{ asset: "A", sizeType: "percent", size: 1 }], { sizeAtFill: true }, [
      [50, 51, 49, 50],
      [1e-12, 51, 1e-12, 50],
    ]);
    expect(fast).toEqual(reference);
    expect(reference[0]).toMatchObject({
      status: "rejected",
      doneT: 1,
      reason: invalid(
        "size",
        "the percent size comes to more than 2^53 = 9007199254740992 units at the fill, past exact float64 quantities",
      ),
    });
  });

  it("keeps a price given as undefined as absent", () => {
    const [reference, fast] = run([{ asset: "A", size: 10, limitPrice: undefined }]);
    expect(fast).toEqual(reference);
    expect(reference[0]).toMatchObject({ status: "filled", qty: 10 });
  });
});
