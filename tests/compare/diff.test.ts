import { describe, expect, it } from "vitest";
import {
  allDivergences,
  diffRecords,
  isMoneyField,
  MONEY_FIELDS,
  manifestHash,
  type RecordDivergence,
  renderRecordDivergence,
} from "../../src/compare/index.ts";
import type { EventRecord, FillRecord, OrderRecord, Records } from "../../src/model/index.ts";
import { type Mutable, tinyRecords } from "./fixtures.ts";
import { runScenario } from "./run.ts";

/** The reference's tiny records against a "fast" copy edited by `edit`. */
function diff(edit: (b: Records) => void): RecordDivergence | null {
  const b = tinyRecords("fast");
  edit(b);
  return diffRecords(tinyRecords("reference"), b);
}

function line(edit: (b: Records) => void): string {
  const d = diff(edit);
  if (d === null) throw new Error("expected a divergence");
  return renderRecordDivergence(d);
}

const fillOf = (r: Records, i: number) => r.fills[i] as Mutable<FillRecord>;
const orderOf = (r: Records, i: number) => r.orders[i] as Mutable<OrderRecord>;

describe("diffRecords()", () => {
  it("returns null for identical records, and allDivergences none", () => {
    expect(diffRecords(tinyRecords("reference"), tinyRecords("fast"))).toBeNull();
    expect(allDivergences(tinyRecords("reference"), tinyRecords("fast"))).toEqual([]);
  });

  it("passes a fill price 1e-10 relative apart and reports one 1e-8 relative apart", () => {
    expect(
      diff((b) => {
        fillOf(b, 1).fillPrice = 3512.25 * (1 + 1e-10);
      }),
    ).toBeNull();
    const fast = 3512.25 * (1 + 1e-8);
    expect(
      line((b) => {
        fillOf(b, 1).fillPrice = fast;
      }),
    ).toBe(`fills[1] t=5 asset=BKNG order=3 fillPrice: reference 3512.25 vs fast ${fast} (rel 1.0e-8)`);
  });

  it("compares large money relatively: cash 1e6 apart by 5e-10 passes, by 2e-9 fails", () => {
    const run = (x: number) => {
      const a = tinyRecords("reference");
      const b = tinyRecords("fast");
      a.series.cash[2] = 1e6;
      b.series.cash[2] = x;
      return diffRecords(a, b);
    };
    expect(run(1e6 * (1 + 5e-10))).toBeNull();
    const d = run(1e6 * (1 + 2e-9));
    expect(d).toMatchObject({ section: "series", t: 2, field: "cash", a: 1e6, money: true });
    expect(renderRecordDivergence(d as RecordDivergence)).toMatch(
      /^series t=2 cash: reference 1000000 vs fast .* \(rel 2\.0e-9\)$/,
    );
  });

  it("passes money 0 vs 5e-7 (the absolute floor) and reports 0 vs 2e-6", () => {
    expect(
      diff((b) => {
        fillOf(b, 0).impactCost = 5e-7;
      }),
    ).toBeNull();
    expect(
      line((b) => {
        fillOf(b, 0).impactCost = 2e-6;
      }),
    ).toBe("fills[0] t=1 asset=SPY order=1 impactCost: reference 0 vs fast 0.000002 (diff 2.0e-6)");
  });

  it("compares quantities exactly: 100 vs 100.0000001 diverges", () => {
    expect(
      line((b) => {
        fillOf(b, 0).qty = 100.0000001;
      }),
    ).toBe("fills[0] t=1 asset=SPY order=1 qty: reference 100 vs fast 100.0000001 (diff 1.0e-7)");
    expect(
      line((b) => {
        b.series.positions[3][0] = 100.0000001;
      }),
    ).toBe("series t=3 asset=SPY positions: reference 100 vs fast 100.0000001 (diff 1.0e-7)");
  });

  it("compares statuses exactly, dated at the bar the order ended", () => {
    expect(
      line((b) => {
        orderOf(b, 1).status = "cancelled";
      }),
    ).toBe("orders[1] t=3 asset=BKNG order=2 status: reference rejected vs fast cancelled");
  });

  it("reports an extra event in b at the first index a lacks", () => {
    const extra: EventRecord = { kind: "bankrupt", t: 5, step: 4, equity: -10, requirement: 5 };
    expect(
      line((b) => {
        b.events.push(extra);
      }),
    ).toBe(
      "events[1] t=5 record: reference absent (1 event) vs fast bankrupt t=5 step=4 equity=-10 requirement=5",
    );
  });

  it("compares every field of an event, and a different kind as a whole", () => {
    expect(
      line((b) => {
        (b.events[0] as Mutable<EventRecord>).step = 5;
      }),
    ).toBe("events[0] t=4 step: reference 4 vs fast 5");
    expect(
      line((b) => {
        b.events[0] = { kind: "bankrupt", t: 4, step: 4, equity: 20100.5, requirement: 21000 };
      }),
    ).toBe(
      "events[0] t=4 kind: reference marginCall t=4 step=4 equity=20100.5 requirement=21000 deficit=899.5" +
        " vs fast bankrupt t=4 step=4 equity=20100.5 requirement=21000",
    );
  });

  it("reports the earliest bar first: a series value at t=3 before a fill at t=5", () => {
    const edit = (b: Records) => {
      b.series.equity[3] = 30099.5;
      fillOf(b, 1).commission = 2;
    };
    expect(line(edit)).toBe("series t=3 equity: reference 30099 vs fast 30099.5 (rel 1.7e-5)");
    const all = allDivergences(
      tinyRecords("reference"),
      (() => {
        const b = tinyRecords("fast");
        edit(b);
        return b;
      })(),
    );
    expect(all.map((d) => `${d.section} ${d.field}`)).toEqual(["series equity", "fills commission"]);
  });

  it("ranks within a bar: an order's ending, fills, events, series, then orders decided at that close", () => {
    // t=4: the marginCall event, series cash, and order 3 (decided at t=4, sized from it).
    const edit = (b: Records) => {
      orderOf(b, 2).qty = -2;
      b.series.cash[4] = 19875;
      (b.events[0] as Mutable<EventRecord & { kind: "marginCall" }>).deficit = 900;
    };
    const b = tinyRecords("fast");
    edit(b);
    expect(
      allDivergences(tinyRecords("reference"), b).map((d) => `${d.section} t=${d.t} ${d.field}`),
    ).toEqual(["events t=4 deficit", "series t=4 cash", "orders t=4 qty"]);
    // An order's ending at t=5 ranks before the fill at t=5.
    const c = tinyRecords("fast");
    orderOf(c, 2).filledQty = -2;
    fillOf(c, 1).qty = -2;
    expect(diffRecords(tinyRecords("reference"), c)).toMatchObject({
      section: "orders",
      t: 5,
      field: "filledQty",
    });
  });

  it("compares reason numbers as money and the reason kind exactly", () => {
    expect(
      diff((b) => {
        orderOf(b, 1).reason = { kind: "insufficientCash", required: 17600.5000001, available: 9000 };
      }),
    ).toBeNull();
    expect(
      line((b) => {
        orderOf(b, 1).reason = { kind: "insufficientCash", required: 17600.6, available: 9000 };
      }),
    ).toBe(
      "orders[1] t=3 asset=BKNG order=2 reason.required: reference 17600.5 vs fast 17600.6 (rel 5.7e-6)",
    );
    expect(
      line((b) => {
        orderOf(b, 1).reason = { kind: "insufficientBuyingPower", required: 17600.5, available: 9000 };
      }),
    ).toBe(
      "orders[1] t=3 asset=BKNG order=2 reason: reference insufficientCash required=17600.5 available=9000" +
        " vs fast insufficientBuyingPower required=17600.5 available=9000",
    );
    expect(
      line((b) => {
        orderOf(b, 1).reason = null;
      }),
    ).toBe(
      "orders[1] t=3 asset=BKNG order=2 reason: reference insufficientCash required=17600.5 available=9000 vs fast null",
    );
    expect(
      line((b) => {
        orderOf(b, 0).reason = { kind: "scaled", k: 0.5 };
        orderOf(b, 0).doneT = 1;
      }),
    ).toBe("orders[0] t=1 asset=SPY order=1 reason: reference null vs fast scaled k=0.5");
  });

  it("compares a money-sized order's size as money and a unit size exactly", () => {
    expect(
      diff((b) => {
        orderOf(b, 2).size = -3512.2500001;
      }),
    ).toBeNull();
    expect(
      line((b) => {
        orderOf(b, 1).size = 5.0000001;
      }),
    ).toBe("orders[1] t=2 asset=BKNG order=2 size: reference 5 vs fast 5.0000001 (diff 1.0e-7)");
  });

  it("compares nested fill fields: volumeCap numbers exactly", () => {
    const a = tinyRecords("reference");
    (a.fills[0] as Mutable<FillRecord>).volumeCap = { filled: 100, cap: 100 };
    const b = tinyRecords("fast");
    fillOf(b, 0).volumeCap = { filled: 100, cap: 100.5 };
    expect(renderRecordDivergence(diffRecords(a, b) as RecordDivergence)).toBe(
      "fills[0] t=1 asset=SPY order=1 volumeCap.cap: reference 100 vs fast 100.5 (diff 5.0e-1)",
    );
    fillOf(b, 0).volumeCap = null;
    expect(diffRecords(a, b)).toMatchObject({ field: "volumeCap", a: "filled=100 cap=100", b: "null" });
  });

  it("reports a missing fill, order or bar at the first missing index", () => {
    expect(line((b) => b.fills.pop())).toBe(
      "fills[1] t=5 asset=BKNG order=3 record: reference orderId=3 t=5 asset=BKNG qty=-1 reducingQty=0" +
        " increasingQty=-1 basePrice=3512.5 fillPrice=3512.25 commission=1 slippageCost=0.25 impactCost=0" +
        " forced=false partial=false zeroVolume=false noImpactHistory=false clamped=null volumeCap=null" +
        " vs fast absent (1 fill)",
    );
    expect(diff((b) => b.orders.pop())).toMatchObject({ section: "orders", index: 2, t: 4, field: "record" });
    const d = diff((b) => {
      b.series.cash.pop();
    });
    expect(d).toMatchObject({ section: "series", t: 5, field: "cash", a: 23385.25, b: "absent (5 bars)" });
  });

  it("dates trades at entry or exit; dated sections before totals, ledger, flags, warnings, symbols", () => {
    const b = tinyRecords("fast");
    b.totals.commission = 3;
    (b.ledgerTotals as Mutable<Records["ledgerTotals"]>).borrowFee = -0.02;
    (b as Mutable<Records>).sameBarFills = true;
    b.warnings.push("another");
    (b as Mutable<Records>).symbols = ["SPY", "BKNG.X"];
    b.trades[1] = { ...b.trades[1], entryPrice: 3512 };
    b.trades[0] = { ...b.trades[0], realizedPnl: 1 };
    expect(allDivergences(tinyRecords("reference"), b).map((d) => renderRecordDivergence(d))).toEqual([
      "trades[1] t=5 asset=BKNG entryPrice: reference 3512.25 vs fast 3512 (rel 7.1e-5)",
      "trades[0] asset=SPY realizedPnl: reference 0 vs fast 1 (diff 1.0e+0)",
      "totals commission: reference 2 vs fast 3 (diff 1.0e+0)",
      "ledgerTotals borrowFee: reference -0.01 vs fast -0.02 (diff 1.0e-2)",
      "sameBarFills sameBarFills: reference false vs fast true",
      "warnings[1] warning: reference absent (1 warning) vs fast another",
      "symbols[1] symbol: reference BKNG vs fast BKNG.X",
    ]);
    expect(allDivergences(tinyRecords("reference"), b, 2)).toHaveLength(2);
  });

  it("names the sides from the records or the options", () => {
    const a = tinyRecords("reference");
    const b = tinyRecords("reference");
    fillOf(b, 0).commission = 2;
    const d = diffRecords(a, b) as RecordDivergence;
    expect(renderRecordDivergence(d)).toBe(
      "fills[0] t=1 asset=SPY order=1 commission: reference(a) 1 vs reference(b) 2 (diff 1.0e+0)",
    );
    const named = diffRecords(a, b, { names: ["run 1", "run 2"] }) as RecordDivergence;
    expect(renderRecordDivergence(named)).toContain("commission: run 1 1 vs run 2 2");
    expect(renderRecordDivergence(d, ["x", "y"])).toContain("commission: x 1 vs y 2");
  });

  it("lists every money field of the records in MONEY_FIELDS, and no quantity", () => {
    for (const f of ["fillPrice", "commission", "cash", "equity", "amount", "reason.required", "pnl"]) {
      expect(isMoneyField(f)).toBe(true);
    }
    for (const f of ["qty", "filledQty", "reducingQty", "absQty", "t", "id", "k", "filled", "cap", "size"]) {
      expect(MONEY_FIELDS.has(f)).toBe(false);
    }
  });
});

