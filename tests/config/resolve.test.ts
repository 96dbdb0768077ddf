import { describe, expect, it } from "vitest";
import { CONFIG_KEYS, ConfigError, DEFAULT_CONFIG_INPUT, resolveConfig } from "../../src/config/index.ts";
import type { Instrument, RunConfig } from "../../src/model/index.ts";
import { errorOf as expectError } from "../helpers/errors.ts";

const SYMBOLS = ["SPY", "TLT"];

/** The message of the ConfigError that `run` throws (fails the test on anything else). */
const errorOf = (run: () => unknown) => expectError(run, ConfigError);

const resolveError = (input: unknown, source?: string) =>
  errorOf(() => resolveConfig(input, SYMBOLS, source));

const ALL_KEYS = Object.keys(CONFIG_KEYS)
  .map((k) => JSON.stringify(k))
  .join(", ");

const DEFAULTS: RunConfig = {
  compat: null,
  initialCash: 1_000_000,
  account: "margin",
  fillAt: "next-open",
  onInsufficient: null,
  maxParticipation: 0.1,
  onZeroVolume: "defer",
  syntheticVolume: 0,
  intrabarPath: "nearer-first",
  timeInForce: "gtc",
  clampToBar: true,
  slipOpen: true,
  slipMatch: true,
  slipLimit: true,
  initialRate: 0.5,
  maintLong: 0.25,
  maintShort: 0.3,
  finraShortFloors: true,
  maxGrossLeverage: null,
  maxNetLeverage: null,
  shortCash: false,
  exitsFirst: true,
  checkAtSubmit: false,
  sizeAtFill: false,
  onMarginCall: "liquidate",
  marginCheckAt: "close",
  cureDays: 0,
  liquidationOrder: "largest-requirement",
  liquidationBuffer: 0,
  restoreTo: "maintenance",
  debitRate: 0,
  creditRate: 0,
  shortRebateRate: 0,
  settlement: 0,
  unsettledFunds: "good-faith",
  gfvLimit: 3,
  holidays: null,
  settlementHolidays: [],
  slippage: { model: "fixedBps", bps: 0 },
  impact: { model: "none" },
  commission: { model: "percent", rate: 0, fixed: 0 },
  instruments: [equity("SPY"), equity("TLT")],
  cashFlows: [],
};

/** A resolved equity with the default terms, `terms` overriding them. */
function equity(symbol: string, terms: Partial<Instrument> = {}): Instrument {
  return {
    symbol,
    kind: "equity",
    multiplier: 1,
    lotSize: 1,
    tickSize: null,
    initialMargin: null,
    maintenanceMargin: null,
    borrowRate: 0,
    ...terms,
  };
}

describe("resolveConfig() defaults", () => {
  it("resolveConfig() fills an empty input with every SPEC default", () => {
    expect(resolveConfig({}, SYMBOLS)).toStrictEqual(DEFAULTS);
  });

  it("resolveConfig() gives DEFAULT_CONFIG_INPUT and {} the same result", () => {
    expect(resolveConfig(DEFAULT_CONFIG_INPUT, SYMBOLS)).toStrictEqual(resolveConfig({}, SYMBOLS));
  });

  it("resolveConfig() treats an undefined value as an absent key", () => {
    expect(resolveConfig({ initialCash: undefined, slippage: undefined }, SYMBOLS)).toStrictEqual(DEFAULTS);
  });

  it("resolveConfig() returns a frozen config", () => {
    const config = resolveConfig({}, SYMBOLS);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.slippage)).toBe(true);
    expect(Object.isFrozen(config.commission)).toBe(true);
    expect(Object.isFrozen(config.impact)).toBe(true);
    expect(Object.isFrozen(config.instruments)).toBe(true);
    expect(Object.isFrozen(config.instruments[0])).toBe(true);
  });

  it("resolveConfig() does not modify its input", () => {
    const input = { instruments: { SPY: { lotSize: 10 } }, commission: { model: "perShare", rate: 0.01 } };
    const copy = structuredClone(input);
    resolveConfig(input, SYMBOLS);
    expect(input).toStrictEqual(copy);
  });

  it("CONFIG_KEYS describes exactly the keys of DEFAULT_CONFIG_INPUT, in one line each", () => {
    expect(Object.keys(CONFIG_KEYS)).toStrictEqual(Object.keys(DEFAULT_CONFIG_INPUT));
    for (const description of Object.values(CONFIG_KEYS)) {
      expect(description.length).toBeGreaterThan(0);
      expect(description).not.toContain("\n");
    }
  });

  it("DEFAULT_CONFIG_INPUT cannot be changed by a caller", () => {
    expect(Object.isFrozen(DEFAULT_CONFIG_INPUT)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CONFIG_INPUT.slippage)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CONFIG_INPUT.impact)).toBe(true);
  });

  it("CONFIG_KEYS cites its SPEC section at the end of every description", () => {
    for (const [key, description] of Object.entries(CONFIG_KEYS))
      expect(description, key).toMatch(/ \[SPEC [0-9., ]+\]$/);
  });

  it("resolveConfig() gives the documented onMarginCall description", () => {
    expect(CONFIG_KEYS.onMarginCall).toBe(
      '"liquidate" (force sales at the next open to restore margin, SPEC 7) or "ignore" (record the call only) [SPEC 7]',
    );
  });
});

