// SPEC 10: `assay replay`: a failure of `assay check` reproduced in this process from its chunk
// seed and fast-check path (straight to the shrunk case), printed, and written as a golden-format
// scenario into scenarios/regressions/<property>-<seed>.json. The written input is read back and
// checked again, so the file says whether it still fails; its `expected` is what the reference
// engine produced on it (nothing when the reference throws): a regression, not a hand computation.
import { join } from "node:path";
import fc from "fast-check";
import { runReference } from "../../properties/invariants.ts";
import { asFastCheck } from "../../properties/property.ts";
import { NO_COVERAGE } from "../../properties/registry.ts";
import type { RunCase } from "../../properties/run-input.ts";
import { referenceEngine } from "../../reference/engine.ts";
import { resolveConfig } from "../config/resolve.ts";
import { goldenRun } from "../golden/adapt.ts";
import { readGoldenFile } from "../golden/format.ts";
import { readInput } from "../golden/parse.ts";
import { ShapeReader } from "../golden/shape.ts";
import type { BarContext } from "../model/index.ts";
import type { EngineCommand } from "../protocol/engine-process.ts";
import { scheduledOrders } from "../strategy/declarative.ts";
import { loadEngineUnderTest } from "./engine-module.ts";
import { errorText } from "./error-text.ts";
import { replayCommand, writeWhole } from "./report.ts";
import { DEFAULT_CHUNK_SIZE, resolveEngineModule, resolveRegistry } from "./runner.ts";
import { type Decision, isRunCase, type ScenarioCase, scenarioExpected, scenarioInput } from "./scenario.ts";
import { factoryOf, loadRegistry } from "./task.ts";

export const REGRESSIONS_DIR = "scenarios/regressions";
export const REGRESSION_PEER = "assay-spec regression";

export interface ReplayOptions {
  readonly property: string;
  /** The chunk's fast-check seed (a report's counterexample or crashed entry). */
  readonly seed: number;
  /** fast-check's path to the shrunk case; without it the whole chunk (`runs` cases) runs and shrinks. */
  readonly path?: string;
  readonly runs?: number;
  /** The registry module (default properties/registry.ts), as for runCheck. */
  readonly registry?: string;
  /** The engine under test's module (default the fast engine), as for runCheck. */
  readonly engine?: string;
  /** The engine process (`--engine-cmd`), as for runCheck. */
  readonly engineCommand?: EngineCommand;
  /** Folder of the scenario file (default scenarios/regressions). */
  readonly outDir?: string;
}

export interface ReplayOutcome {
  /** The property failed on the replayed case. */
  readonly failed: boolean;
  readonly title: string;
  readonly error: string | null;
  readonly path: string | null;
  /** fc.stringify of the shrunk case. */
  readonly shown: string | null;
  /** The scenario written, or null (no failure, or a case that is not a RunCase). */
  readonly file: string | null;
  /** The written input fails the property too (null when nothing was written). */
  readonly reproduces: boolean | null;
  /** Requests left out of the file, the reference's fate on it, why nothing was written. */
  readonly notes: readonly string[];
}

