// What the charts share: their sizes on the page, the date axis, and per-bar arrays as the
// long-format rows vega-lite reads.
import type { TopLevelSpec } from "vega-lite";

/** Outer sizes in CSS pixels, axes and legend included (autosize "fit"). */
export const WIDE = { width: 1036, height: 320 } as const;
export const HALF = { width: 510, height: 240 } as const;

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

export function frame(title: string, size: ChartSize): Partial<TopLevelSpec> {
  return {
    title,
    width: size.width,
    height: size.height,
    autosize: { type: "fit", contains: "padding" },
    background: "white",
  };
}

/**
 * A chart with nothing to plot says why, in its middle: an axis over no value has no extent.
 * Keep the note short: vega, headless, estimates text widths generously, and a note it thinks
 * wider than the plot pushes the title out of the frame.
 */
export function emptyChartSpec(title: string, size: ChartSize, note: string): TopLevelSpec {
  return {
    ...frame(title, size),
    data: { values: [{ note }] },
    mark: { type: "text", color: "#666", fontSize: 12 },
    // At the middle of a unit square without axes, so the layout is a plot's like the others'.
    encoding: {
      x: { datum: 0.5, type: "quantitative", scale: { domain: [0, 1] }, axis: null },
      y: { datum: 0.5, type: "quantitative", scale: { domain: [0, 1] }, axis: null },
      text: { field: "note", type: "nominal" },
    },
  } as TopLevelSpec;
}

/**
 * The bars' time axis, on a UTC scale so that it reads the same in every time zone. Daily bars
 * label "Mar 2023" (vega's default names a year only at a January tick, which a wide axis may
 * not have), or "03 Mar 2023" over less than 4 months, where ticks fall within a month; intraday
 * bars (dates with a time) keep vega's own hours-and-days labels.
 */
export function dateX(dates: readonly string[]) {
  const daily = !dates.some((date) => date.includes("T"));
  const spanDays = (Date.parse(dates[dates.length - 1]) - Date.parse(dates[0])) / 86_400_000;
  const format = spanDays < 120 ? "%d %b %Y" : "%b %Y";
  return {
    field: "date",
    type: "temporal",
    scale: { type: "utc" },
    // labelExpr, not format: a format would also round the marks' dates in their aria-labels.
    axis: {
      title: null,
      labelAngle: 0,
      ...(daily ? { labelExpr: `utcFormat(datum.value, '${format}')` } : {}),
    },
  } as const;
}

export interface SeriesRow {
  readonly date: string;
  readonly series: string;
  readonly value: number | null;
}

/** One row per (bar, named series): the long format that colors a line per series. */
export function longRows(
  dates: readonly string[],
  series: Readonly<Record<string, readonly (number | null)[]>>,
): SeriesRow[] {
  const rows: SeriesRow[] = [];
  for (const [name, values] of Object.entries(series))
    for (let t = 0; t < dates.length; t++) rows.push({ date: dates[t], series: name, value: values[t] });
  return rows;
}
