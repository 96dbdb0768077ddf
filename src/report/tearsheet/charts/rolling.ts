// Rolling Sharpe ratio and volatility over a trailing window of bars.
import type { TopLevelSpec } from "vega-lite";
import type { TearsheetInput } from "../input.ts";
import { HALF } from "./frame.ts";
import { lineChartSpec } from "./lines.ts";

export function rollingSharpeSpec(input: TearsheetInput): TopLevelSpec {
  return lineChartSpec({
    title: `Rolling Sharpe ratio (${input.rolling.windowBars} bars, annualized)`,
    size: HALF,
    dates: input.dates,
    series: { sharpe: input.rolling.sharpe },
    yFormat: ".1f",
    ruleAt: 0,
    whenEmpty: "No Sharpe ratio: no window's returns vary",
  });
}

export function rollingVolatilitySpec(input: TearsheetInput): TopLevelSpec {
  return lineChartSpec({
    title: `Rolling volatility (${input.rolling.windowBars} bars, annualized)`,
    size: HALF,
    dates: input.dates,
    series: { volatility: input.rolling.volatility },
    yFormat: ".0%",
    whenEmpty: "No volatility: the run is shorter than the window",
  });
}
