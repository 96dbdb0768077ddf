// SPEC 6.5, 9, 10 (I1-I4, I6-I9, I11, I12, I14) and 12 (callCured, cash flows): checks on the records of a finished run, each
// recomputed from the records and the panel alone. Every check is a small named function that
// throws a RecordCheckError naming the check, the order or bar, and the numbers. Quantities are
// summed as exact decimals (lot 0.01 quantities do not add exactly in float64).

import {
  cashIsTheLedger,
  equityIsCashPlusPositions,
  pnlIsAttributed,
  tradesAddUp,
} from "./checks/accounting.ts";
import { cashFlowsAreApplied } from "./checks/cash-flows.ts";
import type { RecordCheck } from "./checks/common.ts";
import {
  marketFillsAtTheirBase,
  marketOrdersWaitOnlyWhenDeferred,
  valueOrdersSizedAtDecisionPrice,
} from "./checks/decisions.ts";
import {
  fillLegsAddUp,
  fillPricesAreInBar,
  fillPricesAreNotNegative,
  fillsAfterDecision,
  fillsSumToFilledQty,
  fillsWithinParticipation,
  noFillOnMissingBar,
  noFillOnZeroVolumeBar,
  onlyForcedFillsAfterBankruptcy,
} from "./checks/fills.ts";
import { earlySalesAreViolations } from "./checks/good-faith.ts";
import { liquidationsStopWhenTheCallIsCured } from "./checks/liquidation.ts";
import {
  everyOrderIsFinal,
  invalidRequestsAreRejected,
  orderIdsAreSequential,
  reasonsFromClosedSet,
  statusAgreesWithFilledQty,
} from "./checks/orders.ts";
import { cashAccountIsLongAndSolvent, positionsAreSumOfFills } from "./checks/series.ts";
import { slipMatchHoldsBeyondBar, slipOpenSparesOpens } from "./checks/slippage.ts";

export * from "./checks/accounting.ts";
export * from "./checks/cash-flows.ts";
export { type FinishedRun, type RecordCheck, RecordCheckError } from "./checks/common.ts";
export * from "./checks/decisions.ts";
export * from "./checks/fills.ts";
export * from "./checks/good-faith.ts";
export * from "./checks/liquidation.ts";
export * from "./checks/orders.ts";
export * from "./checks/series.ts";
export * from "./checks/slippage.ts";

/** Every post-run check, in the order they run. */
export const POST_RUN_CHECKS: readonly RecordCheck[] = [
  everyOrderIsFinal,
  orderIdsAreSequential,
  reasonsFromClosedSet,
  statusAgreesWithFilledQty,
  fillsSumToFilledQty,
  fillLegsAddUp,
  fillPricesAreNotNegative,
  fillPricesAreInBar,
  slipOpenSparesOpens,
  slipMatchHoldsBeyondBar,
  fillsAfterDecision,
  marketFillsAtTheirBase,
  marketOrdersWaitOnlyWhenDeferred,
  valueOrdersSizedAtDecisionPrice,
  positionsAreSumOfFills,
  cashAccountIsLongAndSolvent,
  earlySalesAreViolations,
  noFillOnMissingBar,
  noFillOnZeroVolumeBar,
  fillsWithinParticipation,
  invalidRequestsAreRejected,
  onlyForcedFillsAfterBankruptcy,
  liquidationsStopWhenTheCallIsCured,
  equityIsCashPlusPositions,
  cashIsTheLedger,
  cashFlowsAreApplied,
  pnlIsAttributed,
  tradesAddUp,
];
