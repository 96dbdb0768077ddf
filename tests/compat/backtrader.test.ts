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
});
