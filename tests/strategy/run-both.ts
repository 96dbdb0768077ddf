// Runs one strategy on both engines and insists their records agree (SPEC 9); tests may import
// both engines, src/ may not.
import { referenceEngine } from "../../reference/engine.ts";
import { diffRecords, renderRecordDivergence } from "../../src/compare/index.ts";
import { type ConfigInput, resolveConfig } from "../../src/config/index.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type { Panel, Records, Strategy } from "../../src/model/index.ts";

/** $100,000 margin account, no costs, no volume cap, unless `options` says otherwise. */
export function runBoth(panel: Panel, strategy: Strategy, options: ConfigInput = {}): Records {
  const config = resolveConfig({ initialCash: 100_000, maxParticipation: null, ...options }, panel.symbols);
  const reference = referenceEngine.run(panel, config, strategy);
  const fast = fastEngine.run(panel, config, strategy);
  const divergence = diffRecords(reference, fast);
  if (divergence !== null) throw new Error(`engines disagree: ${renderRecordDivergence(divergence)}`);
  return reference;
}

/** The orders' decision bars, sizes and resolved units: what the declarative APIs decide. */
export function decided(records: Records): string[] {
  return records.orders.map((o) => `t=${o.t} ${o.asset} ${o.sizeType} ${o.size} qty=${o.qty}`);
}
