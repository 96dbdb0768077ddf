// `assay stress`: every number of the report, from a run's merged outcomes (chunk.ts). Plain
// sampling gets the whole report; importance-sampled paths the event probabilities only, since
// their distributions are the tilted model's, not the real one's.
import {
  checkedChunk,
  firstWeightedPath,
  OUTCOME_EVENTS,
  type OutcomeChunk,
  type OutcomeEvent,
} from "../chunk.ts";
import {
  expectedShortfall,
  type Histogram,
  histogram,
  quantiles,
  REPORT_PROBABILITIES,
} from "./distribution.ts";
import { type Fan, fanQuantiles } from "./fan.ts";
import { eventProbability, type Proportion } from "./proportion.ts";
import { type SurvivalCurve, timeToEvent } from "./survival.ts";
import { type WeightedProportion, weightedEventProbability } from "./weighted.ts";
import { type WorstPath, worstPaths } from "./worst.ts";

export interface Spread {
  /** At REPORT_PROBABILITIES (5, 25, 50, 75, 95 %), type 7. */
  readonly quantiles: number[];
  readonly histogram: Histogram;
}

export interface StressEstimates {
  readonly paths: number;
  readonly probabilities: { readonly [event in OutcomeEvent]: Proportion };
  readonly survival: { readonly marginCall: SurvivalCurve; readonly ruin: SurvivalCurve };
  readonly finalEquity: Spread;
  readonly cagr: Spread;
  readonly maxDrawdown: Spread;
  /** Mean final equity of the worst 5 % and 1 % of paths. */
  readonly expectedShortfall: { readonly level95: number; readonly level99: number };
  readonly fan: Fan;
  readonly worst: WorstPath[];
}

const DEFAULT_WORST_PATHS = 10;

/** The report's numbers over plainly sampled paths (every weight 1). */
export function estimateStress(chunk: OutcomeChunk, worst = DEFAULT_WORST_PATHS): StressEstimates {
  checkedChunk(chunk);
  const weighted = firstWeightedPath(chunk);
  if (weighted >= 0)
    throw new Error(
      `stress estimates: path ${weighted} is importance-weighted; use importanceEstimates for a tilted run`,
    );
  const spread = (values: Float64Array): Spread => ({
    quantiles: quantiles(values, REPORT_PROBABILITIES),
    histogram: histogram(values),
  });
  return {
    paths: chunk.paths,
    probabilities: byEvent((event) => eventProbability(chunk, event)),
    survival: { marginCall: timeToEvent(chunk, "marginCall"), ruin: timeToEvent(chunk, "bankrupt") },
    finalEquity: spread(chunk.finalEquity),
    cagr: spread(chunk.cagr),
    maxDrawdown: spread(chunk.maxDrawdown),
    expectedShortfall: {
      level95: expectedShortfall(chunk.finalEquity, 0.95),
      level99: expectedShortfall(chunk.finalEquity, 0.99),
    },
    fan: fanQuantiles(chunk),
    worst: worstPaths(chunk, worst),
  };
}

/** The event probabilities of importance-sampled paths, each path weighted by its likelihood ratio. */
export function importanceEstimates(chunk: OutcomeChunk): {
  readonly [event in OutcomeEvent]: WeightedProportion;
} {
  checkedChunk(chunk);
  return byEvent((event) => weightedEventProbability(chunk, event));
}

function byEvent<T>(of: (event: OutcomeEvent) => T): { readonly [event in OutcomeEvent]: T } {
  return Object.fromEntries(OUTCOME_EVENTS.map((event) => [event, of(event)])) as {
    readonly [event in OutcomeEvent]: T;
  };
}
