import { describe, expect, it } from "vitest";
import { renderSvg } from "../../../src/report/tearsheet/render.ts";
import { marksOf } from "./fixture.ts";

describe("renderSvg()", () => {
  it("renderSvg() draws a vega-lite spec as SVG, headless", async () => {
    const svg = await renderSvg(
      {
        data: { values: [{ x: 1 }, { x: 2 }, { x: 3 }] },
        mark: "point",
        encoding: { x: { field: "x", type: "quantitative" } },
      },
      "three points",
    );
    expect(svg.startsWith("<svg")).toBe(true);
    expect(marksOf(svg)).toEqual([{ type: "symbol", items: 3 }]);
  });

  it("renderSvg() refuses a spec vega-lite would quietly change, naming the chart", async () => {
    const spec = {
      data: { values: [{ x: 1 }] },
      mark: "point",
      encoding: { x: { field: "x", type: "quantitative", scale: { type: "log", zero: true } } },
    } as const;
    await expect(renderSvg(spec, "bad axis")).rejects.toThrow(
      /^tearsheet chart bad axis: WARN .*"zero" is dropped as it does not work with log scale/,
    );
  });
});
