// SPEC 1 (data): every data error is built here, so the wording lives in one place.
// Shape (STYLE.md): `file:line (t=.., asset=..) field=..: what, the numbers; the rule [SPEC 1]`.
import type { BarProblem } from "./bar.ts";

/** Where a data error is: a file (or a panel's source name), and as much of line, t, symbol as known. */
export interface Where {
  readonly file: string;
  readonly line?: number;
  readonly t?: number;
  readonly symbol?: string;
}

export class DataError extends Error {
  override readonly name = "DataError";
  readonly file: string;
  readonly line: number | null;
  readonly t: number | null;
  readonly symbol: string | null;
  readonly field: string | null;

  constructor(where: Where, field: string | null, detail: string) {
    super(`${locate(where)}${field === null ? "" : ` field=${field}`}: ${detail}`);
    this.file = where.file;
    this.line = where.line ?? null;
    this.t = where.t ?? null;
    this.symbol = where.symbol ?? null;
    this.field = field;
  }
}

export function barError(where: Where, problem: BarProblem): DataError {
  return new DataError(where, problem.field, `${describe(problem)} [SPEC 1]`);
}

export function missingColumn(file: string, column: string, header: readonly string[]): DataError {
  return new DataError(
    { file, line: 1 },
    column,
    `missing required column; the header needs ${REQUIRED_COLUMNS}, got "${header.join(",")}" [SPEC 1]`,
  );
}

export function badHeader(file: string, column: string, detail: string): DataError {
  return new DataError({ file, line: 1 }, column, detail);
}

export function emptySymbol(where: Where, raw: string): DataError {
  const what = raw.trim() === "" ? "empty symbol" : `"${raw}" is not a symbol`;
  return new DataError(where, "symbol", `${what}; every row names its asset`);
}

export function unknownSymbol(where: Where, raw: string): DataError {
  return new DataError(where, "symbol", `unknown symbol "${raw}"; it is not in the given symbols`);
}

export function badDate(where: Where, raw: string): DataError {
  return new DataError(
    where,
    "date",
    `"${raw}" is not a date; expected YYYY-MM-DD or an ISO-8601 date-time like 2023-01-02T14:30:00Z`,
  );
}

export function duplicateRow(where: Where, date: string, firstLine: number): DataError {
  return new DataError(
    where,
    "date",
    `duplicate row for date ${date}, first at line ${firstLine}; one row per (date, symbol) [SPEC 1]`,
  );
}

export function unsortedDates(where: Where, date: string, previous: string, previousLine: number): DataError {
  return new DataError(
    where,
    "date",
    `unsorted dates: ${date} after ${previous} (line ${previousLine}); dates must be strictly increasing within a symbol [SPEC 1]`,
  );
}

export function notNumeric(where: Where, field: string, raw: string): DataError {
  return new DataError(where, field, `"${raw}" is not a number; a missing value is empty, NaN, nan or null`);
}

export function notFinite(where: Where, field: string, value: number): DataError {
  return new DataError(
    where,
    field,
    `${value} is not finite; write a missing value as empty, NaN, nan or null`,
  );
}

export function csvSyntax(file: string, line: number | null, detail: string): DataError {
  return new DataError(line === null ? { file } : { file, line }, null, `CSV syntax: ${detail}`);
}

export function unreadable(file: string, detail: string): DataError {
  return new DataError({ file }, null, `cannot read: ${detail}`);
}

/** A panel whose shape breaks the contract of src/model/panel.ts. */
export function badShape(where: Where, field: string, detail: string): DataError {
  return new DataError(where, field, `${detail} [SPEC 1]`);
}

export function badOption(source: string, field: string, detail: string): DataError {
  return new DataError({ file: source }, field, detail);
}

const REQUIRED_COLUMNS = "date, symbol (or asset), open, high, low, close, volume";

function locate(where: Where): string {
  const line = where.line === undefined ? "" : `:${where.line}`;
  const parts: string[] = [];
  if (where.t !== undefined) parts.push(`t=${where.t}`);
  if (where.symbol !== undefined) parts.push(`asset=${where.symbol}`);
  return `${where.file}${line}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
}

function describe(p: BarProblem): string {
  switch (p.kind) {
    case "partlyMissing":
      return `missing while ${p.present.join(", ")} ${p.present.length === 1 ? "is" : "are"} present; a bar is missing in all of open, high, low, close or in none`;
    case "volumeOnMissingBar":
      return `${p.volume} on a missing bar; a missing bar has no volume (empty, NaN, null or 0)`;
    case "badPrice":
      return `${price(p.value)}; a present bar needs finite prices > 0`;
    case "highBelowLow":
      return `${price(p.high)} < low ${price(p.low)}; a present bar needs high >= low`;
    case "lowAboveBody":
      return `${price(p.low)} > min(open ${price(p.open)}, close ${price(p.close)}); a present bar needs low <= min(open, close)`;
    case "highBelowBody":
      return `${price(p.high)} < max(open ${price(p.open)}, close ${price(p.close)}); a present bar needs high >= max(open, close)`;
    case "badVolume":
      return `${Number.isNaN(p.volume) ? "missing" : p.volume}; a present bar needs finite volume >= 0`;
    case "offTick":
      return `${p.value} is off the tick grid ${p.tickSize}; prices must be multiples of the tick size`;
    default:
      return unreachable(p);
  }
}

/** Cents as cents (101.20), anything finer or non-finite as JavaScript prints it. */
function price(value: number): string {
  return Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6
    ? value.toFixed(2)
    : String(value);
}

function unreachable(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}
