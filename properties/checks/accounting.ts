// SPEC 2, 8 and 10 (I1, I2, I7, I14) seen from the outside: the accounting identities recomputed
// from an engine's records and the panel alone, so that they hold for every engine, not only the
// reference (which asserts them inside, at every step). Sums are exact decimals of the records'
// numbers; an identity holds within SPEC 9's money tolerance of the size of its terms (1e-9 of
// the sum of their magnitudes, floor 1e-6), since records round each number to float64.
import { Decimal } from "decimal.js";
import { MONEY_TOLERANCE } from "../../src/compare/index.ts";
import { type FinishedRun, fail } from "./common.ts";

/** I1 at every bar: equity == cash + the equities' positions at their marks (futures add 0). */
export function equityIsCashPlusPositions({ panel, config, records }: FinishedRun): void {
  const check = "equityIsCashPlusPositions";
  const n = panel.symbols.length;
  const { cash, equity, positions } = records.series;
  const marks = new Array<number>(n).fill(Number.NaN);
  for (let t = 0; t < cash.length; t++) {
    const terms = [new Decimal(cash[t])];
    for (let i = 0; i < n; i++) {
      const close = panel.close[t * n + i];
      if (!Number.isNaN(close)) marks[i] = close;
      const instrument = config.instruments[i];
      if (positions[t][i] === 0 || instrument.kind === "future") continue;
      terms.push(new Decimal(positions[t][i]).mul(marks[i]).mul(instrument.multiplier));
    }
    holds(check, `t=${t}: equity ${equity[t]} != cash + positions`, equity[t], terms);
  }
}

/**
 * I2 at the end: the final cash is the initial cash, minus what the equities' fills paid for
 * their notional, plus every other ledger kind's total.
 */
export function cashIsTheLedger({ config, records }: FinishedRun): void {
  const multiplier = new Map(config.instruments.map((i) => [i.symbol, i]));
  const terms = [new Decimal(config.initialCash)];
  for (const fill of records.fills) {
    const instrument = multiplier.get(fill.asset);
    if (instrument === undefined || instrument.kind === "future") continue;
    terms.push(new Decimal(fill.qty).mul(fill.fillPrice).mul(instrument.multiplier).neg());
  }
  for (const amount of Object.values(records.ledgerTotals)) terms.push(new Decimal(amount));
  const final = records.series.cash.at(-1) ?? config.initialCash;
  holds(
    "cashIsTheLedger",
    `final cash ${final} != initial cash - fills' notional + ledger totals`,
    final,
    terms,
  );
}

/** I7 at the end: equity - initial cash == realized + unrealized - commissions + financing. */
export function pnlIsAttributed({ config, records }: FinishedRun): void {
  const { totals, ledgerTotals: l } = records;
  const final = records.series.equity.at(-1) ?? config.initialCash;
  const terms = [
    config.initialCash,
    totals.realizedPnl,
    totals.unrealizedPnl,
    -totals.commission,
    l.debitInterest,
    l.creditInterest,
    l.borrowFee,
    l.shortRebate,
  ].map((x) => new Decimal(x));
  holds(
    "pnlIsAttributed",
    `final equity ${final} != initial + realized + unrealized - commissions + financing`,
    final,
    terms,
  );
  holds("pnlIsAttributed", `commissions in totals ${totals.commission} != the ledger's`, totals.commission, [
    new Decimal(l.commission).neg(),
  ]);
}

/** I14: the trades' P&L adds up to realized P&L minus commissions, and their commissions to all paid. */
export function tradesAddUp({ records }: FinishedRun): void {
  const { trades, totals } = records;
  const sum = (field: "pnl" | "commission") => trades.map((trade) => new Decimal(trade[field]));
  holds(
    "tradesAddUp",
    "sum of trade P&L != realized P&L - commissions",
    totals.realizedPnl - totals.commission,
    [...sum("pnl")],
  );
  holds("tradesAddUp", "sum of trade commissions != commissions paid", totals.commission, sum("commission"));
}

/** value == the sum of terms, within the money tolerance of the terms' magnitudes. */
function holds(check: string, what: string, value: number, terms: readonly Decimal[]): void {
  const total = terms.reduce((sum, term) => sum.add(term), new Decimal(0));
  const size = terms.reduce((sum, term) => sum.add(term.abs()), new Decimal(Math.abs(value)));
  const allowed = Decimal.max(size.mul(MONEY_TOLERANCE.relative), MONEY_TOLERANCE.absolute);
  if (total.sub(value).abs().gt(allowed)) fail(check, `${what}: ${value} vs ${total} (allowed ${allowed})`);
}
