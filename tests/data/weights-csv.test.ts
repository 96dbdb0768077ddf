import { describe, expect, it } from "vitest";
import { DataError, loadWeightsCsv, parseWeightsCsv, syntheticPanel } from "../../src/index.ts";
import { errorOf } from "../helpers/errors.ts";

// Bars 2022-01-03 (t=0) .. 2022-01-14 (t=9), symbols S000, S001.
const panel = syntheticPanel({ assets: 2, bars: 10, seed: 1 });
const parse = (text: string) => parseWeightsCsv(text, "w.csv", panel);
const failure = (text: string) => errorOf(() => parse(text), DataError);

describe("parseWeightsCsv()", () => {
  it("lays a date's rows over its bar, sends the symbols it leaves out to 0 and holds (NaN) between dates", () => {
    const weights = parse(
      "date,symbol,weight\n2022-01-04,S001,0.25\n2022-01-06,S000,-0.5\n2022-01-06,S001,0.5\n",
    );
    expect(Array.from(weights)).toEqual([
      ...[Number.NaN, Number.NaN],
      ...[0, 0.25], // t=1: S000 not listed -> 0
      ...[Number.NaN, Number.NaN],
      ...[-0.5, 0.5],
      ...Array(12).fill(Number.NaN),
    ]);
  });

  it("names the file, line, symbol and field of a bad weight", () => {
    expect(failure("date,symbol,weight\n2022-01-04,S000,0.1\n2022-01-05,S001,abc\n")).toBe(
      'w.csv:3 (t=2, asset=S001) field=weight: "abc" is not a finite number; a weight is a fraction of equity (0.1 = 10%, negative = short)',
    );
    expect(failure("date,symbol,weight\n2022-01-04,S000,\n")).toContain(
      "w.csv:2 (t=1, asset=S000) field=weight",
    );
  });

  it("names an unknown symbol and the data's symbols", () => {
    expect(failure("date,symbol,weight\n2022-01-04,SPY,0.1\n")).toBe(
      'w.csv:2 field=symbol: unknown symbol "SPY"; the data has S000, S001',
    );
  });

  it("names a date that is no bar of the data (a weekend, or outside it), and a date that is no date", () => {
    expect(failure("date,symbol,weight\n2022-01-08,S000,0.1\n")).toBe(
      "w.csv:2 (asset=S000) field=date: 2022-01-08 is not a bar of the data (2022-01-03 .. 2022-01-14); a weight is set at a bar's close",
    );
    expect(failure("date,symbol,weight\n2021-12-31,S000,0.1\n")).toContain(
      "2021-12-31 is not a bar of the data",
    );
    expect(failure("date,symbol,weight\n01/04/2022,S000,0.1\n")).toContain(
      'w.csv:2 (asset=S000) field=date: "01/04/2022" is not a date',
    );
  });

  it("refuses a second weight for a date and symbol, a missing column, no rows and an empty file", () => {
    expect(failure("date,symbol,weight\n2022-01-04,S000,0.1\n2022-01-04,S000,0.2\n")).toBe(
      "w.csv:3 (t=1, asset=S000) field=date: a second weight for 2022-01-04 and S000, the first at line 2; one row per date and symbol",
    );
    expect(failure("date,symbol,wt\n2022-01-04,S000,0.1\n")).toBe(
      'w.csv:1 field=weight: missing column; a weights file needs date,symbol,weight, got "date,symbol,wt"',
    );
    expect(failure("date,symbol,weight\n")).toBe("w.csv:1: a header and no rows; give at least one weight");
    expect(failure("")).toBe(
      "w.csv: empty file; a weights file needs a header (date,symbol,weight) and rows",
    );
  });

  it("loadWeightsCsv() names a file it cannot read", () => {
    expect(errorOf(() => loadWeightsCsv("no/such.csv", panel), DataError)).toMatch(
      /^no\/such.csv: cannot read the weights file: ENOENT/,
    );
  });
});
