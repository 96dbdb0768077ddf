// `assay run ./my-strategy.ts`: a module whose default export is a Strategy, a declarative spec
// ({ fromSignals | fromOrders | fromTargets: options }), or a factory (params, data) => either (or
// a promise of one). TypeScript loads through tsx, which bin/assay.mjs registers; JavaScript loads
// as it is.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Panel, Strategy } from "../model/index.ts";
import { type FromOrdersOptions, fromOrders } from "../strategy/from-orders.ts";
import { type FromSignalsOptions, fromSignals } from "../strategy/from-signals.ts";
import { type FromTargetsOptions, fromTargets } from "../strategy/from-targets.ts";

export type StrategyParams = Readonly<Record<string, unknown>>;

/** A declarative strategy named by its API: the arrays a factory computed from the data, say. */
const DECLARATIVE: Readonly<Record<string, (options: never) => Strategy>> = {
  fromSignals: (options: FromSignalsOptions) => fromSignals(options),
  fromOrders: (options: FromOrdersOptions) => fromOrders(options),
  fromTargets: (options: FromTargetsOptions) => fromTargets(options),
};

/**
 * `notFound` completes the message for a missing file (e.g. the built-in names). A factory gets
 * the params and the run's data (a declarative spec's arrays are T x N of that panel). Each
 * `instance` key loads the file as a module of its own, its module-level state made anew
 * (`assay lookahead` loads one per run); without it, the file loads once per process.
 */
export async function loadStrategyFile(
  file: string,
  params: StrategyParams,
  data: Panel,
  notFound = "",
  instance?: string,
): Promise<Strategy> {
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`strategy file ${file}: not found${notFound}`);
  const url = pathToFileURL(path).href + (instance === undefined ? "" : `?instance=${instance}`);
  let exported: unknown;
  try {
    exported = ((await import(url)) as { default?: unknown }).default;
  } catch (error) {
    throw new Error(`strategy file ${file}: could not load it: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (typeof exported === "function") {
    let made: unknown;
    try {
      made = await exported(params, data);
    } catch (error) {
      throw new Error(`strategy file ${file}: its factory threw: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const strategy = isStrategy(made) ? made : declarative(made, file);
    if (strategy === null)
      throw new Error(
        `strategy file ${file}: the default export is a function, but it returned ${describe(made)}, not a Strategy { name, onBar(ctx) } or a spec { ${Object.keys(DECLARATIVE).join(" | ")}: options }`,
      );
    return strategy;
  }
  const spec = isStrategy(exported) ? exported : declarative(exported, file);
  if (spec !== null) {
    const keys = Object.keys(params);
    if (keys.length > 0)
      throw new Error(
        `--param ${keys.join(", ")}: the default export of ${file} is a Strategy, which takes no params; export a factory (params) => Strategy to use them`,
      );
    return spec;
  }
  throw new Error(
    `strategy file ${file}: the default export must be a Strategy { name, onBar(ctx) }, a spec { ${Object.keys(DECLARATIVE).join(" | ")}: options } or a factory (params, data) => either, got ${describe(exported)}`,
  );
}

/** The strategy of a spec with exactly one key naming a declarative API, or null if it is none. */
function declarative(value: unknown, file: string): Strategy | null {
  if (typeof value !== "object" || value === null) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1 || !Object.hasOwn(DECLARATIVE, keys[0])) return null;
  const api = keys[0];
  try {
    return DECLARATIVE[api]((value as Record<string, never>)[api]);
  } catch (error) {
    throw new Error(`strategy file ${file}: ${api}: ${(error as Error).message}`, { cause: error });
  }
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
