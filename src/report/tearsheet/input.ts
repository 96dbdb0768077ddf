// What a tearsheet page shows, as plain arrays: the page draws these and computes nothing of its
// own (the numbers come from src/report/metrics and src/report/series).

export interface TearsheetInput {
  readonly title: string;
  /** Lines under the title: data, engine, configuration, how the benchmark was built. */
  readonly notes: readonly string[];
  /** ISO date of each bar; every per-bar array below has one entry per date. */
  readonly dates: readonly string[];
  readonly equity: readonly number[];
  /** Scaled to start at the run's initial equity; null for none. */
  readonly benchmark: { readonly label: string; readonly equity: readonly number[] } | null;
  /** Fraction below the running peak of equity, <= 0. */
  readonly drawdown: readonly number[];
  /** Annualized, over a trailing window; null where the window is not full yet. */
  readonly rolling: {
    readonly windowBars: number;
    readonly sharpe: readonly (number | null)[];
    readonly volatility: readonly (number | null)[];
  };
  /** months[0] is January; null for a month without bars. Returns as fractions. */
  readonly monthlyReturns: readonly { readonly year: number; readonly months: readonly (number | null)[] }[];
  readonly yearlyReturns: readonly { readonly year: number; readonly return: number }[];
  /** Exposure in account currency, and leverage as exposure / equity (null where equity <= 0). */
  readonly exposure: {
    readonly gross: readonly number[];
    readonly net: readonly number[];
    readonly grossLeverage: readonly (number | null)[];
    readonly netLeverage: readonly (number | null)[];
  };
  /** One return per bar (bar 0's from the initial equity), flow-adjusted: a deposit is not a gain. */
  readonly dailyReturns: readonly number[];
  /** Costs paid per bar, positive money, by kind (commission, slippage, impact, financing). */
  readonly costs: readonly { readonly kind: string; readonly perBar: readonly number[] }[];
  /** The metrics table, already formatted (src/report/tearsheet/format.ts). */
  readonly headline: readonly { readonly label: string; readonly value: string }[];
  readonly trades: TearsheetTrades;
  /** Margin calls, liquidations, rejections and the like, at their bar, drawn on the equity chart. */
  readonly events: readonly TearsheetEvent[];
  /** The events over the run, counted (by the metrics) and formatted: "margin calls" "3". */
  readonly eventCounts: readonly { readonly label: string; readonly value: string }[];
}

export interface TearsheetTrades {
  /** The trades shown (a long run may show its last ones only); `total` says how many there were. */
  readonly rows: readonly TradeRow[];
  readonly total: number;
}

export interface TradeRow {
  readonly asset: string;
  readonly side: "long" | "short";
  readonly entry: string;
  /** ISO date, or null while open. */
  readonly exit: string | null;
  readonly absQty: number;
  readonly entryPrice: number;
  readonly exitPrice: number | null;
  /** Realized P&L less commission, account currency. */
  readonly pnl: number;
}

export interface TearsheetEvent {
  /** Bar index into `dates`. */
  readonly t: number;
  /** The legend's name for the marker: "margin call", "liquidation", "rejection: insufficientCash"... */
  readonly kind: string;
  readonly text: string;
}
