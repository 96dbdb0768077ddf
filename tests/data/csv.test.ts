import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DataError, loadCsvPanel, parseCsvPanel } from "../../src/data/index.ts";

const HEADER = "date,symbol,open,high,low,close,volume";
const csv = (...lines: string[]) => `${[HEADER, ...lines].join("\n")}\n`;
const DAY_MS = 86_400_000;
const JAN2 = Date.UTC(2024, 0, 2);

/** The DataError thrown by parsing `text` as data/t.csv. */
function errorOf(text: string): DataError {
  try {
    parseCsvPanel(text, "data/t.csv");
  } catch (err) {
    if (err instanceof DataError) return err;
    throw err;
  }
  throw new Error("expected a DataError");
}

describe("parseCsvPanel() builds the panel", () => {
  it("parseCsvPanel() lays rows out T x N, symbols in order of first appearance", () => {
    const panel = parseCsvPanel(
      csv(
        "2024-01-02,SPY,100,101,99,100.5,1000",
        "2024-01-02,QQQ,400,402,398,401,500",
        "2024-01-03,SPY,100.5,102,100,101.5,1100",
        "2024-01-03,QQQ,401,403,400,402,600",
      ),
      "data/t.csv",
    );
    expect(panel.symbols).toEqual(["SPY", "QQQ"]);
    expect([...panel.times]).toEqual([JAN2, JAN2 + DAY_MS]);
    expect([...panel.close]).toEqual([100.5, 401, 101.5, 402]);
    expect([...panel.volume]).toEqual([1000, 500, 1100, 600]);
    expect(panel.extra).toEqual({});
  });

  it("parseCsvPanel() takes columns in any order and `asset` for `symbol`", () => {
    const panel = parseCsvPanel(
      "volume,close,low,high,open,asset,date\n1000,100.5,99,101,100,SPY,2024-01-02\n",
      "data/t.csv",
    );
    expect(panel.symbols).toEqual(["SPY"]);
    expect([panel.open[0], panel.high[0], panel.low[0], panel.close[0], panel.volume[0]]).toEqual([
      100, 101, 99, 100.5, 1000,
    ]);
  });

  it("parseCsvPanel() makes missing-bar rows and absent (date, symbol) pairs NaN in every field", () => {
    const panel = parseCsvPanel(
      csv(
        "2024-01-02,SPY,100,101,99,100.5,1000",
        "2024-01-02,QQQ,,,,,",
        "2024-01-03,SPY,NaN,nan,null,NaN,0",
        "2024-01-03,QQQ,401,403,400,402,600",
        "2024-01-04,QQQ,402,404,401,403,700",
      ),
      "data/t.csv",
    );
    expect(panel.symbols).toEqual(["SPY", "QQQ"]);
    expect(panel.times.length).toBe(3);
    // cells t*N+i: QQQ at t=0 and SPY at t=1 are missing rows, SPY at t=2 is absent from the file.
    for (const k of [1, 2, 4]) {
      for (const field of [panel.open, panel.high, panel.low, panel.close, panel.volume]) {
        expect(field[k]).toBeNaN();
      }
    }
    expect(panel.close[3]).toBe(402);
    expect(panel.close[5]).toBe(403);
  });

  it("parseCsvPanel() keeps a zero-volume bar with valid prices as present", () => {
    const panel = parseCsvPanel(csv("2024-01-02,SPY,100,101,99,100.5,0"), "data/t.csv");
    expect(panel.volume[0]).toBe(0);
    expect(panel.close[0]).toBe(100.5);
  });

  it("parseCsvPanel() keeps further columns as numeric extras, empty as NaN", () => {
    const panel = parseCsvPanel(
      "date,asset,open,high,low,close,volume,score,spread\n" +
        "2024-01-02,A,10,11,9,10.5,100,0.25,0.001\n" +
        "2024-01-02,B,20,21,19,20.5,100,,0.002\n",
      "data/t.csv",
    );
    expect(Object.keys(panel.extra)).toEqual(["score", "spread"]);
    expect(panel.extra.score[0]).toBe(0.25);
    expect(panel.extra.score[1]).toBeNaN();
    expect([...panel.extra.spread]).toEqual([0.001, 0.002]);
  });

  it("parseCsvPanel() reads ISO-8601 date-times with zones as UTC ms, and sorts the calendar", () => {
    const panel = parseCsvPanel(
      csv(
        "2024-01-02T14:30:00Z,B,10,11,9,10.5,100",
        "2024-01-02T09:30:00-05:00,A,10,11,9,10.5,100",
        "2024-01-02 16:00:00.250+0100,A,10,11,9,10.5,100",
      ),
      "data/t.csv",
    );
    // A's rows: 14:30Z, then 15:00:00.250Z; B's only row is 14:30Z.
    expect([...panel.times]).toEqual([Date.UTC(2024, 0, 2, 14, 30), Date.UTC(2024, 0, 2, 15, 0, 0, 250)]);
    expect(panel.symbols).toEqual(["B", "A"]);
  });

  it("parseCsvPanel() takes an expected symbol list: its order, absent symbols missing throughout", () => {
    const panel = parseCsvPanel(csv("2024-01-02,SPY,100,101,99,100.5,1000"), "data/t.csv", {
      symbols: ["QQQ", "SPY"],
    });
    expect(panel.symbols).toEqual(["QQQ", "SPY"]);
    expect(panel.close[0]).toBeNaN();
    expect(panel.close[1]).toBe(100.5);
  });

  it("parseCsvPanel() skips blank lines but counts them in line numbers", () => {
    const text = `${HEADER}\n\n2024-01-02,SPY,100,101,99,100.5,1000\n\n2024-01-02,SPY,100,101,99,100.5,1000\n`;
    expect(errorOf(text).line).toBe(5);
  });
});

