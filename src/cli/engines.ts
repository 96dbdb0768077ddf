// The engines the CLI can run, by name. Loaded on demand, so a command that needs no engine
// (or another one) does not import them.
import type { Engine } from "../model/index.ts";

export const engines: Record<string, () => Promise<Engine>> = {
  reference: async () => (await import("../../reference/engine.ts")).referenceEngine,
  fast: async () => (await import("../engine/index.ts")).fastEngine,
};

export const DEFAULT_ENGINE = "reference";

/** The named engine, or an error listing the known names. */
export async function loadEngine(name: string): Promise<Engine> {
  const load = engines[name];
  if (load === undefined) {
    throw new Error(`unknown engine "${name}" (known: ${Object.keys(engines).join(", ")})`);
  }
  return load();
}
