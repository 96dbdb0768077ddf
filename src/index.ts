// The package's front door (`import { backtest } from "assay"`): the public API and nothing
// internal. Engines, config, data in and out, the strategy contract and its declarative forms,
// indicators, the built-in example strategies, the summary, metrics and series, and run comparison.

export { type FuturesTrendParams, futuresTrend } from "../examples/built-ins/futures-trend.ts";
export { type MaCrossoverParams, maCrossover } from "../examples/built-ins/ma-crossover.ts";
export { targetWeightsFromCsv } from "../examples/built-ins/target-weights.ts";
export { referenceEngine } from "../reference/engine.ts";
export { type BacktestOptions, backtest, type EngineName, type Result } from "./api/backtest.ts";
export { StrategyError } from "./api/guard.ts";
export {
  allDivergences,
  type DiffOptions,
  diffRecords,
  manifestHash,
  type RecordDivergence,
  renderRecordDivergence,
} from "./compare/index.ts";
export {
  type CompareInputs,
  compareProfiles,
  type KeyEffect,
  type ProfileComparison,
  type ProfileName,
  type ProfilePair,
  type ProfileRun,
  parseProfiles,
} from "./compat/compare.ts";
export { COMPAT_PROFILES, type Profile } from "./compat/index.ts";
export {
  type CommissionInput,
  ConfigError,
  type ConfigInput,
  configWarnings,
  type ImpactInput,
  type InstrumentInput,
  loadConfigFile,
  type MarginInput,
  mergeConfigInputs,
  readConfigFile,
  resolveConfig,
  type SlippageInput,
} from "./config/index.ts";
export {
  type CandleSet,
  type CsvOptions,
  DataError,
  type DataFormat,
  type LoadedPanel,
  loadArrowPanel,
  loadCandlesPanel,
  loadCsvPanel,
  loadPanel,
  loadParquetPanel,
  loadWideCsvPanel,
  type PanelSource,
  panelFromCandles,
  parseCsvPanel,
  type SyntheticOptions,
  syntheticPanel,
  validatePanel,
  writeRecordsCSV,
  writeRecordsParquet,
} from "./data/index.ts";
export { loadWeightsCsv, parseWeightsCsv } from "./data/weights-csv.ts";
export { fastEngine } from "./engine/index.ts";
export type {
  AccountView,
  BarContext,
  BarField,
  Engine,
  EventRecord,
  FillRecord,
  Instrument,
  MarketTerms,
  OrderRecord,
  OrderRequest,
  OrderStatus,
  OrderType,
  Panel,
  Reason,
  ReasonKind,
  Records,
  RunConfig,
  SizeType,
  Strategy,
  TradeRecord,
} from "./model/index.ts";
export { marketRequest, REASON_KINDS } from "./model/index.ts";
export {
  type AccountEvents,
  type CostTotals,
  computeMetrics,
  inferPeriodsPerYear,
  type MetricName,
  type Metrics,
  type MetricsOptions,
  metricByName,
  metricNames,
} from "./report/metrics/index.ts";
export {
  type CostSeries,
  cashFlowsPerBar,
  costSeries,
  cumulativeReturns,
  DEFAULT_ROLLING_WINDOW_BARS,
  drawdownSeries,
  type ExposureSeries,
  excessReturns,
  exposureSeries,
  monthlyReturns,
  periodReturns,
  rollingSharpe,
  rollingVolatility,
  type YearOfMonths,
  yearlyReturns,
} from "./report/series.ts";
export { type RunSummary, renderSummary, summarize } from "./report/summary.ts";
export { INLINING_FLAGS, raiseInliningBudget } from "./runtime/inlining.ts";
export { scheduledOrders, targetWeights } from "./strategy/declarative.ts";
export type { NumberMatrix, SignalMatrix } from "./strategy/declarative-input.ts";
export { type DeclarativeStrategy, type FromOrdersOptions, fromOrders } from "./strategy/from-orders.ts";
export { type Direction, type FromSignalsOptions, fromSignals } from "./strategy/from-signals.ts";
export { type FromTargetsOptions, fromTargets, type Targets } from "./strategy/from-targets.ts";
export {
  type Indicator,
  type IndicatorName,
  type IndicatorOptions,
  indicator,
} from "./strategy/indicators.ts";
export { perRun } from "./strategy/per-run.ts";
export {
  momentum,
  type RankLongShortOptions,
  rankLongShort,
  type Signal,
} from "./strategy/rank-long-short.ts";