describe("resolveConfig() cashFlows", () => {
  it.each([
    [{ cashFlows: {} }, 'config cashFlows: must be an array of {date: "YYYY-MM-DD", amount}, got {}'],
    [
      {
        cashFlows: [
          { date: "2024-01-02", amount: 1 },
          { date: "2024-01-03", amount: 0 },
        ],
      },
      "config cashFlows[1] field=amount: must be finite and != 0 (> 0 a deposit, < 0 a withdrawal), got 0",
    ],
    [
      { cashFlows: [{ date: "2024-01-02", amount: Number.NaN }] },
      "config cashFlows[0] field=amount: must be finite and != 0 (> 0 a deposit, < 0 a withdrawal), got NaN",
    ],
    [
      { cashFlows: [{ date: "2024-01-02", amount: Number.NEGATIVE_INFINITY }] },
      "config cashFlows[0] field=amount: must be finite and != 0 (> 0 a deposit, < 0 a withdrawal), got -Infinity",
    ],
    [
      { cashFlows: [{ date: "2024-01-02", amount: "5" }] },
      'config cashFlows[0] field=amount: must be a number, got "5"',
    ],
    [
      { cashFlows: [{ date: "2023-02-29", amount: 5 }] },
      'config cashFlows[0] field=date: must be a calendar date "YYYY-MM-DD", got "2023-02-29"',
    ],
    [{ cashFlows: [{ amount: 5 }] }, "config cashFlows[0] field=date: must be given"],
    [{ cashFlows: [{ date: "2024-01-02" }] }, "config cashFlows[0] field=amount: must be given"],
  ])("resolveConfig() refuses %j", (input, message) => {
    expect(resolveError(input)).toBe(message);
  });

  it("resolveConfig() refuses an unknown key of a cash flow", () => {
    expect(resolveError({ cashFlows: [{ date: "2024-01-02", amount: 5, amt: 5 }] })).toMatch(
      /^config cashFlows\[0\]: unknown key "amt"/,
    );
  });
});

