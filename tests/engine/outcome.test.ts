// The fast engine's two entry points on one small run: `run` (every record) and `runOutcome` (no
// order, fill, trade or positions records), which must agree on everything the outcome keeps,
// and the outcome run refuses a strategy's read of what it does not keep. Small enough to be in
// the mutation suite (vitest.mutation.config.ts).
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/index.ts";
import { fastEngine, runOutcome } from "../../src/engine/index.ts";
import { RecordsNotKept } from "../../src/engine/logs.ts";
import type { BarContext, Strategy } from "../../src/model/index.ts";
import { testPanel } from "../helpers/panel.ts";

// A: closes 10, 11, 12, 11; bought 100 at the t1 open (10.5), sold at the t3 open (11.5).
const panel = testPanel(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"], {
  A: [
    [10, 10, 10, 10],
    [10.5, 11, 10.5, 11],
    [12, 12, 12, 12],
    [11.5, 11.5, 11, 11],
  ],
});
const config = resolveConfig({ initialCash: 10_000 }, panel.symbols, "test");
const roundTrip = (): Strategy => ({
  name: "round-trip",
  onBar(ctx: BarContext) {
    if (ctx.t === 0) ctx.submit({ asset: "A", sizeType: "units", size: 100 });
    if (ctx.t === 2) ctx.submit({ asset: "A", sizeType: "targetUnits", size: 0 });
  },
});

describe("the fast engine's outcome run", () => {
  it("is the engine named fast", () => {
    expect(fastEngine.name).toBe("fast");
  });

  it("gives the full run's series (less positions), events, totals and warnings, and no records", () => {
    const full = fastEngine.run(panel, config, roundTrip());
    const outcome = runOutcome(panel, config, roundTrip());
    const { positions, ...series } = full.series;
    expect(outcome.series).toEqual(series);
    expect(outcome.events).toEqual(full.events);
    expect(outcome.ledgerTotals).toEqual(full.ledgerTotals);
    expect(outcome.warnings).toEqual(full.warnings);
    expect(Object.keys(outcome)).not.toContain("orders");
    // No costs by default. Cash 10,000, then 10,000 - 100 x 10.5 = 8,950 from t1, and 8,950 +
    // 100 x 11.5 = 10,100 at t3; equity 8,950 + 100 x 11 = 10,050 at t1, + 100 x 12 = 10,150 at t2.
    expect(full.fills.map((fill) => [fill.t, fill.qty, fill.fillPrice])).toEqual([
      [1, 100, 10.5],
      [3, -100, 11.5],
    ]);
    expect(outcome.series.cash).toEqual([10_000, 8_950, 8_950, 10_100]);
    expect(outcome.series.equity).toEqual([10_000, 10_050, 10_150, 10_100]);
    expect(positions.at(-1)).toEqual([0]);
  });

  it("refuses a strategy's read of the fills it does not keep", () => {
    const readsFills: Strategy = {
      name: "reads-fills",
      onBar(ctx: BarContext) {
        if (ctx.t === 1) void ctx.fills.length;
      },
    };
    expect(() => runOutcome(panel, config, readsFills)).toThrow(RecordsNotKept);
    expect(() => fastEngine.run(panel, config, readsFills)).not.toThrow();
  });
});
