import { describe, expect, it } from "vitest";
import { kaplanMeier, timeToEvent } from "../../../src/stress/estimate/survival.ts";
import { quietChunk } from "../fixtures.ts";

describe("kaplanMeier()", () => {
  // 7 paths over bars 0..4: A event at 1, B censored after 1, C and D events at 2, E censored after 3,
  // F event at 4, G censored at the horizon 4.
  const time = Int32Array.from([1, 1, 2, 2, 3, 4, 4]);
  const observed = Uint8Array.from([1, 0, 1, 1, 0, 1, 0]);
  const curve = kaplanMeier(time, observed, 5);

  it("kaplanMeier() multiplies 1 - d/n over the bars with events", () => {
    // bar 0: n 7, d 0: S 1; bar 1: n 7, d 1: S 6/7; A and B leave.
    // bar 2: n 5, d 2: S 6/7 x 3/5 = 18/35; C and D leave. bar 3: n 3, d 0: S 18/35; E leaves.
    // bar 4: n 2, d 1: S 18/35 x 1/2 = 9/35.
    expect(curve.atRisk).toEqual([7, 7, 5, 3, 2]);
    expect(curve.events).toEqual([0, 1, 2, 0, 1]);
    expect(curve.survival[0]).toBe(1);
    expect(curve.survival[1]).toBeCloseTo(6 / 7, 15);
    expect(curve.survival[2]).toBeCloseTo(18 / 35, 15);
    expect(curve.survival[3]).toBeCloseTo(18 / 35, 15);
    expect(curve.survival[4]).toBeCloseTo(9 / 35, 15);
  });

  it("kaplanMeier() bands S +- 1.96 sqrt(Greenwood), clipped to [0, 1]", () => {
    // scipy 1.17 agrees: ecdf(CensoredData(uncensored=[1, 2, 2, 4], right=[1, 3, 4])).sf and its
    // confidence_interval(0.95, method="linear") give these S, low and high.
    // bar 0: no event, Var 0: [1, 1].
    // bar 1: sum 1/(7 x 6) = 0.023810, Var = (6/7)^2 x 0.023810 = 0.017493, sd 0.132260,
    //   0.857143 -+ 1.959964 x 0.132260 = [0.597918, 1.116368 -> 1].
    // bar 2: sum + 2/(5 x 3) = 0.157143, Var = (18/35)^2 x 0.157143 = 0.041563, sd 0.203869: [0.114709, 0.913862].
    // bar 4: sum + 1/(2 x 1) = 0.657143, Var = (9/35)^2 x 0.657143 = 0.043452, sd 0.208451: [-0.151 -> 0, 0.665700].
    expect([curve.low[0], curve.high[0]]).toEqual([1, 1]);
    expect(curve.low[1]).toBeCloseTo(0.597918, 6);
    expect(curve.high[1]).toBe(1);
    expect(curve.low[2]).toBeCloseTo(0.114709, 6);
    expect(curve.high[2]).toBeCloseTo(0.913862, 6);
    expect(curve.low[4]).toBe(0);
    expect(curve.high[4]).toBeCloseTo(0.6657, 6);
  });

  it("kaplanMeier() reaches 0 with a band [0, 0] when every path at risk has the event", () => {
    const allGone = kaplanMeier(Int32Array.from([0, 1]), Uint8Array.from([1, 1]), 3);
    // bar 0: 1 - 1/2 = 0.5; bar 1: 0.5 x (1 - 1/1) = 0 (d = n: no Greenwood term); bar 2: nobody at risk, stays 0
    expect(allGone.survival).toEqual([0.5, 0, 0]);
    expect(allGone.low.slice(1)).toEqual([0, 0]);
    expect(allGone.high.slice(1)).toEqual([0, 0]);
    expect(allGone.atRisk).toEqual([2, 1, 0]);
  });

  it("kaplanMeier() refuses no paths and a time outside the bars", () => {
    expect(() => kaplanMeier(new Int32Array(0), new Uint8Array(0), 5)).toThrow(
      "Kaplan-Meier: no paths (an empty set of outcomes)",
    );
    expect(() => kaplanMeier(Int32Array.from([5]), Uint8Array.from([1]), 5)).toThrow(
      "Kaplan-Meier path 0 field=time: bar 5 outside [0, 5)",
    );
  });
});

describe("timeToEvent()", () => {
  it("timeToEvent() censors the paths without the event at the horizon: S is the share not yet hit", () => {
    // 4 paths over 3 bars, ruin at bars 0 and 2: S = 3/4, 3/4, 2/4 (no censoring before the horizon,
    // so Kaplan-Meier is the empirical survival and Greenwood's variance S (1 - S) / n).
    const chunk = quietChunk(4, { 1: { bankruptBar: 2 }, 3: { bankruptBar: 0 } }, { bars: 3 });
    const curve = timeToEvent(chunk, "bankrupt");
    expect(curve.survival).toEqual([0.75, 0.75, 0.5]);
    expect(curve.atRisk).toEqual([4, 3, 3]);
    // bar 2: sum 1/(4 x 3) + 1/(3 x 2) = 0.25, Var = 0.25 x 0.25 = 0.0625 = 0.5 x 0.5 / 4
    expect(curve.high[2] - curve.survival[2]).toBeCloseTo(1.959963984540054 * 0.25, 12);
  });
});