describe("resolveConfig() accepts every option", () => {
  it("resolveConfig() takes a valid non-default value for every key", () => {
    const input = {
      // Every key given, so the profile changes nothing; shortCash stays false: a cash account has no shorts.
      compat: "backtrader",
      initialCash: 25_000,
      account: "cash",
      fillAt: "close",
      onInsufficient: "partial",
      maxParticipation: 1,
      onZeroVolume: "synthetic",
      syntheticVolume: 5000,
      intrabarPath: "pessimistic",
      timeInForce: "day",
      clampToBar: false,
      slipOpen: false,
      slipMatch: false,
      slipLimit: false,
      initialRate: 1,
      maintLong: 0,
      maintShort: 1,
      finraShortFloors: false,
      maxGrossLeverage: 2,
      maxNetLeverage: 0.5,
      shortCash: false,
      exitsFirst: false,
      checkAtSubmit: true,
      // Its non-default, true, excludes checkAtSubmit's: tested with the vectorbt profile below.
      sizeAtFill: false,
      onMarginCall: "ignore",
      marginCheckAt: "adverse-extreme",
      cureDays: 2,
      liquidationOrder: "pro-rata",
      liquidationBuffer: 0.1,
      restoreTo: "initial",
      debitRate: 0.05,
      creditRate: 0.025,
      shortRebateRate: 0.01,
      borrowRate: 0.02,
      settlement: "us-equity",
      unsettledFunds: "forbid",
      gfvLimit: 1,
      holidays: ["2024-01-15", "2024-01-01"],
      settlementHolidays: ["2024-10-14"],
      slippage: { model: "perShare", amount: 0.01 },
      impact: { model: "volumeShare", k: 0.2, permanentFraction: 0.5, halfLifeBars: 3 },
      commission: { model: "perShare", rate: 0.005, min: 1, max: 10 },
      multiplier: 50,
      lotSize: 0.5,
      tickSize: 0.25,
      instruments: { TLT: { kind: "equity", multiplier: 1, lotSize: 1, tickSize: 0.01, borrowRate: 0.3 } },
      cashFlows: [
        { date: "2024-03-01", amount: -500 },
        { date: "2024-01-02", amount: 1000 },
        { date: "2024-03-01", amount: 250 },
      ],
    };
    const { instruments, multiplier, lotSize, tickSize, borrowRate, cashFlows, ...rest } = input;
    expect(resolveConfig(input, SYMBOLS)).toStrictEqual({
      ...rest,
      // SPEC 12: applied in date order, ties in the given order.
      cashFlows: [cashFlows[1], cashFlows[0], cashFlows[2]],
      instruments: [
        equity("SPY", { multiplier: 50, lotSize: 0.5, tickSize: 0.25, borrowRate: 0.02 }),
        equity("TLT", { tickSize: 0.01, borrowRate: 0.3 }),
      ],
    });
  });

  it("resolveConfig() reads compat: a profile's defaults under the keys given", () => {
    const bt = resolveConfig({ compat: "backtrader" }, SYMBOLS);
    expect(bt).toMatchObject({
      compat: "backtrader",
      account: "margin",
      shortCash: true,
      exitsFirst: false,
      checkAtSubmit: true,
      maxParticipation: null,
      onZeroVolume: "fill",
      onInsufficient: "reject",
    });
    // Everything the profile leaves alone keeps assay's default.
    expect(bt.commission).toEqual(DEFAULTS.commission);
    expect(resolveConfig({ compat: "backtrader", checkAtSubmit: false }, SYMBOLS).checkAtSubmit).toBe(false);
    expect(resolveConfig({ compat: null }, SYMBOLS)).toStrictEqual(DEFAULTS);
    expect(resolveError({ compat: "zipline" })).toMatch(/^config compat: .*"backtrader".*got "zipline"/);
    expect(resolveError({ compat: "backtrader", account: "cash" })).toBe(
      "config shortCash: shortCash is a margin account's rule, not a cash account's, got true",
    );
    const vbt = resolveConfig({ compat: "vectorbt" }, SYMBOLS);
    expect(vbt).toMatchObject({
      compat: "vectorbt",
      account: "margin",
      shortCash: true,
      onInsufficient: "partial",
      sizeAtFill: true,
      exitsFirst: false,
      checkAtSubmit: false,
      maxParticipation: null,
      onZeroVolume: "fill",
      clampToBar: false,
    });
    expect(vbt.instruments.map((i) => i.lotSize)).toEqual([1e-8, 1e-8]);
    expect(resolveError({ compat: "vectorbt", checkAtSubmit: true })).toBe(
      "config sizeAtFill: sizeAtFill and checkAtSubmit exclude each other: the submit check needs each order's size when it is submitted, got true",
    );
  });

  it.each([
    ["account", ["margin", "cash"]],
    ["fillAt", ["next-open", "close", "open"]],
    ["onInsufficient", ["reject", "partial", "scale", null]],
    ["onZeroVolume", ["defer", "reject", "fill"]],
    ["intrabarPath", ["nearer-first", "pessimistic", "optimistic"]],
    ["timeInForce", ["gtc", "day"]],
    ["onMarginCall", ["liquidate", "ignore"]],
    ["clampToBar", [true, false]],
    ["slipOpen", [true, false]],
    ["slipMatch", [true, false]],
    ["slipLimit", [true, false]],
    ["sizeAtFill", [true, false]],
    ["finraShortFloors", [true, false]],
    ["maxParticipation", [null, 1e-9, 0.5, 1]],
    ["maxGrossLeverage", [null, 0.1, 4]],
    ["maxNetLeverage", [null, 0.1, 4]],
    ["initialRate", [0.25, 1]], // not under maintLong's default 0.25
    ["maintLong", [0, 0.5]], // up to initialRate's default 0.5
    ["maintShort", [0, 1]],
    ["syntheticVolume", [0, 100]],
    ["marginCheckAt", ["close", "adverse-extreme"]],
    ["cureDays", [0, 1, 30]],
    ["liquidationOrder", ["largest-requirement", "largest-loss", "pro-rata"]],
    ["liquidationBuffer", [0, 0.1, 2]],
    ["restoreTo", ["maintenance", "initial"]],
    ["debitRate", [0, 0.05, 1.5]],
    ["creditRate", [0, 0.025]],
    ["shortRebateRate", [0, 0.01]],
    ["settlement", [0, 1, 2, "us-equity"]],
    ["unsettledFunds", ["good-faith", "forbid"]],
    ["gfvLimit", [1, 3, 10]],
    ["holidays", [null, [], ["2024-02-29"], ["2024-05-27", "2017-09-04", "2024-05-27"]]],
    ["settlementHolidays", [[], ["2024-10-14"], ["2024-11-11", "2024-10-14"]]],
  ])("resolveConfig() accepts every valid %s", (key, values) => {
    for (const value of values) expect(resolveConfig({ [key]: value }, SYMBOLS)).toHaveProperty(key, value);
  });

  it('resolveConfig() requires and keeps syntheticVolume under onZeroVolume "synthetic"', () => {
    const config = resolveConfig({ onZeroVolume: "synthetic", syntheticVolume: 1e-6 }, SYMBOLS);
    expect([config.onZeroVolume, config.syntheticVolume]).toStrictEqual(["synthetic", 1e-6]);
  });

  it.each([
    [{ model: "fixedBps", bps: 0 }],
    [{ model: "fixedBps", bps: 12.5 }],
    [{ model: "perShare", amount: 0 }],
    [{ model: "perShare", amount: 0.02 }],
  ])("resolveConfig() accepts slippage %j", (slippage) => {
    expect(resolveConfig({ slippage }, SYMBOLS).slippage).toStrictEqual(slippage);
  });

  it.each([
    [
      { model: "percent", rate: 0 },
      { model: "percent", rate: 0, fixed: 0 },
    ],
    [
      { model: "percent", rate: 0.999 },
      { model: "percent", rate: 0.999, fixed: 0 },
    ],
    [
      { model: "percent", rate: 0.001, fixed: 1.5 },
      { model: "percent", rate: 0.001, fixed: 1.5 },
    ],
    [
      { model: "perShare", rate: 0.005 },
      { model: "perShare", rate: 0.005, min: 0, max: null },
    ],
    [
      { model: "perShare", rate: 0, min: 1, max: 1 },
      { model: "perShare", rate: 0, min: 1, max: 1 },
    ],
    [
      { model: "perShare", rate: 0.01, min: 0, max: null },
      { model: "perShare", rate: 0.01, min: 0, max: null },
    ],
    [
      { model: "fixedPerOrder", amount: 0 },
      { model: "fixedPerOrder", amount: 0 },
    ],
    [
      { model: "fixedPerOrder", amount: 4.95 },
      { model: "fixedPerOrder", amount: 4.95 },
    ],
  ])("resolveConfig() accepts commission %j", (commission, expected) => {
    expect(resolveConfig({ commission }, SYMBOLS).commission).toStrictEqual(expected);
  });
});

