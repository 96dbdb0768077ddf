import { describe, expect, it } from "vitest";
import { runReference } from "../../properties/invariants.ts";
import {
  cashAccountIsLongAndSolvent,
  cashIsTheLedger,
  equityIsCashPlusPositions,
  everyOrderIsFinal,
  type FinishedRun,
  fillLegsAddUp,
  fillPricesAreNotNegative,
  fillsAfterDecision,
  fillsSumToFilledQty,
  noFillOnMissingBar,
  noFillOnZeroVolumeBar,
  onlyForcedFillsAfterBankruptcy,
  POST_RUN_CHECKS,
  pnlIsAttributed,
  positionsAreSumOfFills,
  type RecordCheck,
  reasonsFromClosedSet,
  statusAgreesWithFilledQty,
  tradesAddUp,
} from "../../properties/record-checks.ts";
import type { RunCase } from "../../properties/run-input.ts";
import type { FillRecord, OrderRecord, Records } from "../../src/model/index.ts";

const DAY_MS = 86_400_000;
const NAN = Number.NaN;

/** One asset, 4 bars: bar 2 has volume 0, bar 3 is missing. Buy 10 at t=0 (fills at the open of 1). */
const CASE: RunCase = {
  panel: {
    symbols: ["A"],
    times: Float64Array.from([0, 1, 2, 3], (t) => Date.UTC(2024, 0, 2) + t * DAY_MS),
    open: Float64Array.from([10, 10, 10, NAN]),
    high: Float64Array.from([11, 11, 11, NAN]),
    low: Float64Array.from([9, 9, 9, NAN]),
    close: Float64Array.from([10, 10, 10, NAN]),
    volume: Float64Array.from([1_000, 1_000, 0, NAN]),
    extra: {},
  },
  configInput: { initialCash: 10_000, account: "cash", maxParticipation: null },
  ordersByBar: new Map([
    [0, [{ asset: "A", size: 10 }]],
    [1, [{ asset: "A", size: 5, type: "limit", limitPrice: 1 }]],
  ]),
};

function finished(): FinishedRun {
  const { config, records } = runReference(CASE);
  return { panel: CASE.panel, config, ordersByBar: CASE.ordersByBar, records };
}

/** The run with its records changed by `edit` (on a deep copy). */
function corrupted(
  edit: (orders: OrderRecord[], fills: FillRecord[], records: Records) => void,
): FinishedRun {
  const run = finished();
  const records = structuredClone(run.records);
  edit(records.orders, records.fills, records);
  return { ...run, records };
}

describe("post-run checks", () => {
  it("POST_RUN_CHECKS pass on a clean reference run (one fill, one order expired at the end)", () => {
    const run = finished();
    expect(run.records.fills.length).toBe(1);
    expect(run.records.orders.map((o) => o.status)).toEqual(["filled", "expired"]);
    for (const check of POST_RUN_CHECKS) check(run);
  });

  const cases: [RecordCheck, (o: OrderRecord[], f: FillRecord[], r: Records) => void][] = [
    [everyOrderIsFinal, (o) => Object.assign(o[1], { status: "working", doneT: null, reason: null })],
    [reasonsFromClosedSet, (o) => Object.assign(o[1], { reason: { kind: "tooLate" } })],
    [statusAgreesWithFilledQty, (o) => Object.assign(o[0], { filledQty: 5 })],
    [fillsSumToFilledQty, (_, f) => f.push({ ...f[0], qty: 1, reducingQty: 0, increasingQty: 1 })],
    [fillLegsAddUp, (_, f) => Object.assign(f[0], { reducingQty: 3 })],
    [fillPricesAreNotNegative, (_, f) => Object.assign(f[0], { fillPrice: -35 })],
    [fillsAfterDecision, (_, f) => Object.assign(f[0], { t: 0 })],
    [positionsAreSumOfFills, (_o, _f, r) => (r.series.positions[2][0] = 11)],
    [cashAccountIsLongAndSolvent, (_o, _f, r) => (r.series.cash[3] = -0.01)],
    [noFillOnZeroVolumeBar, (_, f) => Object.assign(f[0], { t: 2 })],
    [noFillOnMissingBar, (_, f) => Object.assign(f[0], { t: 3 })],
    [onlyForcedFillsAfterBankruptcy, (_, f) => Object.assign(f[0], { forced: true })],
    [equityIsCashPlusPositions, (_o, _f, r) => (r.series.equity[2] += 0.01)],
    [cashIsTheLedger, (_o, _f, r) => (r.series.cash[3] += 0.01)],
    [
      pnlIsAttributed,
      (_o, _f, r) => Object.assign(r.totals, { unrealizedPnl: r.totals.unrealizedPnl + 0.01 }),
    ],
    [tradesAddUp, (_o, _f, r) => Object.assign(r.trades[0], { pnl: r.trades[0].pnl + 0.01 })],
  ];
  for (const [check, edit] of cases) {
    it(`${check.name}() throws, naming itself, when its rule is broken`, () => {
      expect(() => check(corrupted(edit))).toThrow(new RegExp(`^${check.name}: `));
    });
  }
});

describe("statusAgreesWithFilledQty and orders of 0 units", () => {
  // sizeAtFill sends a target order whose size at the close is 0 units (1 x 1,000 of cash at
  // 143,932.27 a unit); the strategy cancels it on the same bar, before its fill bar sizes it.
  const sizedLater: RunCase = {
    panel: {
      symbols: ["A"],
      times: Float64Array.from([0, 1], (t) => Date.UTC(2024, 0, 2) + t * DAY_MS),
      open: Float64Array.from([141_013.29, 122_342.43]),
      high: Float64Array.from([143_932.27, 122_342.43]),
      low: Float64Array.from([141_013.29, 122_342.43]),
      close: Float64Array.from([143_932.27, 122_342.43]),
      volume: Float64Array.from([1e6, 1e6]),
      extra: {},
    },
    configInput: { initialCash: 1_000, account: "margin", sizeAtFill: true, maxParticipation: null },
    ordersByBar: new Map([[0, [{ asset: "A", sizeType: "targetPercent", size: 1 }]]]),
    cancelsByBar: new Map([[0, [0]]]),
  };

  it("allows a 0 kept by a sizeAtFill order cancelled before its fill bar, and no other", () => {
    const { config, records } = runReference(sizedLater);
    const run = { panel: sizedLater.panel, config, ordersByBar: sizedLater.ordersByBar, records };
    expect(records.orders.map((o) => [o.status, o.qty, o.reason?.kind])).toEqual([
      ["cancelled", 0, "cancelRequested"],
    ]);
    statusAgreesWithFilledQty(run);
    // The same record for a units order is no order at all: 0 units are never sent.
    const units = structuredClone(records);
    Object.assign(units.orders[0], { sizeType: "units" });
    expect(() => statusAgreesWithFilledQty({ ...run, records: units })).toThrow(/an order of 0 units/);
  });
});
