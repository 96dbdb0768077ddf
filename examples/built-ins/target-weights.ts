// Built-in `target-weights` (`assay run target-weights --param file=weights.csv`): the portfolio a
// CSV of `date,symbol,weight` rows asks for, held through fromTargets. At the close of each date
// in the file the engine rebalances to its weights (fractions of equity, negative = short; a
// symbol the date does not list goes to 0), selling first and scaling the buys together; between
// dates it holds. Orders fill at the next open.
import { basename } from "node:path";
import { loadWeightsCsv } from "../../src/data/weights-csv.ts";
import type { Panel } from "../../src/model/index.ts";
import type { DeclarativeStrategy } from "../../src/strategy/from-orders.ts";
import { fromTargets } from "../../src/strategy/from-targets.ts";

/** The weights file is read against `panel`: its symbols and dates must be the data's. */
export function targetWeightsFromCsv(file: string, panel: Panel): DeclarativeStrategy {
  return fromTargets({ weights: loadWeightsCsv(file, panel), name: `target-weights(${basename(file)})` });
}