describe("resolveConfig() instruments", () => {
  it("resolveConfig() applies the run-wide terms to every symbol, in the order of symbols", () => {
    const config = resolveConfig({ multiplier: 50, lotSize: 1e-8, tickSize: 0.25 }, ["ZZZ", "AAA"]);
    expect(config.instruments).toStrictEqual([
      equity("ZZZ", { multiplier: 50, lotSize: 1e-8, tickSize: 0.25 }),
      equity("AAA", { multiplier: 50, lotSize: 1e-8, tickSize: 0.25 }),
    ]);
  });

  it("resolveConfig() overrides only the terms an entry names", () => {
    const config = resolveConfig(
      {
        lotSize: 100,
        tickSize: 0.01,
        instruments: { TLT: { lotSize: 1 }, BTC: { lotSize: 1e-8, tickSize: null }, SPY: {} },
      },
      ["SPY", "TLT", "BTC"],
    );
    expect(config.instruments).toStrictEqual([
      equity("SPY", { lotSize: 100, tickSize: 0.01 }),
      equity("TLT", { tickSize: 0.01 }),
      equity("BTC", { lotSize: 1e-8 }),
    ]);
  });

  it("resolveConfig() takes an entry's multiplier and kind", () => {
    const config = resolveConfig({ instruments: { SPY: { kind: "equity", multiplier: 10 } } }, SYMBOLS);
    expect(config.instruments[0]).toStrictEqual(equity("SPY", { multiplier: 10 }));
    expect(config.instruments[1]).toStrictEqual(DEFAULTS.instruments[1]);
  });

  it("resolveConfig() reads a symbol named like an Object.prototype member as a plain key", () => {
    const config = resolveConfig({ instruments: { constructor: { lotSize: 5 } } }, [
      "constructor",
      "toString",
    ]);
    expect(config.instruments.map((i) => i.lotSize)).toStrictEqual([5, 1]);
  });

  it("resolveConfig() gives an empty instrument list for no symbols", () => {
    expect(resolveConfig({}, []).instruments).toStrictEqual([]);
  });
});

