// SPEC 10: one chunk of `assay check`, as run in a worker thread (worker.mjs loads this module
// through tsx): the property from the registry module, fast-check over the chunk's cases under
// the chunk's seed, and what came of it: cases run and skipped, the coverage counts of the
// generated cases, the shrunk counterexample if one failed. Plain data in and out (structured
// clone), so the same function runs in-process (tests, replay) or in a worker.
import { fileURLToPath } from "node:url";
import type { MessagePort } from "node:worker_threads";
import fc from "fast-check";
import { asFastCheck, type Property, property } from "../../properties/property.ts";
import type { CheckContext, PropertyRegistry } from "../../properties/registry.ts";
import type { Engine } from "../model/index.ts";
import type { EngineCommand } from "../protocol/engine-process.ts";
import { type Counts, sortedCounts } from "./coverage.ts";
import { loadEngineUnderTest } from "./engine-module.ts";
import { errorText } from "./error-text.ts";
import { selectProperties } from "./select.ts";

export interface ChunkTask {
  /** URL of the registry module (exports PROPERTIES). */
  readonly registry: string;
  /** URL of the engine under test's module (`--engine`), or undefined for the fast engine. */
  readonly engine?: string;
  /** `--engine-cmd`: the engine under test is a process (engine-equals-reference only). */
  readonly engineCommand?: EngineCommand;
  readonly property: string;
  readonly chunk: number;
  readonly seed: number;
  readonly runs: number;
  /**
   * fast-check stops after this long (its interruptAfterTimeLimit plugin, which interrupts between
   * two runs of the check): a failure still shrinking then is reported with the smallest case found
   * so far, a chunk without a failure by then as not run whole. None: no limit.
   */
  readonly timeLimitMs?: number;
  /** Told "start" when fast-check starts (the property built): the runner's timeout starts then. */
  readonly started?: MessagePort;
}

export interface Counterexample {
  /** fast-check's path to the shrunk case (null when fast-check gave none, e.g. too many skips). */
  readonly path: string | null;
  /** Cases run up to and including the first failing one. */
  readonly runs: number;
  readonly shrinks: number;
  /**
   * Shrinking stopped at the chunk's time limit: the case is the smallest found by then (its path
   * still replays it), and which one that is depends on the machine's speed.
   */
  readonly shrinkInterrupted: boolean;
  /** The shrunk case's error, one line when the check's message is. */
  readonly error: string;
  /** fc.stringify of the shrunk case, cut at CASE_CHARS. */
  readonly case: string;
}

export interface ChunkResult {
  readonly property: string;
  readonly chunk: number;
  readonly seed: number;
  /** Cases run (fast-check's numRuns: a failing chunk stops at its first failure). */
  readonly runs: number;
  /** Cases skipped by preconditions (known issues). */
  readonly skipped: number;
  /** Wall time of fast-check in the worker. */
  readonly ms: number;
  readonly coverage: Counts;
  readonly counterexample: Counterexample | null;
  /** The time limit stopped the chunk before its last case, none failing: it did not run whole. */
  readonly interrupted: boolean;
}

const CASE_CHARS = 2_000;

/** Runs one chunk. The worker's default export. */
export default async function runChunk(task: ChunkTask): Promise<ChunkResult> {
  const checked = await prepared(task.registry, task.property, task.engine, task.engineCommand);
  task.started?.postMessage("start");
  const counts: Counts = {};
  state.counting = counts;
  const start = performance.now();
  const params: fc.Parameters<[unknown]> = { seed: task.seed, numRuns: task.runs };
  // The plugin is typed for any property (Plugin<unknown>); it only decorates runs, whatever their values.
  if (task.timeLimitMs !== undefined)
    params.plugins = [fc.interruptAfterTimeLimit(task.timeLimitMs) as fc.Plugin<[unknown]>];
  let details: fc.RunDetails<[unknown]>;
  try {
    details = fc.check(checked, params);
  } finally {
    state.counting = null;
  }
  const ms = performance.now() - start;
  // Interrupted with no failure found: fast-check calls that a failure only when no case passed.
  const cutShort = details.interrupted && details.counterexample === null;
  return {
    property: task.property,
    chunk: task.chunk,
    seed: task.seed,
    runs: details.numRuns,
    skipped: details.numSkips,
    ms,
    coverage: sortedCounts(counts),
    counterexample: details.failed && !cutShort ? counterexampleOf(details) : null,
    interrupted: cutShort,
  };
}

