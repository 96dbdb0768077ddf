import { describe, expect, it } from "vitest";
import { eventProbability, wilsonInterval } from "../../../src/stress/estimate/proportion.ts";
import { quietChunk } from "../fixtures.ts";

// z = Phi^-1(0.975) = 1.959964, z^2 = 3.841459. scipy 1.17's binomtest(k, n).proportion_ci(method="wilson")
// gives the same three intervals: (0.111862, 0.468701), (0, 0.036993), (0.838875, 1).
describe("wilsonInterval()", () => {
  it("wilsonInterval() of 5 in 20 is [0.111862, 0.468701]", () => {
    // centre = (5 + 1.920729) / (20 + 3.841459) = 6.920729 / 23.841459 = 0.290281;
    // half = 1.959964 x sqrt(5 x 15 / 20 + 0.960365) / 23.841459 = 1.959964 x 2.170338 / 23.841459 = 0.178419
    const interval = wilsonInterval(5, 20);
    expect(interval.estimate).toBe(0.25);
    expect(interval.low).toBeCloseTo(0.111862, 6);
    expect(interval.high).toBeCloseTo(0.468701, 6);
  });

  it("wilsonInterval() of 0 in 100 is [0, z^2 / (n + z^2)] = [0, 0.0369935]", () => {
    // centre = half = 1.920729 / 103.841459: low 0, high 3.841459 / 103.841459 = 0.0369935
    expect(wilsonInterval(0, 100)).toEqual({
      estimate: 0,
      low: 0,
      high: expect.closeTo(0.0369935, 6),
      hits: 0,
      paths: 100,
    });
  });

  it("wilsonInterval() of 20 in 20 is [n / (n + z^2), 1] = [0.838875, 1]", () => {
    // 20 / 23.841459 = 0.838875
    const interval = wilsonInterval(20, 20);
    expect(interval.low).toBeCloseTo(0.838875, 6);
    expect(interval.high).toBe(1);
  });

  it("wilsonInterval() refuses no paths and hits outside [0, paths]", () => {
    expect(() => wilsonInterval(0, 0)).toThrow(
      "Wilson interval field=paths: must be an integer >= 1, got 0 (an empty set of outcomes)",
    );
    expect(() => wilsonInterval(21, 20)).toThrow(
      "Wilson interval field=hits: must be an integer in [0, 20], got 21",
    );
  });
});

describe("eventProbability()", () => {
  it("eventProbability() counts the paths whose event bar is not -1", () => {
    // 20 paths: calls on 5 of them, liquidations on 2 of those, one bankruptcy
    const chunk = quietChunk(20, {
      0: { firstMarginCallBar: 3, firstLiquidationBar: 4 },
      4: { firstMarginCallBar: 0 },
      7: { firstMarginCallBar: 9, firstLiquidationBar: 9, bankruptBar: 9 },
      8: { firstMarginCallBar: 1 },
      19: { firstMarginCallBar: 2 },
    });
    expect(eventProbability(chunk, "marginCall")).toEqual(wilsonInterval(5, 20));
    expect(eventProbability(chunk, "liquidation")).toEqual(wilsonInterval(2, 20));
    expect(eventProbability(chunk, "bankrupt")).toEqual(wilsonInterval(1, 20));
  });

  it("eventProbability() refuses importance-weighted paths", () => {
    const chunk = quietChunk(3, { 1: { weight: 0.5 } }, { firstPath: 40 });
    expect(() => eventProbability(chunk, "bankrupt")).toThrow(
      "event probability (bankrupt): path 41 has weight 0.5, not 1: importance-sampled paths need weightedEventProbability",
    );
  });
});
