import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syntheticPanel } from "../../src/data/synthetic.ts";
import { validatePanel } from "../../src/data/validate.ts";
import type { Panel } from "../../src/model/panel.ts";
import { pathPanel, pathScratch } from "../../src/stress/path.ts";
import { resolveStressModel } from "../../src/stress/spec.ts";
import { spec } from "./helpers.ts";

const FIELDS = ["open", "high", "low", "close", "volume"] as const;
const copy = (panel: Panel) => Object.fromEntries(FIELDS.map((f) => [f, Array.from(panel[f])]));
const OPTIONS = { seed: 99, bars: 40, start: "2024-01-05" };

const gbm = spec({
  model: "gbm",
  symbols: ["A", "B"],
  mu: [0.05, -0.1],
  sigma: [0.2, 0.6],
  correlation: [
    [1, 0.5],
    [0.5, 1],
  ],
  ohlcv: { tickSize: 0.01, missingRate: 0.1, zeroVolumeRate: 0.1 },
});

describe("pathPanel()", () => {
  it("pathPanel() makes path i identical alone or among others through one scratch, in any order", () => {
    const alone = copy(pathPanel(gbm, { ...OPTIONS, path: 4 }).panel);
    const scratch = pathScratch(gbm, OPTIONS.bars, OPTIONS.start);
    const seen = new Map<number, ReturnType<typeof copy>>();
    for (const path of [9, 4, 0, 7, 4, 2])
      seen.set(path, copy(pathPanel(gbm, { ...OPTIONS, path }, scratch).panel));
    expect(seen.get(4)).toEqual(alone);
    expect(seen.get(2)).not.toEqual(alone);
  });

  it("pathPanel() dates the bars on weekdays from the start (a Friday, then Monday)", () => {
    const { panel } = pathPanel(gbm, { ...OPTIONS, path: 0 });
    expect(panel.times[0]).toBe(Date.UTC(2024, 0, 5));
    expect(panel.times[1]).toBe(Date.UTC(2024, 0, 8));
    expect(panel.symbols).toEqual(["A", "B"]);
  });

  it("pathPanel() refuses a scratch made for another spec or length", () => {
    const scratch = pathScratch(gbm, 10, OPTIONS.start);
    expect(() => pathPanel(gbm, { ...OPTIONS, path: 0 }, scratch)).toThrow(
      "stress path scratch: was made for another spec, bars (10) or start (2024-01-05); make one per (spec, bars, start)",
    );
    expect(() => pathPanel(gbm, { ...OPTIONS, path: -1 })).toThrow(
      "stress path path: must be an integer >= 0, got -1",
    );
  });

  it("pathPanel() bars validate for every model, parameters and seed (fast-check)", () => {
    const source = syntheticPanel({ assets: 3, bars: 80, seed: 5, missingRate: 0.05 });
    const rho = fc.double({ min: -0.45, max: 0.9, noNaN: true });
    const perAsset = (min: number, max: number) =>
      fc.array(fc.double({ min, max, noNaN: true }), { minLength: 3, maxLength: 3 });
    const diffusion = fc.record({ mu: perAsset(-0.5, 0.5), sigma: perAsset(0, 1.5), rho });
    const model = fc.oneof(
      diffusion.map((d) => ({ model: "gbm", ...asInput(d) })),
      fc
        .tuple(diffusion, perAsset(0, 50), perAsset(-0.2, 0.2), perAsset(0, 0.2))
        .map(([d, jumpIntensity, jumpMean, jumpSd]) => ({
          model: "merton",
          ...asInput(d),
          jumpIntensity,
          jumpMean,
          jumpSd,
        })),
      fc
        .tuple(perAsset(-0.5, 0.5), perAsset(1e-6, 1e-3), perAsset(0, 0.3), perAsset(0, 0.69), rho)
        .map(([mu, omega, alpha, beta, r]) => ({
          model: "garch",
          mu,
          omega,
          alpha,
          beta,
          correlation: equicorrelation(r),
        })),
      fc
        .tuple(
          diffusion,
          diffusion,
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
        )
        .map(([calm, crisis, calmToCrisis, crisisToCalm]) => ({
          model: "regime",
          calm: asInput(calm),
          crisis: asInput(crisis),
          calmToCrisis,
          crisisToCalm,
        })),
      fc
        .double({ min: 1, max: 30, noNaN: true })
        .map((meanBlockBars) => ({ model: "bootstrap", meanBlockBars })),
    );
    const ohlcv = fc.record({
      startPrice: perAsset(0.05, 500),
      tickSize: fc.constantFrom(null, 0.01, 0.25),
      missingRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
      zeroVolumeRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
      volLink: fc.double({ min: 0, max: 2, noNaN: true }),
      volumeSdLog: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(model, ohlcv, fc.nat(), fc.nat(1000), (input, bars, seed, path) => {
        const symbols = input.model === "bootstrap" ? {} : { symbols: ["X", "Y", "Z"] };
        const resolved = resolveStressModel(
          { ...input, ...symbols, ohlcv: bars },
          { source: "property" },
          source,
        );
        const { panel } = pathPanel(resolved, { path, seed, bars: 30, start: "2024-03-01" });
        validatePanel(
          panel,
          "stress path",
          panel.symbols.map(() => bars.tickSize),
        );
      }),
      { numRuns: 200, seed: 0x5eed },
    );
  });
});

function equicorrelation(rho: number): number[][] {
  return [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? 1 : rho)));
}

function asInput(d: { mu: number[]; sigma: number[]; rho: number }) {
  return { mu: d.mu, sigma: d.sigma, correlation: equicorrelation(d.rho) };
}
