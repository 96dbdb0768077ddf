// The tearsheet: one self-contained HTML page of a run's charts and tables (renderTearsheet).
import { tearsheetCharts } from "./charts/index.ts";
import type { TearsheetInput } from "./input.ts";
import { tearsheetPage } from "./page.ts";
import { renderPageSvgs } from "./render.ts";

export type { TearsheetEvent, TearsheetInput, TearsheetTrades, TradeRow } from "./input.ts";

export async function renderTearsheet(input: TearsheetInput): Promise<string> {
  checkTearsheetInput(input);
  const specs = tearsheetCharts(input);
  const svgs = await renderPageSvgs(specs.map(({ id, spec }) => ({ name: id, spec })));
  return tearsheetPage(
    input,
    specs.map(({ id, wide }, index) => ({ id, wide, svg: svgs[index] })),
  );
}

/** Arrays that disagree with the dates would draw a chart shifted against the others: refuse them. */
export function checkTearsheetInput(input: TearsheetInput): void {
  const bars = input.dates.length;
  const perBar: [string, readonly unknown[]][] = [
    ["equity", input.equity],
    ["drawdown", input.drawdown],
    ["rolling.sharpe", input.rolling.sharpe],
    ["rolling.volatility", input.rolling.volatility],
    ["exposure.gross", input.exposure.gross],
    ["exposure.net", input.exposure.net],
    ["exposure.grossLeverage", input.exposure.grossLeverage],
    ["exposure.netLeverage", input.exposure.netLeverage],
    ...input.costs.map(({ kind, perBar }): [string, readonly unknown[]] => [`costs (kind=${kind})`, perBar]),
  ];
  if (input.benchmark !== null) perBar.push(["benchmark.equity", input.benchmark.equity]);
  for (const [field, values] of perBar)
    if (values.length !== bars)
      throw new Error(
        `tearsheet input field=${field}: ${values.length} values for ${bars} dates; one per bar`,
      );
  for (const { year, months } of input.monthlyReturns)
    if (months.length !== 12)
      throw new Error(
        `tearsheet input field=monthlyReturns (year=${year}): ${months.length} months; one per month, null for none`,
      );
  for (const event of input.events)
    if (!Number.isInteger(event.t) || event.t < 0 || event.t >= bars)
      throw new Error(
        `tearsheet input field=events (kind=${event.kind}): t=${event.t} is not a bar of the ${bars} dates`,
      );
}
