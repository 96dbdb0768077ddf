// fromOrders by hand on two assets, on both engines: a size per bar and asset, NaN for none.
//   A: close 10 at t0, open 10 close 11 at t1, open 11 close 12 at t2
//   B: close 20 everywhere
import { describe, expect, it } from "vitest";
import { fromOrders } from "../../src/strategy/from-orders.ts";
import { testPanel } from "../helpers/panel.ts";
import { decided, runBoth } from "./run-both.ts";

const DATES = ["2024-01-02", "2024-01-03", "2024-01-04"];
const panel = () =>
  testPanel(DATES, {
    A: [
      [10, 10, 10, 10],
      [10, 11, 10, 11],
      [11, 12, 11, 12],
    ],
    B: [
      [20, 20, 20, 20],
      [20, 20, 20, 20],
      [20, 20, 20, 20],
    ],
  });
const N = Number.NaN;

describe("fromOrders()", () => {
  it("sends one order per finite size, none for NaN, in symbol order", () => {
    const size = [
      [100, N],
      [N, N],
      [-50, 10],
    ];
    const records = runBoth(panel(), fromOrders({ size }));
    expect(decided(records)).toEqual([
      "t=0 A units 100 qty=100",
      "t=2 A units -50 qty=-50",
      "t=2 B units 10 qty=10",
    ]);
  });

  it("sizes value, percent and target orders at the decision close (SPEC 6.4)", () => {
    // value 1000 / close 10 = 100 A; percent 0.02 x equity 100,000 / close 20 = 100 B.
    expect(
      decided(
        runBoth(
          panel(),
          fromOrders({
            size: [
              [1000, N],
              [N, N],
              [N, N],
            ],
            sizeType: "value",
          }),
        ),
      ),
    ).toEqual(["t=0 A value 1000 qty=100"]);
    expect(
      decided(
        runBoth(
          panel(),
          fromOrders({
            size: [
              [N, 0.02],
              [N, N],
              [N, N],
            ],
            sizeType: "percent",
          }),
        ),
      ),
    ).toEqual(["t=0 B percent 0.02 qty=100"]);
    // targetUnits 100 then 30: buys 100, then sells 70 from the position held at t1.
    const targets = fromOrders({ size: { A: [100, 30, N] }, sizeType: "targetUnits" });
    expect(decided(runBoth(panel(), targets))).toEqual([
      "t=0 A targetUnits 100 qty=100",
      "t=1 A targetUnits 30 qty=-70",
    ]);
  });

  it("a Float64Array (row-major T x N) and rows give the same orders", () => {
    const rows = [
      [5, N],
      [N, -3],
      [N, N],
    ];
    const flat = Float64Array.from(rows.flat());
    expect(decided(runBoth(panel(), fromOrders({ size: flat })))).toEqual(
      decided(runBoth(panel(), fromOrders({ size: rows }))),
    );
  });

  it('price "close" asks for same-bar fills, and fills at the decision close under fillAt "close"', () => {
    const strategy = fromOrders({ size: { A: [100, N, N] }, price: "close" });
    expect(strategy.fillAt).toBe("close");
    expect(fromOrders({ size: 1 }).fillAt).toBe("next-open");
    const records = runBoth(panel(), strategy, { fillAt: strategy.fillAt });
    expect(records.fills.map((f) => [f.t, f.qty, f.fillPrice])).toEqual([[0, 100, 10]]);
  });

  it("passes onInsufficient and timeInForce to every order", () => {
    const strategy = fromOrders({ size: { A: [1e6, N, N] }, onInsufficient: "partial", timeInForce: "day" });
    const [order] = runBoth(panel(), strategy).orders;
    expect(order).toMatchObject({ onInsufficient: "partial", timeInForce: "day", status: "partial" });
  });
});
