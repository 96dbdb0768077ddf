import { describe, expect, it } from "vitest";
import { CHART_IDS } from "../../../src/report/tearsheet/charts/index.ts";
import { renderTearsheet } from "../../../src/report/tearsheet/index.ts";
import { chartSvg, marksOf, smallInput } from "./fixture.ts";

/** The aria-labels vega gives each mark item: the data it drew, as "field: value; ...". */
function itemLabels(svg: string): string[] {
  return [...svg.matchAll(/aria-label="([^"]*)" role="graphics-symbol"/g)].map((match) => match[1]);
}

describe("tearsheet charts", async () => {
  const html = await renderTearsheet(smallInput());

  it("tearsheetCharts() draws every chart, each with its marks", () => {
    const marks = Object.fromEntries(CHART_IDS.map((id) => [id, marksOf(chartSvg(html, id))]));
    // A line per series: strategy and benchmark; 3 ticks (vega draws a tick as a rect) for 4
    // events, since the two rejections share bar 3 and one kind.
    const line = { type: "line", items: 1 };
    expect(marks.equity).toEqual([line, line, { type: "rect", items: 3 }]);
    expect(marks["equity-log"]).toEqual(marks.equity);
    expect(marks.drawdown).toEqual([{ type: "area", items: 1 }, line]);
    // 2 months with bars (Dec 2023, Jan 2024): a cell and a label each.
    expect(marks["monthly-returns"]).toEqual([
      { type: "rect", items: 2 },
      { type: "text", items: 2 },
    ]);
    expect(marks["rolling-sharpe"]).toEqual([line, { type: "rule", items: 1 }]);
    expect(marks["rolling-volatility"]).toEqual([line]);
    // 2 bars; the gain's label above it, the loss's below.
    expect(marks["yearly-returns"]).toEqual([
      { type: "rect", items: 2 },
      { type: "text", items: 1 },
      { type: "text", items: 1 },
    ]);
    expect(marks.exposure).toEqual([line, line, { type: "rule", items: 1 }]);
    expect(marks.leverage).toEqual([line, line, { type: "rule", items: 1 }]);
    expect(marks.costs).toEqual([
      { type: "area", items: 1 },
      { type: "area", items: 1 },
    ]);
  });

  it("equitySpec() ticks each event at its bar, in its kind's row under the curve", () => {
    // t=2 is 2023-12-29, t=3 is 2024-01-02.
    const markers = itemLabels(chartSvg(html, "equity")).filter((label) => label.includes("events:"));
    expect(markers).toEqual([
      "date: Dec 29, 2023; kind: margin call; events: margin call",
      "date: Jan 02, 2024; kind: liquidation; events: liquidation",
      "date: Jan 02, 2024; kind: rejection: insufficientCash; events: rejection: insufficientCash",
    ]);
  });

  it("returnsHistogramSpec() counts the daily returns per bin", () => {
    // Returns 0.1, -0.1, 104.5/99-1 = 5.56%, 120/104.5-1 = 14.83%, -0.1: 50 bins of 0.5%.
    expect(itemLabels(chartSvg(html, "returns-distribution")).sort()).toEqual([
      "return (binned): 10.0% – 10.5%; bars: 1",
      "return (binned): 14.5% – 15.0%; bars: 1",
      "return (binned): 5.5% – 6.0%; bars: 1",
      "return (binned): −10.0% – −9.5%; bars: 2",
    ]);
  });

  it("monthlyReturnsSpec() labels each month's cell with its return", () => {
    // Jan 2024: 108/99 - 1 = 9.09%.
    const labels = itemLabels(chartSvg(html, "monthly-returns")).filter((label) => label.endsWith("%"));
    expect(labels).toContain("month: Dec; year: 2023; return: −1.0%");
    expect(labels).toContain("month: Jan; year: 2024; return: 9.1%");
  });

  it("costsSpec() stacks each kind's running total", () => {
    // commission 0, 1, 0.5, 0, 1, 0 -> cumulative 2.5 at the end; slippage half: 1.25; stacked
    // 3.75. The y axis runs 0..4 over the plot's height H, so at the plot's right end W the
    // commission band spans y = H - 3.75 H/4 .. H - 1.25 H/4, and slippage's H - 1.25 H/4 .. H.
    const svg = chartSvg(html, "costs");
    // The plot's frame, the first background path: "M0,0h{W}v{H}h-{W}Z".
    const plot = /<path class="background" aria-hidden="true" d="M0,0h([\d.]+)v([\d.]+)h/.exec(svg);
    expect(plot).not.toBeNull();
    const [width, height] = [Number(plot?.[1]), Number(plot?.[2])];
    expect(svg).toContain('aria-label="Y-axis for a linear scale with values from 0 to 4"');
    const y = (value: number) => height - (value * height) / 4;
    const [commission, slippage] = [...svg.matchAll(/aria-roledescription="area mark" d="([^"]*)"/g)].map(
      (match) => match[1],
    );
    expect(commission).toContain(`L${width},${y(3.75)}L${width},${y(1.25)}L`);
    expect(slippage).toContain(`L${width},${y(1.25)}L${width},${height}L`);
  });

  it("tearsheetCharts() leaves the log chart out when equity reaches 0", async () => {
    const bankrupt = await renderTearsheet(smallInput({ equity: [100, 110, 99, 104.5, 120, 0], events: [] }));
    expect(() => chartSvg(bankrupt, "equity-log")).toThrow("no figure chart-equity-log");
    expect(bankrupt).toContain("No log scale: equity or the benchmark reached 0 or below.");
    expect(marksOf(chartSvg(bankrupt, "equity"))).toEqual([
      { type: "line", items: 1 },
      { type: "line", items: 1 },
    ]);
  });

  it("lineChartSpec() says why when a series has no value, and an all-zero axis reads 0", async () => {
    // A flat run: no Sharpe ratio on any bar, no exposure.
    const nulls = [null, null, null, null, null, null];
    const flat = await renderTearsheet(
      smallInput({
        rolling: { windowBars: 3, sharpe: nulls, volatility: [null, null, null, 0, 0, 0] },
        exposure: {
          gross: [0, 0, 0, 0, 0, 0],
          net: [0, 0, 0, 0, 0, 0],
          grossLeverage: nulls,
          netLeverage: nulls,
        },
      }),
    );
    expect(marksOf(chartSvg(flat, "rolling-sharpe"))).toEqual([{ type: "text", items: 1 }]);
    expect(chartSvg(flat, "rolling-sharpe")).toContain(">No Sharpe ratio: no window's returns vary</text>");
    expect(chartSvg(flat, "leverage")).toContain(">No leverage: equity is never above 0</text>");
    // d3's "~s" on a 0..0 domain printed "NaN"; ".3~s" prints 0.
    expect(chartSvg(flat, "exposure")).not.toContain("NaN");
    expect(chartSvg(flat, "exposure")).toMatch(/>0<\/text>/);
  });
});
