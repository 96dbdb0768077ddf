// The tearsheet's charts, in page order, each a vega-lite spec built from the input's arrays.
import type { TopLevelSpec } from "vega-lite";
import type { TearsheetInput } from "../input.ts";
import { costsSpec } from "./costs.ts";
import { drawdownSpec } from "./drawdown.ts";
import { equitySpec } from "./equity.ts";
import { exposureSpec, leverageSpec } from "./exposure.ts";
import { monthlyReturnsSpec } from "./monthly.ts";
import { returnsHistogramSpec } from "./returns-histogram.ts";
import { rollingSharpeSpec, rollingVolatilitySpec } from "./rolling.ts";
import { yearlyReturnsSpec } from "./yearly.ts";

export interface ChartSpec {
  /** The figure's id on the page, `chart-<id>`; the browser test finds each chart by it. */
  readonly id: string;
  readonly wide: boolean;
  readonly spec: TopLevelSpec;
}

interface ChartEntry {
  readonly id: string;
  readonly wide: boolean;
  readonly build: (input: TearsheetInput) => TopLevelSpec;
  /** Drawn only when this holds; always when omitted. */
  readonly when?: (input: TearsheetInput) => boolean;
}

const CHARTS: readonly ChartEntry[] = [
  { id: "equity", wide: true, build: (input) => equitySpec(input, "linear") },
  // A log axis has no place for equity at or below 0 (a bankrupt account).
  { id: "equity-log", wide: true, build: (input) => equitySpec(input, "log"), when: allPositive },
  { id: "drawdown", wide: false, build: drawdownSpec },
  { id: "monthly-returns", wide: false, build: monthlyReturnsSpec },
  { id: "rolling-sharpe", wide: false, build: rollingSharpeSpec },
  { id: "rolling-volatility", wide: false, build: rollingVolatilitySpec },
  { id: "yearly-returns", wide: false, build: yearlyReturnsSpec },
  { id: "returns-distribution", wide: false, build: returnsHistogramSpec },
  { id: "exposure", wide: false, build: exposureSpec },
  { id: "leverage", wide: false, build: leverageSpec },
  { id: "costs", wide: false, build: costsSpec },
];

/** Every chart's id, in page order. */
export const CHART_IDS: readonly string[] = CHARTS.map(({ id }) => id);

export function tearsheetCharts(input: TearsheetInput): ChartSpec[] {
  return CHARTS.filter(({ when }) => when === undefined || when(input)).map(({ id, wide, build }) => ({
    id,
    wide,
    spec: build(input),
  }));
}

function allPositive(input: TearsheetInput): boolean {
  const positive = (values: readonly number[]) => values.every((value) => value > 0);
  return positive(input.equity) && (input.benchmark === null || positive(input.benchmark.equity));
}
