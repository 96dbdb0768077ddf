// The tearsheet series against quantstats' own code (commit fbd10daed0227aa0d10da6513f1b15e7e98d7fae,
// 0.0.78; numbers printed by tests/report/quantstats-reference.py): rolling_sharpe and
// rolling_volatility with rolling_period=3, and monthly_returns (compounded, with EOY).
import { describe, expect, it } from "vitest";
import { monthlyReturns, rollingSharpe, rollingVolatility } from "../../src/report/series.ts";
import { timesOf } from "../helpers/records.ts";

const RETURNS = [0.05, -0.01, 0.02, -0.02, 0.01, 0.0, -0.05, 0.04];

describe("series against quantstats", () => {
  it("rollingSharpe() is quantstats' rolling_sharpe: bar 2's window .05 -.01 .02 has mean .02, sd .03: .6667 x 15.8745", () => {
    const quantstats = [
      null,
      null,
      10.583005244258363,
      -2.5419556372089698,
      2.5419556372089707,
      -3.464101615137754,
      -6.584439134024813,
      -1.1734773880769367,
    ];
    const sharpe = rollingSharpe(RETURNS, { periodsPerYear: 252, windowBars: 3 });
    expectSeries(sharpe, quantstats, 10);
  });

  it("rollingVolatility() is quantstats' rolling_volatility: bar 2, .03 x 15.8745 = 0.476235", () => {
    const quantstats = [
      null,
      null,
      0.47623523599162637,
      0.33045423283716613,
      0.33045423283716613,
      0.24248711305964282,
      0.5102940328869229,
      0.7158212067269313,
    ];
    const volatility = rollingVolatility(RETURNS, { periodsPerYear: 252, windowBars: 3 });
    expectSeries(volatility, quantstats, 12);
  });

  it("monthlyReturns() is quantstats' monthly_returns, with null where it writes 0 for a month without bars", () => {
    const returns = [0.01, -0.02, 0.03, 0.015, -0.01, 0.02, -0.03, 0.005, 0.04, -0.015];
    const dates = [
      ...["2023-11-29", "2023-11-30", "2023-12-01", "2023-12-15", "2023-12-29"],
      ...["2024-01-02", "2024-01-31", "2024-03-01", "2024-03-28", "2024-03-29"],
    ];
    const [y2023, y2024] = monthlyReturns(returns, timesOf(dates));
    // Nov 1.01 x .98 - 1 = -.0102; Dec 1.03 x 1.015 x .99 - 1 = .0349955; year .9898 x 1.0349955 - 1
    expect(y2023.months[10]).toBeCloseTo(-0.010199999999999987, 15);
    expect(y2023.months[11]).toBeCloseTo(0.03499549999999996, 15);
    expect(y2023.total).toBeCloseTo(0.02443854589999983, 15);
    // Jan 1.02 x .97 - 1 = -.0106; Feb none; Mar 1.005 x 1.04 x .985 - 1 = .029522; year .9894 x 1.029522 - 1
    expect(y2024.months[0]).toBeCloseTo(-0.010600000000000054, 15);
    expect(y2024.months[1]).toBeNull();
    expect(y2024.months[2]).toBeCloseTo(0.029521999999999826, 15);
    expect(y2024.total).toBeCloseTo(0.01860906679999985, 15);
  });
});

/** Each value null where quantstats' is NaN, else equal to `digits` decimals. */
function expectSeries(
  actual: readonly (number | null)[],
  expected: readonly (number | null)[],
  digits: number,
) {
  expect(actual).toHaveLength(expected.length);
  for (const [t, value] of expected.entries()) {
    if (value === null) expect(actual[t], `bar ${t}`).toBeNull();
    else expect(actual[t], `bar ${t}`).toBeCloseTo(value, digits);
  }
}