export interface DescribeTask {
  readonly registry: string;
  readonly engine?: string;
  readonly engineCommand?: EngineCommand;
  /** `--properties`: comma-separated globs over the registry's names. */
  readonly globs: string;
}

export interface PropertyTitle {
  /** Registry name. */
  readonly name: string;
  /** The property's own name: the invariant. */
  readonly title: string;
}

/** The properties a run checks, with their titles; each factory is called once (an error surfaces here). */
export async function describe(task: DescribeTask): Promise<PropertyTitle[]> {
  const registry = await loadRegistry(task.registry);
  const silent: CheckContext = {
    engine: await loadEngineUnderTest(task.engine),
    ...(task.engineCommand === undefined ? {} : { engineCommand: task.engineCommand }),
    coverage: () => {},
  };
  return selectProperties(Object.keys(registry), task.globs).map((name) => ({
    name,
    title: factoryOf(registry, name, task.registry)(silent).name,
  }));
}

/** Starts loading the registry and engine modules in this thread, ahead of the first chunk (errors surface there). */
export function preload(registry: string | undefined, engine: string | undefined): void {
  if (registry !== undefined) loadRegistry(registry).catch(() => {});
  loadEngineUnderTest(engine).catch(() => {});
}

/** The registry a module exports as PROPERTIES. */
export async function loadRegistry(url: string): Promise<PropertyRegistry> {
  const { PROPERTIES: registry } = (await import(url)) as { PROPERTIES?: unknown };
  if (typeof registry !== "object" || registry === null) {
    const module = url.startsWith("file:") ? fileURLToPath(url) : url;
    throw new Error(`module ${module} exports no PROPERTIES (a record of name -> property factory)`);
  }
  return registry as PropertyRegistry;
}

/** The registry's property `name`, or an error listing the names it has. */
export function factoryOf(registry: PropertyRegistry, name: string, url: string): PropertyRegistry[string] {
  const factory = registry[name];
  if (typeof factory !== "function") {
    throw new Error(`unknown property "${name}" (registry ${url} has: ${Object.keys(registry).join(", ")})`);
  }
  return factory;
}

// ---------------------------------------------------------------------------------------------

/**
 * Coverage is counted into `counting` while fast-check draws the chunk's cases; the first failure
 * stops it, so that shrinking (which re-runs the check on smaller cases) adds nothing.
 */
const state: { counting: Counts | null } = { counting: null };

/** The chunk's context: its engine under test, and coverage counted while `state.counting` is set. */
function contextFor(engine: Engine, engineCommand: EngineCommand | undefined): CheckContext {
  return {
    engine,
    ...(engineCommand === undefined ? {} : { engineCommand }),
    coverage(add) {
      if (state.counting !== null) add(state.counting);
    },
  };
}

/** fast-check properties built in this thread, by registry, engine module and name. */
const built = new Map<string, Promise<fc.IPropertyWithHooks<[unknown]>>>();

function prepared(
  registry: string,
  name: string,
  engine: string | undefined,
  engineCommand: EngineCommand | undefined,
): Promise<fc.IPropertyWithHooks<[unknown]>> {
  const key = `${registry}\n${engine ?? ""}\n${JSON.stringify(engineCommand ?? null)}\n${name}`;
  let found = built.get(key);
  if (found === undefined) {
    found = Promise.all([loadRegistry(registry), loadEngineUnderTest(engine)]).then(([r, e]) =>
      asFastCheck(stopCountingOnFailure(factoryOf(r, name, registry)(contextFor(e, engineCommand)))),
    );
    built.set(key, found);
  }
  return found;
}

function stopCountingOnFailure<T>(p: Property<T>): Property<T> {
  return property(p.name, p.arbitrary, (value) => {
    try {
      p.check(value);
    } catch (error) {
      if (!fc.PreconditionFailure.isFailure(error)) state.counting = null;
      throw error;
    }
  });
}

function counterexampleOf(details: fc.RunDetails<[unknown]>): Counterexample {
  const error =
    details.errorInstance !== null && details.errorInstance !== undefined
      ? errorText(details.errorInstance)
      : (fc.defaultReportMessage(details) ?? "property failed").split("\n")[0];
  const shown = details.counterexample === null ? "" : fc.stringify(details.counterexample[0]);
  return {
    path: details.counterexamplePath,
    runs: details.numRuns,
    shrinks: details.numShrinks,
    shrinkInterrupted: details.interrupted,
    error,
    case: shown.length > CASE_CHARS ? `${shown.slice(0, CASE_CHARS)}...` : shown,
  };
}
