// Round-trip trade statistics (SPEC 8 trades, closed ones only): win rate, profit factor,
// expectancy, average win and loss, holding time. P&L is the trades' net of commission.
import type { TradeRecord } from "../../model/index.ts";
import { meanOf } from "../series.ts";

export interface TradeMetrics {
  readonly closedTrades: number;
  /** Closed trades with pnl > 0 over closed trades; null without a closed trade. */
  readonly tradeWinRate: number | null;
  /** Sum of winning pnl / |sum of losing pnl|; null without a losing trade. */
  readonly tradeProfitFactor: number | null;
  /** Mean pnl of a closed trade, money. */
  readonly expectancy: number | null;
  readonly averageWin: number | null;
  /** Mean pnl of a losing trade (negative money). */
  readonly averageLoss: number | null;
  /** Mean exitT - entryT of the closed trades. */
  readonly averageHoldingBars: number | null;
  /** Mean calendar days from entry to exit of the closed trades. */
  readonly averageHoldingDays: number | null;
}

export function tradeMetrics(trades: readonly TradeRecord[], times: Float64Array): TradeMetrics {
  const closed = trades.filter((trade) => !trade.open && trade.exitT !== null);
  const pnl = closed.map((trade) => trade.pnl);
  const wins = pnl.filter((value) => value > 0);
  const losses = pnl.filter((value) => value < 0);
  const lost = -losses.reduce((total, value) => total + value, 0);
  const heldBars = closed.map((trade) => (trade.exitT as number) - trade.entryT);
  const heldDays = closed.map((trade) => (times[trade.exitT as number] - times[trade.entryT]) / 86_400_000);
  const meanOrNull = (values: readonly number[]) => (values.length === 0 ? null : meanOf(values));
  return {
    closedTrades: closed.length,
    tradeWinRate: closed.length === 0 ? null : wins.length / closed.length,
    tradeProfitFactor: lost > 0 ? wins.reduce((total, value) => total + value, 0) / lost : null,
    expectancy: meanOrNull(pnl),
    averageWin: meanOrNull(wins),
    averageLoss: meanOrNull(losses),
    averageHoldingBars: meanOrNull(heldBars),
    averageHoldingDays: meanOrNull(heldDays),
  };
}