describe("diffRecords() on a real run (scenarios/seed-100k-scale.json, reference engine)", () => {
  const first = runScenario("seed-100k-scale");
  const second = runScenario("seed-100k-scale");

  it("two runs agree, with one manifest hash", () => {
    expect(first.records.fills.length).toBeGreaterThan(10);
    expect(diffRecords(first.records, second.records)).toBeNull();
    expect(manifestHash(first.records, first)).toBe(manifestHash(second.records, second));
  });

  it("names a perturbed commission", () => {
    const copy = structuredClone(second.records);
    const i = 7;
    const fill = copy.fills[i] as Mutable<FillRecord>;
    const before = fill.commission;
    fill.commission = before + 0.01;
    const d = diffRecords(first.records, copy, { names: ["reference", "perturbed"] });
    expect(d).toMatchObject({
      section: "fills",
      index: i,
      t: fill.t,
      asset: fill.asset,
      orderId: fill.orderId,
      field: "commission",
      a: before,
      b: before + 0.01,
    });
    expect(renderRecordDivergence(d as RecordDivergence)).toBe(
      `fills[${i}] t=${fill.t} asset=${fill.asset} order=${fill.orderId} commission: reference ${before} vs perturbed ${before + 0.01} (diff 1.0e-2)`,
    );
    expect(manifestHash(copy, second)).not.toBe(manifestHash(first.records, first));
  });
});
