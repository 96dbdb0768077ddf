// `assay stress`: the equity fan chart, the quantiles of equity across the paths at each fan bar.
import type { OutcomeChunk } from "../chunk.ts";
import { quantiles, REPORT_PROBABILITIES } from "./distribution.ts";

export interface Fan {
  readonly fanBars: number[];
  readonly probabilities: number[];
  /** bands[k][j]: the probabilities[k] quantile (type 7) of the paths' equity at fanBars[j]. */
  readonly bands: number[][];
}

export function fanQuantiles(
  chunk: OutcomeChunk,
  probabilities: readonly number[] = REPORT_PROBABILITIES,
): Fan {
  const fan = chunk.fanBars.length;
  const byBar = Array.from(chunk.fanBars, (_, j) =>
    quantiles(
      Float64Array.from({ length: chunk.paths }, (_, i) => chunk.fanEquity[i * fan + j]),
      probabilities,
    ),
  );
  return {
    fanBars: Array.from(chunk.fanBars),
    probabilities: [...probabilities],
    bands: probabilities.map((_, k) => byBar.map((row) => row[k])),
  };
}
