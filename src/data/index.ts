// SPEC 1 (data): the public face of src/data: loaders, validation, the synthetic default panel.
export type { BarProblem } from "./bar.ts";
export { barProblem } from "./bar.ts";
export { type CsvOptions, loadCsvPanel, parseCsvPanel } from "./csv.ts";
export { businessDays, parseDateMs } from "./dates.ts";
export { DataError, type Where } from "./errors.ts";
export { type SyntheticOptions, syntheticPanel } from "./synthetic.ts";
export { validatePanel } from "./validate.ts";
