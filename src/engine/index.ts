// The fast engine: float64, struct-of-arrays, the same semantics as the reference (SPEC.md), an
// independent implementation that shares no accounting code with reference/.
import type { Engine, Panel, Records, RunConfig, Strategy } from "../model/index.ts";
import { FastRun } from "./run.ts";

export const fastEngine: Engine = {
  name: "fast",
  run(panel: Panel, config: RunConfig, strategy: Strategy): Records {
    return new FastRun(panel, config, strategy).run();
  },
};
