// fromSignals' semantics checked by hand on one asset, on both engines. Signals at bar t are
// decided at the close of t and fill at the open of t+1 (SPEC 4).
//   A: t0 close 10; t1 open 10 close 11; t2 open 11 close 12; t3 open 12 close 9;
//      t4 open 9 close 10; t5 open 10 close 10
import { describe, expect, it } from "vitest";
import { fromSignals } from "../../src/strategy/from-signals.ts";
import { testPanel } from "../helpers/panel.ts";
import { decided, runBoth } from "./run-both.ts";

const DATES = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"];
const A = [
  [10, 10, 10, 10],
  [10, 11, 10, 11],
  [11, 12, 11, 12],
  [12, 12, 9, 9],
  [9, 10, 9, 10],
  [10, 10, 10, 10],
] as const;
const panel = () => testPanel(DATES, { A });

/** One asset's signal column with `true` at the listed bars. */
function at(...bars: number[]): { A: boolean[] } {
  return { A: DATES.map((_, t) => bars.includes(t)) };
}

describe("fromSignals()", () => {
  it("enters at an entry and closes at an exit, each filling at the next open", () => {
    const records = runBoth(panel(), fromSignals({ entries: at(0), exits: at(2), size: 100 }));
    expect(decided(records)).toEqual(["t=0 A units 100 qty=100", "t=2 A targetUnits 0 qty=-100"]);
    expect(records.fills.map((f) => [f.t, f.qty, f.fillPrice])).toEqual([
      [1, 100, 10],
      [3, -100, 12],
    ]);
  });

  it("ignores a second entry while long (accumulate false) and an exit while flat", () => {
    const records = runBoth(panel(), fromSignals({ entries: at(0, 1), exits: at(2, 4), size: 100 }));
    expect(decided(records)).toEqual(["t=0 A units 100 qty=100", "t=2 A targetUnits 0 qty=-100"]);
  });

  it("adds size on each entry under accumulate, and an exit closes it all", () => {
    const records = runBoth(
      panel(),
      fromSignals({ entries: at(0, 1), exits: at(2), size: 100, accumulate: true }),
    );
    expect(decided(records)).toEqual([
      "t=0 A units 100 qty=100",
      "t=1 A units 100 qty=100",
      "t=2 A targetUnits 0 qty=-200",
    ]);
  });

  it('makes entries and exits the short side\'s under direction "shortonly"', () => {
    const records = runBoth(
      panel(),
      fromSignals({ entries: at(0), exits: at(3), size: 100, direction: "shortonly" }),
    );
    expect(decided(records)).toEqual(["t=0 A units -100 qty=-100", "t=3 A targetUnits 0 qty=100"]);
  });

  it('reverses on an exit under "both" (VectorBT: exits are short entries): a close, then the entry', () => {
    const records = runBoth(
      panel(),
      fromSignals({ entries: at(0), exits: at(2), size: 100, direction: "both" }),
    );
    expect(decided(records)).toEqual([
      "t=0 A units 100 qty=100",
      "t=2 A targetUnits 0 qty=-100",
      "t=2 A units -100 qty=-100",
    ]);
    expect(records.series.positions.at(-1)).toEqual([-100]);
  });

  it("reverses in one order when the size is a target", () => {
    const records = runBoth(
      panel(),
      fromSignals({ entries: at(0), exits: at(2), size: 100, sizeType: "targetUnits", direction: "both" }),
    );
    expect(decided(records)).toEqual(["t=0 A targetUnits 100 qty=100", "t=2 A targetUnits -100 qty=-200"]);
  });

  it("ignores an entry and an exit of one side at one bar (a conflict), and a long and short entry", () => {
    const records = runBoth(
      panel(),
      fromSignals({ entries: at(0, 1, 4), exits: at(1, 2), shortEntries: at(4), size: 100 }),
    );
    // t1: entry and exit cancel (the position stays); t4: long and short entries cancel (flat stays flat).
    expect(decided(records)).toEqual(["t=0 A units 100 qty=100", "t=2 A targetUnits 0 qty=-100"]);
  });

  it("exits a long when a close reaches the stop loss, measured from the entry bar's close", () => {
    // Entry decided at the t0 close 10; stop 10 x (1 - 0.05) = 9.5; closes 11, 12, then 9 <= 9.5 at t3.
    const records = runBoth(panel(), fromSignals({ entries: at(0), size: 100, stopLoss: 0.05 }));
    expect(decided(records)).toEqual(["t=0 A units 100 qty=100", "t=3 A targetUnits 0 qty=-100"]);
    expect(records.fills.at(-1)).toMatchObject({ t: 4, qty: -100, fillPrice: 9 });
  });

  it("exits a long at the take profit, and a stop wins over that bar's entry", () => {
    // Take profit 10 x 1.15 = 11.5: the t2 close 12 reaches it; the entry at t2 is ignored.
    const records = runBoth(panel(), fromSignals({ entries: at(0, 2), size: 100, takeProfit: 0.15 }));
    expect(decided(records)).toEqual(["t=0 A units 100 qty=100", "t=2 A targetUnits 0 qty=-100"]);
  });

  it("stops a short when a close rises through entry x (1 + stopLoss)", () => {
    // Short from the t0 close 10; stop 10 x 1.15 = 11.5: the t2 close 12 reaches it.
    const records = runBoth(
      panel(),
      fromSignals({ entries: at(0), size: 100, direction: "shortonly", stopLoss: 0.15 }),
    );
    expect(decided(records)).toEqual(["t=0 A units -100 qty=-100", "t=2 A targetUnits 0 qty=100"]);
  });

  it("an entry on a missing bar measures its stop from the last close (the mark)", () => {
    // t1 is missing: the entry is sized at the mark 10 and fills at the t2 open 10; the stop is
    // 10 x 0.95 = 9.5, and the t2 close 9.4 reaches it.
    const gappy = testPanel(DATES.slice(0, 4), {
      A: [[10, 10, 10, 10], null, [10, 10, 9.4, 9.4], [9.4, 9.4, 9.4, 9.4]],
    });
    const entries = { A: [false, true, false, false] };
    const records = runBoth(gappy, fromSignals({ entries, size: 100, stopLoss: 0.05 }));
    expect(decided(records)).toEqual(["t=1 A units 100 qty=100", "t=2 A targetUnits 0 qty=-100"]);
  });

  it("submits in symbol order, and the engine fills an exit before another asset's entry", () => {
    // B is held from t0 and exits at t2; A enters at t2. A's order has the lower id, B's sale fills first.
    const two = testPanel(DATES, { A, B: A });
    const entries = { A: DATES.map((_, t) => t === 2), B: DATES.map((_, t) => t === 0) };
    const exits = { B: DATES.map((_, t) => t === 2) };
    const records = runBoth(two, fromSignals({ entries, exits, size: 100 }));
    expect(decided(records)).toEqual([
      "t=0 B units 100 qty=100",
      "t=2 A units 100 qty=100",
      "t=2 B targetUnits 0 qty=-100",
    ]);
    expect(records.fills.filter((f) => f.t === 3).map((f) => `${f.asset} ${f.qty}`)).toEqual([
      "B -100",
      "A 100",
    ]);
  });

  it("sizes entries by value and percent, and closes them with targetValue and targetPercent 0", () => {
    const byValue = runBoth(
      panel(),
      fromSignals({ entries: at(0), exits: at(2), size: 1000, sizeType: "value" }),
    );
    expect(decided(byValue)).toEqual(["t=0 A value 1000 qty=100", "t=2 A targetValue 0 qty=-100"]);
    // 1% of equity 100,000 at the close 10 = 100 units.
    const byPercent = runBoth(
      panel(),
      fromSignals({ entries: at(0), exits: at(2), size: 0.01, sizeType: "percent" }),
    );
    expect(decided(byPercent)).toEqual(["t=0 A percent 0.01 qty=100", "t=2 A targetPercent 0 qty=-100"]);
  });

  it('with price "close" (and the run\'s fillAt "close") fills at the signal bar\'s close', () => {
    const strategy = fromSignals({ entries: at(1), exits: at(3), size: 100, price: "close" });
    const records = runBoth(panel(), strategy, { fillAt: strategy.fillAt });
    expect(records.fills.map((f) => [f.t, f.qty, f.fillPrice])).toEqual([
      [1, 100, 11],
      [3, -100, 9],
    ]);
  });

  it("runs again from scratch when the same strategy object is reused", () => {
    const strategy = fromSignals({ entries: at(0), size: 100, stopLoss: 0.05 });
    expect(decided(runBoth(panel(), strategy))).toEqual(decided(runBoth(panel(), strategy)));
  });

  it("refuses direction together with short signals, and accumulate with a target size", () => {
    expect(() => fromSignals({ entries: at(0), shortEntries: at(1), size: 1, direction: "both" })).toThrow(
      'fromSignals direction: "both" applies to entries and exits alone',
    );
    expect(() =>
      fromSignals({ entries: at(0), size: 0.5, sizeType: "targetPercent", accumulate: true }),
    ).toThrow("fromSignals accumulate: a targetPercent entry goes to its target, it cannot add");
  });
});
