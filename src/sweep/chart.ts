// The picture of a sweep: the ranking metric over the grid. Two or more swept params: a heatmap
// of the first two (with more, each cell the best over the others); one: the metric against it.
import type { TopLevelSpec } from "vega-lite";
import { frame } from "../report/tearsheet/charts/frame.ts";
import type { GridAxis } from "./grid.ts";
import type { SweepVerdict } from "./rank.ts";

/** Taller than the tearsheet's wide charts: a grid's rows need the room. */
const SIZE = { width: 1036, height: 420 } as const;

export function sweepChartSpec(axes: readonly GridAxis[], verdict: SweepVerdict): TopLevelSpec {
  const { rankBy } = verdict;
  // Best first: the first trial seen for a cell is the best over the params not drawn.
  const cells = new Map<string, { x: number; y: number | null; value: number; trial: number }>();
  for (const { trial, value } of verdict.ranked) {
    if (value === null) continue;
    const x = trial.grid[axes[0].key];
    const y = axes.length > 1 ? trial.grid[axes[1].key] : null;
    const key = `${x}|${y}`;
    if (!cells.has(key)) cells.set(key, { x, y, value, trial: trial.index });
  }
  const values = [...cells.values()];
  const others = axes.slice(2).map((axis) => axis.key);
  const title =
    axes.length === 1
      ? `${rankBy} by ${axes[0].key}`
      : `${rankBy} by ${axes[0].key} and ${axes[1].key}${others.length > 0 ? ` (each cell the best over ${others.join(", ")})` : ""}`;
  const framed = { ...frame(title, SIZE), data: { values } };
  const x = {
    field: "x",
    type: "ordinal",
    title: axes[0].key,
    sort: axes[0].values,
    axis: { labelAngle: 0 },
  };
  if (axes.length === 1)
    return {
      ...framed,
      mark: { type: "line", point: true },
      encoding: { x, y: { field: "value", type: "quantitative", title: rankBy } },
    } as TopLevelSpec;
  const y = { field: "y", type: "ordinal", title: axes[1].key, sort: [...axes[1].values].reverse() };
  return {
    ...framed,
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          x,
          y,
          // The best end of the scale is viridis' bright yellow, whichever way the metric ranks.
          color: {
            field: "value",
            type: "quantitative",
            title: rankBy,
            scale: { scheme: "viridis", reverse: verdict.order === "ascending" },
          },
          tooltip: [{ field: "trial" }, { field: "value", format: ".4f" }],
        },
      },
      {
        mark: { type: "text", fontSize: 10 },
        encoding: {
          x,
          y,
          text: { field: "value", type: "quantitative", format: ".2f" },
          // Black on the bright half of the scale, white on the dark half.
          color: {
            condition: {
              test: `datum.value ${verdict.order === "descending" ? ">" : "<"} ${middle(values)}`,
              value: "black",
            },
            value: "white",
          },
        },
      },
    ],
  } as TopLevelSpec;
}

function middle(values: readonly { readonly value: number }[]): number {
  const all = values.map((cell) => cell.value);
  return all.length === 0 ? 0 : (Math.min(...all) + Math.max(...all)) / 2;
}
