// fillAt "open" (cheat-on-open) through an event-driven strategy: a gap rule that reads the open
// it trades at, on both engines, and the errors a strategy gets for reading past that open.
import { describe, expect, it } from "vitest";
import { backtest } from "../../src/index.ts";
import type { BarContext, Strategy } from "../../src/model/index.ts";
import { testPanel } from "../helpers/panel.ts";
import { runBoth } from "./run-both.ts";

// A: closes 100, 100, 101; opens 100, 95 (a 5% gap down), 101.
const panel = testPanel(["2024-01-02", "2024-01-03", "2024-01-04"], {
  A: [
    [100, 101, 99, 100],
    [95, 101, 94, 100],
    [101, 102, 100, 101],
  ],
});

/** Buys $9,500 of A at an open more than 3% under the last close; sells it at the next open. */
const gapFade: Strategy = {
  name: "gap-fade",
  fillAt: "open",
  onBar(ctx: BarContext) {
    if (ctx.account.position(0) > 0) ctx.submit({ asset: "A", sizeType: "targetUnits", size: 0 });
    else if (ctx.t > 0 && ctx.bar("open", 0) < 0.97 * ctx.bar("close", 0, 1))
      ctx.submit({ asset: "A", sizeType: "value", size: 9_500 });
  },
};

describe('fillAt "open": a decision at the open trades at that open', () => {
  it("a gap rule reads open_t, sizes at it and fills there", () => {
    const records = runBoth(panel, gapFade, { fillAt: "open" });
    // 01-03 open 95 < 0.97 x 100: 9,500 / 95 = 100 units at 95; 01-04 open: sold at 101.
    expect(records.fills.map((f) => `${f.qty} @${f.fillPrice} t=${f.t}`)).toEqual([
      "100 @95 t=1",
      "-100 @101 t=2",
    ]);
    // 100,000 - 9,500 + 10,100 = 100,600; no look-ahead was possible, so no sameBarFills flag.
    expect(records.series.cash.at(-1)).toBe(100_600);
    expect(records.sameBarFills).toBe(false);
  });

  it("backtest() runs a strategy written for the open at the open, and refuses another fillAt", () => {
    const result = backtest({ data: panel, strategy: gapFade, config: { initialCash: 100_000 } });
    expect(result.records.fills[0].t).toBe(1);
    expect(() =>
      backtest({ data: panel, strategy: gapFade, config: { initialCash: 100_000, fillAt: "next-open" } }),
    ).toThrow(/fillAt/);
  });

  it("reading bar t's close, high, low or volume at its open is an error naming the bar and the fix", () => {
    for (const field of ["close", "high", "low", "volume"] as const) {
      const peeking: Strategy = { name: "peek", onBar: (ctx) => void ctx.bar(field, 0) };
      expect(() => runBoth(panel, peeking, { fillAt: "open" })).toThrow(
        `${field} of bar 0 read at its open: under fillAt "open" a decision sees bars 0..t-1 and the open of t only (read it with lag >= 1)`,
      );
    }
  });
});
