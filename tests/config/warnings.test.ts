import { describe, expect, it } from "vitest";
import { configWarnings, resolveConfig } from "../../src/config/index.ts";

const SYMBOLS = ["SPY", "QQQ"];
const warningsOf = (input: object) => configWarnings(resolveConfig(input, SYMBOLS), "config run.json");

describe("configWarnings()", () => {
  it("configWarnings() says nothing about the defaults", () => {
    expect(warningsOf({})).toStrictEqual([]);
  });

  it("configWarnings() names each cash-account option a margin account ignores", () => {
    expect(warningsOf({ settlement: 2, unsettledFunds: "forbid", gfvLimit: 1 })).toStrictEqual([
      'config run.json settlement: 2 has no effect: it applies to account "cash" only (account is "margin")',
      'config run.json unsettledFunds: "forbid" has no effect: it applies to account "cash" only (account is "margin")',
      'config run.json gfvLimit: 1 has no effect: it applies to account "cash" only (account is "margin")',
    ]);
    expect(warningsOf({ account: "cash", settlement: 2, unsettledFunds: "forbid" })).toStrictEqual([]);
  });

  it('configWarnings() names a syntheticVolume without onZeroVolume "synthetic"', () => {
    expect(warningsOf({ syntheticVolume: 5000 })).toStrictEqual([
      'config run.json syntheticVolume: 5000 has no effect: it is used only under onZeroVolume "synthetic" (onZeroVolume is "defer")',
    ]);
    expect(warningsOf({ onZeroVolume: "synthetic", syntheticVolume: 5000 })).toStrictEqual([]);
  });

  it("configWarnings() names a rate above 1.0 a year, and the assets of a high borrowRate once", () => {
    expect(warningsOf({ debitRate: 5, creditRate: 1, borrowRate: 1.5 })).toStrictEqual([
      "config run.json debitRate: 5 is 500% a year; rates are fractions per year (0.05 is 5%)",
      "config run.json borrowRate of SPY, QQQ: 1.5 is 150% a year; rates are fractions per year (0.05 is 5%)",
    ]);
  });
});
