import { describe, expect, it } from "vitest";
import { type BarContext, backtest, diffRecords, type Strategy, syntheticPanel } from "../../src/index.ts";

const panel = syntheticPanel({ assets: 4, bars: 40, seed: 11 });

/** What a strategy saw at each decision: ids from submit(), the working orders, the bar's fills, margin numbers. */
function observer(seen: unknown[]): Strategy {
  return {
    name: "observer",
    onBar(ctx: BarContext) {
      const [a, b] = ctx.symbols;
      const ids: (number | null)[] = [];
      if (ctx.t === 2) ids.push(ctx.submit({ asset: a, sizeType: "value", size: 300_000 }));
      if (ctx.t === 3) ids.push(ctx.submit({ asset: b, sizeType: "value", size: -200_000 }));
      if (ctx.t === 4) {
        const close = ctx.bar("close", 0);
        ids.push(ctx.submit({ asset: a, type: "limit", limitPrice: close * 0.5, size: 10 })); // rests
        ids.push(ctx.submit({ asset: a, size: 0 })); // no record
      }
      const { account } = ctx;
      seen.push({
        t: ctx.t,
        ids,
        orders: ctx.orders.map((o) => [o.id, o.asset, o.type, o.qty, o.filledQty, o.status]),
        fills: ctx.fills.map((f) => [f.orderId, f.t, f.asset, f.qty, round(f.fillPrice)]),
        account: [account.initialMargin, account.maintenanceMargin, account.buyingPower, account.equity].map(
          round,
        ),
        inCall: account.inCall,
      });
    },
  };
}

const round = (value: number) => Number(value.toPrecision(10));

describe("the decision context's views", () => {
  it("show the same ids, working orders, bar fills and margin numbers on both engines", () => {
    const views = (engine: "fast" | "reference") => {
      const seen: unknown[] = [];
      backtest({ data: panel, strategy: observer(seen), engine, config: { initialCash: 1_000_000 } });
      return seen;
    };
    const fast = views("fast");
    expect(fast).toEqual(views("reference"));
    expect(fast[2]).toMatchObject({
      ids: [1],
      orders: [[1, "S000", "market", expect.any(Number), 0, "working"]],
    });
    expect(fast[3]).toMatchObject({
      ids: [2],
      fills: [[1, 3, "S000", expect.any(Number), expect.any(Number)]],
    });
    expect(fast[4]).toMatchObject({ ids: [3, null], orders: [[3, "S000", "limit", 10, 0, "working"]] });
  });

  it("give margin numbers: buying power = equity - max(IM, MM) in a margin account, the cash in a cash account", () => {
    const margin: number[][] = [];
    const cash: number[][] = [];
    const record = (into: number[][]): Strategy => ({
      name: "margin-reader",
      onBar(ctx) {
        if (ctx.t === 1) ctx.submit({ asset: ctx.symbols[0], sizeType: "value", size: 400_000 });
        const { account } = ctx;
        into.push([
          account.equity,
          account.initialMargin,
          account.maintenanceMargin,
          account.buyingPower,
          account.cash,
        ]);
      },
    });
    backtest({ data: panel, strategy: record(margin), config: { account: "margin" } });
    backtest({ data: panel, strategy: record(cash), config: { account: "cash" } });
    const [equity, im, mm, buyingPower] = margin[5];
    expect(im).toBeGreaterThan(0);
    expect(buyingPower).toBe(equity - Math.max(im, mm));
    expect(cash[5][3]).toBe(cash[5][4]);
  });

  it("are copies: writing into them changes nothing the run reads", () => {
    const write: Strategy = {
      name: "writer",
      onBar(ctx) {
        if (ctx.t === 2) ctx.submit({ asset: ctx.symbols[0], size: 100 });
        for (const order of ctx.orders) (order as { qty: number }).qty = 1e9;
        expect(() => (ctx.fills as unknown[]).push({})).toThrow();
      },
    };
    const plain = backtest({ data: panel, strategy: scheduledBuy() });
    expect(backtest({ data: panel, strategy: write }).records.fills).toEqual(plain.records.fills);
  });
});

function scheduledBuy(): Strategy {
  return {
    name: "buy",
    onBar(ctx) {
      if (ctx.t === 2) ctx.submit({ asset: ctx.symbols[0], size: 100 });
    },
  };
}

describe("ctx.cancel()", () => {
  /** Rests a limit far below the market at t=2 and cancels it at t=5; a volume-capped buy at t=2, cancelled at t=4. */
  const canceller = (outcomes: unknown[]): Strategy => {
    let resting: number | null = null;
    let capped: number | null = null;
    return {
      name: "canceller",
      onBar(ctx) {
        if (ctx.t === 2) {
          resting = ctx.submit({
            asset: ctx.symbols[0],
            type: "limit",
            limitPrice: ctx.bar("close", 0) * 0.5,
            size: 10,
          });
          capped = ctx.submit({ asset: ctx.symbols[1], size: 1e7 });
        }
        if (ctx.t === 4) outcomes.push(ctx.cancel(capped as number));
        if (ctx.t === 5) {
          outcomes.push(ctx.cancel(resting as number), ctx.cancel(resting as number));
          outcomes.push(ctx.orders.length);
        }
      },
    };
  };
  const config = { maxParticipation: 0.01 };

  it("ends a working order: cancelled (or partial if part filled), reason cancelRequested, identically on both engines", () => {
    const runs = (["fast", "reference"] as const).map((engine) => {
      const outcomes: unknown[] = [];
      const { records, summary } = backtest({ data: panel, strategy: canceller(outcomes), config, engine });
      expect(summary.rejectionsByReason).toEqual({}); // a cancel is no rejection
      return { outcomes, records };
    });
    const [fast, reference] = runs;
    expect(diffRecords(fast.records, reference.records)).toBeNull();
    expect(fast.outcomes).toEqual([true, true, false, 0]);
    expect(reference.outcomes).toEqual(fast.outcomes);
    const [resting, capped] = fast.records.orders;
    expect(resting).toMatchObject({
      status: "cancelled",
      filledQty: 0,
      reason: { kind: "cancelRequested" },
      doneT: 5,
    });
    expect(capped).toMatchObject({ status: "partial", reason: { kind: "cancelRequested" }, doneT: 4 });
    expect(capped.filledQty).toBeGreaterThan(0);
    // Filled on bars 3 and 4 (the cap cuts each), nothing after the cancel.
    expect(fast.records.fills.map((fill) => fill.t)).toEqual([3, 4]);
  });

  it("throws for an id that is no order, naming it", () => {
    const strategy: Strategy = {
      name: "bad-cancel",
      onBar(ctx) {
        if (ctx.t === 3) ctx.cancel(7);
      },
    };
    for (const engine of ["fast", "reference"] as const)
      expect(() => backtest({ data: panel, strategy, engine })).toThrow(
        'strategy "bad-cancel" threw at t=3 (2022-01-06): cancel(7): no order has id 7',
      );
  });
});
