// SPEC 1 (data): every data error is built here, so the wording lives in one place.
// Shape (STYLE.md): `file:line (t=.., asset=..) field=..: what, the numbers; the rule [SPEC 1]`.
import type { BarProblem } from "./bar.ts";

/**
 * Where a data error is: a file (or a panel's source name), and as much of line (text files),
 * row (0-based, tables and candle arrays), t and symbol as known.
 */
export interface Where {
  readonly file: string;
  readonly line?: number;
  readonly row?: number;
  readonly t?: number;
  readonly symbol?: string;
}

export class DataError extends Error {
  override readonly name = "DataError";
  readonly file: string;
  readonly line: number | null;
  readonly row: number | null;
  readonly t: number | null;
  readonly symbol: string | null;
  readonly field: string | null;

  constructor(where: Where, field: string | null, detail: string) {
    super(`${locate(where)}${field === null ? "" : ` field=${field}`}: ${detail}`);
    this.file = where.file;
    this.line = where.line ?? null;
    this.row = where.row ?? null;
    this.t = where.t ?? null;
    this.symbol = where.symbol ?? null;
    this.field = field;
  }
}

export function barError(where: Where, problem: BarProblem): DataError {
  return new DataError(where, problem.field, `${describe(problem)} [SPEC 1]`);
}

export function missingColumn(where: Where, column: string, header: readonly string[]): DataError {
  return new DataError(
    where,
    column,
    `missing required column; the header needs ${REQUIRED_COLUMNS}, got "${printable(header.join(","))}" [SPEC 1]`,
  );
}

export function emptyFile(file: string): DataError {
  return new DataError(
    { file },
    null,
    `empty file; the data needs a header (${REQUIRED_COLUMNS}) and rows [SPEC 1]`,
  );
}

export function noRows(where: Where): DataError {
  return new DataError(where, null, "a header and no rows; the data needs at least one bar [SPEC 1]");
}

export function binaryContent(file: string, offset: number, looksLike: string | null): DataError {
  const hint = looksLike === null ? "" : ` (it starts like ${looksLike}: load it by its extension or format)`;
  return new DataError({ file }, null, `not a text CSV file: binary byte at offset ${offset}${hint}`);
}

export function unclosedQuote(file: string, line: number): DataError {
  return new DataError({ file, line }, null, "CSV syntax: a quote opens here and never closes");
}

export function badFile(file: string, format: string, detail: string): DataError {
  return new DataError({ file }, null, `cannot read as ${format}: ${printable(detail)}`);
}

export function unknownFormat(source: string, detail: string): DataError {
  return new DataError({ file: source }, "format", `${detail}; known formats: ${FORMATS}`);
}

export function badHeader(where: Where, column: string, detail: string): DataError {
  return new DataError(where, column, detail);
}

export function emptySymbol(where: Where, raw: string): DataError {
  const what = raw.trim() === "" ? "empty symbol" : `"${raw}" is not a symbol`;
  return new DataError(where, "symbol", `${what}; every row names its asset`);
}

export function unknownSymbol(where: Where, raw: string): DataError {
  return new DataError(where, "symbol", `unknown symbol "${raw}"; it is not in the given symbols`);
}

/** `shown`: the cell as its format's Cells.show renders it; `expected`: the dates the format takes. */
export function badDate(where: Where, shown: string, expected: string): DataError {
  return new DataError(where, "date", `${shown} is not a date; expected ${expected}`);
}

export function duplicateRow(where: Where, date: string, first: Where): DataError {
  return new DataError(
    where,
    "date",
    `duplicate row for date ${date}, first at ${position(first)}; one row per (date, symbol) [SPEC 1]`,
  );
}

export function unsortedDates(where: Where, date: string, previous: string, previousAt: Where): DataError {
  return new DataError(
    where,
    "date",
    `unsorted dates: ${date} after ${previous} (${position(previousAt)}); dates must be strictly increasing within a symbol [SPEC 1]`,
  );
}

/** `shown` as in badDate; `missingHint` says how the format writes a missing value. */
export function notNumeric(where: Where, field: string, shown: string, missingHint: string): DataError {
  return new DataError(where, field, `${shown} is not a number; ${missingHint}`);
}

export function notFinite(where: Where, field: string, value: number, missingHint: string): DataError {
  return new DataError(where, field, `${value} is not finite; ${missingHint}`);
}

export function csvSyntax(file: string, line: number | null, detail: string): DataError {
  return new DataError(line === null ? { file } : { file, line }, null, `CSV syntax: ${printable(detail)}`);
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

/**
 * Text from a file, safe to print: control characters and invalid UTF-8 escaped, long text cut, so
 * that binary garbage never reaches the terminal raw.
 */
export function printable(text: string): string {
  const cut = text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}...` : text;
  return cut.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const REQUIRED_COLUMNS =
  "date (or time, timestamp, datetime), symbol (or asset), open, high, low, close, volume";
const FORMATS = "csv (long), a folder of csv (wide, one file per symbol), arrow, parquet, candles (json)";
const MAX_ECHO = 200;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it escapes
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffd]/g;

function position(where: Where): string {
  return where.line !== undefined ? `line ${where.line}` : `row ${where.row}`;
}

function locate(where: Where): string {
  const line = where.line === undefined ? "" : `:${where.line}`;
  const parts: string[] = [];
  if (where.row !== undefined) parts.push(`row=${where.row}`);
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
