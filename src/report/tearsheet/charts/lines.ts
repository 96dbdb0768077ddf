// A line per named series over the bars: the shape of the rolling, exposure and leverage charts.
import type { TopLevelSpec } from "vega-lite";
import { type ChartSize, dateX, emptyChartSpec, frame, longRows } from "./frame.ts";

export interface LineChart {
  readonly title: string;
  readonly size: ChartSize;
  readonly dates: readonly string[];
  /** null values (a window not full yet) leave a gap. */
  readonly series: Readonly<Record<string, readonly (number | null)[]>>;
  /** d3-format of the y axis: ".2f", ".3~s", ".0%". */
  readonly yFormat: string;
  /** A horizontal rule at this value (0 for a Sharpe ratio or a leverage); none when omitted. */
  readonly ruleAt?: number;
  /** For series that may have no value at all (a flat run has no Sharpe ratio): what the chart says instead. */
  readonly whenEmpty?: string;
}

export function lineChartSpec(chart: LineChart): TopLevelSpec {
  const hasValue = Object.values(chart.series).some((series) => series.some((value) => value !== null));
  if (chart.whenEmpty !== undefined && !hasValue)
    return emptyChartSpec(chart.title, chart.size, chart.whenEmpty);
  const line = {
    mark: { type: "line", strokeWidth: 1.2 },
    encoding: {
      x: dateX(chart.dates),
      y: { field: "value", type: "quantitative", title: null, axis: { format: chart.yFormat } },
      color: { field: "series", type: "nominal", title: null, sort: Object.keys(chart.series) },
    },
  };
  // Its own one-row data: inheriting the bars' rows would draw the rule once per row.
  const rule = {
    data: { values: [{ value: chart.ruleAt }] },
    mark: { type: "rule", color: "#999", strokeDash: [4, 3] },
    encoding: { y: { field: "value", type: "quantitative" } },
  };
  return {
    ...frame(chart.title, chart.size),
    data: { values: longRows(chart.dates, chart.series) },
    layer: chart.ruleAt === undefined ? [line] : [line, rule],
  } as TopLevelSpec;
}
