// The package's front door (`import { backtest } from "assay"`): the public API and nothing
// internal. Engines, config, data, the strategy contract, the summary and run comparison.

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
  type CommissionInput,
  ConfigError,
  type ConfigInput,
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
  type CsvOptions,
  DataError,
  loadCsvPanel,
  parseCsvPanel,
  type SyntheticOptions,
  syntheticPanel,
  validatePanel,
} from "./data/index.ts";
export { fastEngine } from "./engine/index.ts";
export type {
  AccountView,
  BarContext,
  BarField,
  Engine,
  EventRecord,
  FillRecord,
  Instrument,
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
export { REASON_KINDS } from "./model/index.ts";
export { type RunSummary, renderSummary, summarize } from "./report/summary.ts";
export { scheduledOrders, targetWeights } from "./strategy/declarative.ts";
export {
  momentum,
  type RankLongShortOptions,
  rankLongShort,
  type Signal,
} from "./strategy/rank-long-short.ts";
