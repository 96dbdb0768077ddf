// Gross and net exposure in account currency, and the same over equity: leverage.
import type { TopLevelSpec } from "vega-lite";
import type { TearsheetInput } from "../input.ts";
import { HALF } from "./frame.ts";
import { lineChartSpec } from "./lines.ts";

export function exposureSpec(input: TearsheetInput): TopLevelSpec {
  return lineChartSpec({
    title: "Gross and net exposure",
    size: HALF,
    dates: input.dates,
    series: { gross: input.exposure.gross, net: input.exposure.net },
    yFormat: ".3~s",
    ruleAt: 0,
  });
}

export function leverageSpec(input: TearsheetInput): TopLevelSpec {
  return lineChartSpec({
    title: "Leverage (exposure / equity)",
    size: HALF,
    dates: input.dates,
    series: { gross: input.exposure.grossLeverage, net: input.exposure.netLeverage },
    yFormat: ".2f",
    ruleAt: 0,
    whenEmpty: "No leverage: equity is never above 0",
  });
}
