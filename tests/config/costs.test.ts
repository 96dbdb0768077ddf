import { describe, expect, it } from "vitest";
import { ConfigError, resolveConfig } from "../../src/config/index.ts";
import { errorOf as expectError } from "../helpers/errors.ts";

const SYMBOLS = ["SPY"];

const errorOf = (run: () => unknown) => expectError(run, ConfigError);

const resolveError = (input: unknown) => errorOf(() => resolveConfig(input, SYMBOLS));

describe("resolveConfig() slippage halfSpread", () => {
  it.each([
    [{ model: "halfSpread" }, { model: "halfSpread", bps: null }],
    [
      { model: "halfSpread", bps: null },
      { model: "halfSpread", bps: null },
    ],
    [
      { model: "halfSpread", bps: 0 },
      { model: "halfSpread", bps: 0 },
    ],
    [
      { model: "halfSpread", bps: 2.5 },
      { model: "halfSpread", bps: 2.5 },
    ],
  ])("resolveConfig() accepts slippage %j", (slippage, expected) => {
    expect(resolveConfig({ slippage }, SYMBOLS).slippage).toStrictEqual(expected);
  });

  it.each([
    [
      { slippage: { model: "halfSpread", bps: -1 } },
      "config slippage (model=halfSpread) field=bps: must be null or finite and >= 0, got -1",
    ],
    [
      { slippage: { model: "halfSpread", spread: 0.001 } },
      'config slippage (model=halfSpread): unknown key "spread"; known keys: "model", "bps"',
    ],
  ])("resolveConfig() rejects %j", (input, message) => {
    expect(resolveError(input)).toBe(message);
  });
});

describe("resolveConfig() impact", () => {
  it("resolveConfig() defaults impact to none", () => {
    expect(resolveConfig({}, SYMBOLS).impact).toStrictEqual({ model: "none" });
  });

  it.each([
    [{ model: "none" }, { model: "none" }],
    [{ model: "volumeShare" }, { model: "volumeShare", k: 0.1, permanentFraction: 0, halfLifeBars: 1 }],
    [
      { model: "volumeShare", k: 0, permanentFraction: 1, halfLifeBars: 0.5 },
      { model: "volumeShare", k: 0, permanentFraction: 1, halfLifeBars: 0.5 },
    ],
    [
      { model: "sqrtImpact" },
      { model: "sqrtImpact", y: 0.6, e: 0.5, windowBars: 20, permanentFraction: 0, halfLifeBars: 1 },
    ],
    [
      { model: "sqrtImpact", y: 1, e: 1, windowBars: 2, permanentFraction: 0.25, halfLifeBars: 5 },
      { model: "sqrtImpact", y: 1, e: 1, windowBars: 2, permanentFraction: 0.25, halfLifeBars: 5 },
    ],
  ])("resolveConfig() accepts impact %j", (impact, expected) => {
    const config = resolveConfig({ impact }, SYMBOLS);
    expect(config.impact).toStrictEqual(expected);
    expect(Object.isFrozen(config.impact)).toBe(true);
  });

  it.each([
    [{ impact: null }, "config impact: must be an object, got null"],
    [
      { impact: { model: "none", k: 0.1 } },
      'config impact (model=none): unknown key "k"; known keys: "model"',
    ],
    [
      { impact: { model: "volumeShare", k: -0.1 } },
      "config impact (model=volumeShare) field=k: must be finite and >= 0, got -0.1",
    ],
    [
      { impact: { model: "volumeShare", permanentFraction: 1.5 } },
      "config impact (model=volumeShare) field=permanentFraction: must be finite and in [0, 1], got 1.5",
    ],
    [
      { impact: { model: "volumeShare", halfLifeBars: 0 } },
      "config impact (model=volumeShare) field=halfLifeBars: must be finite and > 0, got 0",
    ],
    [
      { impact: { model: "volumeShare", windowBars: 10 } },
      'config impact (model=volumeShare): unknown key "windowBars"; known keys: "model", "k", "permanentFraction", "halfLifeBars"',
    ],
    [
      { impact: { model: "sqrtImpact", y: -0.6 } },
      "config impact (model=sqrtImpact) field=y: must be finite and >= 0, got -0.6",
    ],
    [
      { impact: { model: "sqrtImpact", e: 0 } },
      "config impact (model=sqrtImpact) field=e: must be finite and > 0, got 0",
    ],
    [
      { impact: { model: "sqrtImpact", windowBars: 1 } },
      "config impact (model=sqrtImpact) field=windowBars: must be an integer and >= 2, got 1",
    ],
    [
      { impact: { model: "sqrtImpact", windowBars: 10.5 } },
      "config impact (model=sqrtImpact) field=windowBars: must be an integer and >= 2, got 10.5",
    ],
    [
      { impact: { model: "sqrtImpact", halfLife: 2 } },
      'config impact (model=sqrtImpact): unknown key "halfLife"; known keys: "model", "y", "e", "windowBars", "permanentFraction", "halfLifeBars"',
    ],
  ])("resolveConfig() rejects %j", (input, message) => {
    expect(resolveError(input)).toBe(message);
  });
});

