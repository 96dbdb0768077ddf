// A small hand-made tearsheet input: 6 weekdays over a year end, numbers picked by hand.
import type { TearsheetInput } from "../../../src/report/tearsheet/index.ts";

/**
 * equity 100, 110, 99, 104.5, 120, 108 (returns +10%, -10%, +5.56%, +14.83%, -10%);
 * drawdown from the running peak: 0, 0, 99/110-1 = -10%, 104.5/110-1 = -5%, 0, 108/120-1 = -10%.
 */
export function smallInput(overrides: Partial<TearsheetInput> = {}): TearsheetInput {
  const dates = ["2023-12-27", "2023-12-28", "2023-12-29", "2024-01-02", "2024-01-03", "2024-01-04"];
  return {
    title: "fixture <run> & co",
    notes: ["6 bars, hand-made"],
    dates,
    equity: [100, 110, 99, 104.5, 120, 108],
    benchmark: { label: "buy and hold", equity: [100, 101, 102, 103, 104, 105] },
    drawdown: [0, 0, -0.1, -0.05, 0, -0.1],
    rolling: {
      windowBars: 3,
      sharpe: [null, null, null, 1.5, -0.5, 2],
      volatility: [null, null, null, 0.4, 0.5, 0.45],
    },
    monthlyReturns: [
      { year: 2023, months: [...new Array(11).fill(null), -0.01] },
      { year: 2024, months: [108 / 99 - 1, ...new Array(11).fill(null)] },
    ],
    yearlyReturns: [
      { year: 2023, return: -0.01 },
      { year: 2024, return: 108 / 99 - 1 },
    ],
    exposure: {
      gross: [0, 200, 180, 190, 220, 200],
      net: [0, 100, -20, 30, 60, 0],
      grossLeverage: [0, 200 / 110, 180 / 99, 190 / 104.5, 220 / 120, 200 / 108],
      netLeverage: [0, 100 / 110, -20 / 99, 30 / 104.5, 60 / 120, 0],
    },
    dailyReturns: [0.1, -0.1, 104.5 / 99 - 1, 120 / 104.5 - 1, -0.1],
    costs: [
      { kind: "commission", perBar: [0, 1, 0.5, 0, 1, 0] },
      { kind: "slippage", perBar: [0, 0.5, 0.25, 0, 0.5, 0] },
    ],
    headline: [
      { label: "Total return", value: "8.00%" },
      { label: "Max drawdown", value: "10.00%" },
    ],
    trades: {
      rows: [
        {
          asset: "AAA",
          side: "long",
          entry: "2023-12-28",
          exit: "2024-01-03",
          absQty: 2,
          entryPrice: 100,
          exitPrice: 110,
          pnl: 18.5,
        },
        {
          asset: "BBB",
          side: "short",
          entry: "2024-01-02",
          exit: null,
          absQty: 1.5,
          entryPrice: 40.25,
          exitPrice: null,
          pnl: -3,
        },
      ],
      total: 2,
    },
    events: [
      { t: 2, kind: "margin call", text: "equity 99.00 < requirement 100.00, deficit 1.00" },
      { t: 3, kind: "liquidation", text: "AAA sold 1 at 104.50" },
      { t: 3, kind: "rejection: insufficientCash", text: "order 4 BBB" },
      { t: 3, kind: "rejection: insufficientCash", text: "order 5 CCC" },
    ],
    eventCounts: [
      { label: "margin calls", value: "1" },
      { label: "forced fills", value: "1" },
      { label: "rejected: insufficientCash", value: "2" },
    ],
    ...overrides,
  };
}

/**
 * Each chart's marks in an SVG from vega: the items (paths, texts) of every mark group, by mark
 * type, in drawing order; legends and axes are not marks.
 */
export function marksOf(svg: string): { type: string; items: number }[] {
  const marks: { type: string; items: number }[] = [];
  for (const match of svg.matchAll(/<g class="mark-(\w+) role-mark[^"]*"[^>]*>(.*?)<\/g>/gs))
    marks.push({ type: match[1], items: match[2].split('role="graphics-symbol"').length - 1 });
  return marks;
}

/** The SVG inside the figure of one chart, by its id. */
export function chartSvg(html: string, id: string): string {
  const match = new RegExp(`<figure class="chart[^"]*" id="chart-${id}">(<svg.*?</svg>)</figure>`, "s").exec(
    html,
  );
  if (match === null) throw new Error(`no figure chart-${id} in the page`);
  return match[1];
}
