import { describe, expect, it } from "vitest";
import { fanQuantiles } from "../../../src/stress/estimate/fan.ts";
import { chunkOf } from "../fixtures.ts";

describe("fanQuantiles()", () => {
  it("fanQuantiles() takes the type-7 quantiles of the paths' equity at each fan bar", () => {
    // bar 2: 90 110 100 80 120, sorted 80 90 100 110 120, h = 4p: 5 % 80 + 0.2 x 10 = 82, 25 % 90,
    // 50 % 100, 75 % 110, 95 % h 3.8: 110 + 0.8 x 10 = 118 (numpy.percentile gives the same).
    // bar 5: 100 - 10 i for path i: 100 90 80 70 60: 5 % 62, 25 % 70, 50 % 80, 75 % 90, 95 % 98.
    const atBar2 = [90, 110, 100, 80, 120];
    const chunk = chunkOf(
      atBar2.map((equity, i) => ({ fanEquity: [100, equity, 100 - 10 * i] })),
      { bars: 6, fanBars: [0, 2, 5] },
    );
    const fan = fanQuantiles(chunk);
    expect(fan.fanBars).toEqual([0, 2, 5]);
    expect(fan.probabilities).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
    const rounded = fan.bands.map((band) => band.map((value) => Number(value.toFixed(9))));
    expect(rounded).toEqual([
      [100, 82, 62],
      [100, 90, 70],
      [100, 100, 80],
      [100, 110, 90],
      [100, 118, 98],
    ]);
  });
});
