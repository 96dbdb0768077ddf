// SPEC 6.5, 9 and 10 (I3, I4, I6, I9, I12): checks on the records of a finished run, each
// recomputed from the records and the panel alone. Every check is a small named function that
// throws a RecordCheckError naming the check, the order or bar, and the numbers. Quantities are
// summed as exact decimals (lot 0.01 quantities do not add exactly in float64).

import type { RecordCheck } from "./checks/common.ts";
import {
  fillLegsAddUp,
  fillPricesAreNotNegative,
  fillsAfterDecision,
  fillsSumToFilledQty,
  noFillOnMissingBar,
  noFillOnZeroVolumeBar,
  onlyForcedFillsAfterBankruptcy,
} from "./checks/fills.ts";
import {
  everyOrderIsFinal,
  invalidRequestsAreRejected,
  orderIdsAreSequential,
  reasonsFromClosedSet,
  statusAgreesWithFilledQty,
} from "./checks/orders.ts";
import { cashAccountIsLongAndSolvent, positionsAreSumOfFills } from "./checks/series.ts";

export { type FinishedRun, type RecordCheck, RecordCheckError } from "./checks/common.ts";
export * from "./checks/fills.ts";
export * from "./checks/orders.ts";
export * from "./checks/series.ts";

/** Every post-run check, in the order they run. */
export const POST_RUN_CHECKS: readonly RecordCheck[] = [
  everyOrderIsFinal,
  orderIdsAreSequential,
  reasonsFromClosedSet,
  statusAgreesWithFilledQty,
  fillsSumToFilledQty,
  fillLegsAddUp,
  fillPricesAreNotNegative,
  fillsAfterDecision,
  positionsAreSumOfFills,
  cashAccountIsLongAndSolvent,
  noFillOnMissingBar,
  noFillOnZeroVolumeBar,
  invalidRequestsAreRejected,
  onlyForcedFillsAfterBankruptcy,
];
