import { describe, expect, it } from "vitest";
import {
  backtest,
  type Indicator,
  indicator,
  type Panel,
  type Strategy,
  syntheticPanel,
} from "../../src/index.ts";

import { testPanel } from "../helpers/panel.ts";

/** One asset whose bars all sit at `closes` (null: a missing bar). */
function closesPanel(closes: readonly (number | null)[]): Panel {
  const dates = closes.map((_, t) => new Date(Date.UTC(2024, 0, 1 + t)).toISOString().slice(0, 10));
  return testPanel(dates, { A: closes.map((c) => (c === null ? null : [c, c, c, c])) });
}

/** What each indicator read at every decision bar, per asset: values[t][asset], in a real run. */
function readEveryBar(panel: Panel, made: Indicator, everyBars = 1): number[][] {
  const values: number[][] = [];
  const strategy: Strategy = {
    name: "reader",
    onBar(ctx) {
      if (ctx.t % everyBars !== 0) return;
      values[ctx.t] = ctx.symbols.map((_, asset) => made.at(ctx, asset));
    },
  };
  backtest({ data: panel, strategy });
  return values;
}

const round = (value: number) => Math.round(value * 1e9) / 1e9;
const column = (values: number[][], asset = 0) => values.map((row) => round(row[asset]));

describe("indicator() through trading-signals", () => {
  const panel = closesPanel([2, 4, 6, 8, 10, 9, 7]);

  it("sma(3) is the mean of the last three closes: (2+4+6)/3 = 4, then 6, 8, 9, 26/3", () => {
    expect(column(readEveryBar(panel, indicator("sma", { period: 3 })))).toEqual([
      Number.NaN,
      Number.NaN,
      4,
      6,
      8,
      9,
      round(26 / 3),
    ]);
  });

  it("ema(3) seeds with the first close, alpha 0.5: 2, 3, 4.5, 6.25, 8.125, reported from the third", () => {
    // y1 = .5*4 + .5*2 = 3; y2 = .5*6 + .5*3 = 4.5; y3 = .5*8 + .5*4.5 = 6.25; y4 = 8.125;
    // y5 = .5*9 + .5*8.125 = 8.5625; y6 = .5*7 + .5*8.5625 = 7.78125
    expect(column(readEveryBar(panel, indicator("ema", { period: 3 })))).toEqual([
      Number.NaN,
      Number.NaN,
      4.5,
      6.25,
      8.125,
      8.5625,
      7.78125,
    ]);
  });

  it("rsi(2) is Wilder's: gains 2,2 -> 100 until a loss; t=5 gain 1, loss 0.5 -> 66.67; t=6 0.5/1.25 -> 28.57", () => {
    // changes +2 +2 +2 +2 -1 -2; t=5: avg gain (2*1 + 0)/2 = 1, avg loss (0*1 + 1)/2 = 0.5, RS 2
    // t=6: gain (1 + 0)/2 = 0.5, loss (0.5 + 2)/2 = 1.25, RS 0.4 -> 100 - 100/1.4
    expect(column(readEveryBar(panel, indicator("rsi", { period: 2 })))).toEqual([
      Number.NaN,
      Number.NaN,
      100,
      100,
      100,
      round(100 - 100 / 3),
      round(100 - 100 / 1.4),
    ]);
  });

  it("skips a missing bar: sma(2) over 2, -, 6, 8 is NaN at the gap's bar 1, then (2+6)/2 = 4 and 7", () => {
    expect(column(readEveryBar(closesPanel([2, null, 6, 8]), indicator("sma", { period: 2 })))).toEqual([
      Number.NaN,
      Number.NaN,
      4,
      7,
    ]);
  });

  it("feeds bars a strategy did not read: sma(3) read every third bar equals it read every bar", () => {
    const data = syntheticPanel({ assets: 3, bars: 60, seed: 5 });
    const everyBar = readEveryBar(data, indicator("sma", { period: 3 }));
    const sparse = readEveryBar(data, indicator("sma", { period: 3 }), 3);
    sparse.forEach((row, t) => {
      if (row !== undefined) expect(row).toEqual(everyBar[t]);
    });
  });

  it("starts afresh in a new run: the same Indicator object gives the same values twice", () => {
    const made = indicator("ema", { period: 4 });
    const data = syntheticPanel({ assets: 2, bars: 30, seed: 2 });
    expect(readEveryBar(data, made)).toEqual(readEveryBar(data, made));
  });

  it("reads at a lag at an open (fillAt open): sma(3) at lag 1 is the value of the last close", () => {
    const atOpen: number[] = [];
    const made = indicator("sma", { period: 3 });
    const strategy: Strategy = {
      name: "open-reader",
      fillAt: "open",
      onBar(ctx) {
        atOpen[ctx.t] = round(made.at(ctx, 0, 1));
      },
    };
    backtest({ data: panel, strategy });
    // The close-decision values 4, 6, 8, 9, 26/3 (above), one bar later: bar t's open sees t-1's.
    expect(atOpen).toEqual([Number.NaN, Number.NaN, Number.NaN, 4, 6, 8, 9]);
    // Read at lag 0 there, it reaches bar t's close, which the open does not know yet.
    const peeking: Strategy = { name: "peek", fillAt: "open", onBar: (ctx) => void made.at(ctx, 0) };
    expect(() => backtest({ data: panel, strategy: peeking })).toThrow("close of bar 0 read at its open");
  });

  it("refuses a bar before the last one it fed, and a lag that is not a whole number >= 0", () => {
    const made = indicator("sma", { period: 2 });
    const strategy: Strategy = {
      name: "backwards",
      onBar(ctx) {
        made.at(ctx, 0);
        if (ctx.t === 2) made.at(ctx, 0, 1);
      },
    };
    expect(() => backtest({ data: panel, strategy })).toThrow(
      "indicator sma(2) of asset 0: bar 1 asked for after bar 2 was fed (read it in bar order)",
    );
    const negative: Strategy = { name: "negative", onBar: (ctx) => void made.at(ctx, 0, -1) };
    expect(() => backtest({ data: panel, strategy: negative })).toThrow(
      "indicator sma: lag must be a whole number >= 0, got -1",
    );
  });

  it("refuses a period that is not a whole number >= 1", () => {
    expect(() => indicator("rsi", { period: 0 })).toThrow(
      "indicator rsi: period must be a whole number >= 1, got 0",
    );
  });
});

describe("indicator() is causal", () => {
  const data = syntheticPanel({ assets: 3, bars: 80, seed: 9 });
  const cut = 40;
  /** The same bars up to `cut`, every later bar's prices doubled. */
  const perturbed: Panel = {
    ...data,
    ...Object.fromEntries(
      (["open", "high", "low", "close"] as const).map((field) => [
        field,
        data[field].map((value, i) => (i >= (cut + 1) * data.symbols.length ? value * 2 : value)),
      ]),
    ),
  };

  for (const name of ["sma", "ema", "rsi"] as const)
    it(`${name}(10) at bars 0..${cut} ignores a change to every bar after ${cut}`, () => {
      const before = readEveryBar(data, indicator(name, { period: 10 }));
      const after = readEveryBar(perturbed, indicator(name, { period: 10 }));
      expect(after.slice(0, cut + 1)).toEqual(before.slice(0, cut + 1));
      expect(after.slice(cut + 1)).not.toEqual(before.slice(cut + 1));
    });
});
