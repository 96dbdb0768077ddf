// The reference's exact decimals: a number that is not finite has no exact decimal, and making
// one is an error, never a NaN that would compare false everywhere downstream.
import { describe, expect, it } from "vitest";
import { dec, truncToStep } from "../../reference/decimal.ts";

describe("reference decimals", () => {
  it("refuses NaN and the infinities", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      expect(() => dec(value)).toThrow(`reference: cannot make an exact decimal of ${value}`);
  });

  it("reads a float64 exactly as written and truncates toward 0 to the lot", () => {
    expect(dec(0.1).add(dec(0.2)).toString()).toBe("0.3");
    expect(truncToStep(dec(-7.5), dec(2)).toString()).toBe("-6");
    expect(truncToStep(dec(0.29), dec(0.01)).toString()).toBe("0.29");
  });
});
