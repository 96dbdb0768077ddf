import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { COMPAT_PROFILES } from "../../src/compat/index.ts";
import { resolveConfig } from "../../src/config/index.ts";
import { loadCsvPanel } from "../../src/data/index.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type { Reason, Records } from "../../src/model/index.ts";
import { rankLongShort } from "../../src/strategy/rank-long-short.ts";
import { runPeerFile } from "./peer-files.ts";

// compat "vectorbt": each of VectorBT's rules shows with the profile on and never with it off,
// on VectorBT's own scenarios (../shared/golden/vectorbt), under both engines.
const fills = (records: Records) => records.fills.map((f) => `${f.asset} ${f.qty} @${f.fillPrice} t=${f.t}`);
const ends = (records: Records) =>
  records.orders.map((o) => `${o.asset} ${o.qty} ${o.status} ${o.reason?.kind ?? "-"} t=${o.doneT}`);

describe.each([referenceEngine, fastEngine])("compat vectorbt on the $name engine", (engine) => {
  it("a buy cut to what the cash pays, fees included, in fractional units; the next buy finds none", () => {
    const on = runPeerFile("vectorbt", "order-larger-than-cash-partial", "vectorbt", engine);
    // Cash 10,000, fees 0.1%: 150 A at 100 would cost 15,015; allow_partial fills
    // 10,000 / (100 x 1.001) = 99.9000999000999..., truncated to the 1e-8 lot; B's 100 the next
    // day finds 1e-8 of cash left and is refused (VectorBT: NoCashLong).
    expect(fills(on).slice(0, 1)).toEqual(["A 99.9000999 @100 t=1"]);
    expect(ends(on)[1]).toBe("B 100 rejected insufficientCash t=2");
    // Off, assay's Reg T account buys all 150 A on twice its equity, and B's 100 with it.
    const off = runPeerFile("vectorbt", "order-larger-than-cash-partial", null, engine);
    expect(fills(off).slice(0, 2)).toEqual(["A 150 @100 t=1", "B 100 @21 t=2"]);
  });

  it("size_granularity=1 is lotSize: 1: the size and the cash cap floored to whole units", () => {
    const records = runPeerFile("vectorbt", "order-larger-than-cash-partial", "vectorbt", engine, {
      lotSize: 1,
    });
    // buy_nb: 150 // 1 = 150 costs 15,015 > 10,000, so max_acq_size = 10,000 / 1.001 / 100 =
    // 99.90..., floored to 99: 9,900 + 9.9 fees, cash 90.1. B's 100 at 21: 90.1 / 1.001 / 21 =
    // 4.28..., floored to 4: 84 + 0.084, cash 6.016. A's target 0 sells the 99 at 106: 10,494 -
    // 10.494, cash 10,489.522. B's 100 at 23: 2,300 + 2.3, cash 8,187.222; value + 104 x 23.
    expect(fills(records)).toEqual(["A 99 @100 t=1", "B 4 @21 t=2", "A -99 @106 t=4", "B 100 @23 t=5"]);
    expect(records.orders[1]).toMatchObject({ status: "partial", filledQty: 4 });
    expect(records.series.cash.at(-1)).toBeCloseTo(8_187.222, 9);
    expect(records.series.equity.at(-1)).toBeCloseTo(10_579.222, 9);
  });

  it("fixed_fees: the cash cap pays the fixed fee first, once per order", () => {
    const records = runPeerFile("vectorbt", "order-larger-than-cash-partial", "vectorbt", engine, {
      commission: { model: "percent", rate: 0.001, fixed: 5 },
    });
    // buy_nb: (10,000 - 5) / (1 + 0.001) / 100 = 99.850149850149..., truncated to the 1e-8 lot;
    // commission 99.85014985 x 100 x 0.001 + 5 = 14.985014985; cash left 1.5e-8.
    const [first] = records.fills;
    expect(first.qty).toBe(99.85014985);
    expect(first.commission).toBeCloseTo(14.985014985, 9);
    expect(records.series.cash[1]).toBeCloseTo(1.5e-8, 9);
  });

  it("allow_partial=False: a buy the cash cannot pay for whole is refused (PartialFill)", () => {
    const records = runPeerFile("vectorbt", "order-larger-than-cash-partial", "vectorbt", engine, {
      onInsufficient: "reject",
    });
    // 150 A x 100 x 1.001 = 15,015 > 10,000: refused whole; B's 100 x 21 x 1.001 then fits.
    const [a] = records.orders;
    expect(`${a.status} ${a.reason?.kind}`).toBe("rejected insufficientCash");
    expect(COMPAT_PROFILES.vectorbt.statusOf(a.reason as Reason, a)).toBe("Rejected: PartialFill");
    expect(records.fills[0]).toMatchObject({ asset: "B", qty: 100 });
  });

  it("call_seq default: a buy listed before a sale runs first and finds no cash; auto sells first", () => {
    // The 50/50 buys of 500 A and 998.002 B spent the cash (to under a lot). 2024-01-05 (t=3),
    // 90/10 at the opens A 110, B 40: group value 500 x 110 + 998.002 x 40 = 94,920.08; A's
    // target 0.9 x 94,920.08 / 110 - 500 = +276.62 units comes first, with no cash: refused;
    // B's sale of 760.70 then fills.
    const inOrder = runPeerFile("vectorbt", "rebalance-callseq-default", "vectorbt", engine);
    expect(ends(inOrder)[2]).toBe("A 276.6188357 rejected insufficientCash t=3");
    // call_seq auto (exitsFirst: true): the sale's 30,428 of proceeds pay for A's buy.
    const salesFirst = runPeerFile("vectorbt", "rebalance-callseq-default", "vectorbt", engine, {
      exitsFirst: true,
    });
    expect(ends(salesFirst)[2]).toMatch(/^A 276\.6188357\d* (filled|partial) /);
    expect(salesFirst.fills.find((f) => f.t === 3 && f.asset === "A")?.qty).toBeGreaterThan(200);
  });

  it("target sizes are converted at the fill's open (val_price), not at the decision's close", () => {
    const on = runPeerFile("vectorbt", "fees", "vectorbt", engine);
    // Target value 30,000 decided at 2024-01-02's close 251, filled at 2024-01-03's open 252:
    // 30,000 / 252 = 119.04761904..., as VectorBT; without the profile 30,000 / 251 in whole shares.
    expect(on.fills[0].qty).toBe(119.04761904);
    const off = runPeerFile("vectorbt", "fees", null, engine);
    expect(off.fills[0].qty).toBe(119);
    expect(runPeerFile("vectorbt", "fees", "vectorbt", engine, { sizeAtFill: false }).fills[0].qty).toBe(
      119.52191235, // 30,000 / 251 = 119.521912350597..., to the lot
    );
  });

  it("a zero-volume bar fills as any other (VectorBT has no volume)", () => {
    const on = runPeerFile("vectorbt", "zero-volume-bar", "vectorbt", engine);
    const off = runPeerFile("vectorbt", "zero-volume-bar", null, engine);
    expect(on.fills.filter((f) => f.zeroVolume)).toHaveLength(2);
    expect(off.fills.filter((f) => f.zeroVolume)).toHaveLength(0);
    expect(off.fills[0].t).toBeGreaterThan(on.fills[0].t);
  });
});

