import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { resolveConfig } from "../../src/config/index.ts";
import { loadCsvPanel } from "../../src/data/index.ts";
import { isoDate } from "../../src/model/index.ts";
import { rankLongShort } from "../../src/strategy/rank-long-short.ts";

// The seed's study on ../shared/golden/bench250 (README there): 250 assets x 252 bars, each day
// 25 long + 25 short $20k target values by score, $1M, margin account, 0.1% commission, 5 bps
// slippage clamped to the bar, next-open. Backtrader's rules coincide with assay's here (no order
// is rejected), so its golden output is this run's expected output.
const folder = new URL("../../../shared/golden/bench250/", import.meta.url);
const backtrader = JSON.parse(readFileSync(new URL("backtrader.json", folder), "utf8"));

describe("reference engine on the bench250 seed study", () => {
  it("reproduces Backtrader's fills, final value and daily equity with every invariant holding", () => {
    const panel = loadCsvPanel(fileURLToPath(new URL("bars.csv", folder)));
    const config = resolveConfig(
      {
        initialCash: 1_000_000,
        account: "margin",
        commission: { model: "percent", rate: 0.001 },
        slippage: { model: "fixedBps", bps: 5 },
      },
      panel.symbols,
    );
    const records = referenceEngine.run(
      panel,
      config,
      rankLongShort({ signal: "score", longs: 25, shorts: 25, targetValue: 20_000 }),
    );
    const last = records.series.equity.length - 1;
    expect(records.orders.length).toBe(backtrader.ordersSubmitted);
    expect(records.fills.length).toBe(backtrader.fills);
    expect(records.orders.every((order) => order.status === "filled")).toBe(true);
    expect(records.series.equity[last]).toBeCloseTo(backtrader.finalValue, 6);
    expect(records.series.cash[last]).toBeCloseTo(backtrader.finalCash, 6);
    expect(records.totals.commission).toBeCloseTo(backtrader.totalCommission, 6);
    backtrader.equity.forEach((row: { value: number; cash: number }, t: number) => {
      expect(Math.abs(records.series.equity[t] - row.value)).toBeLessThan(1e-6 * row.value);
      expect(Math.abs(records.series.cash[t] - row.cash)).toBeLessThan(1e-6 * Math.abs(row.cash) + 1e-6);
    });
    // Backtrader lists a day's sells before its buys; assay lists reducing legs before increasing
    // ones (SPEC 3). One fill per asset per day either way, so match them by (date, asset).
    const ours = new Map(
      records.fills.map((fill) => [`${isoDate(panel.times[fill.t])} ${fill.asset}`, fill]),
    );
    for (const fill of backtrader.fillRecords as {
      date: string;
      asset: string;
      size: number;
      price: number;
      commission: number;
    }[]) {
      const mine = ours.get(`${fill.date} ${fill.asset}`);
      expect(mine?.qty).toBe(fill.size);
      expect(Math.abs((mine?.fillPrice ?? 0) - fill.price)).toBeLessThan(1e-9 * fill.price);
      expect(Math.abs((mine?.commission ?? 0) - fill.commission)).toBeLessThan(1e-9 * fill.commission);
    }
  });
});