describe("resolveConfig() commission perContract and tiered", () => {
  it("resolveConfig() accepts a perContract commission", () => {
    expect(
      resolveConfig({ commission: { model: "perContract", rate: 2.25 } }, SYMBOLS).commission,
    ).toStrictEqual({ model: "perContract", rate: 2.25 });
  });

  it("resolveConfig() accepts tiered bands and freezes them", () => {
    const bands = [
      { upTo: 300_000, rate: 0.0035 },
      { upTo: 3_000_000, rate: 0.002 },
      { upTo: null, rate: 0.0005 },
    ];
    const config = resolveConfig({ commission: { model: "tiered", bands } }, SYMBOLS);
    expect(config.commission).toStrictEqual({ model: "tiered", bands });
    if (config.commission.model !== "tiered") throw new Error("expected tiered");
    expect(Object.isFrozen(config.commission.bands)).toBe(true);
    expect(Object.isFrozen(config.commission.bands[0])).toBe(true);
  });

  it("resolveConfig() accepts a single open band", () => {
    const commission = { model: "tiered", bands: [{ upTo: null, rate: 0.001 }] };
    expect(resolveConfig({ commission }, SYMBOLS).commission).toStrictEqual(commission);
  });

  it.each([
    [
      { commission: { model: "perContract" } },
      "config commission (model=perContract) field=rate: must be given",
    ],
    [
      { commission: { model: "perContract", rate: -1 } },
      "config commission (model=perContract) field=rate: must be finite and >= 0, got -1",
    ],
    [{ commission: { model: "tiered" } }, "config commission (model=tiered) field=bands: must be given"],
    [
      { commission: { model: "tiered", bands: [] } },
      "config commission (model=tiered) field=bands: must be a non-empty array of {upTo, rate}, the last with upTo null, got []",
    ],
    [
      { commission: { model: "tiered", bands: { upTo: null, rate: 0 } } },
      'config commission (model=tiered) field=bands: must be a non-empty array of {upTo, rate}, the last with upTo null, got {"upTo":null,"rate":0}',
    ],
    [
      { commission: { model: "tiered", bands: [0.001] } },
      "config commission (model=tiered) field=bands[0]: must be an object, got 0.001",
    ],
    [
      { commission: { model: "tiered", bands: [{ upto: null, rate: 0 }] } },
      'config commission (model=tiered) field=bands[0]: unknown key "upto" (did you mean "upTo"?)',
    ],
    [
      { commission: { model: "tiered", bands: [{ rate: 0 }] } },
      "config commission (model=tiered) field=bands[0].upTo: must be given",
    ],
    [
      { commission: { model: "tiered", bands: [{ upTo: 100, rate: 0.01 }] } },
      "config commission (model=tiered) field=bands[0].upTo: must be null in the last band, got 100",
    ],
    [
      {
        commission: {
          model: "tiered",
          bands: [
            { upTo: null, rate: 0.01 },
            { upTo: null, rate: 0.005 },
          ],
        },
      },
      "config commission (model=tiered) field=bands[0].upTo: must be a number: only the last band's upTo is null, got null",
    ],
    [
      {
        commission: {
          model: "tiered",
          bands: [
            { upTo: 0, rate: 0.01 },
            { upTo: null, rate: 0.005 },
          ],
        },
      },
      "config commission (model=tiered) field=bands[0].upTo: must be finite and > 0, got 0",
    ],
    [
      {
        commission: {
          model: "tiered",
          bands: [
            { upTo: 1000, rate: 0.01 },
            { upTo: 1000, rate: 0.008 },
            { upTo: null, rate: 0.005 },
          ],
        },
      },
      "config commission (model=tiered) field=bands[1].upTo: must be finite and > 1000 (the previous band's upTo), got 1000",
    ],
    [
      {
        commission: {
          model: "tiered",
          bands: [
            { upTo: 1000, rate: 0.01 },
            { upTo: null, rate: -0.005 },
          ],
        },
      },
      "config commission (model=tiered) field=bands[1].rate: must be finite and >= 0, got -0.005",
    ],
    [
      { commission: { model: "tiered", bands: [{ upTo: null }] } },
      "config commission (model=tiered) field=bands[0].rate: must be given",
    ],
  ])("resolveConfig() rejects %j", (input, message) => {
    expect(resolveError(input)).toBe(message);
  });
});