describe("resolveConfig() errors", () => {
  it("resolveConfig() names the source, key, model, field, rule and value", () => {
    expect(resolveError({ slippage: { model: "fixedBps", bps: -5 } }, "config run.json")).toBe(
      "config run.json slippage (model=fixedBps) field=bps: must be finite and >= 0, got -5",
    );
  });

  it.each([
    [[1], "config: must be an object, got [1]"],
    [null, "config: must be an object, got null"],
    ['{"initialCash": 1}', 'config: must be an object, got "{\\"initialCash\\": 1}"'],
    [new Map(), "config: must be an object, got a Map object"],
  ])("resolveConfig() rejects the input %j that is not an object", (input, message) => {
    expect(resolveError(input)).toBe(message);
  });

  it.each([
    [{ slipage: {} }, 'config: unknown key "slipage" (did you mean "slippage"?)'],
    [{ initalCash: 1 }, 'config: unknown key "initalCash" (did you mean "initialCash"?)'],
    [{ lotsize: 1 }, 'config: unknown key "lotsize" (did you mean "lotSize"?)'],
    [{ fillat: "close" }, 'config: unknown key "fillat" (did you mean "fillAt"?)'],
    [{ maintShrot: 0.3 }, 'config: unknown key "maintShrot" (did you mean "maintShort"?)'],
    [{ seed: 1 }, `config: unknown key "seed"; known keys: ${ALL_KEYS}`],
    [{ initialCash: 1, margin: {} }, `config: unknown key "margin"; known keys: ${ALL_KEYS}`],
    [
      JSON.parse('{"__proto__": {"initialCash": 5}}'),
      `config: unknown key "__proto__"; known keys: ${ALL_KEYS}`,
    ],
  ])("resolveConfig() rejects an unknown top-level key: %j", (input, message) => {
    expect(resolveError(input)).toBe(message);
  });

  it("resolveConfig() reports an unknown key even when its value is undefined", () => {
    expect(resolveError({ slipage: undefined })).toBe(
      'config: unknown key "slipage" (did you mean "slippage"?)',
    );
  });

  it.each([
    [
      { slippage: { model: "fixedBps", bsp: 1 } },
      'config slippage (model=fixedBps): unknown key "bsp" (did you mean "bps"?)',
    ],
    [
      { slippage: { model: "perShare", amount: 1, bps: 2 } },
      'config slippage (model=perShare): unknown key "bps"; known keys: "model", "amount"',
    ],
    [
      { commission: { model: "percent", rate: 0.001, fixed: -1 } },
      "config commission (model=percent) field=fixed: must be finite and >= 0, got -1",
    ],
    [
      { commission: { model: "percent", rate: 0.001, min: 1 } },
      'config commission (model=percent): unknown key "min"; known keys: "model", "rate", "fixed"',
    ],
    [
      { commission: { model: "perShare", rate: 0.005, maxx: 1 } },
      'config commission (model=perShare): unknown key "maxx" (did you mean "max"?)',
    ],
    [
      { commission: { model: "fixedPerOrder", amount: 1, rate: 0 } },
      'config commission (model=fixedPerOrder): unknown key "rate"; known keys: "model", "amount"',
    ],
    [
      { instruments: { SPY: { lotsize: 1 } } },
      'config instruments.SPY: unknown key "lotsize" (did you mean "lotSize"?)',
    ],
    [
      { instruments: { SPY: { margin: 0.01 } } },
      'config instruments.SPY: unknown key "margin"; known keys: "kind", "multiplier", "lotSize", "tickSize", "initialMargin", "maintenanceMargin", "borrowRate"',
    ],
  ])("resolveConfig() rejects an unknown nested key: %j", (input, message) => {
    expect(resolveError(input)).toBe(message);
  });

  it.each([
    [{ instruments: { SPX: {} } }, 'config instruments: unknown symbol "SPX" (did you mean "SPY"?)'],
    [
      { instruments: { QQQ: {} } },
      `config instruments: unknown symbol "QQQ"; the panel's symbols: "SPY", "TLT"`,
    ],
  ])("resolveConfig() rejects instruments naming a symbol not in the panel: %j", (input, message) => {
    expect(resolveError(input)).toBe(message);
  });

  it("resolveConfig() lists at most 10 of the panel's symbols", () => {
    const symbols = Array.from({ length: 12 }, (_, i) => `A${String(i).padStart(2, "0")}`);
    const listed = symbols
      .slice(0, 10)
      .map((s) => `"${s}"`)
      .join(", ");
    expect(errorOf(() => resolveConfig({ instruments: { ZZZZ: {} } }, symbols))).toBe(
      `config instruments: unknown symbol "ZZZZ"; the panel's symbols: ${listed}, ... (12 in all)`,
    );
  });

  it.each([
    [
      { slippage: { model: "bps", bps: 1 } },
      'config slippage field=model: unknown model "bps"; known models: "fixedBps", "perShare", "halfSpread"',
    ],
    [
      { slippage: { model: "FixedBps", bps: 1 } },
      'config slippage field=model: unknown model "FixedBps"; known models: "fixedBps", "perShare", "halfSpread"',
    ],
    [
      { slippage: { bps: 1 } },
      'config slippage field=model: must be given; known models: "fixedBps", "perShare", "halfSpread"',
    ],
    [
      { commission: { model: "tieredBands" } },
      'config commission field=model: unknown model "tieredBands"; known models: "percent", "perShare", "perContract", "fixedPerOrder", "tiered"',
    ],
    [
      { commission: { model: 1 } },
      'config commission field=model: unknown model 1; known models: "percent", "perShare", "perContract", "fixedPerOrder", "tiered"',
    ],
    [
      { impact: { model: "linear" } },
      'config impact field=model: unknown model "linear"; known models: "none", "volumeShare", "sqrtImpact"',
    ],
    [
      { impact: {} },
      'config impact field=model: must be given; known models: "none", "volumeShare", "sqrtImpact"',
    ],
  ])("resolveConfig() rejects an unknown model: %j", (input, message) => {
    expect(resolveError(input)).toBe(message);
  });

  it.each([
    [{ initialCash: "100" }, 'config initialCash: must be a number, got "100"'],
    [{ initialCash: null }, "config initialCash: must be a number, got null"],
    [{ account: "Margin" }, 'config account: must be one of "margin", "cash", "futures", got "Margin"'],
    [{ account: null }, 'config account: must be one of "margin", "cash", "futures", got null'],
    [{ fillAt: "Open" }, 'config fillAt: must be one of "next-open", "close", "open", got "Open"'],
    [
      { onInsufficient: "skip" },
      'config onInsufficient: must be one of "reject", "partial", "scale", null, got "skip"',
    ],
    [
      { onZeroVolume: false },
      'config onZeroVolume: must be one of "defer", "reject", "fill", "synthetic", got false',
    ],
    [
      { intrabarPath: "worst" },
      'config intrabarPath: must be one of "nearer-first", "pessimistic", "optimistic", got "worst"',
    ],
    [{ timeInForce: "ioc" }, 'config timeInForce: must be one of "gtc", "day", got "ioc"'],
    [{ onMarginCall: "warn" }, 'config onMarginCall: must be one of "liquidate", "ignore", got "warn"'],
    [{ clampToBar: "true" }, 'config clampToBar: must be true or false, got "true"'],
    [{ finraShortFloors: 1 }, "config finraShortFloors: must be true or false, got 1"],
    [{ maxParticipation: "0.1" }, 'config maxParticipation: must be a number or null, got "0.1"'],
    [{ maxGrossLeverage: [2] }, "config maxGrossLeverage: must be a number or null, got [2]"],
    [{ slippage: 5 }, "config slippage: must be an object, got 5"],
    [{ slippage: null }, "config slippage: must be an object, got null"],
    [{ commission: "percent" }, 'config commission: must be an object, got "percent"'],
    [
      { slippage: { model: "fixedBps", bps: "5" } },
      'config slippage (model=fixedBps) field=bps: must be a number, got "5"',
    ],
    [
      { commission: { model: "perShare", rate: 0.01, max: "none" } },
      'config commission (model=perShare) field=max: must be a number or null, got "none"',
    ],
    [{ instruments: [] }, "config instruments: must be an object, got []"],
    [{ instruments: null }, "config instruments: must be an object, got null"],
    [{ instruments: { SPY: null } }, "config instruments.SPY: must be an object, got null"],
    [{ instruments: { SPY: 100 } }, "config instruments.SPY: must be an object, got 100"],
    [
      { instruments: { SPY: { kind: "option" } } },
      'config instruments.SPY field=kind: must be one of "equity", "future", got "option"',
    ],
    [
      { instruments: { SPY: { kind: null } } },
      'config instruments.SPY field=kind: must be one of "equity", "future", got null',
    ],
    [
      { instruments: { SPY: { lotSize: null } } },
      "config instruments.SPY field=lotSize: must be a number, got null",
    ],
  ])("resolveConfig() rejects a value of the wrong type: %j", (input, message) => {
    expect(resolveError(input)).toBe(message);
  });

  it.each([
    [{ initialCash: 0 }, "config initialCash: must be finite and > 0, got 0"],
    [{ initialCash: -1000 }, "config initialCash: must be finite and > 0, got -1000"],
    [{ maxParticipation: 0 }, "config maxParticipation: must be null or finite and in (0, 1], got 0"],
    [{ maxParticipation: 1.5 }, "config maxParticipation: must be null or finite and in (0, 1], got 1.5"],
    [{ initialRate: 0 }, "config initialRate: must be finite and in (0, 1], got 0"],
    [{ initialRate: 50 }, "config initialRate: must be finite and in (0, 1], got 50"],
    [{ maintLong: -0.1 }, "config maintLong: must be finite and in [0, 1], got -0.1"],
    [{ maintShort: 1.01 }, "config maintShort: must be finite and in [0, 1], got 1.01"],
    [
      { initialRate: 0.5, maintLong: 0.6 },
      "config maintLong: must be <= initialRate 0.5 (a position opened at initial margin would be in call at once), got 0.6",
    ],
    [
      { initialRate: 0.2 },
      "config maintLong: must be <= initialRate 0.2 (a position opened at initial margin would be in call at once), got 0.25",
    ],
    [{ maxGrossLeverage: 0 }, "config maxGrossLeverage: must be null or finite and > 0, got 0"],
    [{ maxNetLeverage: -1 }, "config maxNetLeverage: must be null or finite and > 0, got -1"],
    [{ syntheticVolume: -1 }, "config syntheticVolume: must be finite and >= 0, got -1"],
    [
      { onZeroVolume: "synthetic", syntheticVolume: 0 },
      'config syntheticVolume: must be finite and > 0 when onZeroVolume is "synthetic", got 0',
    ],
    [{ lotSize: 0 }, "config lotSize: must be finite and > 0, got 0"],
    [{ multiplier: -50 }, "config multiplier: must be finite and > 0, got -50"],
    [{ tickSize: 0 }, "config tickSize: must be null or finite and > 0, got 0"],
    [
      { slippage: { model: "perShare", amount: -0.01 } },
      "config slippage (model=perShare) field=amount: must be finite and >= 0, got -0.01",
    ],
    [
      { commission: { model: "percent", rate: 1 } },
      "config commission (model=percent) field=rate: must be finite and in [0, 1), got 1",
    ],
    [
      { commission: { model: "percent", rate: -0.001 } },
      "config commission (model=percent) field=rate: must be finite and in [0, 1), got -0.001",
    ],
    [
      { commission: { model: "perShare", rate: -0.005 } },
      "config commission (model=perShare) field=rate: must be finite and >= 0, got -0.005",
    ],
    [
      { commission: { model: "perShare", rate: 0.005, min: -1 } },
      "config commission (model=perShare) field=min: must be finite and >= 0, got -1",
    ],
    [
      { commission: { model: "perShare", rate: 0.005, max: -1 } },
      "config commission (model=perShare) field=max: must be null or finite and >= 0, got -1",
    ],
    [
      { commission: { model: "perShare", rate: 0.005, min: 1, max: 0.5 } },
      "config commission (model=perShare) field=max: must be null or >= min (1), got 0.5",
    ],
    [
      { commission: { model: "fixedPerOrder", amount: -1 } },
      "config commission (model=fixedPerOrder) field=amount: must be finite and >= 0, got -1",
    ],
    [
      { instruments: { TLT: { lotSize: 0 } } },
      "config instruments.TLT field=lotSize: must be finite and > 0, got 0",
    ],
    [
      { instruments: { SPY: { multiplier: -1 } } },
      "config instruments.SPY field=multiplier: must be finite and > 0, got -1",
    ],
    [
      { instruments: { SPY: { tickSize: 0 } } },
      "config instruments.SPY field=tickSize: must be null or finite and > 0, got 0",
    ],
  ])("resolveConfig() rejects a value out of range: %j", (input, message) => {
    expect(resolveError(input)).toBe(message);
  });

  it.each([
    ["initialCash NaN", { initialCash: Number.NaN }, "config initialCash: must be finite and > 0, got NaN"],
    [
      "initialCash Infinity",
      { initialCash: Number.POSITIVE_INFINITY },
      "config initialCash: must be finite and > 0, got Infinity",
    ],
    [
      "maxParticipation NaN",
      { maxParticipation: Number.NaN },
      "config maxParticipation: must be null or finite and in (0, 1], got NaN",
    ],
    [
      "maxGrossLeverage Infinity",
      { maxGrossLeverage: Number.POSITIVE_INFINITY },
      "config maxGrossLeverage: must be null or finite and > 0, got Infinity",
    ],
    [
      "slippage bps -Infinity",
      { slippage: { model: "fixedBps", bps: Number.NEGATIVE_INFINITY } },
      "config slippage (model=fixedBps) field=bps: must be finite and >= 0, got -Infinity",
    ],
    [
      "commission max Infinity",
      { commission: { model: "perShare", rate: 0, max: Number.POSITIVE_INFINITY } },
      "config commission (model=perShare) field=max: must be null or finite and >= 0, got Infinity",
    ],
    [
      "instrument lotSize NaN",
      { instruments: { SPY: { lotSize: Number.NaN } } },
      "config instruments.SPY field=lotSize: must be finite and > 0, got NaN",
    ],
    ["multiplier -0", { multiplier: -0 }, "config multiplier: must be finite and > 0, got -0"],
  ])("resolveConfig() rejects NaN, Infinity and -0 where they break a bound: %s", (_, input, message) => {
    expect(resolveError(input)).toBe(message);
  });

  it.each([
    [{ slippage: { model: "fixedBps" } }, "config slippage (model=fixedBps) field=bps: must be given"],
    [{ slippage: { model: "perShare" } }, "config slippage (model=perShare) field=amount: must be given"],
    [
      { slippage: { model: "perShare", amount: undefined } },
      "config slippage (model=perShare) field=amount: must be given",
    ],
    [{ commission: { model: "percent" } }, "config commission (model=percent) field=rate: must be given"],
    [
      { commission: { model: "perShare", min: 1 } },
      "config commission (model=perShare) field=rate: must be given",
    ],
    [
      { commission: { model: "fixedPerOrder" } },
      "config commission (model=fixedPerOrder) field=amount: must be given",
    ],
    [{ onZeroVolume: "synthetic" }, 'config syntheticVolume: must be given when onZeroVolume is "synthetic"'],
  ])("resolveConfig() rejects a missing required field: %j", (input, message) => {
    expect(resolveError(input)).toBe(message);
  });

  it("resolveConfig() exposes the place and rule of an error", () => {
    try {
      resolveConfig({ commission: { model: "percent", rate: 2 } }, SYMBOLS, "config run.json");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const e = err as ConfigError;
      expect(e.name).toBe("ConfigError");
      expect(e.place).toStrictEqual({
        source: "config run.json",
        key: "commission",
        model: "percent",
        field: "rate",
      });
      expect(e.rule).toBe("must be finite and in [0, 1), got 2");
    }
  });
});

