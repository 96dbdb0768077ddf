// `assay stress`'s HTML report: one page that opens offline, its charts drawn by vega-lite to
// inline SVG (the tearsheet's renderer and style): the equity fan (5/25/50/75/95% of the paths at
// each fan bar), the survival curves of the first margin call and of ruin with their 95% bands,
// and the histogram of final equity; then the tables.
import type { TopLevelSpec } from "vega-lite";
import { frame, WIDE } from "../../report/tearsheet/charts/frame.ts";
import { escapeHtml, htmlTable } from "../../report/tearsheet/html.ts";
import { htmlPage } from "../../report/tearsheet/page.ts";
import { renderPageSvgs } from "../../report/tearsheet/render.ts";
import type { StressEstimates } from "../estimate/index.ts";
import { type StressReport, stressTables } from "./report.ts";

export async function stressPage(report: StressReport): Promise<string> {
  // A tilted run's paths are the tilted model's: no chart of them, only its weighted probabilities.
  const estimates = report.estimates;
  const charts =
    estimates === null
      ? []
      : [
          { name: "fan", spec: fanSpec(estimates) },
          { name: "survival", spec: survivalSpec(estimates) },
          { name: "final-equity", spec: histogramSpec(estimates) },
        ];
  const svgs = await renderPageSvgs(charts);
  const figures = charts.map(
    ({ name }, i) => `<figure class="chart wide" id="chart-${name}">${svgs[i]}</figure>`,
  );
  const { heading, tables, notes } = stressTables(report);
  const body = [
    ...figures,
    "<h2>Estimates</h2>",
    ...tables.map(({ header, rows }) => htmlTable(header, rows, new Set(header.map((_, i) => i).slice(1)))),
    ...notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`),
  ].join("\n");
  return htmlPage(report.title, [heading], body);
}

function fanSpec({ fan }: StressEstimates): TopLevelSpec {
  const rows = fan.fanBars.map((bar, j) => ({
    bar,
    p5: fan.bands[0][j],
    p25: fan.bands[1][j],
    p50: fan.bands[2][j],
    p75: fan.bands[3][j],
    p95: fan.bands[4][j],
  }));
  const x = { field: "bar", type: "quantitative", title: "bar" };
  return {
    ...frame("Equity fan: 5-95% and 25-75% of the paths, and the median", WIDE),
    data: { values: rows },
    layer: [
      {
        mark: { type: "area", opacity: 0.25, color: "#4c78a8" },
        encoding: { x, y: { field: "p5", type: "quantitative", title: "equity" }, y2: { field: "p95" } },
      },
      {
        mark: { type: "area", opacity: 0.45, color: "#4c78a8" },
        encoding: { x, y: { field: "p25", type: "quantitative" }, y2: { field: "p75" } },
      },
      {
        mark: { type: "line", color: "#1f3b63" },
        encoding: { x, y: { field: "p50", type: "quantitative" } },
      },
    ],
  } as TopLevelSpec;
}

function survivalSpec({ survival }: StressEstimates): TopLevelSpec {
  const rows = (["marginCall", "ruin"] as const).flatMap((curve) =>
    survival[curve].survival.map((s, bar) => ({
      bar,
      curve: curve === "ruin" ? "no ruin yet" : "no margin call yet",
      s,
      low: survival[curve].low[bar],
      high: survival[curve].high[bar],
    })),
  );
  const x = { field: "bar", type: "quantitative", title: "bar" };
  const color = { field: "curve", type: "nominal", title: null };
  return {
    ...frame("Survival (Kaplan-Meier, censored at the horizon), with 95% bands", WIDE),
    data: { values: rows },
    layer: [
      {
        mark: { type: "area", opacity: 0.2 },
        encoding: {
          x,
          y: { field: "low", type: "quantitative", title: "share of paths", scale: { domain: [0, 1] } },
          y2: { field: "high" },
          color,
        },
      },
      { mark: { type: "line" }, encoding: { x, y: { field: "s", type: "quantitative" }, color } },
    ],
  } as TopLevelSpec;
}

function histogramSpec({ finalEquity }: StressEstimates): TopLevelSpec {
  const { edges, counts } = finalEquity.histogram;
  const rows = counts.map((count, i) => ({ from: edges[i], to: edges[i + 1], count }));
  return {
    ...frame("Final equity: paths per bin", WIDE),
    data: { values: rows },
    mark: { type: "bar", color: "#4c78a8" },
    encoding: {
      x: { field: "from", type: "quantitative", title: "final equity", bin: { binned: true } },
      x2: { field: "to" },
      y: { field: "count", type: "quantitative", title: "paths" },
    },
  } as TopLevelSpec;
}
