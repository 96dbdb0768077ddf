// Equity over the bars, the benchmark beside it, and the account's events (margin calls,
// liquidations, rejections) as markers on the equity line at their bar.
import type { TopLevelSpec } from "vega-lite";
import type { TearsheetEvent, TearsheetInput } from "../input.ts";
import { dateX, frame, longRows, WIDE } from "./frame.ts";

export function equitySpec(input: TearsheetInput, scale: "linear" | "log"): TopLevelSpec {
  const series: Record<string, readonly number[]> = { strategy: input.equity };
  if (input.benchmark !== null) series[input.benchmark.label] = input.benchmark.equity;
  const y = {
    type: "quantitative",
    title: null,
    // zero: false keeps a linear axis near the data; a log axis has no zero to leave out.
    scale: scale === "log" ? { type: "log" } : { zero: false },
    axis: { format: "~s" },
  };
  const lines = {
    data: { values: longRows(input.dates, series) },
    mark: { type: "line", strokeWidth: 1.4 },
    encoding: {
      x: dateX(input.dates),
      y: { ...y, field: "value" },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        sort: Object.keys(series),
        scale: { range: ["#1f5fa8", "#999999"] },
      },
    },
  };
  const layer: object[] = [lines];
  const markers = eventMarkers(input.events, input);
  if (markers.length > 0)
    layer.push({
      data: { values: markers },
      mark: { type: "point", shape: "diamond", filled: true, size: 70, opacity: 0.9 },
      encoding: {
        x: dateX(input.dates),
        y: { ...y, field: "equity" },
        color: { field: "kind", type: "nominal", title: "events", scale: { scheme: "set1" } },
      },
    });
  return {
    ...frame(scale === "log" ? "Equity (log scale)" : "Equity", WIDE),
    layer,
    // Two legends: the lines' series and the events' kinds, each with its own colors.
    resolve: { scale: { color: "independent" } },
  } as TopLevelSpec;
}

/** One marker per (bar, kind), however many events of that kind the bar had. */
function eventMarkers(events: readonly TearsheetEvent[], input: TearsheetInput) {
  const seen = new Set<string>();
  const markers: { date: string; kind: string; equity: number }[] = [];
  for (const event of events) {
    const key = `${event.t} ${event.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    markers.push({ date: input.dates[event.t], kind: event.kind, equity: input.equity[event.t] });
  }
  return markers;
}
