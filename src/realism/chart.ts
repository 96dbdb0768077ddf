// The ladder's pictures: the total return of each step as bars, bottom step first (what each
// family of assumptions takes away, read left to right), and the equity curve of every step.
import type { TopLevelSpec } from "vega-lite";
import { frame, HALF, WIDE } from "../report/tearsheet/charts/frame.ts";
import { lineChartSpec } from "../report/tearsheet/charts/lines.ts";
import type { Ladder } from "./run-ladder.ts";

export function returnBySteps(ladder: Ladder): TopLevelSpec {
  const names = ladder.steps.map((step) => step.name);
  return {
    ...frame("Total return by step", { width: WIDE.width, height: HALF.height }),
    data: { values: ladder.steps.map((step) => ({ step: step.name, totalReturn: step.totalReturn })) },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          x: { field: "step", type: "ordinal", sort: names, title: null, axis: { labelAngle: 0 } },
          y: { field: "totalReturn", type: "quantitative", title: null, axis: { format: ".1%" } },
          color: {
            condition: { test: "datum.totalReturn < 0", value: "#c0392b" },
            value: "#2c7fb8",
          },
        },
      },
      {
        mark: { type: "text", dy: -6, fontSize: 11 },
        encoding: {
          x: { field: "step", type: "ordinal", sort: names },
          y: { field: "totalReturn", type: "quantitative" },
          text: { field: "totalReturn", type: "quantitative", format: ".2%" },
        },
      },
    ],
  } as TopLevelSpec;
}

export function equityBySteps(ladder: Ladder, dates: readonly string[]): TopLevelSpec {
  return lineChartSpec({
    title: "Equity by step",
    size: WIDE,
    dates,
    series: Object.fromEntries(ladder.steps.map((step) => [step.name, step.equity])),
    yFormat: ",.3~s",
  });
}
