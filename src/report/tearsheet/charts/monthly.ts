// Monthly returns as a year x month heatmap, each cell labelled with its return.
import type { TopLevelSpec } from "vega-lite";
import type { TearsheetInput } from "../input.ts";
import { frame, HALF } from "./frame.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function monthlyReturnsSpec(input: TearsheetInput): TopLevelSpec {
  const values = input.monthlyReturns.flatMap(({ year, months }) =>
    months.flatMap((value, month) =>
      value === null ? [] : [{ year: String(year), month: MONTHS[month], return: value }],
    ),
  );
  // Symmetric around 0, so that a gain and a loss of one size get colors of one strength.
  const extreme = Math.max(1e-9, ...values.map((row) => Math.abs(row.return)));
  // Every month a column, traded or not, so that a heatmap of a short run reads like a long one's.
  const x = {
    field: "month",
    type: "ordinal",
    scale: { domain: MONTHS },
    title: null,
    axis: { labelAngle: 0, orient: "top" },
  };
  const y = { field: "year", type: "ordinal", title: null };
  return {
    ...frame("Monthly returns", HALF),
    data: { values },
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          x,
          y,
          color: {
            field: "return",
            type: "quantitative",
            title: null,
            scale: { scheme: "redyellowgreen", domain: [-extreme, extreme] },
            legend: { format: ".0%", orient: "right" },
          },
        },
      },
      {
        mark: { type: "text", fontSize: 9 },
        encoding: {
          x,
          y,
          text: { field: "return", type: "quantitative", format: ".1%" },
          // White on the darkest third of the scale, where black would not read.
          color: {
            condition: { test: `abs(datum['return']) > ${(2 / 3) * extreme}`, value: "white" },
            value: "black",
          },
        },
      },
    ],
  } as TopLevelSpec;
}
