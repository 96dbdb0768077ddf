import { describe, expect, it } from "vitest";
import {
  compareGolden,
  type Divergence,
  goldenDivergences,
  renderDivergence,
} from "../../src/golden/compare.ts";
import type { GoldenExpected } from "../../src/golden/format.ts";
import type { Records } from "../../src/model/index.ts";
import { DATES, tinyExpected, tinyRecords } from "./fixtures.ts";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function compare(
  editExpected: (e: ReturnType<typeof tinyExpected>) => void,
  editRecords: (r: Records) => void = () => {},
) {
  const expected = tinyExpected();
  editExpected(expected);
  const records = tinyRecords();
  editRecords(records);
  return compareGolden(expected as GoldenExpected, records, DATES);
}

function render(d: Divergence | null): string {
  if (d === null) throw new Error("expected a divergence");
  return renderDivergence(d);
}

describe("compareGolden()", () => {
  it("returns null when every present field matches", () => {
    expect(compare(() => {})).toBeNull();
    expect(goldenDivergences(tinyExpected() as GoldenExpected, tinyRecords(), DATES)).toEqual([]);
  });

  it("compares only the sections and fields present", () => {
    const records = tinyRecords();
    (records.fills[1] as Mutable<(typeof records.fills)[1]>).commission = 99;
    expect(compareGolden({ finalValue: 9997.8695 }, records, DATES)).toBeNull();
    const fills = tinyExpected().fills.map(({ commission, ...rest }: Record<string, unknown>) => rest);
    expect(compareGolden({ fills } as unknown as GoldenExpected, records, DATES)).toBeNull();
  });

  it("passes a money difference within 1e-6 relative", () => {
    expect(
      compare(
        () => {},
        (r) => {
          const fill = r.fills[0] as Mutable<(typeof r.fills)[0]>;
          fill.fillPrice = 10.005 * (1 + 5e-7);
          r.series.cash[2] += 0.004;
        },
      ),
    ).toBeNull();
  });

  it("reports a fill price beyond 1e-6 relative", () => {
    const d = compare(
      () => {},
      (r) => {
        (r.fills[0] as Mutable<(typeof r.fills)[0]>).fillPrice = 10.005 * (1 + 2e-6);
      },
    );
    expect(d).toMatchObject({
      section: "fills",
      index: 0,
      field: "price",
      date: "2024-01-03",
      asset: "A",
      expected: 10.005,
    });
    expect(render(d)).toMatch(
      /^fills\[0\] \(2024-01-03 A\) price: expected 10\.005, got 10\.00502\d* \(diff 2\.00e-5\)$/,
    );
  });

  it("reports a changed quantity exactly", () => {
    const d = compare(
      () => {},
      (r) => {
        (r.fills[1] as Mutable<(typeof r.fills)[1]>).qty = 30.000001;
      },
    );
    expect(d).toMatchObject({ section: "fills", index: 1, field: "size", expected: 30, actual: 30.000001 });
  });

  it("reports a missing rejection by order id", () => {
    const d = compare(
      (e) => {
        delete e.orders;
      },
      (r) => {
        Object.assign(r.orders[1], { status: "filled", filledQty: 80, reason: null });
      },
    );
    expect(d).toMatchObject({
      section: "rejected",
      id: 2,
      field: "reason",
      expected: "insufficientBuyingPower",
      actual: "filled",
    });
    expect(render(d)).toBe(
      'rejected id=2 (2024-01-04 B) reason: expected "insufficientBuyingPower", got "filled"',
    );
  });

  it("reports a missing rejection in sequence when rows carry no order id", () => {
    const d = compare(
      (e) => {
        delete e.rejected[0].orderId;
        delete e.orders;
      },
      (r) => {
        Object.assign(r.orders[1], { reason: null });
      },
    );
    expect(d).toMatchObject({ section: "rejected", index: 0, field: "" });
    expect(render(d)).toBe(
      "rejected[0] (2024-01-04 B): expected rejection 2024-01-04 B 50 insufficientBuyingPower, got no rejection (1 expected, 0 produced)",
    );
  });

  it("reports an unexpected rejection", () => {
    const d = compare((e) => {
      e.rejected = [];
      delete e.orders;
    });
    expect(d).toMatchObject({ section: "rejected", index: 0, date: "2024-01-04", asset: "B" });
  });

  it("reports a wrong status and a wrong reason detail", () => {
    const status = compare(
      () => {},
      (r) => {
        r.orders[2].status = "cancelled";
      },
    );
    expect(status).toMatchObject({
      section: "orders",
      id: 3,
      field: "status",
      expected: "expired",
      actual: "cancelled",
    });
    const detail = compare(
      () => {},
      (r) => {
        r.orders[1].reason = { kind: "insufficientBuyingPower", required: 2100.5, available: 1400 };
      },
    );
    expect(detail).toMatchObject({
      section: "orders",
      id: 2,
      field: "reasonDetail.available",
      expected: 1500.25,
      actual: 1400,
    });
  });

  it("compares an order's deferrals by cause and a fill's unclamped price, when present", () => {
    const deferred = compare(
      (e) => {
        Object.assign(e.orders[2], { deferred: { missingBar: 1 } });
      },
      (r) => {
        Object.assign(r.orders[2], { deferred: { zeroVolume: 4, volumeCap: 0, missingBar: 2 } });
      },
    );
    expect(deferred).toMatchObject({
      section: "orders",
      id: 3,
      field: "deferred.missingBar",
      expected: 1,
      actual: 2,
    });
    const clamp = compare(
      (e) => {
        Object.assign(e.fills[0], { unclampedPrice: 10.02 });
      },
      (r) => {
        Object.assign(r.fills[0], { clamped: { unclampedPrice: 10.0200001 } });
      },
    );
    expect(clamp).toBeNull();
    const notClamped = compare((e) => {
      Object.assign(e.fills[0], { unclampedPrice: 10.02 });
    });
    expect(notClamped).toMatchObject({
      section: "fills",
      field: "unclampedPrice",
      expected: 10.02,
      actual: null,
    });
  });

  it("maps order types back to golden names", () => {
    const d = compare(
      () => {},
      (r) => {
        Object.assign(r.orders[1], { sizeType: "targetValue" });
      },
    );
    expect(d).toMatchObject({
      section: "orders",
      id: 2,
      field: "type",
      expected: "target-percent",
      actual: "target-value",
    });
  });

  it("reports equity, final values, positions, events and ledger totals", () => {
    expect(
      compare(
        () => {},
        (r) => {
          r.series.equity[1] = 9990;
        },
      ),
    ).toMatchObject({
      section: "equity",
      index: 1,
      field: "value",
      date: "2024-01-03",
    });
    expect(
      compare(
        () => {},
        (r) => {
          r.series.positions[2][0] = 31;
        },
      ),
    ).toMatchObject({
      section: "finalPositions",
      asset: "B",
      expected: 30,
      actual: 31,
    });
    expect(
      compare(
        () => {},
        (r) => {
          r.events.pop();
        },
      ),
    ).toMatchObject({ section: "events", index: 0 });
    expect(
      compare((e) => {
        e.ledgerTotals.borrowFee = -12.5;
      }),
    ).toMatchObject({
      section: "ledgerTotals",
      field: "borrowFee",
      actual: 0,
    });
    expect(
      compare((e) => {
        e.trades[0].commission = 1.5;
      }),
    ).toMatchObject({ section: "trades", index: 0, asset: "A", field: "commission", actual: 1.0005 });
    expect(
      compare((e) => {
        e.trades[1].qty = -30;
      }),
    ).toMatchObject({ section: "trades", index: 1, field: "qty", expected: -30, actual: 30 });
    expect(
      compare((e) => {
        e.trades[0].exitDate = "2024-01-04";
      }),
    ).toMatchObject({ section: "trades", field: "exitDate", actual: null });
    expect(
      compare((e) => {
        e.trades.pop();
      }),
    ).toMatchObject({ section: "trades", index: 1, field: "" });
    expect(
      compare((e) => {
        e.events[0].until = "2024-04-01";
      }),
    ).toMatchObject({
      section: "events",
      field: "until",
      actual: "not produced",
    });
  });

  it("compares cashFlow and withdrawalRefused events field by field", () => {
    const flows = (r: Records) => {
      (r.events as Records["events"]).unshift(
        { t: 1, step: 1, kind: "withdrawalRefused", amount: -500, available: 120.5 },
        { t: 1, step: 1, kind: "cashFlow", amount: 250 },
      );
    };
    const expected = (e: ReturnType<typeof tinyExpected>) => {
      e.events.unshift(
        { kind: "withdrawalRefused", date: "2024-01-03", amount: -500, available: 120.5 },
        { kind: "cashFlow", date: "2024-01-03", amount: 250 },
      );
    };
    expect(compare(expected, flows)).toBeNull();
    expect(
      compare((e) => {
        expected(e);
        e.events[0].available = 100;
      }, flows),
    ).toMatchObject({ section: "events", index: 0, field: "available", expected: 100, actual: 120.5 });
    expect(
      compare((e) => {
        expected(e);
        e.events[1].amount = -250;
      }, flows),
    ).toMatchObject({ section: "events", index: 1, field: "amount", expected: -250, actual: 250 });
  });

  it("returns the earliest divergence by date", () => {
    const d = compare(
      () => {},
      (r) => {
        r.series.cash[2] = 0;
        r.series.equity[1] = 0;
      },
    );
    expect(d).toMatchObject({ section: "equity", date: "2024-01-03", field: "value" });
  });
});
