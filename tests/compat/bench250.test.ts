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

// The same study under compat "vectorbt" with VectorBT's call_seq="auto" (sales before buys, as
// exitsFirst: true): target values converted to fractional units at each fill's open (sizeAtFill),
// buys capped by cash, slippage not clamped to the bar. VectorBT's own run is vectorbt.json.
const vectorbt = JSON.parse(readFileSync(new URL("vectorbt.json", folder), "utf8"));
const vectorbtConfig = resolveConfig(
  {
    compat: "vectorbt",
    exitsFirst: true,
    initialCash: 1_000_000,
    commission: { model: "percent", rate: 0.001 },
    slippage: { model: "fixedBps", bps: 5 },
  },
  panel.symbols,
);

describe.each([referenceEngine, fastEngine])("bench250 under compat vectorbt, $name engine", (engine) => {
  it("reproduces VectorBT's 18,551 fills, final value, cash, commission and daily equity", () => {
    const records = engine.run(
      panel,
      vectorbtConfig,
      rankLongShort({ signal: "score", longs: 25, shorts: 25, targetValue: 20_000 }),
    );
    const last = records.series.equity.length - 1;
    const close = (actual: number, expected: number) =>
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.abs(expected));
    expect(records.fills.length).toBe(vectorbt.fills);
    // A rebalance whose target is already met at the fill's open trades nothing, as VectorBT ignores it.
    const unfilled = records.orders.filter((order) => order.status !== "filled");
    expect(unfilled.every((order) => order.reason?.kind === "sizedToZero" && order.qty === 0)).toBe(true);
    close(records.series.equity[last], vectorbt.finalValue);
    close(records.series.cash[last], vectorbt.finalCash);
    close(records.totals.commission, vectorbt.totalCommission);
    vectorbt.equity.forEach((row: { value: number; cash: number }, t: number) => {
      close(records.series.equity[t], row.value);
      close(records.series.cash[t], row.cash);
    });
    // Fill by fill, in VectorBT's order of execution within each bar (sales first): the same
    // asset, size (within two lots: assay truncates to its 1e-8 lot), price and commission.
    const fills = records.fills.map((f) => ({
      t: f.t,
      asset: f.asset,
      qty: f.qty,
      price: f.fillPrice,
      commission: f.commission,
    }));
    const byBarAsset = new Map(fills.map((f) => [`${f.t} ${f.asset}`, f]));
    const dates = Array.from(panel.times, (ms) => new Date(ms).toISOString().slice(0, 10));
    const day = new Map(dates.map((date, t) => [date, t]));
    for (const peer of vectorbt.fillRecords as {
      date: string;
      asset: string;
      size: number;
      price: number;
      commission: number;
    }[]) {
      const ours = byBarAsset.get(`${day.get(peer.date)} ${peer.asset}`);
      expect(ours, `${peer.date} ${peer.asset}`).toBeDefined();
      expect(Math.abs((ours?.qty ?? 0) - peer.size)).toBeLessThanOrEqual(2e-8);
      close(ours?.price ?? 0, peer.price);
      close(ours?.commission ?? 0, peer.commission);
    }
  });
});
