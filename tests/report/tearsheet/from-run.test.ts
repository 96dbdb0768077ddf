import { describe, expect, it } from "vitest";
import { backtest } from "../../../src/api/backtest.ts";
import { HEADLINE, rollingWindowOf, tearsheetInputFor } from "../../../src/report/tearsheet/from-run.ts";
import { renderTearsheet } from "../../../src/report/tearsheet/index.ts";
import { scheduledOrders } from "../../../src/strategy/declarative.ts";
import { testPanel } from "../../helpers/panel.ts";
import { chartSvg } from "./fixture.ts";

const DATES = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"];
const flat = (price: number) => [price, price, price, price] as const;

/**
 * A cash account with 1000, no costs, sales settling T+1 (a settlement event). t=0: buy 50 A (fills t=1 at 10: cash 500) and 100 B
 * (2000 > 500 left: rejected insufficientCash at t=1). t=2: sell 50 A (fills t=3 at 11: cash
 * 1050). A deposit of 500 on 2024-01-08 (t=4).
 * equity 1000, 1000 (500 + 50 x 10), 1050 (500 + 50 x 11), 1050, 1550, 1550; returns 0, 0,
 * 1050/1000 - 1 = 5%, 0, 1550/(1050 + 500) - 1 = 0 (the deposit is no gain), 0.
 */
function smallRun() {
  const panel = testPanel(DATES, {
    A: [flat(10), flat(10), flat(11), flat(11), flat(12), flat(12)],
    B: DATES.map(() => flat(20)),
  });
  const result = backtest({
    data: panel,
    strategy: scheduledOrders(
      new Map([
        [
          0,
          [
            { asset: "A", size: 50 },
            { asset: "B", size: 100 },
          ],
        ],
        [2, [{ asset: "A", size: -50 }]],
      ]),
    ),
    config: {
      initialCash: 1000,
      account: "cash",
      settlement: 1,
      cashFlows: [{ date: "2024-01-08", amount: 500 }],
    },
  });
  const input = tearsheetInputFor({
    title: "small run",
    notes: ["a note"],
    records: result.records,
    times: panel.times,
    metrics: result.metrics,
    initialEquity: 1000,
    benchmark: { label: "hold", equity: [1, 2, 3, 4, 5, 6], description: "Benchmark: made up." },
  });
  return { result, input };
}

describe("tearsheetInputFor()", () => {
  const { result, input } = smallRun();

  it("tearsheetInputFor() reads the series off the run, flow-adjusted", () => {
    expect(input.dates).toEqual(DATES);
    expect(input.equity).toEqual([1000, 1000, 1050, 1050, 1550, 1550]);
    expect(input.dailyReturns).toEqual([0, 0, 1050 / 1000 - 1, 0, 0, 0]);
    expect(input.drawdown).toEqual([0, 0, 0, 0, 0, 0]);
    // 50 A held over t=1 (at 10) and t=2 (at 11); leverage = 500/1000, 550/1050.
    expect(input.exposure.gross).toEqual([0, 500, 550, 0, 0, 0]);
    expect(input.exposure.grossLeverage).toEqual([0, 0.5, 550 / 1050, 0, 0, 0]);
    expect(input.monthlyReturns).toEqual([
      { year: 2024, months: [1050 / 1000 - 1, ...new Array(11).fill(null)], total: 1050 / 1000 - 1 },
    ]);
    expect(input.yearlyReturns).toEqual([{ year: 2024, return: 1050 / 1000 - 1 }]);
    expect(input.costs.map(({ kind, perBar }) => [kind, perBar])).toEqual([
      ["commission", [0, 0, 0, 0, 0, 0]],
      ["slippage", [0, 0, 0, 0, 0, 0]],
      ["impact", [0, 0, 0, 0, 0, 0]],
    ]);
    // 6 bars: a window of a third of them, 2.
    expect(input.rolling.windowBars).toBe(2);
  });

  it("tearsheetInputFor() formats the headline from the metrics", () => {
    const headline = Object.fromEntries(input.headline.map(({ label, value }) => [label, value]));
    expect(input.headline.map(({ label }) => label)).toEqual(HEADLINE.map(({ label }) => label));
    expect(headline["Total return"]).toBe("5.00%");
    expect(headline["Max drawdown"]).toBe("0.00%");
    expect(headline["Closed trades"]).toBe("1");
    // One closed trade: 50 x (11 - 10) = 50.
    expect(headline["Expectancy per trade"]).toBe("50.00");
    expect(headline["Costs paid"]).toBe("0.00");
    // Returns 0, 0, 5%, 0, 0, 0: downside deviation 0, so no Sortino ratio.
    expect(headline["Sortino ratio"]).toBe("n/a");
  });

  it("tearsheetInputFor() dates the events and the rejected orders, settlements left out", () => {
    expect(result.records.events.some((event) => event.kind === "settlement")).toBe(true);
    expect(input.events).toEqual([
      { t: 1, kind: "rejected: insufficientCash", text: "order 2 B qty=100 required=2,000 available=500" },
      { t: 4, kind: "cashFlow", text: "amount=500" },
    ]);
    expect(input.eventCounts).toEqual([
      { label: "margin calls", value: "0" },
      { label: "forced fills", value: "0" },
      { label: "bankrupt", value: "no" },
      { label: "withdrawals refused", value: "0" },
      { label: "rejected: insufficientCash", value: "1" },
    ]);
  });

  it("tearsheetInputFor() lists the trades with their dates", () => {
    expect(input.trades).toEqual({
      rows: [
        {
          asset: "A",
          side: "long",
          entry: "2024-01-03",
          exit: "2024-01-05",
          absQty: 50,
          entryPrice: 10,
          exitPrice: 11,
          pnl: 50,
        },
      ],
      total: 1,
    });
  });

  it("tearsheetInputFor() adds the benchmark's description to the notes", () => {
    expect(input.notes).toEqual(["a note", "Benchmark: made up."]);
    expect(input.benchmark?.equity).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("tearsheetInputFor() on intraday bars", () => {
  it("tearsheetInputFor() dates intraday bars with their time, and the page draws them", async () => {
    // The small run's panel, its bars an hour apart from 14:30 UTC.
    const daily = testPanel(DATES, { A: DATES.map(() => flat(10)) });
    const times = Float64Array.from(DATES, (_, t) => Date.parse("2024-01-02T14:30:00Z") + t * 3_600_000);
    const panel = { ...daily, times };
    const result = backtest({
      data: panel,
      strategy: scheduledOrders(new Map([[0, [{ asset: "A", size: 10 }]]])),
      config: { initialCash: 1000 },
    });
    const input = tearsheetInputFor({
      title: "hourly",
      notes: [],
      records: result.records,
      times,
      metrics: result.metrics,
      initialEquity: 1000,
      benchmark: null,
    });
    expect(input.dates.slice(0, 2)).toEqual(["2024-01-02T14:30:00.000Z", "2024-01-02T15:30:00.000Z"]);
    // vega's own time labels, in UTC: 14:30 .. 19:30 ticks include 15:00, "03 PM".
    const axis = chartSvg(await renderTearsheet(input), "equity");
    expect(axis).toMatch(/opacity="1">03 PM<\/text>/);
  });
});

describe("rollingWindowOf()", () => {
  it("rollingWindowOf() is 126 bars, a third of a shorter run, at least 2", () => {
    expect(rollingWindowOf(2520)).toBe(126);
    expect(rollingWindowOf(378)).toBe(126);
    expect(rollingWindowOf(300)).toBe(100);
    expect(rollingWindowOf(4)).toBe(2);
  });
});
