import { describe, expect, it } from "vitest";
import { expectedShortfall, histogram, quantiles } from "../../../src/stress/estimate/distribution.ts";
import { estimateStress, importanceEstimates } from "../../../src/stress/estimate/index.ts";
import { wilsonInterval } from "../../../src/stress/estimate/proportion.ts";
import { timeToEvent } from "../../../src/stress/estimate/survival.ts";
import { weightedEventProbability } from "../../../src/stress/estimate/weighted.ts";
import { chunkOf } from "../fixtures.ts";

// 20 paths over 10 bars: final equity 100 + 10 i, path 3 called at bar 2 and ruined at bar 6,
// path 11 called at bar 8; fan equity at bars 4 and 9.
const paths = Array.from({ length: 20 }, (_, i) => ({
  finalEquity: 100 + 10 * i,
  cagr: i / 100,
  maxDrawdown: (20 - i) / 100,
  firstMarginCallBar: i === 3 ? 2 : i === 11 ? 8 : -1,
  firstLiquidationBar: i === 3 ? 3 : -1,
  bankruptBar: i === 3 ? 6 : -1,
  fanEquity: [100 + i, 100 + 10 * i],
}));

describe("estimateStress()", () => {
  const chunk = chunkOf(paths, { fanBars: [4, 9] });
  const estimates = estimateStress(chunk, 2);

  it("estimateStress() gives each event's Wilson interval and the survival curves of call and ruin", () => {
    expect(estimates.paths).toBe(20);
    expect(estimates.probabilities.marginCall).toEqual(wilsonInterval(2, 20));
    expect(estimates.probabilities.liquidation).toEqual(wilsonInterval(1, 20));
    expect(estimates.probabilities.bankrupt).toEqual(wilsonInterval(1, 20));
    expect(estimates.survival.ruin).toEqual(timeToEvent(chunk, "bankrupt"));
    // S(t) of the first call: 1 until bar 1, 19/20 from bar 2, 18/20 from bar 8
    expect(estimates.survival.marginCall.survival).toEqual([
      1, 1, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.9, 0.9,
    ]);
  });

  it("estimateStress() spreads final equity, CAGR and drawdown; ES of the worst 5 % and 1 %; the worst paths", () => {
    // final equity 100..290: type 7 at 5 %: h = 19 x 0.05 = 0.95: 100 + 0.95 x 10 = 109.5
    expect(estimates.finalEquity.quantiles[0]).toBeCloseTo(109.5, 12);
    expect(estimates.finalEquity).toEqual({
      quantiles: quantiles(chunk.finalEquity),
      histogram: histogram(chunk.finalEquity),
    });
    // CAGR 0..0.19, median h = 9.5: 0.09 + 0.5 x 0.01 = 0.095; drawdown 0.01..0.20, 95 % h = 18.05: 0.19 + 0.05 x 0.01
    expect(estimates.cagr.quantiles[2]).toBeCloseTo(0.095, 12);
    expect(estimates.maxDrawdown.quantiles[4]).toBeCloseTo(0.1905, 12);
    // 5 % of 20 paths is 1: ES = 100; 1 %: 0.2 of a path, still the lowest
    expect(estimates.expectedShortfall.level95).toBeCloseTo(100, 9);
    expect(estimates.expectedShortfall.level99).toBe(expectedShortfall(chunk.finalEquity, 0.99));
    expect(estimates.worst).toEqual([
      { path: 0, finalEquity: 100 },
      { path: 1, finalEquity: 110 },
    ]);
    // fan medians: bar 4 over 100..119, 109.5; bar 9 over 100..290, 195
    expect(estimates.fan.bands[2]).toEqual([109.5, 195]);
  });

  it("estimateStress() refuses importance-weighted paths; importanceEstimates() weighs them", () => {
    const weighted = chunkOf(
      paths.map((path, i) => ({ ...path, weight: i === 3 ? 0.01 : 1.2 })),
      { fanBars: [4, 9] },
    );
    expect(() => estimateStress(weighted)).toThrow(
      "stress estimates: path 0 is importance-weighted; use importanceEstimates for a tilted run",
    );
    const byEvent = importanceEstimates(weighted);
    // ruin: path 3 only, w 0.01: 0.01 / 20 = 0.0005
    expect(byEvent.bankrupt.estimate).toBeCloseTo(0.0005, 15);
    expect(byEvent.marginCall).toEqual(weightedEventProbability(weighted, "marginCall"));
  });
});
