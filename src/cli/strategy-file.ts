// `assay run ./my-strategy.ts`: a module whose default export is a Strategy or a factory
// (params) => Strategy (or a promise of one). TypeScript loads through tsx, which bin/assay.mjs
// registers; JavaScript loads as it is.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Strategy } from "../model/index.ts";

export type StrategyParams = Readonly<Record<string, unknown>>;

/** `notFound` completes the message for a missing file (e.g. the built-in names). */
export async function loadStrategyFile(
  file: string,
  params: StrategyParams,
  notFound = "",
): Promise<Strategy> {
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`strategy file ${file}: not found${notFound}`);
  let exported: unknown;
  try {
    exported = ((await import(pathToFileURL(path).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new Error(`strategy file ${file}: could not load it: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (typeof exported === "function") {
    let made: unknown;
    try {
      made = await exported(params);
    } catch (error) {
      throw new Error(`strategy file ${file}: its factory threw: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (!isStrategy(made))
      throw new Error(
        `strategy file ${file}: the default export is a function, but it returned ${describe(made)}, not a Strategy { name, onBar(ctx) }`,
      );
    return made;
  }
  if (isStrategy(exported)) {
    const keys = Object.keys(params);
    if (keys.length > 0)
      throw new Error(
        `--param ${keys.join(", ")}: the default export of ${file} is a Strategy, which takes no params; export a factory (params) => Strategy to use them`,
      );
    return exported;
  }
  throw new Error(
    `strategy file ${file}: the default export must be a Strategy { name, onBar(ctx) } or a factory (params) => Strategy, got ${describe(exported)}`,
  );
}

function isStrategy(value: unknown): value is Strategy {
  const candidate = value as Partial<Strategy> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.name === "string" &&
    typeof candidate.onBar === "function"
  );
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing (no default export)";
  if (value === null) return "null";
  if (typeof value === "object") return `an object with keys ${Object.keys(value).join(", ") || "none"}`;
  return `a ${typeof value}`;
}
