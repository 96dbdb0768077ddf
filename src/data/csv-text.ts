// SPEC 1 (data): CSV text as a RowTable: the header, the records and their file lines, with the
// problems of the text itself reported plainly (an empty file, binary content, an unclosed quote).
import { parse } from "csv-parse/sync";
import { parseDateMs } from "./dates.ts";
import { binaryContent, csvSyntax, emptyFile, printable, unclosedQuote } from "./errors.ts";
import type { Cells, RowTable } from "./table.ts";

/** A CSV file's rows; `symbol` names the asset of every row (one file per symbol). */
export function csvTable(text: string, file: string, symbol?: string): RowTable {
  if (text.replace(/^\uFEFF/, "").trim() === "") throw emptyFile(file);
  const binary = BINARY.exec(text);
  if (binary !== null) throw binaryContent(file, binary.index, looksLike(text));
  const { records, lineOf } = readRecords(text, file);
  return {
    file,
    rows: records.length - 1,
    columns: records[0],
    header: { file, line: 1 },
    cell: (column, r) => records[r + 1][column],
    where: (r) => ({ file, line: lineOf(r + 1) }),
    cells: CSV_CELLS,
    symbol,
  };
}

const MISSING = new Set(["", "NaN", "nan", "null"]);
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const BINARY = /[\u0000-\u0008\u000e-\u001f\ufffd]/;

/** Cells are strings: numbers in decimal, dates in ISO-8601, a missing value empty, NaN, nan or null. */
const CSV_CELLS: Cells = {
  number(raw) {
    const text = (raw as string).trim();
    if (DECIMAL.test(text)) return Number(text);
    return MISSING.has(text) ? Number.NaN : undefined;
  },
  time: (raw) => parseDateMs((raw as string).trim()),
  text: (raw) => (raw as string).trim(),
  show: (raw) => `"${printable(raw as string)}"`,
  missingHint: "a missing value is empty, NaN, nan or null",
  dateHint: "YYYY-MM-DD or an ISO-8601 date-time like 2023-01-02T14:30:00Z",
};

/** The records, and the 1-based file line of record k (its last line if a quoted field spans lines). */
function readRecords(text: string, file: string): { records: string[][]; lineOf: (k: number) => number } {
  const options = { bom: true, skip_empty_lines: true };
  let records: string[][];
  try {
    records = parse(text, options);
  } catch (err) {
    if ((err as { code?: unknown }).code === "CSV_QUOTE_NOT_CLOSED")
      throw unclosedQuote(file, openQuoteLine(text));
    const line = (err as { lines?: unknown }).lines;
    throw csvSyntax(file, typeof line === "number" ? line : null, (err as Error).message);
  }
  // Line numbers cost csv-parse an info object per record, so they are read only on the error path.
  let lines: number[] | undefined;
  const lineOf = (k: number): number => {
    if (lines === undefined) {
      const found: number[] = [];
      const onRecord = (record: string[], context: { lines: number }) => {
        found.push(context.lines);
        return record;
      };
      parse(text, { ...options, on_record: onRecord });
      lines = found;
    }
    return lines[k];
  };
  return { records, lineOf };
}

/** The line of the quote that never closes (csv-parse reports the end of the file instead). */
function openQuoteLine(text: string): number {
  let line = 1;
  let openedAt = 1;
  let quoted = false;
  let fieldStart = true;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === "\n") line++;
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') k++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      openedAt = line;
    }
    fieldStart = c === "," || c === "\n" || c === "\r";
  }
  return openedAt;
}

/** What a binary file's first bytes say it is, when they say. */
function looksLike(text: string): string | null {
  if (text.startsWith("PAR1")) return "Parquet";
  if (text.startsWith("ARROW1") || text.startsWith("\uFFFD\uFFFD\uFFFD\uFFFD")) return "Arrow IPC";
  if (text.startsWith("PK")) return "a zip archive (an .xlsx workbook?)";
  if (text.startsWith("\u001f\uFFFD")) return "gzip";
  return null;
}
