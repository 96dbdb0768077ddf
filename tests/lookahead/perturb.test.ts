import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { perturbationKeepsBarsValid } from "../../properties/lookahead-perturbation.ts";
import { asFastCheck } from "../../properties/property.ts";
import { propertyParams } from "../../properties/replay.ts";
import { perturbAfter } from "../../src/lookahead/perturb.ts";
import { testPanel } from "../helpers/panel.ts";

const CI_RUNS = 200;
const CI_SEED = 20_261_206;

describe("perturbAfter()", () => {
  it(perturbationKeepsBarsValid.name, () => {
    fc.assert(asFastCheck(perturbationKeepsBarsValid), propertyParams(CI_SEED, undefined, CI_RUNS));
  });

  // Closes 10, 11, 12, 11 (flat bars): up to t=1 the one move is ln(11/10) = 0.0953.
  const panel = testPanel(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"], {
    A: [10, 11, 12, 11].map((c) => [c, c, c, c] as const),
  });

  it("moves each close against the real one, by a size drawn from the moves up to t", () => {
    const out = perturbAfter(panel, 1, [0.01], 7);
    // t=2: the real close rose 11 -> 12, so the path falls: 11 x exp(-0.0953) = 10.00 (raised a cent
    // at a time, at most four, while a price equals the real bar's 12).
    expect(out.close[2]).toBeGreaterThanOrEqual(10);
    expect(out.close[2]).toBeLessThanOrEqual(10.04);
    // t=3: the real close fell 12 -> 11, so the path rises: 10.00 x exp(0.0953) = 11.00, from where t=2 ended.
    expect(out.close[3]).toBeCloseTo(out.close[2] * 1.1, 1);
    expect(out.close[3]).toBeGreaterThan(out.close[2]);
  });

  it("is seeded: the same seed gives the same bars, another seed other bars", () => {
    const bars = (seed: number) => [...perturbAfter(panel, 1, [0.01], seed).open.slice(2)];
    expect(bars(7)).toEqual(bars(7));
    expect(bars(8)).not.toEqual(bars(7));
  });

  it("replaces an extra column's values after t by other values it took up to t; a NaN stays NaN", () => {
    const withSignal = { ...panel, extra: { signal: Float64Array.from([1, -1, 1, Number.NaN]) } };
    const out = perturbAfter(withSignal, 1, [0.01], 7);
    // Up to t=1 the signal took 1 and -1: the value 1 at t=2 becomes the other one, -1.
    expect([...out.extra.signal]).toEqual([1, -1, -1, Number.NaN]);
  });
});
