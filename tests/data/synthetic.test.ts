import { describe, expect, it } from "vitest";
import { syntheticPanel, validatePanel } from "../../src/data/index.ts";
import type { Panel } from "../../src/model/panel.ts";

const FIELDS = ["open", "high", "low", "close", "volume"] as const;

function sameBits(a: Panel, b: Panel): boolean {
  const bytes = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
  return (
    a.symbols.join() === b.symbols.join() &&
    bytes(a.times).equals(bytes(b.times)) &&
    FIELDS.every((field) => bytes(a[field]).equals(bytes(b[field])))
  );
}

describe("syntheticPanel()", () => {
  it("syntheticPanel() defaults to 504 weekdays x 50 assets from 2022-01-03, S000..S049", () => {
    const panel = syntheticPanel();
    expect(panel.times.length).toBe(504);
    expect(panel.symbols.length).toBe(50);
    expect(panel.symbols[0]).toBe("S000");
    expect(panel.symbols[49]).toBe("S049");
    expect(panel.times[0]).toBe(Date.UTC(2022, 0, 3));
    expect(panel.times[5]).toBe(Date.UTC(2022, 0, 10)); // the weekend is skipped
    expect([...panel.times].every((tsMs) => ![0, 6].includes(new Date(tsMs).getUTCDay()))).toBe(true);
    expect(panel.close.every((close) => close > 0)).toBe(true); // no missing bars by default
    expect(panel.volume.every((volume) => volume > 0 && Number.isInteger(volume))).toBe(true);
  });

  it("syntheticPanel() is deterministic for a seed and differs for another seed", () => {
    expect(sameBits(syntheticPanel({ seed: 7 }), syntheticPanel({ seed: 7 }))).toBe(true);
    expect(sameBits(syntheticPanel(), syntheticPanel({ seed: 42 }))).toBe(true);
    const other = syntheticPanel({ seed: 8 });
    expect(sameBits(syntheticPanel({ seed: 7 }), other)).toBe(false);
    expect(syntheticPanel({ seed: 7 }).close[0]).not.toBe(other.close[0]);
  });

  it("syntheticPanel() passes validatePanel, on the cent grid, with and without missing bars", () => {
    for (const options of [{}, { seed: 1, missingRate: 0.05, zeroVolumeRate: 0.05, dailyVol: 0.08 }]) {
      const panel = syntheticPanel(options);
      expect(() =>
        validatePanel(
          panel,
          "synthetic",
          panel.symbols.map(() => 0.01),
        ),
      ).not.toThrow();
    }
  });

  it("syntheticPanel() honours zero-volume and missing rates roughly, with a late listing", () => {
    const panel = syntheticPanel({ assets: 40, bars: 500, zeroVolumeRate: 0.1, missingRate: 0.05 });
    const n = panel.symbols.length;
    let zero = 0;
    let missing = 0;
    for (let k = 0; k < panel.close.length; k++) {
      if (Number.isNaN(panel.close[k])) missing++;
      else if (panel.volume[k] === 0) zero++;
    }
    const cells = panel.close.length;
    const lateListing = Math.floor(500 / 4);
    expect(missing / cells).toBeGreaterThan(0.04);
    expect(missing / cells).toBeLessThan(0.065); // 5% plus the late listing's 125 bars of 20000
    expect(zero / (cells - missing)).toBeGreaterThan(0.08);
    expect(zero / (cells - missing)).toBeLessThan(0.12);
    for (let t = 0; t < lateListing; t++) expect(panel.close[t * n + n - 1]).toBeNaN();
  });

  it("syntheticPanel() keeps prices independent of the rates (every draw happens on every bar)", () => {
    const clean = syntheticPanel({ assets: 5, bars: 50 });
    const holed = syntheticPanel({ assets: 5, bars: 50, missingRate: 0.2, zeroVolumeRate: 0.2 });
    for (let k = 0; k < clean.close.length; k++) {
      if (!Number.isNaN(holed.close[k])) expect(holed.close[k]).toBe(clean.close[k]);
    }
  });

  it("syntheticPanel() rejects bad options with a clear error", () => {
    expect(() => syntheticPanel({ assets: 0 })).toThrow(
      "syntheticPanel options field=assets: must be an integer >= 1, got 0",
    );
    expect(() => syntheticPanel({ missingRate: 1.5 })).toThrow(
      "syntheticPanel options field=missingRate: must be a fraction in [0, 1], got 1.5",
    );
    expect(() => syntheticPanel({ start: "2022-13-01" })).toThrow(
      'syntheticPanel options field=start: "2022-13-01" is not an ISO date like 2022-01-03',
    );
  });
});
