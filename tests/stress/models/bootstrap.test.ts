import { mean, sampleCorrelation, sampleVariance } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { jointReturns, stationaryBootstrapRows } from "../../../src/stress/models/bootstrap.ts";
import { pathPanel } from "../../../src/stress/path.ts";
import { resolveStressModel } from "../../../src/stress/spec.ts";
import { pathStream } from "../../../src/stress/stream.ts";
import { closeToClose, simulate, spec } from "../helpers.ts";

// The source: 2,000 bars of two gbm assets with correlation 0.7 (a "loaded panel").
const sourceModel = spec({
  model: "gbm",
  symbols: ["A", "B"],
  mu: [0.1, 0.05],
  sigma: [0.25, 0.4],
  correlation: [
    [1, 0.7],
    [0.7, 1],
  ],
});
const source = pathPanel(sourceModel, { path: 0, seed: 21, bars: 2000, start: "2010-01-04" }).panel;

describe("bootstrap model", () => {
  it("bootstrap keeps the source's mean and lag-0 correlation of joint daily returns", () => {
    // Source statistics over its 1,999 complete rows (the first bar has no close before it).
    const rows = jointReturns(source);
    const row = (i: number) =>
      Array.from({ length: rows.rows }, (_, k) => rows.overnight[k * 2 + i] + rows.intraday[k * 2 + i]);
    const [srcA, srcB] = [row(0), row(1)];
    // 50,000 bootstrapped bars, mean block length L = 10. Each bar is a uniform source row, so the
    // expected mean and correlation are the source's. Rows within a block are consecutive source
    // rows; at worst (perfectly autocorrelated rows) a block counts as one draw, so the SE of the
    // mean is at most sd sqrt((2L - 1) / T) = sd x 0.0195, of the correlation
    // (1 - rho^2) x 0.0195. Tolerances 4 of these.
    const model = resolveStressModel({ model: "bootstrap", meanBlockBars: 10 }, { source: "test" }, source);
    const r = simulate(model, 50_000, 5);
    const [a, b] = [closeToClose(r, 0), closeToClose(r, 1)];
    const inflation = Math.sqrt(19 / 50_000);
    for (const [boot, src] of [
      [a, srcA],
      [b, srcB],
    ])
      expect(Math.abs(mean(boot) - mean(src))).toBeLessThan(4 * Math.sqrt(sampleVariance(src)) * inflation);
    const rho = sampleCorrelation(srcA, srcB);
    expect(Math.abs(rho - 0.7)).toBeLessThan(0.05); // the source is correlated as built
    expect(Math.abs(sampleCorrelation(a, b) - rho)).toBeLessThan(4 * (1 - rho * rho) * inflation);
    // Every bootstrapped bar is a source row, intact: both assets from the same day.
    for (let t = 0; t < 100; t++) {
      const k = srcA.indexOf(a[t]);
      expect(srcB[k]).toBe(b[t]);
    }
  });

  it("stationaryBootstrapRows() blocks have mean length meanBlockBars", () => {
    // L = 8 over 10^6 rows (a restart landing on k + 1 has probability 1e-6): blocks - 1 ~
    // Binomial(99,999, 1/8), mean 12,500, sd sqrt(99,999 x 0.125 x 0.875) = 104.6; the mean block
    // length 1e5 / blocks has SE 8 x 104.6 / 12,500 = 0.067. Tolerance 4 SE.
    const picks = new Int32Array(100_000);
    stationaryBootstrapRows(pathStream(77, 0), 1_000_000, 8, picks);
    let blocks = 1;
    for (let t = 1; t < picks.length; t++) if (picks[t] !== (picks[t - 1] + 1) % 1_000_000) blocks++;
    expect(Math.abs(picks.length / blocks - 8)).toBeLessThan(4 * 0.067);
  });

  it("bootstrap takes its symbols from the source and needs one", () => {
    const model = resolveStressModel({ model: "bootstrap", meanBlockBars: 3 }, { source: "test" }, source);
    expect(model.symbols).toEqual(["A", "B"]);
    expect(() => resolveStressModel({ model: "bootstrap", meanBlockBars: 3 }, { source: "test" })).toThrow(
      "test (model=bootstrap): needs the loaded panel it resamples (resolveStressModel's source), got undefined",
    );
    expect(() =>
      resolveStressModel({ model: "bootstrap", meanBlockBars: 0.5 }, { source: "test" }, source),
    ).toThrow("test (model=bootstrap) field=meanBlockBars: must be finite and >= 1, got 0.5");
  });
});
