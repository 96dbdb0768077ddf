// A run's headline numbers, as the comparisons of several runs show them side by side
// (`assay compare`, `assay diff`, `assay realism`): one definition, so that their tables agree.
import { endedByRule } from "../model/index.ts";
import type { Result } from "./backtest.ts";

export interface RunHeadline {
  readonly finalEquity: number;
  readonly totalReturn: number;
  readonly sharpe: number | null;
  readonly maxDrawdown: number;
  readonly fills: number;
  /** Orders a rule ended before they filled whole (endedByRule). */
  readonly refused: number;
}

export function runHeadline({ records, summary, metrics }: Result): RunHeadline {
  return {
    finalEquity: summary.finalEquity,
    totalReturn: summary.totalReturn,
    sharpe: metrics.sharpe,
    maxDrawdown: summary.maxDrawdown,
    fills: summary.fills,
    refused: records.orders.filter(endedByRule).length,
  };
}
