// Equity over the bars with the benchmark beside it, and under the curve, on the same dates, a
// strip of the account's events (margin calls, liquidations, rejections by reason): a row of
// ticks per kind, which stays readable with an event on every bar, where markers on the curve
// would hide it.
import type { TopLevelSpec } from "vega-lite";
import type { TearsheetEvent, TearsheetInput } from "../input.ts";
import { dateX, frame, longRows, WIDE } from "./frame.ts";

const ROW_PX = 12;
/** Room the y axis labels take left of the plots; both views share it, so their dates align. */
const AXIS_PX = 48;

export function equitySpec(input: TearsheetInput, scale: "linear" | "log"): TopLevelSpec {
  const series: Record<string, readonly number[]> = { strategy: input.equity };
  if (input.benchmark !== null) series[input.benchmark.label] = input.benchmark.equity;
  const title = scale === "log" ? "Equity (log scale)" : "Equity";
  const x = dateX(input.dates);
  const curve = {
    data: { values: longRows(input.dates, series) },
    mark: { type: "line", strokeWidth: 1.4 },
    encoding: {
      x,
      y: {
        field: "value",
        type: "quantitative",
        title: null,
        // zero: false keeps a linear axis near the data; a log axis has no zero to leave out, and
        // a "nice" one would round up to the next power of 10 and squash the curve.
        scale: scale === "log" ? { type: "log", nice: false } : { zero: false },
        axis: { format: ".3~s", minExtent: AXIS_PX - 8, maxExtent: AXIS_PX - 8 },
      },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        sort: Object.keys(series),
        scale: { range: ["#1f5fa8", "#999999"] },
      },
    },
  };
  const markers = eventMarkers(input.events, input);
  if (markers.length === 0) return { ...frame(title, WIDE), ...curve } as TopLevelSpec;
  const kinds = [...new Set(markers.map((marker) => marker.kind))];
  const stripHeight = ROW_PX * kinds.length;
  // Concatenated views cannot autosize to fit: each view gets its inner size.
  const width = WIDE.width - AXIS_PX - 12;
  return {
    title,
    background: "white",
    spacing: 6,
    vconcat: [
      { ...curve, width, height: WIDE.height - stripHeight - 90 },
      {
        data: { values: markers },
        width,
        height: stripHeight,
        mark: { type: "tick", thickness: 1.5, orient: "vertical" },
        encoding: {
          // The curve's axis above already names the dates; the strip keeps their grid.
          x: { ...x, axis: { title: null, labels: false, ticks: false, domain: false } },
          y: {
            field: "kind",
            type: "nominal",
            sort: kinds,
            title: null,
            axis: { labels: false, ticks: false, domain: false, minExtent: AXIS_PX - 8 },
          },
          color: {
            field: "kind",
            type: "nominal",
            sort: kinds,
            title: "events",
            scale: { scheme: "set1" },
          },
        },
      },
    ],
    resolve: { scale: { color: "independent", x: "shared" } },
  } as TopLevelSpec;
}

/** One marker per (bar, kind), however many events of that kind the bar had. */
function eventMarkers(events: readonly TearsheetEvent[], input: TearsheetInput) {
  const seen = new Set<string>();
  const markers: { date: string; kind: string }[] = [];
  for (const event of events) {
    const key = `${event.t} ${event.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    markers.push({ date: input.dates[event.t], kind: event.kind });
  }
  return markers;
}
