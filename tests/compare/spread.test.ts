// SPEC 5 and 12: halfSpread slippage without bps reads each fill bar's `spread` column; a bar it
// fills on without a spread >= 0 is an error naming the bar, the asset and the field, in both
// engines (each reads the column on its own code), never a fill at a made-up cost.
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { resolveConfig } from "../../src/config/index.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type { Panel } from "../../src/model/index.ts";
import { scheduledOrders } from "../../src/strategy/declarative.ts";
import { testPanel } from "../helpers/panel.ts";

/** A bought 10 at the close of 2024-01-02, filled at the open of 2024-01-03, whose spread is `spread`. */
function panelWithSpread(spread: number | null): Panel {
  const panel = testPanel(["2024-01-02", "2024-01-03"], {
    A: [
      [100, 101, 99, 100],
      [100, 101, 99, 100],
    ],
  });
  return spread === null ? panel : { ...panel, extra: { spread: Float64Array.of(0.01, spread) } };
}

const config = resolveConfig(
  { initialCash: 100_000, maxParticipation: null, slippage: { model: "halfSpread" } },
  ["A"],
);
const buy = () => scheduledOrders(new Map([[0, [{ asset: "A", size: 10 }]]]));

describe.each([referenceEngine, fastEngine])("halfSpread on the $name engine", (engine) => {
  it("slips a fill by half its bar's spread", () => {
    // spread 0.02 at the fill bar: 1e4 x 0.02 / 2 = 100 bps, so 100 x 1.01 = 101 (the high).
    const records = engine.run(panelWithSpread(0.02), config, buy());
    expect(records.fills[0].fillPrice).toBeCloseTo(101, 9);
    expect(records.fills[0].slippageCost).toBeCloseTo(10, 9);
  });

  it.each([
    [null, "undefined"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [-0.01, "-0.01"],
  ])("refuses a fill bar whose spread is %s", (spread, shown) => {
    expect(() => engine.run(panelWithSpread(spread), config, buy())).toThrow(
      `bar t=1 asset=A field=spread: halfSpread slippage without bps needs a spread >= 0 on every bar it fills, got ${shown} [SPEC 12]`,
    );
  });
});