describe("parseCsvPanel() rejects bad input with file, line, symbol and field", () => {
  it("parseCsvPanel() rejects a bar with high < low", () => {
    const err = errorOf(csv("2024-01-02,SPY,100,101,99,100.5,1000", "2024-01-02,QQQ,400,399,401,400,500"));
    expect(err.message).toBe(
      "data/t.csv:3 (asset=QQQ) field=high: 399.00 < low 401.00; a present bar needs high >= low [SPEC 1]",
    );
    expect([err.file, err.line, err.symbol, err.field]).toEqual(["data/t.csv", 3, "QQQ", "high"]);
  });

  it("parseCsvPanel() rejects low above min(open, close)", () => {
    expect(errorOf(csv("2024-01-02,SPY,101.20,102,101.37,101.55,1000")).message).toBe(
      "data/t.csv:2 (asset=SPY) field=low: 101.37 > min(open 101.20, close 101.55); a present bar needs low <= min(open, close) [SPEC 1]",
    );
  });

  it("parseCsvPanel() rejects high below max(open, close)", () => {
    expect(errorOf(csv("2024-01-02,SPY,100,100.4,99,100.5,1000")).message).toBe(
      "data/t.csv:2 (asset=SPY) field=high: 100.40 < max(open 100.00, close 100.50); a present bar needs high >= max(open, close) [SPEC 1]",
    );
  });

  it("parseCsvPanel() rejects unsorted dates within a symbol", () => {
    const err = errorOf(
      csv(
        "2024-01-03,SPY,100,101,99,100.5,1000",
        "2024-01-03,QQQ,400,401,399,400,500",
        "2024-01-02,SPY,100,101,99,100.5,1000",
      ),
    );
    expect(err.message).toBe(
      "data/t.csv:4 (asset=SPY) field=date: unsorted dates: 2024-01-02 after 2024-01-03 (line 2); dates must be strictly increasing within a symbol [SPEC 1]",
    );
  });

  it("parseCsvPanel() rejects a non-numeric field", () => {
    const err = errorOf(csv("2024-01-02,SPY,100,101,99,100.5,1000", "2024-01-03,SPY,100,abc,99,100.5,1000"));
    expect(err.message).toBe(
      'data/t.csv:3 (asset=SPY) field=high: "abc" is not a number; a missing value is empty, NaN, nan or null',
    );
  });

  it("parseCsvPanel() rejects a duplicate (date, symbol), adjacent or not", () => {
    const row = "2024-01-02,SPY,100,101,99,100.5,1000";
    expect(errorOf(csv(row, row)).message).toBe(
      "data/t.csv:3 (asset=SPY) field=date: duplicate row for date 2024-01-02, first at line 2; one row per (date, symbol) [SPEC 1]",
    );
    expect(errorOf(csv(row, "2024-01-03,SPY,100,101,99,100.5,1000", row)).message).toBe(
      "data/t.csv:4 (asset=SPY) field=date: duplicate row for date 2024-01-02, first at line 2; one row per (date, symbol) [SPEC 1]",
    );
  });

  it("parseCsvPanel() rejects a bar missing in some price fields but not all", () => {
    expect(errorOf(csv("2024-01-02,SPY,100,,99,100.5,1000")).message).toBe(
      "data/t.csv:2 (asset=SPY) field=high: missing while open, low, close are present; a bar is missing in all of open, high, low, close or in none [SPEC 1]",
    );
  });

  it("parseCsvPanel() rejects prices <= 0 or not finite, and bad volumes", () => {
    expect(errorOf(csv("2024-01-02,SPY,100,101,0,100.5,1000")).message).toBe(
      "data/t.csv:2 (asset=SPY) field=low: 0.00; a present bar needs finite prices > 0 [SPEC 1]",
    );
    expect(errorOf(csv("2024-01-02,SPY,1e999,101,99,100.5,1000")).message).toBe(
      "data/t.csv:2 (asset=SPY) field=open: Infinity; a present bar needs finite prices > 0 [SPEC 1]",
    );
    expect(errorOf(csv("2024-01-02,SPY,100,101,99,100.5,-3")).message).toBe(
      "data/t.csv:2 (asset=SPY) field=volume: -3; a present bar needs finite volume >= 0 [SPEC 1]",
    );
    expect(errorOf(csv("2024-01-02,SPY,100,101,99,100.5,")).message).toBe(
      "data/t.csv:2 (asset=SPY) field=volume: missing; a present bar needs finite volume >= 0 [SPEC 1]",
    );
    expect(errorOf(csv("2024-01-02,SPY,,,,,500")).message).toBe(
      "data/t.csv:2 (asset=SPY) field=volume: 500 on a missing bar; a missing bar has no volume (empty, NaN, null or 0) [SPEC 1]",
    );
  });

  it("parseCsvPanel() rejects an unparseable date", () => {
    expect(errorOf(csv("2024-02-30,SPY,100,101,99,100.5,1000")).message).toBe(
      'data/t.csv:2 (asset=SPY) field=date: "2024-02-30" is not a date; expected YYYY-MM-DD or an ISO-8601 date-time like 2023-01-02T14:30:00Z',
    );
    expect(errorOf(csv("02/01/2024,SPY,100,101,99,100.5,1000")).field).toBe("date");
  });

  it("parseCsvPanel() rejects a missing required column", () => {
    expect(errorOf("date,symbol,open,high,low,close\n2024-01-02,SPY,100,101,99,100.5\n").message).toBe(
      'data/t.csv:1 field=volume: missing required column; the header needs date (or time, timestamp, datetime), symbol (or asset), open, high, low, close, volume, got "date,symbol,open,high,low,close" [SPEC 1]',
    );
  });

  it("parseCsvPanel() rejects an empty or unknown symbol", () => {
    expect(errorOf(csv("2024-01-02,,100,101,99,100.5,1000")).message).toBe(
      "data/t.csv:2 field=symbol: empty symbol; every row names its asset",
    );
    expect(errorOf(csv("2024-01-02,null,100,101,99,100.5,1000")).message).toBe(
      'data/t.csv:2 field=symbol: "null" is not a symbol; every row names its asset',
    );
    expect(() => parseCsvPanel(csv("2024-01-02,IWM,1,1,1,1,1"), "data/t.csv", { symbols: ["SPY"] })).toThrow(
      'data/t.csv:2 field=symbol: unknown symbol "IWM"; it is not in the given symbols',
    );
  });

  it("parseCsvPanel() rejects an infinite numeric extra value", () => {
    expect(
      errorOf("date,asset,open,high,low,close,volume,score\n2024-01-02,SPY,100,101,99,100.5,1000,1e999\n")
        .message,
    ).toBe(
      "data/t.csv:2 (asset=SPY) field=score: Infinity is not finite; a missing value is empty, NaN, nan or null",
    );
  });

  it("parseCsvPanel() rejects malformed CSV and ambiguous headers", () => {
    expect(errorOf(csv("2024-01-02,SPY,100,101,99,100.5")).message).toBe(
      "data/t.csv:2: CSV syntax: Invalid Record Length: expect 7, got 6 on line 2",
    );
    expect(errorOf("date,asset,symbol,open,high,low,close,volume\n").message).toBe(
      "data/t.csv:1 field=asset: both symbol and asset columns; give one of them",
    );
    expect(errorOf(`${HEADER},Open\n`).message).toBe(
      "data/t.csv:1 field=Open: duplicate column; each column appears once",
    );
  });
});

