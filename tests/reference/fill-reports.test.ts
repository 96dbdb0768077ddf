// SPEC 5 and 6.2: a fill cut by the volume cap reports volumeCap {filled, cap}; a price moved
// into the bar by clampToBar records its unclamped price.
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { resolveConfig } from "../../src/config/index.ts";
import { scheduledOrders } from "../../src/strategy/declarative.ts";
import { testPanel } from "../helpers/panel.ts";

const dates = ["2024-01-02", "2024-01-03", "2024-01-04"];

describe("fill reports", () => {
  it("a volume-capped fill reports the units filled and the cap; the last fill of the order does not", () => {
    // Volume 20,000 at t1 with maxParticipation 0.1: cap 2,000 of 3,000; t2 (volume 30,000) fills the last 1,000.
    const panel = testPanel(dates, {
      A: [
        [100, 101, 99, 100],
        [100, 101, 99, 100, 20_000],
        [100, 101, 99, 100, 30_000],
      ],
    });
    const config = resolveConfig({ maxParticipation: 0.1, onZeroVolume: "defer" }, panel.symbols);
    const { fills } = referenceEngine.run(
      panel,
      config,
      scheduledOrders(new Map([[0, [{ asset: "A", size: 3000 }]]])),
    );
    expect(fills.map((f) => [f.t, f.qty, f.volumeCap])).toEqual([
      [1, 2000, { filled: 2000, cap: 2000 }],
      [2, 1000, null],
    ]);
  });

  it("a buy whose slippage passes the bar's high is clamped to it and records its unclamped price", () => {
    // t1 open 100, high 100.02: 100 x (1 + 5/1e4) = 100.05 > 100.02, so the fill is 100.02.
    const panel = testPanel(dates, {
      A: [
        [100, 101, 99, 100],
        [100, 100.02, 99, 100],
        [100, 101, 99, 100],
      ],
    });
    const config = resolveConfig({ slippage: { model: "fixedBps", bps: 5 } }, panel.symbols);
    const { fills } = referenceEngine.run(
      panel,
      config,
      scheduledOrders(new Map([[0, [{ asset: "A", size: 10 }]]])),
    );
    expect(fills.map((f) => [f.fillPrice, f.clamped, f.slippageCost])).toEqual([
      [100.02, { unclampedPrice: 100.05 }, 0.2],
    ]);
  });
});
