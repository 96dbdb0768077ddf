// fromTargets by hand, on both engines: targets go in as target orders, the engine fills the
// reducing legs first and scales the increasing ones (SPEC 6.1, 6.4).
import { describe, expect, it } from "vitest";
import { fromTargets } from "../../src/strategy/from-targets.ts";
import { testPanel } from "../helpers/panel.ts";
import { decided, runBoth } from "./run-both.ts";

const N = Number.NaN;
//   A: t0 close 10; t1 open 10 close 11; t2 open 11 close 11
//   B: t0 close 10; t1 close 10;         t2 open 10.5 close 10.5
const panel = () =>
  testPanel(["2024-01-02", "2024-01-03", "2024-01-04"], {
    A: [
      [10, 10, 10, 10],
      [10, 11, 10, 11],
      [11, 11, 11, 11],
    ],
    B: [
      [10, 10, 10, 10],
      [10, 10, 10, 10],
      [10.5, 10.5, 10.5, 10.5],
    ],
  });

describe("fromTargets()", () => {
  it("rotates A into B: the sale of A fills first, and B's buy scales to the cash it leaves", () => {
    // Cash account, 10,000. t0: A weight 1 -> 10,000 / 10 = 1000 A, bought at the t1 open 10: cash 0.
    // t1 close: equity 1000 x 11 = 11,000; A -> 0 sells 1000, B -> 1 buys 11,000 / 10 = 1100.
    // t2 open: the sale first, cash 1000 x 11 = 11,000; 1100 B at 10.5 = 11,550 does not fit.
    // scale: the largest j with floor(1100 x j / 10^4) x 10.5 <= 11,000 is 9527 (1047 units,
    // 10,993.50); j = 9528 gives 1048 units, 11,004 > 11,000.
    const weights = { A: [1, 0, N], B: [0, 1, N] };
    const records = runBoth(panel(), fromTargets({ weights }), { initialCash: 10_000, account: "cash" });
    expect(decided(records)).toEqual([
      "t=0 A targetPercent 1 qty=1000",
      "t=1 A targetPercent 0 qty=-1000",
      "t=1 B targetPercent 1 qty=1100",
    ]);
    const buyB = records.orders[2];
    expect(buyB).toMatchObject({ onInsufficient: "scale", status: "partial", filledQty: 1047 });
    expect(buyB.reason).toEqual({ kind: "scaled", k: 0.9527 });
  });

  it("takes values (targetValue) and units (targetUnits); NaN leaves a position alone", () => {
    const byValue = runBoth(panel(), fromTargets({ values: { A: [1000, N, 0] } }));
    expect(decided(byValue)).toEqual(["t=0 A targetValue 1000 qty=100", "t=2 A targetValue 0 qty=-100"]);
    const byUnits = runBoth(
      panel(),
      fromTargets({
        units: [
          [5, 5],
          [N, 2],
          [N, N],
        ],
      }),
    );
    expect(decided(byUnits)).toEqual([
      "t=0 A targetUnits 5 qty=5",
      "t=0 B targetUnits 5 qty=5",
      "t=1 B targetUnits 2 qty=-3",
    ]);
  });

  it("an explicit onInsufficient replaces the scale default", () => {
    const weights = { A: [1, 0, N], B: [0, 1, N] };
    const records = runBoth(panel(), fromTargets({ weights, onInsufficient: "reject" }), {
      initialCash: 10_000,
      account: "cash",
    });
    expect(records.orders[2]).toMatchObject({ status: "rejected", filledQty: 0 });
  });

  it("needs exactly one of weights, values and units", () => {
    expect(() => fromTargets({} as never)).toThrow(
      "fromTargets: give exactly one of weights, values or units, got none",
    );
    expect(() => fromTargets({ weights: 1, units: 1 } as never)).toThrow("got weights and units");
  });
});
