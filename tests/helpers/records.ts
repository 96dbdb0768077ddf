// Hand-made Records for report tests: an equity curve, and whatever else a test names (the rest
// empty or zero), with bar times from ISO dates.
import type { EventRecord, FillRecord, Records } from "../../src/model/index.ts";

type Series = Records["series"];

export function testRecords(
  equity: readonly number[],
  extra: Partial<Omit<Records, "series">> & { series?: Partial<Series> } = {},
): Records {
  const zeros = () => equity.map(() => 0);
  const { series, ...rest } = extra;
  return {
    engine: "test",
    symbols: [],
    orders: [],
    fills: [],
    events: [],
    trades: [],
    totals: { commission: 0, realizedPnl: 0, unrealizedPnl: 0 },
    ledgerTotals: {
      commission: 0,
      variationMargin: 0,
      debitInterest: 0,
      creditInterest: 0,
      borrowFee: 0,
      shortRebate: 0,
      deposit: 0,
      withdrawal: 0,
    },
    sameBarFills: false,
    warnings: [],
    ...rest,
    series: {
      cash: [...equity],
      equity: [...equity],
      grossExposure: zeros(),
      netExposure: zeros(),
      initialMargin: zeros(),
      maintenanceMargin: zeros(),
      positions: equity.map(() => []),
      ...series,
    },
  };
}

/** Equity of initialEquity compounded by the returns, bar by bar. */
export function equityOf(returns: readonly number[], initialEquity = 100): number[] {
  let equity = initialEquity;
  return returns.map((r) => {
    equity *= 1 + r;
    return equity;
  });
}

export function timesOf(dates: readonly string[]): Float64Array {
  return Float64Array.from(dates, (date) => Date.parse(`${date}T00:00:00Z`));
}

export function cashFlow(t: number, amount: number): EventRecord {
  return { kind: "cashFlow", t, step: 1, amount };
}

export function testFill(
  fill: Partial<FillRecord> & Pick<FillRecord, "t" | "asset" | "qty" | "fillPrice">,
): FillRecord {
  return {
    orderId: 1,
    reducingQty: 0,
    increasingQty: fill.qty,
    basePrice: fill.fillPrice,
    commission: 0,
    slippageCost: 0,
    impactCost: 0,
    forced: false,
    partial: false,
    zeroVolume: false,
    noImpactHistory: false,
    clamped: null,
    volumeCap: null,
    ...fill,
  };
}
