// Calendar-year returns as bars, gains green and losses red, each labelled.
import type { TopLevelSpec } from "vega-lite";
import type { TearsheetInput } from "../input.ts";
import { frame, HALF } from "./frame.ts";

const x = { field: "year", type: "ordinal", title: null, axis: { labelAngle: 0 } };
// 16 px past the longest bars, for their labels.
const y = {
  field: "return",
  type: "quantitative",
  title: null,
  scale: { padding: 16 },
  axis: { format: ".0%" },
};

export function yearlyReturnsSpec(input: TearsheetInput): TopLevelSpec {
  const values = input.yearlyReturns.map((row) => ({ year: String(row.year), return: row.return }));
  return {
    ...frame("Yearly returns", HALF),
    data: { values },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          x,
          y,
          color: { condition: { test: "datum['return'] < 0", value: "#c0392b" }, value: "#2e8b57" },
        },
      },
      // The label past the bar's end: above a gain, below a loss (a layer with no row would
      // leave its scale without an extent, so an empty side has none).
      ...labels(
        values.filter((row) => row.return >= 0),
        -7,
      ),
      ...labels(
        values.filter((row) => row.return < 0),
        9,
      ),
    ],
  } as TopLevelSpec;
}

function labels(values: readonly { year: string; return: number }[], dy: number) {
  if (values.length === 0) return [];
  return [
    {
      data: { values },
      mark: { type: "text", dy, fontSize: 10 },
      encoding: { x, y, text: { field: "return", type: "quantitative", format: ".1%" } },
    },
  ];
}
