import { describe, expect, it } from "vitest";
import { parseCsvPanel, validatePanel } from "../../src/data/index.ts";
import type { Panel } from "../../src/model/panel.ts";

const DAY_MS = 86_400_000;
const JAN2 = Date.UTC(2024, 0, 2);
type Bar = [open: number, high: number, low: number, close: number, volume: number];

/** A panel from bars[t][i]. */
function panelOf(symbols: string[], bars: Bar[][]): Panel {
  const column = (f: number) => Float64Array.from(bars.flatMap((row) => row.map((bar) => bar[f])));
  return {
    symbols,
    times: Float64Array.from(bars, (_, t) => JAN2 + t * DAY_MS),
    open: column(0),
    high: column(1),
    low: column(2),
    close: column(3),
    volume: column(4),
    extra: {},
  };
}

const GOOD: Bar = [100, 101, 99, 100.5, 1000];
const MISSING: Bar = [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN];

describe("validatePanel()", () => {
  it("validatePanel() accepts present, zero-volume and missing bars", () => {
    const panel = panelOf(
      ["A", "B"],
      [
        [GOOD, MISSING],
        [[100, 100, 100, 100, 0], GOOD],
      ],
    );
    expect(() => validatePanel(panel, "test")).not.toThrow();
  });

  it("validatePanel() names source, t, asset and field of a bad bar", () => {
    const panel = panelOf(
      ["A", "B"],
      [
        [GOOD, GOOD],
        [GOOD, [101.2, 102, 101.37, 101.55, 10]],
      ],
    );
    expect(() => validatePanel(panel, "mem")).toThrow(
      "mem (t=1, asset=B) field=low: 101.37 > min(open 101.20, close 101.55); a present bar needs low <= min(open, close) [SPEC 1]",
    );
  });

  it("validatePanel() rejects a bar missing in some fields only, and volume on a missing bar", () => {
    const partial: Bar = [Number.NaN, 101, 99, 100.5, 1000];
    expect(() => validatePanel(panelOf(["A"], [[partial]]), "mem")).toThrow(
      "mem (t=0, asset=A) field=open: missing while high, low, close are present",
    );
    const volumeOnly: Bar = [Number.NaN, Number.NaN, Number.NaN, Number.NaN, 0];
    expect(() => validatePanel(panelOf(["A"], [[volumeOnly]]), "mem")).toThrow(
      "mem (t=0, asset=A) field=volume: 0 on a missing bar",
    );
  });

  it("validatePanel() words a bad bar like the CSV loader (one shared rule)", () => {
    const detail = "field=high: 99.00 < low 101.00; a present bar needs high >= low [SPEC 1]";
    const text = "date,symbol,open,high,low,close,volume\n2024-01-02,A,100,99,101,100,5\n";
    expect(() => parseCsvPanel(text, "f.csv")).toThrow(`f.csv:2 (asset=A) ${detail}`);
    expect(() => validatePanel(panelOf(["A"], [[[100, 99, 101, 100, 5]]]), "mem")).toThrow(
      `mem (t=0, asset=A) ${detail}`,
    );
  });

  it("validatePanel() requires strictly increasing times", () => {
    const panel = { ...panelOf(["A"], [[GOOD], [GOOD]]), times: Float64Array.from([JAN2, JAN2]) };
    expect(() => validatePanel(panel, "mem")).toThrow(
      "mem (t=1) field=times: 1704153600000 (2024-01-02) <= previous 1704153600000 (2024-01-02); times must be strictly increasing [SPEC 1]",
    );
    const nanTime = { ...panel, times: Float64Array.from([JAN2, Number.NaN]) };
    expect(() => validatePanel(nanTime, "mem")).toThrow(
      "mem (t=1) field=times: NaN is not a UTC ms timestamp",
    );
  });

  it("validatePanel() requires every column of length T x N, extras included", () => {
    const panel = panelOf(["A", "B"], [[GOOD, GOOD]]);
    expect(() => validatePanel({ ...panel, close: new Float64Array(1) }, "mem")).toThrow(
      "mem field=close: length 1 != T x N = 1 x 2 = 2 [SPEC 1]",
    );
    expect(() => validatePanel({ ...panel, extra: { score: new Float64Array(3) } }, "mem")).toThrow(
      "mem field=score: length 3 != T x N = 1 x 2 = 2 [SPEC 1]",
    );
  });

  it("validatePanel() rejects duplicate symbols", () => {
    expect(() => validatePanel(panelOf(["A", "A"], [[GOOD, GOOD]]), "mem")).toThrow(
      'mem field=symbols: "A" at columns 0 and 1; symbols are unique [SPEC 1]',
    );
  });

  it("validatePanel() checks the tick grid, tolerating float representation", () => {
    // 101.37 / 0.01 = 10136.999999999998 in float64, and 0.3 / 0.1 = 2.9999999999999996: both on the grid.
    const onGrid = panelOf(
      ["A", "B", "C"],
      [[[101.37, 101.4, 101.3, 101.37, 1], [0.3, 0.3, 0.3, 0.3, 1], GOOD]],
    );
    expect(() => validatePanel(onGrid, "mem", [0.01, 0.1, null])).not.toThrow();
    const big = panelOf(["A"], [[[123456.78, 123456.79, 123456.77, 123456.78, 1]]]);
    expect(() => validatePanel(big, "mem", [0.01])).not.toThrow();
    const offGrid = panelOf(["A"], [[[101.375, 102, 101, 101.5, 1]]]);
    expect(() => validatePanel(offGrid, "mem", [0.01])).toThrow(
      "mem (t=0, asset=A) field=open: 101.375 is off the tick grid 0.01; prices must be multiples of the tick size [SPEC 1]",
    );
    expect(() => validatePanel(offGrid, "mem", [0.01, 0.01])).toThrow("field=tickSizes: length 2 != N = 1");
    expect(() => validatePanel(offGrid, "mem", [0])).toThrow(
      "mem (asset=A) field=tickSize: 0; a tick size is finite and > 0, or null",
    );
  });
});
