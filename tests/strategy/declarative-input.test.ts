// The declarative APIs' inputs: every accepted form, and bad shapes refused with the API, the
// argument, the bar and the symbol named.
import { describe, expect, it } from "vitest";
import { numberMatrix, signalMatrix } from "../../src/strategy/declarative-input.ts";
import { fromOrders } from "../../src/strategy/from-orders.ts";
import { fromSignals } from "../../src/strategy/from-signals.ts";
import { testPanel } from "../helpers/panel.ts";
import { runBoth } from "./run-both.ts";

const SHAPE = { bars: 2, symbols: ["AAA", "BBB"] };
const SIZE = { api: "fromOrders", arg: "size" };
const N = Number.NaN;

describe("numberMatrix()", () => {
  it("reads rows, a row-major Float64Array, symbol-keyed columns and a broadcast number alike", () => {
    const expected = [1, N, 3, 4];
    expect([
      ...numberMatrix(
        SIZE,
        [
          [1, N],
          [3, 4],
        ],
        SHAPE,
      ),
    ]).toEqual(expected);
    expect([...numberMatrix(SIZE, Float64Array.from(expected), SHAPE)]).toEqual(expected);
    expect([...numberMatrix(SIZE, { AAA: [1, 3], BBB: Float64Array.of(N, 4) }, SHAPE)]).toEqual(expected);
    // A symbol left out of the object is NaN (no order) at every bar.
    expect([...numberMatrix(SIZE, { BBB: [2, 2] }, SHAPE)]).toEqual([N, 2, N, 2]);
    expect([...numberMatrix(SIZE, 7, SHAPE)]).toEqual([7, 7, 7, 7]);
  });

  it("refuses a wrong number of rows, values per row or Float64Array length", () => {
    expect(() => numberMatrix(SIZE, [[1, 2]], SHAPE)).toThrow(
      "fromOrders size: 1 rows, the panel has 2 bars; one row per bar",
    );
    expect(() => numberMatrix(SIZE, [[1, 2], [3]], SHAPE)).toThrow(
      "fromOrders size row 1 (t=1): 1 values, the panel has 2 symbols (AAA, BBB); one value per symbol, in column order",
    );
    expect(() => numberMatrix(SIZE, new Float64Array(3), SHAPE)).toThrow(
      "fromOrders size: a Float64Array of 3 values, the panel needs 2 bars x 2 symbols = 4 (row-major: [t * N + asset])",
    );
  });

  it("refuses an unknown symbol and a column of the wrong length", () => {
    expect(() => numberMatrix(SIZE, { AAX: [1, 2] }, SHAPE)).toThrow(
      'fromOrders size: unknown symbol "AAX"; the panel\'s symbols are AAA, BBB',
    );
    expect(() => numberMatrix(SIZE, { BBB: [1, 2, 3] }, SHAPE)).toThrow(
      "fromOrders size (asset=BBB): 3 values, the panel has 2 bars; one value per bar",
    );
  });

  it("refuses Infinity and non-numbers at their bar and symbol; NaN means nothing", () => {
    expect(() =>
      numberMatrix(
        SIZE,
        [
          [1, 2],
          [3, Number.POSITIVE_INFINITY],
        ],
        SHAPE,
      ),
    ).toThrow("fromOrders size row 1 (t=1, asset=BBB): Infinity must be finite, or NaN for nothing this bar");
    expect(() => numberMatrix(SIZE, { AAA: [1, "2" as never] }, SHAPE)).toThrow(
      'fromOrders size row 1 (t=1, asset=AAA): "2" is not a number',
    );
    expect(() => numberMatrix(SIZE, Number.NEGATIVE_INFINITY, SHAPE)).toThrow(
      "fromOrders size: -Infinity must be finite, or NaN for nothing this bar",
    );
  });
});

describe("signalMatrix()", () => {
  const ENTRIES = { api: "fromSignals", arg: "entries" };
  it("reads rows and symbol-keyed columns of booleans; absent is no signal", () => {
    expect([
      ...signalMatrix(
        ENTRIES,
        [
          [true, false],
          [false, true],
        ],
        SHAPE,
      ),
    ]).toEqual([1, 0, 0, 1]);
    expect([...signalMatrix(ENTRIES, { BBB: [true, false] }, SHAPE)]).toEqual([0, 1, 0, 0]);
    expect([...signalMatrix(ENTRIES, undefined, SHAPE)]).toEqual([0, 0, 0, 0]);
  });

  it("refuses a non-boolean at its bar and symbol", () => {
    expect(() =>
      signalMatrix(
        ENTRIES,
        [
          [true, false],
          [1 as never, true],
        ],
        SHAPE,
      ),
    ).toThrow("fromSignals entries row 1 (t=1, asset=AAA): 1 is not a boolean");
  });
});

describe("declarative strategies check their inputs against the run's panel", () => {
  const panel = () =>
    testPanel(["2024-01-02", "2024-01-03"], {
      AAA: [
        [10, 10, 10, 10],
        [10, 10, 10, 10],
      ],
    });

  it("fromOrders names the argument, bar and symbol on both engines", () => {
    expect(() => runBoth(panel(), fromOrders({ size: { AAA: [1, Number.POSITIVE_INFINITY] } }))).toThrow(
      "fromOrders size row 1 (t=1, asset=AAA): Infinity must be finite",
    );
  });

  it("fromSignals refuses a size or stop of 0 or below, and a short entries matrix of the wrong shape", () => {
    expect(() => runBoth(panel(), fromSignals({ entries: { AAA: [true, false] }, size: 0 }))).toThrow(
      "fromSignals size: 0 must be > 0",
    );
    expect(() =>
      runBoth(
        panel(),
        fromSignals({ entries: { AAA: [true, false] }, size: 1, stopLoss: { AAA: [-0.1, N] } }),
      ),
    ).toThrow("fromSignals stopLoss row 0 (t=0, asset=AAA): -0.1 must be > 0");
    expect(() => runBoth(panel(), fromSignals({ shortEntries: [[true]], size: 1 }))).toThrow(
      "fromSignals shortEntries: 1 rows, the panel has 2 bars",
    );
  });

  it("fromOrders refuses an unknown price", () => {
    expect(() => fromOrders({ size: 1, price: "nextopen" as never })).toThrow(
      'fromOrders price: "nextopen"; expected "open" or "close"',
    );
  });
});
