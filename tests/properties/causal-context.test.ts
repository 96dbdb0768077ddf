import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { causalContext, pry } from "../../properties/causal-context.ts";
import { asFastCheck } from "../../properties/property.ts";
import { propertyParams } from "../../properties/replay.ts";
import type { AccountView, BarContext, BarField } from "../../src/model/index.ts";
import { CausalContext, type DecisionDesk } from "../../src/strategy/context.ts";
import { testPanel } from "../helpers/panel.ts";

const CI_RUNS = 100;
const CI_SEED = 20_261_206;

describe("the causal context (SPEC I6)", () => {
  it(causalContext.name, () => {
    fc.assert(asFastCheck(causalContext), propertyParams(CI_SEED, undefined, CI_RUNS));
  });

  // Bars 0..2 of two assets, decision at t = 1: bar 2 is the future.
  const barsOf = () =>
    testPanel(["2024-01-02", "2024-01-03", "2024-01-04"], {
      A: [
        [10, 11, 9, 10],
        [11, 12, 10, 11],
        [12, 13, 11, 12],
      ],
      B: [
        [20, 21, 19, 20],
        [21, 22, 20, 21],
        [22, 23, 21, 22],
      ],
    });
  const panel = barsOf();
  const n = panel.symbols.length;
  const account: AccountView = {
    cash: 100,
    equity: 100,
    position: () => 0,
    initialMargin: 0,
    maintenanceMargin: 0,
    buyingPower: 100,
    inCall: false,
  };
  const desk: DecisionDesk = {
    account,
    submit: () => null,
    submitMarket: () => null,
    submitRow: () => {},
    cancel: () => "noSuchOrder",
    workingOrders: () => [],
    fillsOfBar: () => [],
  };
  const entered = () => {
    const ctx = new CausalContext(panel);
    ctx.enter(1, desk);
    return ctx;
  };

  it("passes a context that is moved to t = 1", () => {
    expect(() => pry(entered(), barsOf())).not.toThrow();
  });

  it("passes a context moved to the open of t = 1 (fillAt open), which throws on bar 1's close", () => {
    const ctx = new CausalContext(panel);
    ctx.enter(1, desk, true);
    expect(() => pry(ctx, barsOf(), true)).not.toThrow();
    expect(ctx.bar("open", 0)).toBe(panel.open[n]);
    expect(ctx.bar("close", 0, 1)).toBe(panel.close[0]);
    expect(() => ctx.bar("close", 0)).toThrow(
      'close of bar 1 read at its open: under fillAt "open" a decision sees bars 0..t-1 and the open of t only (read it with lag >= 1)',
    );
    expect(() => ctx.row("volume")).toThrow("volume of bar 1 read at its open");
  });

  it("catches a context at an open that lets bar t's close be read", () => {
    expect(() => pry(entered(), barsOf(), true)).toThrow(
      /row\("high", 0\) or its bar\/extra read did not throw at the open of t/,
    );
  });

  /** The real context with some members replaced: each a way the old context leaked. */
  const planted = (replace: (ctx: CausalContext) => Partial<BarContext> & object): BarContext => {
    const ctx = entered();
    const base: BarContext = {
      get t() {
        return ctx.t;
      },
      get tsMs() {
        return ctx.tsMs;
      },
      get bars() {
        return ctx.bars;
      },
      get symbols() {
        return ctx.symbols;
      },
      get account() {
        return ctx.account;
      },
      get orders() {
        return ctx.orders;
      },
      get fills() {
        return ctx.fills;
      },
      bar: (field, asset, lag) => ctx.bar(field, asset, lag),
      extra: (name, asset, lag) => ctx.extra(name, asset, lag),
      row: (field, lag) => ctx.row(field, lag),
      submit: (order) => ctx.submit(order),
      submitMarket: (asset, size, terms) => ctx.submitMarket(asset, size, terms),
      submitRow: (sizes, offset, terms) => ctx.submitRow(sizes, offset, terms),
      cancel: (orderId) => ctx.cancel(orderId),
    };
    return Object.defineProperties(base, Object.getOwnPropertyDescriptors(replace(ctx)));
  };
  const planting: readonly [string, (ctx: CausalContext) => Partial<BarContext> & object, RegExp][] = [
    [
      "row() as a view into the column",
      () => ({
        row: (field: string, lag = 0) => panel[field as BarField].subarray((1 - lag) * n, (2 - lag) * n),
      }),
      /row\("open", 0\)\.buffer holds 6 values from offset 2: more than its row/,
    ],
    ["the panel as an own property", () => ({ panel }) as object, /own properties reach ctx\.panel/],
    [
      "a t that can be set, read by bar()",
      () => ({
        t: 1,
        bar(this: { t: number }, field: BarField, asset: number, lag = 0) {
          if (lag < 0) throw new Error("lag");
          const row = this.t - lag;
          return row < 0 ? Number.NaN : panel[field][row * n + asset];
        },
      }),
      /t could be set to 2/,
    ],
    [
      "symbols that can be written",
      () => ({ symbols: [...panel.symbols] }),
      /symbols\[0\] could be overwritten/,
    ],
    [
      "an account that can be written",
      () => ({ account: { ...account } }),
      /account\.cash\/equity could be overwritten/,
    ],
  ];
  for (const [name, replace, message] of planting) {
    it(`catches ${name}`, () => {
      expect(() => pry(planted(replace), barsOf())).toThrow(message);
    });
  }
});