describe("compat vectorbt: slippage is not clamped to the bar", () => {
  const panel = loadCsvPanel(
    fileURLToPath(new URL("../../../shared/golden/bench250/bars.csv", import.meta.url)),
  );
  const input = {
    compat: "vectorbt",
    exitsFirst: true,
    initialCash: 1_000_000,
    commission: { model: "percent", rate: 0.001 },
    slippage: { model: "fixedBps", bps: 5 },
  } as const;
  const outside = (records: Records) =>
    records.fills.filter((f) => {
      const at = f.t * panel.symbols.length + panel.symbols.indexOf(f.asset);
      return f.fillPrice > panel.high[at] || f.fillPrice < panel.low[at];
    }).length;
  const strategy = () => rankLongShort({ signal: "score", longs: 25, shorts: 25, targetValue: 20_000 });

  it("fills at open x (1 +- 5 bps) beyond the high or low, as VectorBT's own records; clampToBar keeps them inside", () => {
    const on = fastEngine.run(panel, resolveConfig(input, panel.symbols), strategy());
    const clamped = fastEngine.run(
      panel,
      resolveConfig({ ...input, clampToBar: true }, panel.symbols),
      strategy(),
    );
    // VectorBT's vectorbt.json has fills beyond their bar (an open at the bar's high, bought 5 bps above it).
    expect(outside(on)).toBeGreaterThan(500);
    expect(outside(clamped)).toBe(0);
  });
});