describe("parseCsvPanel() on odd files", () => {
  it("parseCsvPanel() rejects a header with no rows", () => {
    expect(errorOf(`${HEADER}\n`).message).toBe(
      "data/t.csv: a header and no rows; the data needs at least one bar [SPEC 1]",
    );
    expect(errorOf(`${HEADER}\n\n\n`).message).toMatch(/a header and no rows/);
  });

  it("parseCsvPanel() says empty file for an empty or blank file", () => {
    for (const text of ["", "\n\n", "\uFEFF", "  \r\n"]) {
      expect(errorOf(text).message).toBe(
        "data/t.csv: empty file; the data needs a header (date (or time, timestamp, datetime), symbol (or asset), open, high, low, close, volume) and rows [SPEC 1]",
      );
    }
  });

  it("parseCsvPanel() reports an unbalanced quote at the line where it opens", () => {
    const err = errorOf(
      csv(
        "2024-01-02,SPY,100,101,99,100.5,1000",
        '2024-01-03,"SPY,100,101,99,100.5,1000',
        "2024-01-04,SPY,100,101,99,100.5,1000",
        "2024-01-05,SPY,100,101,99,100.5,1000",
      ),
    );
    expect(err.message).toBe("data/t.csv:3: CSV syntax: a quote opens here and never closes");
    expect(err.line).toBe(3);
  });

  it("parseCsvPanel() names binary content without echoing it", () => {
    const garbage = Buffer.from([0x50, 0x41, 0x52, 0x31, 0x00, 0x9f, 0x1b, 0x5b, 0x32, 0x4a, 0xff]).toString(
      "utf8",
    );
    const err = errorOf(garbage);
    expect(err.message).toBe(
      "data/t.csv: not a text CSV file: binary byte at offset 4 (it starts like Parquet: load it by its extension or format)",
    );
    expect(errorOf(`${HEADER}\n2024-01-02,SP\u001bY,100,101,99,100.5,1000\n`).message).toBe(
      "data/t.csv: not a text CSV file: binary byte at offset 52",
    );
  });

  it("parseCsvPanel() escapes control characters from a header it echoes", () => {
    expect(errorOf("date,sym\u0085bol\n2024-01-02,SPY\n").message).toContain('got "date,sym\\u0085bol"');
  });

  it("parseCsvPanel() keeps a non-numeric extra column as text, beside numeric extras", () => {
    const panel = parseCsvPanel(
      "date,asset,open,high,low,close,volume,sector,score\n" +
        "2024-01-02,A,10,11,9,10.5,100,Tech,0.5\n" +
        "2024-01-02,B,20,21,19,20.5,100,,0.25\n" +
        "2024-01-03,B,20,21,19,20.5,100,Energy,\n",
      "data/t.csv",
    );
    expect(Object.keys(panel.extra)).toEqual(["score"]);
    expect(panel.text).toEqual({ sector: ["Tech", "", "", "Energy"] });
    expect(panel.extra.score[3]).toBeNaN();
  });
});

