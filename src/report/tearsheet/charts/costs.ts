// Costs over time: each kind's running total, stacked, so that the top edge is all costs paid.
import type { TopLevelSpec } from "vega-lite";
import type { TearsheetInput } from "../input.ts";
import { dateX, frame, HALF } from "./frame.ts";

export function costsSpec(input: TearsheetInput): TopLevelSpec {
  const values = input.costs.flatMap(({ kind, perBar }) =>
    input.dates.map((date, t) => ({ date, kind, cost: perBar[t] })),
  );
  return {
    ...frame("Costs over time (cumulative)", HALF),
    data: { values },
    transform: [
      {
        window: [{ op: "sum", field: "cost", as: "cumulative" }],
        groupby: ["kind"],
        sort: [{ field: "date" }],
        frame: [null, 0],
      },
    ],
    mark: { type: "area", opacity: 0.8 },
    encoding: {
      x: dateX(input.dates),
      y: { field: "cumulative", type: "quantitative", stack: "zero", title: null, axis: { format: ".3~s" } },
      color: { field: "kind", type: "nominal", title: null, sort: input.costs.map(({ kind }) => kind) },
    },
  } as TopLevelSpec;
}
