import { describe, expect, it } from "vitest";
import type { Metrics } from "../../src/report/metrics/index.ts";
import { sweepChartSpec } from "../../src/sweep/chart.ts";
import { type GridAxis, gridPoints, parseGrid } from "../../src/sweep/grid.ts";
import { rankTrials } from "../../src/sweep/rank.ts";
import { sweepPage } from "../../src/sweep/report.ts";
import type { SweepRun } from "../../src/sweep/run-sweep.ts";
import type { TrialResult } from "../../src/sweep/trial.ts";

/** The table's other columns, at 0. */
const TABLE_ZEROS = { cagr: 0, maxDrawdown: 0, totalReturn: 0, closedTrades: 0 };

/** Trials of the grid whose Sharpe ratio is `sharpe(params)`; a null one failed. */
function runOf(axes: readonly GridAxis[], sharpe: (grid: Record<string, number>) => number | null): SweepRun {
  const trials: TrialResult[] = gridPoints(axes).map((grid, index) => {
    const value = sharpe(grid);
    return {
      index,
      grid,
      metrics:
        value === null
          ? null
          : ({
              ...TABLE_ZEROS,
              sharpe: value,
              bars: 252,
              periodsPerYear: 252,
              skew: 0,
              kurtosis: 0,
            } as Metrics),
      error: value === null ? "it threw" : null,
      ms: 1,
    };
  });
  return { trials, workers: 1, durationMs: 10 };
}

const valuesOf = (spec: unknown) => (spec as { data: { values: Record<string, number>[] } }).data.values;

describe("sweepChartSpec()", () => {
  it("draws a cell per (first, second) param, with more params the best over the rest", () => {
    const axes = parseGrid(["a=1,2", "b=10,20", "c=0,1"]);
    // sharpe = a + b / 10 + c: the best over c is c = 1, so cell (a, b) holds a + b / 10 + 1.
    const run = runOf(axes, ({ a, b, c }) => a + b / 10 + c);
    const spec = sweepChartSpec(axes, rankTrials(run.trials, "sharpe"));
    expect((spec as { title: string }).title).toBe("sharpe by a and b (each cell the best over c)");
    expect(
      valuesOf(spec)
        .map(({ x, y, value }) => [x, y, value])
        .sort(),
    ).toEqual([
      [1, 10, 3],
      [1, 20, 4],
      [2, 10, 4],
      [2, 20, 5],
    ]);
  });

  it("leaves out a failed trial's cell, and draws one param as a line", () => {
    const axes = parseGrid(["a=1,2,3"]);
    const run = runOf(axes, ({ a }) => (a === 2 ? null : a));
    const spec = sweepChartSpec(axes, rankTrials(run.trials, "sharpe"));
    expect((spec as { mark: { type: string } }).mark.type).toBe("line");
    expect(valuesOf(spec).map(({ x, value }) => [x, value])).toEqual([
      [3, 3],
      [1, 1],
    ]);
  });
});

describe("sweepPage()", () => {
  it("is one page that fetches nothing, with the ranked and the failed trials", () => {
    const axes = parseGrid(["a=1,2,3"]);
    const run = runOf(axes, ({ a }) => (a === 2 ? null : a));
    const page = sweepPage("t <b>", axes, run, rankTrials(run.trials, "sharpe"), "<svg></svg>");
    expect(page).not.toMatch(/(src|href)=|<script|<link|url\(/);
    expect(page).toContain("<title>t &lt;b&gt;</title>");
    expect(page).toContain("<h2>Failed trials</h2>");
    expect(page).toContain("<td>it threw</td>");
    expect(page.match(/<tr>/g)).toHaveLength(1 + 2 + 1 + 1);
  });
});
