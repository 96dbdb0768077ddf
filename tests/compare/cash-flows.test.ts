// SPEC 12 (cash flows) in both engines, beyond what a golden file compares: the warning for a flow
// dated after the last bar, and a flow dated before the first bar applying at bar 0.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { resolveConfig } from "../../src/config/index.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type { Panel } from "../../src/model/index.ts";
import { scheduledOrders } from "../../src/strategy/declarative.ts";
import { runGoldenFile } from "./run.ts";

const futures = fileURLToPath(
  new URL("../../scenarios/cash-flow-withdrawal-refused-futures.json", import.meta.url),
);

/** One asset X flat at 100 on 2024-01-02..04, no orders. */
function flatPanel(): Panel {
  const bars = 3;
  const flat = () => new Float64Array(bars).fill(100);
  return {
    symbols: ["X"],
    times: Float64Array.from({ length: bars }, (_, t) => Date.UTC(2024, 0, 2 + t)),
    open: flat(),
    high: flat(),
    low: flat(),
    close: flat(),
    volume: new Float64Array(bars).fill(1e6),
    extra: {},
  };
}

describe("cash flows in both engines", () => {
  for (const engine of [referenceEngine, fastEngine]) {
    it(`${engine.name}: a flow dated after the last bar is not applied and the warnings say so`, () => {
      const { records } = runGoldenFile(futures, engine);
      expect(records.warnings).toEqual([
        "cashFlows: the flow dated 2024-01-10 is after the last bar (2024-01-05): not applied [SPEC 12]",
      ]);
      expect(records.ledgerTotals.deposit).toBe(0);
    });

    it(`${engine.name}: a flow dated before the first bar applies in step 1 of bar 0`, () => {
      // Flat: IM = MM = 0, so all the equity may go; 0.25 is left (equity 0 would be bankrupt, SPEC 7).
      const panel = flatPanel();
      const config = resolveConfig(
        {
          initialCash: 1000,
          cashFlows: [
            { date: "2023-12-29", amount: -1500 },
            { date: "2023-12-30", amount: 250.25 },
            { date: "2024-01-03", amount: -1250 },
          ],
        },
        panel.symbols,
      );
      const records = engine.run(panel, config, scheduledOrders(new Map(), "none"));
      expect(records.events).toEqual([
        { kind: "withdrawalRefused", t: 0, step: 1, amount: -1500, available: 1000 },
        { kind: "cashFlow", t: 0, step: 1, amount: 250.25 },
        { kind: "cashFlow", t: 1, step: 1, amount: -1250 },
      ]);
      expect(records.series.cash).toEqual([1250.25, 0.25, 0.25]);
      expect(records.ledgerTotals).toMatchObject({ deposit: 250.25, withdrawal: -1250 });
      expect(records.warnings).toEqual([]);
    });

    it(`${engine.name}: a run with no bars applies no flow, and each flow's warning says there is no last bar`, () => {
      const empty = new Float64Array(0);
      const panel: Panel = {
        ...flatPanel(),
        times: empty,
        open: empty,
        high: empty,
        low: empty,
        close: empty,
        volume: empty,
      };
      const config = resolveConfig(
        {
          initialCash: 1000,
          cashFlows: [
            { date: "2024-01-05", amount: 100 },
            { date: "2024-01-08", amount: -50 },
          ],
        },
        panel.symbols,
      );
      const records = engine.run(panel, config, scheduledOrders(new Map(), "none"));
      expect(records.warnings).toEqual([
        "cashFlows: the flow dated 2024-01-05 is after the last bar (none): not applied [SPEC 12]",
        "cashFlows: the flow dated 2024-01-08 is after the last bar (none): not applied [SPEC 12]",
      ]);
      expect(records.series.cash).toEqual([]);
    });
  }
});
