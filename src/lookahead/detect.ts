// Look-ahead detection (assay lookahead): a strategy reads the future when a decision it made at
// or before bar t changes once the bars after t change. The strategy runs on the real data, then,
// for each sampled bar t, is made again from its source on a panel whose bars after t are
// perturbed (perturb.ts) and run through bar t; any decision at or before t that differs
// (compare.ts) is a finding. A sampled test, not a proof (docs/lookahead.md).
import { runBacktest } from "../api/backtest.ts";
import { StrategyError } from "../api/guard.ts";
import { type Engine, isoDate, type Panel, type RunConfig, type Strategy } from "../model/index.ts";
import { type Change, firstChange } from "./compare.ts";
import { type Decision, recording, StopRecording } from "./decisions.ts";
import { perturbAfter } from "./perturb.ts";
import { describeDecisions } from "./render.ts";

export interface LookaheadInput {
  /** The real data, checked against the config (runConfigFor). */
  readonly panel: Panel;
  readonly config: RunConfig;
  /**
   * The strategy made from its source for a panel: a factory called again with that data, so that
   * what it computed from the panel (a declarative spec's arrays, say) is computed from it anew.
   */
  readonly build: (panel: Panel) => Strategy | Promise<Strategy>;
  readonly engine: Engine;
  /** The bars t to test (sampleBars). */
  readonly bars: readonly number[];
  /** Seeds the perturbed paths. */
  readonly seed: number;
  /**
   * Called after each run (two on the real data, then one per bar tested: bars.length + 2 in all),
   * with the runs done and how many bars found a change.
   */
  readonly onProgress?: (runs: number, found: number) => void;
}

/** A change found with the bars after `after` perturbed. */
export interface Finding extends Change {
  readonly after: number;
}

export interface LookaheadReport {
  readonly strategy: string;
  readonly seed: number;
  readonly bars: readonly number[];
  /** The decisions of the run on the real data. */
  readonly decisions: number;
  /** Decisions compared, over all bars tested (each compares those at or before its t). */
  readonly compared: number;
  /** In the order of `bars`; empty when no look-ahead was found. */
  readonly findings: readonly Finding[];
}

export async function detectLookahead(input: LookaheadInput): Promise<LookaheadReport> {
  const { panel, bars } = input;
  const strategy = await input.build(panel);
  const base = decisionsOf(input, panel, strategy);
  input.onProgress?.(1, 0);
  // A strategy whose runs differ on the same data would show changes that are no look-ahead.
  const rerun = decisionsOf(input, panel, await input.build(panel));
  input.onProgress?.(2, 0);
  const again = firstChange(base, rerun, Number.POSITIVE_INFINITY, panel.symbols);
  if (again !== null)
    throw new Error(
      `strategy "${strategy.name}": two runs on the same data decided differently at t=${again.t} (${isoDate(panel.times[again.t])}): ${describeDecisions(again.base)} vs ${describeDecisions(again.perturbed)}; the look-ahead test needs repeatable runs (no Math.random or clock, and state kept per run: perRun, or a factory's closure)`,
    );
  const findings: Finding[] = [];
  let compared = 0;
  for (const [done, t] of bars.entries()) {
    compared += base.filter((decision) => decision.t <= t).length;
    const change = await checkBar(input, base, t);
    if (change !== null) findings.push({ after: t, ...change });
    input.onProgress?.(done + 3, findings.length);
  }
  return { strategy: strategy.name, seed: input.seed, bars, decisions: base.length, compared, findings };
}

/**
 * One bar's test: the strategy made again on the panel with the bars after t perturbed, run
 * through bar t, its decisions against `base` (the run on the real data).
 */
export async function checkBar(
  input: LookaheadInput,
  base: readonly Decision[],
  t: number,
): Promise<Change | null> {
  const ticks = input.config.instruments.map((instrument) => instrument.tickSize);
  const panel = perturbAfter(input.panel, t, ticks, input.seed);
  let decisions: Decision[];
  try {
    decisions = decisionsOf(input, panel, await input.build(panel), t);
  } catch (error) {
    throw new Error(`the run with the bars after t=${t} perturbed failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return firstChange(base, decisions, t, input.panel.symbols);
}

/** The decisions of a run on `panel` (through bar `through` only, when given). */
export function decisionsOf(
  input: LookaheadInput,
  panel: Panel,
  strategy: Strategy,
  through?: number,
): Decision[] {
  const recorder = recording(strategy, through);
  try {
    runBacktest(panel, input.config, recorder.strategy, input.engine);
  } catch (error) {
    if (!(error instanceof StrategyError && error.cause instanceof StopRecording)) throw error;
  }
  return recorder.decisions;
}
