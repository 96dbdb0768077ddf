// `assay check --engine <module>`: the user's engine, the module's default export or its export
// named `engine`, checked for the Engine interface (src/model/engine.ts) before any case runs on
// it. Without a module the engine under test is assay's fast engine.
import { fileURLToPath } from "node:url";
import type { Engine } from "../model/index.ts";

/** The engine under test in this thread: the module at `url`, or the fast engine (url undefined). */
export async function loadEngineUnderTest(url: string | undefined): Promise<Engine> {
  if (url === undefined) return (await import("../engine/index.ts")).fastEngine;
  const module = (await import(url)) as { default?: unknown; engine?: unknown };
  const engine = module.engine ?? module.default;
  const where = url.startsWith("file:") ? fileURLToPath(url) : url;
  if (!isEngine(engine))
    throw new Error(
      `--engine ${where}: the module must export an Engine ({ name: string, run(panel, config, strategy): Records }) as its default export or as "engine"; it exports ${Object.keys(module).join(", ") || "nothing"}`,
    );
  return engine;
}

function isEngine(value: unknown): value is Engine {
  if (typeof value !== "object" || value === null) return false;
  const { name, run } = value as { name?: unknown; run?: unknown };
  return typeof name === "string" && name !== "" && typeof run === "function";
}
