// The underwater chart: how far equity stands below its running peak, bar by bar.
import type { TopLevelSpec } from "vega-lite";
import type { TearsheetInput } from "../input.ts";
import { dateX, frame, HALF } from "./frame.ts";

export function drawdownSpec(input: TearsheetInput): TopLevelSpec {
  return {
    ...frame("Drawdown (underwater)", HALF),
    data: { values: input.dates.map((date, t) => ({ date, drawdown: input.drawdown[t] })) },
    mark: { type: "area", color: "#c0392b", opacity: 0.6, line: { color: "#c0392b", strokeWidth: 1 } },
    encoding: {
      x: dateX(input.dates),
      y: { field: "drawdown", type: "quantitative", title: null, axis: { format: ".0%" } },
    },
  } as TopLevelSpec;
}
