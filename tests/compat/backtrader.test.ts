import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type { Engine, Records } from "../../src/model/index.ts";
import { runPeerFile } from "./peer-files.ts";

// compat "backtrader": each of Backtrader's quirks shows with the profile on and never with it
// off, on Backtrader's own scenarios (../shared/golden/backtrader), under both engines.
function runBacktraderFile(name: string, compat: "backtrader" | null, engine: Engine): Records {
  return runPeerFile("backtrader", name, compat, engine);
}

const ends = (records: Records) =>
  records.orders.map((o) => `${o.asset} ${o.qty} ${o.status} ${o.reason?.kind ?? "-"} t=${o.doneT}`);

describe.each([referenceEngine, fastEngine])("compat backtrader on the $name engine", (engine) => {
  it("the submit check and the cash rule refuse what Reg T buying power fills", () => {
    const on = runBacktraderFile("order-exceeds-cash", "backtrader", engine);
    const off = runBacktraderFile("order-exceeds-cash", null, engine);
    // Cash 10,000, every order a market buy. On: at the 2024-01-03 check B's 50 x 50 = 2,500
    // leaves 7,500 and A's 150 x 100 = 15,000 does not fit (submitCheck); 74 A at the 2024-01-04
    // close (74 x 100 = 7,400 <= 7,500) passes, then costs 74 x 103 = 7,622 > 7,500 at the gapped
    // open (insufficientCash: cash may not go below 0); on 2024-01-08 200 A x 103.9 takes the
    // running cash below 0 and B's 10 then fails too, though 7,500 would pay for it alone.
    expect(ends(on)).toEqual([
      "B 50 filled - t=1",
      "A 150 rejected submitCheck t=1",
      "A 74 rejected insufficientCash t=3",
      "A 200 rejected submitCheck t=5",
      "B 10 rejected submitCheck t=5",
    ]);
    // Off, assay's Reg T margin account: 150 A fits twice the equity; the 74 and 200 A do not
    // (insufficientBuyingPower, at the fill), and B's 10 fills: no submit check, no running cash.
    expect(ends(off)).toEqual([
      "B 50 filled - t=1",
      "A 150 filled - t=1",
      "A 74 rejected insufficientBuyingPower t=3",
      "A 200 rejected insufficientBuyingPower t=5",
      "B 10 filled - t=5",
    ]);
  });

  it("no volume filler: a zero-volume bar fills under the profile and defers without it", () => {
    const on = runBacktraderFile("zero-volume-bar", "backtrader", engine);
    const off = runBacktraderFile("zero-volume-bar", null, engine);
    // The three orders' fill bars have volume 0: under the profile they fill there (zeroVolume
    // flagged); under assay's default "defer" each waits for its asset's next bar with volume.
    expect(on.fills.map((f) => [f.t, f.zeroVolume])).toEqual([
      [1, true],
      [3, true],
      [4, true],
    ]);
    expect(off.fills.map((f) => [f.t, f.zeroVolume])).toEqual([
      [2, false],
      [4, false],
      [5, false],
    ]);
  });

  // Backtrader's own switches, each as the assay key that mirrors it, on Backtrader's inputs.
  const prices = (records: Records) =>
    records.fills.map((f) => `${f.asset} ${f.qty} @${f.fillPrice} t=${f.t}`);

  it("coc=True is fillAt: close (a market order fills at its decision bar's close)", () => {
    // long-round-trip: buy 100 A decided 2024-01-02 (close 100.5), sell it 2024-01-05 (close 101.2).
    const coc = runPeerFile("backtrader", "long-round-trip", "backtrader", engine, { fillAt: "close" });
    expect(prices(coc)).toEqual(["A 100 @100.5 t=0", "A -100 @101.2 t=3"]);
    // coo=False, coc=False (the profile): the next opens, 101.5 and 99.5, as Backtrader's file.
    const next = runPeerFile("backtrader", "long-round-trip", "backtrader", engine);
    expect(prices(next)).toEqual(["A 100 @101.5 t=1", "A -100 @99.5 t=4"]);
  });

  it("cheat_on_open=True (coo) is fillAt: open (decided at a bar's open, a market order fills at that open)", () => {
    // long-round-trip's orders issued in next_open() of their dates: BackBroker._try_exec_market
    // under coo skips its `datetime[0] <= created.dt` wait, so they fill at the opens of
    // 2024-01-02 (100) and 2024-01-05 (103): 100,000 - 10,000 + 10,300 = 100,300.
    const coo = runPeerFile("backtrader", "long-round-trip", "backtrader", engine, { fillAt: "open" });
    expect(prices(coo)).toEqual(["A 100 @100 t=0", "A -100 @103 t=3"]);
    expect(coo.series.cash.at(-1)).toBe(100_300);
  });

  it("coo's submit check prices a market order at the open it was issued at", () => {
    // order-exceeds-cash's orders issued in next_open(): check_submitted runs in broker.next() of
    // the same bar and _execute(ago=None) prices a market order at data.open[0] under coo.
    // 2024-01-02: B 50 x 50 = 2,500 leaves 7,500; A 150 x 100 = 15,000 does not fit (submitCheck:
    // without coo there is no close yet to check it at). 2024-01-04: 74 A x 100.8 = 7,459.2 fits
    // the 7,500 and fills at that open (without coo it met the gapped 103 next open and failed).
    // 2024-01-08: 200 A x 103.5 takes the running cash below 0, and B's 10 x 50.5 then fails too.
    const coo = runPeerFile("backtrader", "order-exceeds-cash", "backtrader", engine, { fillAt: "open" });
    expect(ends(coo)).toEqual([
      "B 50 filled - t=0",
      "A 150 rejected submitCheck t=0",
      "A 74 filled - t=2",
      "A 200 rejected submitCheck t=4",
      "B 10 rejected submitCheck t=4",
    ]);
    expect(prices(coo)).toEqual(["B 50 @50 t=0", "A 74 @100.8 t=2"]);
    // 10,000 - 2,500 - 7,459.2 = 40.8 cash; at the last closes 40.8 + 50 x 51.1 + 74 x 104.3 = 10,314.
    expect(coo.series.cash.at(-1)).toBeCloseTo(40.8, 9);
    expect(coo.series.equity.at(-1)).toBeCloseTo(10_314, 9);
  });

  it("slip_match=True, slip_out=False caps the slipped price at the bar; slip_out=True is clampToBar: false", () => {
    // percent-slippage, 0.2%: 2024-01-05 sells A at open 99 (low 99) and buys B at open 51.2 (high 51.2).
    const capped = runPeerFile("backtrader", "percent-slippage", "backtrader", engine);
    expect(prices(capped).slice(2)).toEqual(["A -100 @99 t=3", "B 100 @51.2 t=3"]);
    const out = runPeerFile("backtrader", "percent-slippage", "backtrader", engine, { clampToBar: false });
    // 99 x 0.998 = 98.802 and 51.2 x 1.002 = 51.3024, beyond the bar.
    expect(out.fills[2].fillPrice).toBeCloseTo(98.802, 9);
    expect(out.fills[3].fillPrice).toBeCloseTo(51.3024, 9);
  });

  // percent-slippage's fills as [t, price]: slippage 0.2%, market orders only, every fill at an open.
  const fillsAt = (records: Records) => records.fills.map((f) => [f.t, f.fillPrice]);

  it("slip_open=False is slipOpen: false (market orders fill at the open, unslipped)", () => {
    // set_slippage_perc(0.002, slip_open=False): _try_exec_market passes doslip=False, so
    // _slip_up/_slip_down return the open: 101 and 50.1 on 2024-01-03, 99 and 51.2 on 2024-01-05.
    const records = runPeerFile("backtrader", "percent-slippage", "backtrader", engine, { slipOpen: false });
    expect(fillsAt(records)).toEqual([
      [1, 101],
      [1, 50.1],
      [3, 99],
      [3, 51.2],
    ]);
    expect(records.fills.map((f) => f.slippageCost)).toEqual([0, 0, 0, 0]);
    // 100,000 - 10,100 + 5,010 + 9,900 - 5,120 = 99,690.
    expect(records.series.cash.at(-1)).toBeCloseTo(99_690, 9);
  });

  it("slip_match=False is slipMatch: false (a slipped price past the bar waits for the next bar)", () => {
    // set_slippage_perc(0.002, slip_match=False): on 2024-01-05 the sale's 99 x 0.998 = 98.802 is
    // below the low 99 and the buy's 51.2 x 1.002 = 51.3024 above the high 51.2: _slip_down and
    // _slip_up return None, _execute() returns, the orders stay. 2024-01-08: 100.2 x 0.998 =
    // 99.9996 (>= low 99.7) and 50.6 x 1.002 = 50.7012 (<= high 50.8) fill.
    const records = runPeerFile("backtrader", "percent-slippage", "backtrader", engine, { slipMatch: false });
    const expected = [
      [1, 101.202],
      [1, 49.9998],
      [4, 99.9996],
      [4, 50.7012],
    ];
    expect(records.fills.map((f) => f.t)).toEqual(expected.map(([t]) => t));
    for (const [i, f] of records.fills.entries()) expect(f.fillPrice).toBeCloseTo(expected[i][1], 9);
    expect(records.orders.map((o) => o.deferred.slippage)).toEqual([0, 0, 1, 1]);
    // 100,000 - 10,120.2 + 4,999.98 + 9,999.96 - 5,070.12 = 99,809.62, flat at the end.
    expect(records.series.cash.at(-1)).toBeCloseTo(99_809.62, 9);
    // Without it (the profile's slip_match=True), the same orders fill on 2024-01-05 at the bar.
    const capped = runPeerFile("backtrader", "percent-slippage", "backtrader", engine);
    expect(capped.orders.map((o) => o.deferred.slippage)).toEqual([0, 0, 0, 0]);
    expect(fillsAt(capped).slice(2)).toEqual([
      [3, 99],
      [3, 51.2],
    ]);
  });

  it("COMM_FIXED (stocklike) is a perShare commission, charged on each part of a reversal", () => {
    const records = runPeerFile("backtrader", "reversal-long-to-short", "backtrader", engine, {
      commission: { model: "perShare", rate: 0.02 },
    });
    // setcommission(commission=0.02, commtype=COMM_FIXED, stocklike=True): 0.02 per share of each
    // part: buy 100 = 2; the reversal -250 closes 100 and opens 150 = 5; the cover of 150 = 3.
    expect(records.fills.map((f) => f.commission)).toEqual([2, 5, 3]);
  });

  it("a FixedBarPerc filler is maxParticipation: the rest of an order waits for the next bar", () => {
    // FixedBarPerc(perc=0.5): (volume x 0.5) // 100 per bar. The buy of 100 A fills 60 of
    // 2024-01-03's 12,000 at 101.5, then its 40 left on 2024-01-04 (45 allowed of 9,000) at 102.
    const records = runPeerFile("backtrader", "long-round-trip", "backtrader", engine, {
      maxParticipation: 0.005,
    });
    expect(prices(records).slice(0, 2)).toEqual(["A 60 @101.5 t=1", "A 40 @102 t=2"]);
    expect(records.orders[0].status).toBe("filled");
  });
});