describe("loadCsvPanel() reads files", () => {
  it("loadCsvPanel() loads bench250 as 252 x 250 with a score field", () => {
    const url = new URL("../../../shared/golden/bench250/bars.csv", import.meta.url);
    const started = performance.now();
    const panel = loadCsvPanel(fileURLToPath(url));
    const elapsedMs = performance.now() - started;
    expect(panel.times.length).toBe(252);
    expect(panel.symbols.length).toBe(250);
    expect(panel.symbols.slice(0, 2)).toEqual(["A000", "A001"]);
    expect(panel.times[0]).toBe(Date.UTC(2023, 0, 2));
    expect(panel.times[251]).toBe(Date.UTC(2023, 11, 19));
    expect(Object.keys(panel.extra)).toEqual(["score"]);
    // First row of the file: 2023-01-02,A000,56.64,58.01,56.58,57.74,1323300,0.010501
    expect([panel.open[0], panel.high[0], panel.low[0], panel.close[0], panel.volume[0]]).toEqual([
      56.64, 58.01, 56.58, 57.74, 1323300,
    ]);
    expect(panel.extra.score[0]).toBe(0.010501);
    expect(panel.close.every((close) => close > 0)).toBe(true);
    expect(elapsedMs).toBeLessThan(5000); // about 0.35 s here; a loose bound against gross regressions
  });

  it("loadCsvPanel() accepts a file URL and names an unreadable file", () => {
    const url = new URL("../../../shared/golden/bench250/bars.csv", import.meta.url);
    expect(loadCsvPanel(url).symbols.length).toBe(250);
    expect(() => loadCsvPanel("data/none.csv")).toThrow(/^data\/none\.csv: cannot read: ENOENT/);
  });
});
