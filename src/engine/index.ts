// The fast engine: float64, struct-of-arrays, the same semantics as the reference (SPEC.md), an
// independent implementation that shares no accounting code with reference/.
import type { Engine, OutcomeRecords, Panel, Records, RunConfig, Strategy } from "../model/index.ts";
import { FastRun } from "./run.ts";

export const fastEngine: Engine = {
  name: "fast",
  run(panel: Panel, config: RunConfig, strategy: Strategy): Records {
    return new FastRun(panel, config, strategy).run();
  },
};

/**
 * The fast engine's run without its order, fill, trade and positions records: the series, events
 * and ledger totals `run` would give, at about two thirds of its cost (`assay stress` runs each
 * path so). A strategy that reads ctx.orders or ctx.fills gets RecordsNotKept.
 */
export function runOutcome(panel: Panel, config: RunConfig, strategy: Strategy): OutcomeRecords {
  return new FastRun(panel, config, strategy, false).runOutcome();
}
