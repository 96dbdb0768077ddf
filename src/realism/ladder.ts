// `assay realism`: one strategy up a ladder of realism, from frictionless to the user's config,
// one family of assumptions added per rung. A rung is the user's config with every family above
// it set to its frictionless value, so the last rung is the user's config itself and each rung's
// effect is what its family alone adds on top of the ones below.
import type { ConfigInput } from "../config/input.ts";

export interface Rung {
  /** Short name, as tables and charts show it. */
  readonly name: string;
  /** What the rung adds, in words. */
  readonly adds: string;
  /** The config keys of its family, with their frictionless values. */
  readonly frictionless: Readonly<ConfigInput>;
}

/**
 * The ladder, bottom first. The bottom is frictionless: no costs, no volume limit, zero-volume
 * bars fill, no impact, and no margin: a margin account with `shortCash` (Backtrader's broker:
 * the only rule is cash >= 0, short proceeds counting as cash), no leverage cap, margin calls
 * ignored, no interest or borrow fees; trades settle at once.
 */
export const RUNGS: readonly Rung[] = [
  {
    name: "+ costs",
    adds: "commission and slippage",
    frictionless: { commission: { model: "percent", rate: 0 }, slippage: { model: "fixedBps", bps: 0 } },
  },
  {
    name: "+ volume caps",
    adds: "maxParticipation: a share of each bar's volume at most",
    frictionless: { maxParticipation: null },
  },
  {
    name: "+ zero-volume policy",
    adds: "onZeroVolume: what a bar without volume fills",
    frictionless: { onZeroVolume: "fill" },
  },
  { name: "+ impact", adds: "market impact", frictionless: { impact: { model: "none" } } },
  {
    name: "+ margin and financing",
    adds: "the account's margin rules, leverage caps, margin calls, interest and borrow fees",
    frictionless: {
      account: "margin",
      shortCash: true,
      maxGrossLeverage: null,
      maxNetLeverage: null,
      onMarginCall: "ignore",
      debitRate: 0,
      creditRate: 0,
      shortRebateRate: 0,
      borrowRate: 0,
    },
  },
  { name: "+ settlement", adds: "settlement of sales (cash accounts)", frictionless: { settlement: 0 } },
];

export const FRICTIONLESS = "frictionless";

export interface LadderStep {
  readonly name: string;
  readonly adds: string;
  readonly configInput: ConfigInput;
}

/**
 * The configs of the ladder: frictionless, then one per rung, the last `target` itself. A
 * futures account keeps its account and margins on every rung (a futures contract has no
 * frictionless margin: its margins are the instrument's terms), so its margin rung adds the
 * financing alone.
 */
export function ladderSteps(target: ConfigInput): LadderStep[] {
  const futures = target.account === "futures";
  const above = (i: number): ConfigInput => {
    let input: ConfigInput = { ...target };
    for (const rung of RUNGS.slice(i)) input = { ...input, ...frictionlessOf(rung, futures) };
    return input;
  };
  return [
    {
      name: FRICTIONLESS,
      adds: "nothing: no costs, no volume limit, zero-volume bars fill, no impact, no margin (cash >= 0, short proceeds as cash), no interest, immediate settlement",
      configInput: above(0),
    },
    ...RUNGS.map((rung, i) => ({ name: rung.name, adds: rung.adds, configInput: above(i + 1) })),
  ];
}

function frictionlessOf(rung: Rung, futures: boolean): ConfigInput {
  if (!futures) return rung.frictionless;
  const { account: _account, shortCash: _shortCash, ...rest } = rung.frictionless;
  return rest;
}
