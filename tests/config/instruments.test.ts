import { describe, expect, it } from "vitest";
import { ConfigError, resolveConfig } from "../../src/config/index.ts";
import type { Instrument } from "../../src/model/index.ts";
import { errorOf as expectError } from "../helpers/errors.ts";

const errorOf = (run: () => unknown) => expectError(run, ConfigError);

const CL = { kind: "future", multiplier: 1000, initialMargin: 6200, maintenanceMargin: 5600 };

const clResolved: Instrument = {
  symbol: "CL",
  kind: "future",
  multiplier: 1000,
  lotSize: 1,
  tickSize: null,
  initialMargin: { kind: "money", amount: 6200 },
  maintenanceMargin: { kind: "money", amount: 5600 },
  borrowRate: 0,
};

describe("resolveConfig() futures", () => {
  it("resolveConfig() reads futures margins in money per contract", () => {
    const config = resolveConfig({ account: "futures", instruments: { CL } }, ["CL"]);
    expect(config.instruments).toStrictEqual([clResolved]);
    expect(Object.isFrozen(config.instruments[0].initialMargin)).toBe(true);
  });

  it("resolveConfig() reads futures margins as rates of notional", () => {
    const config = resolveConfig(
      {
        account: "futures",
        instruments: {
          CL: { kind: "future", initialMargin: { rate: 0.1 }, maintenanceMargin: { rate: 0.08 } },
        },
      },
      ["CL"],
    );
    expect(config.instruments[0]).toMatchObject({
      initialMargin: { kind: "rate", rate: 0.1 },
      maintenanceMargin: { kind: "rate", rate: 0.08 },
    });
  });

  it("resolveConfig() does not compare a money margin with a rate", () => {
    const config = resolveConfig(
      { instruments: { CL: { kind: "future", initialMargin: { rate: 0.05 }, maintenanceMargin: 5600 } } },
      ["CL"],
    );
    expect(config.instruments[0].maintenanceMargin).toStrictEqual({ kind: "money", amount: 5600 });
  });

  it("resolveConfig() lets a margin account hold futures beside equities", () => {
    const config = resolveConfig({ instruments: { CL } }, ["SPY", "CL"]);
    expect(config.instruments.map((i) => i.kind)).toStrictEqual(["equity", "future"]);
    expect(config.instruments[0].initialMargin).toBeNull();
  });

  it.each([
    [
      { account: "futures" },
      ["SPY"],
      'config instruments.SPY field=kind: must be "future" when account is "futures", got "equity"',
    ],
    [
      { account: "futures", instruments: { CL } },
      ["CL", "SPY"],
      'config instruments.SPY field=kind: must be "future" when account is "futures", got "equity"',
    ],
    [
      { account: "cash", instruments: { CL } },
      ["SPY", "CL"],
      'config instruments.CL field=kind: must be "equity" when account is "cash", got "future"',
    ],
    [
      { instruments: { CL: { kind: "future", maintenanceMargin: 5600 } } },
      ["CL"],
      'config instruments.CL field=initialMargin: must be given when kind is "future"',
    ],
    [
      { instruments: { CL: { kind: "future", initialMargin: 6200 } } },
      ["CL"],
      'config instruments.CL field=maintenanceMargin: must be given when kind is "future"',
    ],
    [
      { instruments: { CL: { ...CL, initialMargin: 0 } } },
      ["CL"],
      'config instruments.CL field=initialMargin: must be finite and > 0 when kind is "future", got 0',
    ],
    [
      { instruments: { CL: { ...CL, maintenanceMargin: 7000 } } },
      ["CL"],
      "config instruments.CL field=maintenanceMargin: must be <= initialMargin (6200), got 7000",
    ],
    [
      { instruments: { CL: { ...CL, initialMargin: { rate: 0.1 }, maintenanceMargin: { rate: 0.2 } } } },
      ["CL"],
      'config instruments.CL field=maintenanceMargin: must be <= initialMargin (0.1), got {"rate":0.2}',
    ],
    [
      { instruments: { CL: { ...CL, initialMargin: { rate: 0 } } } },
      ["CL"],
      "config instruments.CL field=initialMargin.rate: must be finite and in (0, 1], got 0",
    ],
    [
      { instruments: { CL: { ...CL, initialMargin: { rat: 0.1 } } } },
      ["CL"],
      'config instruments.CL field=initialMargin: unknown key "rat" (did you mean "rate"?)',
    ],
    [
      { instruments: { CL: { ...CL, initialMargin: "6200" } } },
      ["CL"],
      'config instruments.CL field=initialMargin: must be a number (money per contract) or {rate} (a fraction of notional), got "6200"',
    ],
    [
      { instruments: { SPY: { initialMargin: 6200 } } },
      ["SPY"],
      'config instruments.SPY field=initialMargin: must be absent when kind is "equity" (futures only), got 6200',
    ],
    [
      { instruments: { SPY: { kind: "equity", maintenanceMargin: { rate: 0.25 } } } },
      ["SPY"],
      'config instruments.SPY field=maintenanceMargin: must be absent when kind is "equity" (futures only), got {"rate":0.25}',
    ],
  ])("resolveConfig() rejects %j on %j", (input, symbols, message) => {
    expect(errorOf(() => resolveConfig(input, symbols))).toBe(message);
  });
});

describe("resolveConfig() borrowRate", () => {
  it("resolveConfig() copies the run's borrowRate into every instrument unless an entry overrides it", () => {
    const config = resolveConfig({ borrowRate: 0.02, instruments: { GE: { borrowRate: 0.35 } } }, [
      "SPY",
      "GE",
    ]);
    expect(config.instruments.map((i) => i.borrowRate)).toStrictEqual([0.02, 0.35]);
    expect(config).not.toHaveProperty("borrowRate");
  });

  it("resolveConfig() rejects a negative per-asset borrowRate", () => {
    expect(errorOf(() => resolveConfig({ instruments: { SPY: { borrowRate: -0.1 } } }, ["SPY"]))).toBe(
      "config instruments.SPY field=borrowRate: must be finite and >= 0, got -0.1",
    );
  });
});
