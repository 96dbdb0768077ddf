// The one interface every engine implements, so that any engine variant can be plugged into
// the same comparisons (scenarios, golden files, differential properties).
import type { RunConfig } from "./config.ts";
import type { Panel } from "./panel.ts";
import type { Records } from "./records.ts";
import type { Strategy } from "./strategy.ts";

export interface Engine {
  readonly name: string;
  run(panel: Panel, config: RunConfig, strategy: Strategy): Records;
}