describe("resolveConfig() margin calls, financing, settlement and calendar", () => {
  it("resolveConfig() keeps holidays in the given order, as a frozen copy", () => {
    const input = { holidays: ["2024-05-27", "2017-09-04"] };
    const config = resolveConfig(input, SYMBOLS);
    expect(config.holidays).toStrictEqual(["2024-05-27", "2017-09-04"]);
    expect(config.holidays).not.toBe(input.holidays);
    expect(Object.isFrozen(config.holidays)).toBe(true);
  });

  it('resolveConfig() reads holidays "us-equity" as the US calendar: NYSE closures, Fed days added to settlementHolidays', () => {
    const config = resolveConfig(
      { holidays: "us-equity", settlementHolidays: ["2024-12-31", "2024-10-14"] },
      SYMBOLS,
    );
    const in2024 = (dates: readonly string[] | null) =>
      (dates ?? []).filter((date) => date.startsWith("2024-"));
    expect(in2024(config.holidays)).toContain("2024-03-29");
    expect(in2024(config.holidays)).not.toContain("2024-10-14");
    expect(in2024(config.settlementHolidays)).toStrictEqual(["2024-10-14", "2024-11-11", "2024-12-31"]);
    expect(Object.isFrozen(config.settlementHolidays)).toBe(true);
  });

  it.each([
    [{ marginCheckAt: "low" }, 'config marginCheckAt: must be one of "close", "adverse-extreme", got "low"'],
    [{ cureDays: 1.5 }, "config cureDays: must be an integer and >= 0, got 1.5"],
    [{ cureDays: -1 }, "config cureDays: must be an integer and >= 0, got -1"],
    [{ cureDays: "2" }, 'config cureDays: must be a number, got "2"'],
    [
      { liquidationOrder: "fifo" },
      'config liquidationOrder: must be one of "largest-requirement", "largest-loss", "pro-rata", got "fifo"',
    ],
    [{ liquidationBuffer: -0.1 }, "config liquidationBuffer: must be finite and >= 0, got -0.1"],
    [{ restoreTo: "mm" }, 'config restoreTo: must be one of "maintenance", "initial", got "mm"'],
    [{ debitRate: -0.05 }, "config debitRate: must be finite and >= 0, got -0.05"],
    [{ debitRate: Number.NaN }, "config debitRate: must be finite and >= 0, got NaN"],
    [{ creditRate: "0.02" }, 'config creditRate: must be a number, got "0.02"'],
    [{ shortRebateRate: -1 }, "config shortRebateRate: must be finite and >= 0, got -1"],
    [{ borrowRate: -0.02 }, "config borrowRate: must be finite and >= 0, got -0.02"],
    [{ borrowRate: null }, "config borrowRate: must be a number, got null"],
    [{ settlement: -1 }, 'config settlement: must be an integer >= 0 or "us-equity", got -1'],
    [{ settlement: 1.5 }, 'config settlement: must be an integer >= 0 or "us-equity", got 1.5'],
    [{ settlement: "T+2" }, 'config settlement: must be an integer >= 0 or "us-equity", got "T+2"'],
    [{ settlement: null }, 'config settlement: must be an integer >= 0 or "us-equity", got null'],
    [
      { unsettledFunds: "allow" },
      'config unsettledFunds: must be one of "good-faith", "forbid", got "allow"',
    ],
    [{ gfvLimit: 0 }, "config gfvLimit: must be an integer and >= 1, got 0"],
    [{ gfvLimit: 2.5 }, "config gfvLimit: must be an integer and >= 1, got 2.5"],
    [
      { holidays: "2024-01-01" },
      'config holidays: must be null, "us-equity" or an array of ISO dates "YYYY-MM-DD", got "2024-01-01"',
    ],
    [
      { holidays: "nyse" },
      'config holidays: must be null, "us-equity" or an array of ISO dates "YYYY-MM-DD", got "nyse"',
    ],
    [
      { settlementHolidays: null },
      'config settlementHolidays: must be an array of ISO dates "YYYY-MM-DD", got null',
    ],
    [
      { holidays: "us-equity", settlementHolidays: ["2024-10-14", "2024-11-31"] },
      'config settlementHolidays[1]: must be a calendar date "YYYY-MM-DD", got "2024-11-31"',
    ],
    [
      { holidays: ["2024-01-15", "2023-02-29"] },
      'config holidays[1]: must be a calendar date "YYYY-MM-DD", got "2023-02-29"',
    ],
    [{ holidays: ["2024-1-5"] }, 'config holidays[0]: must be a calendar date "YYYY-MM-DD", got "2024-1-5"'],
    [
      { holidays: ["2024-01-05T00:00:00Z"] },
      'config holidays[0]: must be a calendar date "YYYY-MM-DD", got "2024-01-05T00:00:00Z"',
    ],
    [{ holidays: [20240105] }, 'config holidays[0]: must be a calendar date "YYYY-MM-DD", got 20240105'],
  ])("resolveConfig() rejects %j", (input, message) => {
    expect(resolveError(input)).toBe(message);
  });
});
