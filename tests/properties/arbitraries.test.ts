import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runConfigInput } from "../../properties/arbitraries/config.ts";
import { orderSequence, UNKNOWN_ASSET } from "../../properties/arbitraries/orders.ts";
import { panel } from "../../properties/arbitraries/panel.ts";
import { runInput } from "../../properties/run-input.ts";
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

  it("panel() draws calendars before 1970 and across 1970-01-01, weekdays all", () => {
    const starts = fc.sample(panel({ minBars: 2, maxBars: 30 }), { seed: 7, numRuns: 300 }).map((p) => ({
      first: p.times[0],
      last: p.times[p.times.length - 1],
    }));
    expect(starts.some(({ last }) => last < 0)).toBe(true);
    expect(starts.some(({ first, last }) => first < 0 && last >= 0)).toBe(true);
    expect(starts.some(({ first }) => first >= Date.UTC(2014, 0, 1))).toBe(true);
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
      fc.property(
        orderSequence(symbols, 6, { pricing: { price: () => 42, tickCents: () => 5 } }),
        (byBar) => {
          for (const [t, orders] of byBar) {
            expect(t).toBeGreaterThanOrEqual(0);
            expect(t).toBeLessThan(6);
            for (const order of orders) {
              expect([...symbols, UNKNOWN_ASSET]).toContain(order.asset);
              for (const price of [order.limitPrice, order.stopPrice])
                if (price !== undefined) expect(price).toBeGreaterThan(0);
            }
          }
        },
      ),
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

describe("runInput()", () => {
  const cases = fc.sample(runInput(), { seed: 11, numRuns: 400 });
  const resolved = cases.map((runCase) => ({
    runCase,
    config: resolveConfig(runCase.configInput, runCase.panel.symbols, "runInput()"),
  }));

  it("every case resolves, and its panel is on each instrument's tick grid", () => {
    for (const { runCase, config } of resolved)
      validatePanel(
        runCase.panel,
        "runInput()",
        config.instruments.map((instrument) => instrument.tickSize),
      );
    const ticks = resolved.flatMap(({ config }) => config.instruments.map((i) => i.tickSize));
    expect(new Set(ticks)).toEqual(new Set([null, 0.01, 0.05, 0.25]));
  });

  it("holidays given to the config are weekdays inside the run with no bar on them", () => {
    let seen = 0;
    for (const { runCase, config } of resolved) {
      const dates = [...runCase.panel.times].map((ms) => new Date(ms).toISOString().slice(0, 10));
      for (const holiday of config.holidays ?? []) {
        seen++;
        expect(dates).not.toContain(holiday);
        expect(holiday > dates[0] && holiday < (dates.at(-1) as string)).toBe(true);
        expect([1, 2, 3, 4, 5]).toContain(new Date(`${holiday}T00:00:00Z`).getUTCDay());
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("settlement holidays given to the config are dates of the run's bars (days that trade)", () => {
    let seen = 0;
    for (const { runCase, config } of resolved) {
      const dates = [...runCase.panel.times].map((ms) => new Date(ms).toISOString().slice(0, 10));
      for (const day of config.settlementHolidays) {
        seen++;
        expect(dates).toContain(day);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("marginStress: a levered book on bar 0, then one gap against every position on one bar >= 2", () => {
    const stress = resolved.filter(({ runCase }) => runCase.kind === "marginStress");
    expect(stress.length).toBeGreaterThan(40);
    for (const { runCase, config } of stress) {
      expect(["margin", "futures"]).toContain(config.account);
      const { panel } = runCase;
      const n = panel.symbols.length;
      const bars = panel.times.length;
      const book = (runCase.ordersByBar.get(0) ?? []).slice(0, n);
      expect(book.map((o) => o.asset)).toEqual(panel.symbols);
      const gross = book.reduce((sum, o) => sum + Math.abs(o.size), 0);
      expect(gross).toBeGreaterThanOrEqual(0.95);
      if (bars < 3) continue;
      // A shock: some bar t >= 2 opens 15%+ against the position, from the last close before it
      // (a missing bar carries the shock to the next present one).
      const against = (t: number, i: number) => {
        const open = panel.open[t * n + i];
        let prev = Number.NaN;
        for (let s = t - 1; s >= 0 && Number.isNaN(prev); s--) prev = panel.close[s * n + i];
        const move = open / prev - 1;
        return book[i].size > 0 ? move <= -0.14 : move >= 0.14;
      };
      const shocked = [...Array(bars).keys()].filter(
        (t) => t >= 2 && panel.symbols.some((_, i) => book[i].size !== 0 && against(t, i)),
      );
      // Unless the shock fell on missing bars with none present after them.
      const missingLater = panel.close.slice(2 * n).some(Number.isNaN);
      expect(shocked.length > 0 || missingLater, `no adverse gap in ${JSON.stringify(book)}`).toBe(true);
    }
  });

  it("goodFaith: a cash account settling in 2+ days that rotates its equity on every bar", () => {
    const rotating = resolved.filter(({ runCase }) => runCase.kind === "goodFaith");
    expect(rotating.length).toBeGreaterThan(20);
    for (const { runCase, config } of rotating) {
      expect(config.account).toBe("cash");
      expect(config.settlement === "us-equity" || (config.settlement as number) >= 2).toBe(true);
      for (let t = 0; t < runCase.panel.times.length; t++)
        expect(runCase.ordersByBar.get(t)?.[0]?.sizeType).toBe("targetPercent");
    }
  });
});
