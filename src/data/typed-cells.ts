// SPEC 1 (data): cells of typed tables (Arrow, Parquet, candle arrays): numbers are numbers or
// int64s, a missing value is null or NaN, dates are timestamps, Dates, UTC ms or ISO-8601 text.
import { parseDateMs } from "./dates.ts";
import { printable } from "./errors.ts";
import type { Cells } from "./table.ts";

export const TYPED_CELLS: Cells = {
  number(raw) {
    if (typeof raw === "number") return raw;
    if (typeof raw === "bigint") return Number(raw);
    return raw === null || raw === undefined ? Number.NaN : undefined;
  },
  time(raw) {
    if (raw instanceof Date) return raw.getTime();
    if (typeof raw === "number") return raw;
    if (typeof raw === "bigint") return Number(raw);
    return typeof raw === "string" ? parseDateMs(raw.trim()) : Number.NaN;
  },
  text(raw) {
    if (raw === null || raw === undefined) return "";
    return raw instanceof Date ? raw.toISOString() : String(raw);
  },
  show(raw) {
    if (typeof raw === "string") return `the text "${printable(raw)}"`;
    if (typeof raw === "bigint") return `${raw}`;
    if (raw instanceof Date) return raw.toISOString();
    if (raw === null || raw === undefined || typeof raw === "number" || typeof raw === "boolean")
      return `${raw}`;
    return `a ${typeof raw} value`;
  },
  missingHint: "price and volume columns are numeric (float or int), a missing value null or NaN",
  dateHint: "a timestamp or date column, UTC ms, or ISO-8601 text",
};
