// ctx.submitMarket and ctx.submitRow: the declarative APIs' path into an engine's intake. They
// mean submit() of the same market orders (ids, records, refusals), on both engines; what is not
// an order of theirs is an error at the call.
import { describe, expect, it } from "vitest";
import { type BarContext, type MarketTerms, marketRequest, type Strategy } from "../../src/model/index.ts";
import { fromOrders } from "../../src/strategy/from-orders.ts";
import { fromSignals } from "../../src/strategy/from-signals.ts";
import { fromTargets } from "../../src/strategy/from-targets.ts";
import { testPanel } from "../helpers/panel.ts";
import { runBoth } from "./run-both.ts";

// B before A in the columns, so that symbol order (A, B) is not column order.
const panel = () =>
  testPanel(["2024-01-02", "2024-01-03"], {
    B: [
      [20, 20, 20, 20],
      [20, 20, 20, 20],
    ],
    A: [
      [10, 10, 10, 10],
      [10, 10, 10, 10],
    ],
  });

/** A strategy that acts at t = 0 only, through `act`; what act returns is kept in `seen`. */
function atFirstBar(act: (ctx: BarContext) => unknown, seen: unknown[] = []): Strategy {
  return {
    name: "first-bar",
    onBar(ctx) {
      if (ctx.t === 0) seen.push(act(ctx));
    },
  };
}

describe("ctx.submitMarket()", () => {
  it("is submit() of marketRequest(symbols[asset], size, terms): the same records and ids", () => {
    const terms: MarketTerms = { sizeType: "value", onInsufficient: "partial" };
    const ids: unknown[] = [];
    const viaMarket = runBoth(
      panel(),
      atFirstBar((ctx) => [ctx.submitMarket(1, 500, terms), ctx.submitMarket(0, 0, terms)], ids),
    );
    const viaSubmit = runBoth(
      panel(),
      atFirstBar((ctx) => ctx.submit(marketRequest(ctx.symbols[1], 500, terms))),
    );
    // value 500 / close 10 = 50 A; a zero value is no order (null), as submit() says; once per engine.
    expect(ids).toEqual([
      [1, null],
      [1, null],
    ]);
    expect(viaMarket.orders).toEqual(viaSubmit.orders);
    expect(viaMarket.orders[0]).toMatchObject({ asset: "A", sizeType: "value", size: 500, qty: 50 });
    expect(viaMarket.fills).toEqual(viaSubmit.fills);
  });

  it("refuses as submit() does, the record keeping what was asked", () => {
    const records = runBoth(
      panel(),
      atFirstBar((ctx) => ctx.submitMarket(1, 1e24, { sizeType: "units" })),
    );
    expect(records.orders[0]).toMatchObject({
      asset: "A",
      size: 1e24,
      status: "rejected",
      reason: { kind: "invalidOrder", field: "size" },
    });
  });

  it("throws for an asset index out of range and for a key terms do not have", () => {
    expect(() =>
      runBoth(
        panel(),
        atFirstBar((ctx) => ctx.submitMarket(2, 1, {})),
      ),
    ).toThrow("asset index 2 out of range 0..1");
    expect(() =>
      runBoth(
        panel(),
        atFirstBar((ctx) => ctx.submitMarket(0, 1, { limitPrice: 9 } as MarketTerms)),
      ),
    ).toThrow('submitMarket terms: unknown key "limitPrice"');
  });
});

