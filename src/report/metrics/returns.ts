// Total and annualized return of the flow-adjusted period returns (series.ts).
export interface ReturnMetrics {
  /** Compounded flow-adjusted return over the run: prod(1 + r) - 1 (time-weighted). */
  readonly totalReturn: number;
  /** (1 + totalReturn)^(1 / years) - 1, years = bars / periodsPerYear (quantstats' cagr). */
  readonly cagr: number;
}

export function returnMetrics(cumulative: readonly number[], years: number): ReturnMetrics {
  const totalReturn = cumulative[cumulative.length - 1];
  return { totalReturn, cagr: Math.abs(1 + totalReturn) ** (1 / years) - 1 };
}
