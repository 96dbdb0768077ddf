// The distribution of daily returns: a histogram, binned by vega-lite.
import type { TopLevelSpec } from "vega-lite";
import type { TearsheetInput } from "../input.ts";
import { frame, HALF } from "./frame.ts";

export function returnsHistogramSpec(input: TearsheetInput): TopLevelSpec {
  return {
    ...frame("Distribution of daily returns", HALF),
    data: { values: input.dailyReturns.map((value) => ({ return: value })) },
    mark: { type: "bar", color: "#1f5fa8" },
    encoding: {
      x: {
        field: "return",
        type: "quantitative",
        bin: { maxbins: 50 },
        title: null,
        axis: { format: ".1%" },
      },
      y: { aggregate: "count", type: "quantitative", title: "bars" },
    },
  } as TopLevelSpec;
}
