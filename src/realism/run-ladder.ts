// The ladder run: the strategy under each step's config on one engine, and each step's headline
// numbers with its effect against the step below.
import { runBacktest } from "../api/backtest.ts";
import { type RunHeadline, runHeadline } from "../api/headline.ts";
import { runConfigFor } from "../api/run.ts";
import { diffRecords } from "../compare/index.ts";
import type { ConfigInput } from "../config/input.ts";
import type { Engine, Panel, RunConfig, Strategy } from "../model/index.ts";
import { type LadderStep, ladderSteps } from "./ladder.ts";

export interface LadderInputs {
  readonly panel: Panel;
  /** The user's config (file and --set): the top of the ladder. */
  readonly configInput: ConfigInput;
  readonly labels: { readonly config: string; readonly data: string };
  /** A fresh strategy for each step (a strategy may keep state). */
  readonly build: () => Promise<Strategy>;
  readonly engine: Engine;
}

export interface StepResult extends RunHeadline {
  readonly name: string;
  readonly adds: string;
  readonly trades: number;
  /** Commission, slippage, impact, financing and borrow fees, as money paid. */
  readonly costs: number;
  readonly marginCalls: number;
  readonly liquidations: number;
  readonly bankrupt: string | null;
  /** Same records as the step below: the family changed nothing for this strategy and data. */
  readonly unchanged: boolean;
  /** Equity at each bar's close. */
  readonly equity: readonly number[];
}

export interface Ladder {
  readonly steps: readonly StepResult[];
  /** The top step's resolved config: the user's. */
  readonly config: RunConfig;
}

export async function runLadder(inputs: LadderInputs): Promise<Ladder> {
  const { panel, labels } = inputs;
  const steps: StepResult[] = [];
  let below: ReturnType<typeof runBacktest> | null = null;
  let config: RunConfig | null = null;
  for (const step of ladderSteps(inputs.configInput)) {
    config = configOf(panel, step, labels);
    const result = runBacktest(panel, config, await inputs.build(), inputs.engine);
    steps.push(
      stepResult(step, result, below === null ? false : diffRecords(below.records, result.records) === null),
    );
    below = result;
  }
  return { steps, config: config as RunConfig };
}

/** A step's config; an error names the step, as a rung's frictionless keys may meet the user's. */
function configOf(panel: Panel, step: LadderStep, labels: LadderInputs["labels"]): RunConfig {
  try {
    return runConfigFor(panel, step.configInput, {
      ...labels,
      config: `${labels.config} (realism step "${step.name}")`,
    });
  } catch (error) {
    throw new Error(`realism step "${step.name}": ${(error as Error).message}`, { cause: error });
  }
}

function stepResult(
  step: LadderStep,
  result: ReturnType<typeof runBacktest>,
  unchanged: boolean,
): StepResult {
  const { summary, records } = result;
  const costs = summary.costs;
  return {
    name: step.name,
    adds: step.adds,
    ...runHeadline(result),
    trades: summary.trades,
    costs: costs.commission + costs.slippage + costs.impact + costs.financing,
    marginCalls: summary.marginCalls,
    liquidations: summary.liquidations,
    bankrupt: summary.bankrupt,
    unchanged,
    equity: Array.from(records.series.equity),
  };
}