describe("ctx.submitRow()", () => {
  it("sends each non-NaN size of the row in symbol order, a target 0 on a flat asset no order", () => {
    // Row t=0 over columns [B, A]: B targetUnits 0 (flat: no order), A 30.
    const sizes = Float64Array.from([0, 30, Number.NaN, Number.NaN]);
    const records = runBoth(
      panel(),
      atFirstBar((ctx) => ctx.submitRow(sizes, 0, { sizeType: "targetUnits" })),
    );
    expect(records.orders.map((o) => [o.id, o.asset, o.qty])).toEqual([[1, "A", 30]]);
  });

  it("a priced target 0 is no order for a flat asset with a close, a refusal for one without, a sale for one held", () => {
    // B has no bar at 2024-01-02; A closes at 10. t=0: a targetValue row of 0s ([B, A]): A is
    // flat, no order; B has no close to size at: invalidOrder, as submit() says. Then a units row
    // buys 30 A. t=1: the same row of 0s closes A's 30 and sends B, flat with a close, nothing.
    const late = testPanel(["2024-01-02", "2024-01-03", "2024-01-04"], {
      B: [null, [20, 20, 20, 20], [20, 20, 20, 20]],
      A: [
        [10, 10, 10, 10],
        [10, 10, 10, 10],
        [10, 10, 10, 10],
      ],
    });
    const zeros = Float64Array.from([0, 0]);
    const records = runBoth(late, {
      name: "rows",
      onBar(ctx) {
        if (ctx.t === 0) ctx.submitRow(zeros, 0, { sizeType: "targetValue" });
        if (ctx.t === 0) ctx.submitRow(Float64Array.from([Number.NaN, 30]), 0, {});
        if (ctx.t === 1) ctx.submitRow(zeros, 0, { sizeType: "targetValue" });
      },
    });
    expect(
      records.orders.map((o) => [o.t, o.asset, o.sizeType, o.qty, o.status, o.reason?.kind ?? null]),
    ).toEqual([
      [0, "B", "targetValue", 0, "rejected", "invalidOrder"],
      [0, "A", "units", 30, "filled", null],
      [1, "A", "targetValue", -30, "filled", null],
    ]);
    expect(records.orders[0].reason).toMatchObject({
      detail: 'no close of "B" yet to size a targetValue order',
    });
  });

  it("orders in symbol order, not column order", () => {
    const sizes = Float64Array.from([5, 7, Number.NaN, Number.NaN]);
    const records = runBoth(
      panel(),
      atFirstBar((ctx) => ctx.submitRow(sizes, 0, {})),
    );
    expect(records.orders.map((o) => [o.id, o.asset, o.qty])).toEqual([
      [1, "A", 7],
      [2, "B", 5],
    ]);
  });

  it("refuses every order of invalid terms one by one, as submit() would", () => {
    const sizes = Float64Array.from([0, 30, Number.NaN, Number.NaN]);
    const records = runBoth(
      panel(),
      atFirstBar((ctx) => ctx.submitRow(sizes, 0, { sizeType: "targetUnits", timeInForce: "week" as never })),
    );
    expect(records.orders.map((o) => [o.asset, o.status, o.reason?.kind])).toEqual([
      ["A", "rejected", "invalidOrder"],
      ["B", "rejected", "invalidOrder"],
    ]);
  });

  it("throws for a row that does not fit, and for sizes that are not a Float64Array", () => {
    const sizes = new Float64Array(4);
    expect(() =>
      runBoth(
        panel(),
        atFirstBar((ctx) => ctx.submitRow(sizes, 3, {})),
      ),
    ).toThrow("submitRow offset 3: a row of 2 sizes must fit in the 4 given");
    expect(() =>
      runBoth(
        panel(),
        atFirstBar((ctx) => ctx.submitRow([1, 2] as unknown as Float64Array, 0, {})),
      ),
    ).toThrow("submitRow sizes must be a Float64Array");
  });
});

describe("the declarative APIs check their order terms at the call", () => {
  it("names the API, the option and the values it takes", () => {
    expect(() => fromOrders({ size: 1, sizeType: "shares" as never })).toThrow(
      'fromOrders sizeType: "shares"; expected one of units, value, percent, targetUnits, targetValue, targetPercent',
    );
    expect(() => fromTargets({ weights: 0.1, onInsufficient: "shrink" as never })).toThrow(
      'fromTargets onInsufficient: "shrink"; expected one of reject, partial, scale',
    );
    expect(() => fromSignals({ size: 1, timeInForce: "week" as never })).toThrow(
      'fromSignals timeInForce: "week"; expected one of gtc, day',
    );
  });
});