export async function replay(options: ReplayOptions): Promise<ReplayOutcome> {
  const registryUrl = resolveRegistry(options.registry);
  const registry = await loadRegistry(registryUrl);
  const engine = await loadEngineUnderTest(resolveEngineModule(options.engine));
  const engineCommand = options.engineCommand;
  const p = factoryOf(
    registry,
    options.property,
    registryUrl,
  )({ ...NO_COVERAGE, engine, ...(engineCommand === undefined ? {} : { engineCommand }) });
  const params: fc.Parameters<[unknown]> =
    options.path === undefined
      ? { seed: options.seed, numRuns: options.runs ?? DEFAULT_CHUNK_SIZE }
      : { seed: options.seed, path: options.path };
  const details = fc.check(asFastCheck(p), params);
  const none = { title: p.name, file: null, reproduces: null };
  if (!details.failed) {
    return { ...none, failed: false, error: null, path: null, shown: null, notes: [] };
  }
  const error =
    details.errorInstance === null
      ? (fc.defaultReportMessage(details) ?? "property failed")
      : errorText(details.errorInstance);
  const path = details.counterexamplePath;
  const value = details.counterexample?.[0];
  const shown = value === undefined ? null : fc.stringify(value);
  if (!isRunCase(value)) {
    return {
      ...none,
      failed: true,
      error,
      path,
      shown,
      notes: ["the case is not a RunCase (panel, configInput, ordersByBar): no scenario written"],
    };
  }

  const name = `${options.property}-${options.seed}`;
  const source = `${name}.json`;
  const { golden, omitted, rewritten, dates } = scenarioInput(value, decisionsOf(value));
  const input = readInput(new ShapeReader(source), golden);
  const run = goldenRun({ source, name, peer: REGRESSION_PEER, input, expected: {} });
  const written: RunCase = { panel: run.panel, configInput: run.configInput, ordersByBar: run.ordersByBar };

  let writtenError: string | null = null;
  let skipped = false;
  try {
    p.check(written);
  } catch (thrown) {
    if (fc.PreconditionFailure.isFailure(thrown)) skipped = true;
    else writtenError = errorText(thrown);
  }
  const notes = [...rewritten, ...omitted];
  let expected: Record<string, unknown> = {};
  try {
    const reference = runReference(written);
    expected = scenarioExpected(reference.records, dates);
    notes.push("expected: the reference engine's records on this input when the file was written");
  } catch (thrown) {
    notes.push(`expected left empty: the reference engine throws on this input: ${errorText(thrown)}`);
  }
  const reproduces = writtenError !== null;
  notes.push(
    reproduces
      ? `the written input fails the property too: ${writtenError}`
      : skipped
        ? "the written input is skipped by the property (a known issue, known-issues.ts)"
        : "the written input does NOT fail the property: a left-out request mattered; use the printed case",
  );
  const replayLine = replayCommand({
    property: options.property,
    seed: options.seed,
    ...(path === null ? { runs: options.runs ?? DEFAULT_CHUNK_SIZE } : { path }),
    registry: options.registry,
    engine: options.engine,
    engineCommand,
  });
  const scenario = {
    name,
    peer: REGRESSION_PEER,
    about: `shrunk counterexample of ${options.property} ("${p.name}"), seed ${options.seed}, path ${path}: ${error}`,
    spec: ["10"],
    why: [
      `found by assay check; replays with: ${replayLine}`,
      "not hand-computed: check expected by hand (SPEC) before trusting it, and add the arithmetic here",
      ...notes,
    ],
    input: golden,
    expected,
  };
  const file = join(options.outDir ?? REGRESSIONS_DIR, source);
  writeWhole(file, `${JSON.stringify(scenario, null, 1)}\n`);
  // A file with expected records must read back as a golden file; one without cannot (nothing to compare).
  if (Object.keys(expected).length > 0) readGoldenFile(file);
  return { title: p.name, failed: true, error, path, shown, file, reproduces, notes };
}

/**
 * The account at each decision of the case's run on the reference engine, as its strategy sees
 * it (up to where the run stops, when it throws): what SPEC 6.4 sizes requests from.
 */
function decisionsOf(runCase: ScenarioCase): Map<number, Decision> {
  const decisions = new Map<number, Decision>();
  const inner = scheduledOrders(runCase.ordersByBar);
  const strategy = {
    name: inner.name,
    onBar(ctx: BarContext) {
      decisions.set(ctx.t, {
        equity: ctx.account.equity,
        positions: ctx.symbols.map((_, i) => ctx.account.position(i)),
      });
      inner.onBar(ctx);
    },
  };
  try {
    const config = resolveConfig(runCase.configInput, runCase.panel.symbols, "generated config");
    referenceEngine.run(runCase.panel, config, strategy);
  } catch {
    // The decisions up to the failure are what the written orders need.
  }
  return decisions;
}
