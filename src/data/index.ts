// SPEC 1 (data): the public face of src/data: loaders, validation, the synthetic default panel,
// the writers of a run's records.
export { loadArrowPanel, parseArrowPanel } from "./arrow.ts";
export type { BarProblem } from "./bar.ts";
export { barProblem } from "./bar.ts";
export { type CandleSet, loadCandlesPanel, panelFromCandles } from "./candles.ts";
export { type CsvOptions, loadCsvPanel, parseCsvPanel } from "./csv.ts";
export { businessDays, parseDateMs } from "./dates.ts";
export { DataError, type Where } from "./errors.ts";
export { type DataFormat, loadPanel, type PanelSource } from "./load.ts";
export { writeRecordsCSV } from "./out/csv.ts";
export { writeRecordsParquet } from "./out/parquet.ts";
export type { ColumnType, OutColumn, OutTable } from "./out/tables.ts";
export { recordTables } from "./out/tables.ts";
export { loadParquetPanel, parseParquetPanel } from "./parquet.ts";
export { type SyntheticOptions, syntheticPanel } from "./synthetic.ts";
export { type LoadedPanel, type TableOptions, TIME_COLUMNS } from "./table.ts";
export { validatePanel } from "./validate.ts";
export { loadWideCsvPanel } from "./wide-csv.ts";
