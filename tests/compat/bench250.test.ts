import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { resolveConfig } from "../../src/config/index.ts";
import { loadCsvPanel } from "../../src/data/index.ts";
import { fastEngine } from "../../src/engine/index.ts";
import { rankLongShort } from "../../src/strategy/rank-long-short.ts";

// The seed's study replayed under compat "backtrader" (issue 14): the bench250 bars, the daily
// 25 + 25 target values of $20k by score, 0.1% commission and 5 bps slippage clamped to the bar,
// with Backtrader's broker rules on (submit check, cash >= 0 at each fill, no volume filler).
// Backtrader's own run (../shared/golden/bench250/backtrader.json) is the expected output.
const folder = new URL("../../../shared/golden/bench250/", import.meta.url);
const backtrader = JSON.parse(readFileSync(new URL("backtrader.json", folder), "utf8"));
const panel = loadCsvPanel(fileURLToPath(new URL("bars.csv", folder)));
const config = resolveConfig(
  {
    compat: "backtrader",
    initialCash: 1_000_000,
    commission: { model: "percent", rate: 0.001 },
    slippage: { model: "fixedBps", bps: 5 },
  },
  panel.symbols,
);

describe.each([referenceEngine, fastEngine])("bench250 under compat backtrader, $name engine", (engine) => {
  it("reproduces Backtrader's 17,217 fills, final value, cash, commission and daily equity", () => {
    const records = engine.run(
      panel,
      config,
      rankLongShort({ signal: "score", longs: 25, shorts: 25, targetValue: 20_000 }),
    );
    const last = records.series.equity.length - 1;
    const close = (actual: number, expected: number) =>
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.abs(expected));
    expect(records.orders.length).toBe(backtrader.ordersSubmitted);
    expect(records.fills.length).toBe(backtrader.fills);
    expect(records.orders.filter((order) => order.status !== "filled")).toEqual([]);
    close(records.series.equity[last], backtrader.finalValue);
    close(records.series.cash[last], backtrader.finalCash);
    close(records.totals.commission, backtrader.totalCommission);
    backtrader.equity.forEach((row: { value: number }, t: number) => {
      close(records.series.equity[t], row.value);
    });
  });
});
