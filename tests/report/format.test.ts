import { describe, expect, it } from "vitest";
import { decimal, money, percent, ratio } from "../../src/report/format.ts";

describe("report number formats", () => {
  it("money() prints cents with thousands separators, never -0.00", () => {
    expect(money(1234567.891)).toBe("1,234,567.89");
    expect(money(-0.001)).toBe("0.00");
    expect(money(-2.5)).toBe("-2.50");
  });

  it("percent() and ratio() round to 2 decimals, never -0.00", () => {
    expect(percent(0.125)).toBe("12.50%");
    expect(percent(-0.00001)).toBe("0.00%");
    expect(ratio(1.2345)).toBe("1.23");
    expect(ratio(-0.004)).toBe("0.00");
  });

  it("decimal() keeps the decimals a value has, up to the limit", () => {
    expect(decimal(1.5)).toBe("1.5");
    expect(decimal(12345.123456789, 4)).toBe("12,345.1235");
    expect(decimal(100)).toBe("100");
  });
});
