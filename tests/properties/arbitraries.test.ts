import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runConfigInput } from "../../properties/arbitraries/config.ts";
import { orderSequence, UNKNOWN_ASSET } from "../../properties/arbitraries/orders.ts";
import { panel } from "../../properties/arbitraries/panel.ts";
import { resolveConfig } from "../../src/config/resolve.ts";
import { validatePanel } from "../../src/data/validate.ts";

const RUNS = { seed: 7, numRuns: 300 };

describe("panel()", () => {
  it("panel() is valid by construction: validatePanel passes on the cent grid", () => {
    fc.assert(
      fc.property(panel(), (p) => {
        validatePanel(
          p,
          "panel()",
          p.symbols.map(() => 0.01),
        );
      }),
      RUNS,
    );
  });

  it("panel() respects its shape constraints, on a business-day calendar with distinct symbols", () => {
    const shape = { minAssets: 2, maxAssets: 3, minBars: 5, maxBars: 8 };
    fc.assert(
      fc.property(panel(shape), (p) => {
        expect(p.symbols.length).toBeGreaterThanOrEqual(2);
        expect(p.symbols.length).toBeLessThanOrEqual(3);
        expect(p.times.length).toBeGreaterThanOrEqual(5);
        expect(p.times.length).toBeLessThanOrEqual(8);
        expect(new Set(p.symbols).size).toBe(p.symbols.length);
        for (const tsMs of p.times) expect([1, 2, 3, 4, 5]).toContain(new Date(tsMs).getUTCDay());
        for (const volume of p.volume) if (!Number.isNaN(volume)) expect(Number.isInteger(volume)).toBe(true);
      }),
      RUNS,
    );
  });

  it("panel() without rates or gaps has no missing or zero-volume bar, and each open is the previous close", () => {
    fc.assert(
      fc.property(panel({ zeroVolumeRate: 0, missingRate: 0, gaps: false }), (p) => {
        const n = p.symbols.length;
        expect(p.close.every((close) => close > 0)).toBe(true);
        expect(p.volume.every((volume) => volume > 0)).toBe(true);
        for (let k = n; k < p.close.length; k++) expect(p.open[k]).toBe(p.close[k - n]);
      }),
      RUNS,
    );
  });
});

describe("orderSequence()", () => {
  it("orderSequence() places orders on the run's bars and assets, invalid ones aside", () => {
    const symbols = ["AB", "C"];
    fc.assert(
      fc.property(orderSequence(symbols, 6, { referencePrice: () => 42 }), (byBar) => {
        for (const [t, orders] of byBar) {
          expect(t).toBeGreaterThanOrEqual(0);
          expect(t).toBeLessThan(6);
          for (const order of orders) {
            expect([...symbols, UNKNOWN_ASSET]).toContain(order.asset);
            for (const price of [order.limitPrice, order.stopPrice])
              if (price !== undefined) expect(price).toBeGreaterThan(0);
          }
        }
      }),
      RUNS,
    );
  });
});

describe("runConfigInput()", () => {
  it("runConfigInput() is always accepted by resolveConfig()", () => {
    fc.assert(
      fc.property(runConfigInput(), (input) => {
        resolveConfig(input, ["A", "B"], "runConfigInput()");
      }),
      RUNS,
    );
  });
});
