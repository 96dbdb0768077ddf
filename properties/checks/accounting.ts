// SPEC 2, 8 and 10 (I1, I2, I7, I14) seen from the outside: the accounting identities recomputed
// from an engine's records and the panel alone (replay.ts), so that they hold for every engine,
// not only the reference (which asserts them inside, at every step), and so that a number the
// engine wrote wrong in one record (a fill's commission) cannot agree with itself elsewhere. Sums are exact decimals of the records'
// numbers; an identity holds within SPEC 9's money tolerance of the size of its terms (1e-9 of
// the sum of their magnitudes, floor 1e-6), since records round each number to float64.
import { Decimal } from "decimal.js";
import { type LedgerTotalKind, unreachable } from "../../src/model/index.ts";
import { type FinishedRun, fail, moneyAllowance } from "./common.ts";
import { type CashByKind, type CashKind, replay } from "./replay.ts";

/**
 * I1 at every close: equity == cash + the equities' positions at their marks, the positions
 * summed from the fills, not read from the series. Futures add their unsettled variation
 * q x (m - m_ref) x mult (SPEC 2), which is 0 at a close (every ref has moved to it), and the
 * series are the closes': between closes, I1 is the reference's own assertion.
 */
export function equityIsCashPlusPositions(run: FinishedRun): void {
  const { config, records } = run;
  const { positionsByBar, marksByBar } = replay(run);
  const { cash, equity } = records.series;
  for (let t = 0; t < cash.length; t++) {
    const terms = [new Decimal(cash[t])];
    config.instruments.forEach((instrument, i) => {
      const qty = positionsByBar[t][i];
      if (qty.isZero() || instrument.kind === "future") return;
      terms.push(qty.mul(marksByBar[t][i]).mul(instrument.multiplier));
    });
    holds("equityIsCashPlusPositions", `t=${t}: equity ${equity[t]} != cash + positions`, equity[t], terms);
  }
}

/**
 * I2: at every bar, cash == initial cash + every cash change recomputed from the records (the
 * fills' notionals and commissions, the futures' variation margin, financing); and at the end the
 * ledger's total of each kind is that kind's recomputed sum, every kind a known one.
 */
export function cashIsTheLedger(run: FinishedRun): void {
  const check = "cashIsTheLedger";
  const { config, records } = run;
  const { cashByBar } = replay(run);
  const totals = Object.fromEntries(CASH_KINDS.map((kind) => [kind, new Decimal(0)])) as CashByKind;
  const terms = [new Decimal(config.initialCash)];
  cashByBar.forEach((changes, t) => {
    for (const kind of CASH_KINDS) {
      totals[kind] = totals[kind].add(changes[kind]);
      if (!changes[kind].isZero()) terms.push(changes[kind]);
    }
    const cash = records.series.cash[t];
    holds(
      check,
      `t=${t}: cash ${cash} != initial cash + the cash changes recomputed from the records`,
      cash,
      terms,
    );
  });
  for (const [kind, amount] of Object.entries(records.ledgerTotals)) {
    if (!isLedgerTotalKind(kind)) fail(check, `ledger total of unknown kind "${kind}" (${amount})`);
    holds(check, `ledger total ${kind} != its sum recomputed from the records`, amount, [
      recomputed(kind, totals),
    ]);
  }
  for (const kind of LEDGER_TOTAL_KINDS)
    if (!(kind in records.ledgerTotals)) fail(check, `no ledger total of kind "${kind}"`);
}

const LEDGER_TOTAL_KINDS: readonly LedgerTotalKind[] = [
  "commission",
  "variationMargin",
  "debitInterest",
  "creditInterest",
  "borrowFee",
  "shortRebate",
  "deposit",
  "withdrawal",
];
const CASH_KINDS: readonly CashKind[] = ["fillNotional", ...LEDGER_TOTAL_KINDS];

function isLedgerTotalKind(kind: string): kind is LedgerTotalKind {
  return (LEDGER_TOTAL_KINDS as readonly string[]).includes(kind);
}

/** Where each ledger kind's total comes from in the records: a new kind needs its own case here. */
function recomputed(kind: LedgerTotalKind, totals: CashByKind): Decimal {
  switch (kind) {
    case "commission":
    case "variationMargin":
    case "debitInterest":
    case "creditInterest":
    case "borrowFee":
    case "shortRebate":
    case "deposit":
    case "withdrawal":
      return totals[kind];
    default:
      return unreachable(kind);
  }
}

/**
 * I7 at the end: equity - initial cash - netDeposits == realized + unrealized - commissions +
 * financing, netDeposits being the sum of the cashFlow events (the posted flows, SPEC 12).
 */
export function pnlIsAttributed({ config, records }: FinishedRun): void {
  const { totals, ledgerTotals: l } = records;
  const final = records.series.equity.at(-1) ?? config.initialCash;
  const flows = records.events.flatMap((event) => (event.kind === "cashFlow" ? [event.amount] : []));
  const terms = [
    config.initialCash,
    ...flows,
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
    `final equity ${final} != initial + net deposits + realized + unrealized - commissions + financing`,
    final,
    terms,
  );
  holds("pnlIsAttributed", `commissions in totals ${totals.commission} != the ledger's`, totals.commission, [
    new Decimal(l.commission).neg(),
  ]);
}

/**
 * I14 against the fills: the trades are the FIFO round trips of the fill records (side, bars,
 * quantity, realized P&L at the fill prices), their commissions add up to what the fills paid,
 * and the sum of trade P&L is that realized P&L minus those commissions.
 */
export function tradesAddUp(run: FinishedRun): void {
  const check = "tradesAddUp";
  const { trades, totals, fills } = run.records;
  const replayed = replay(run).trades;
  if (trades.length !== replayed.length)
    fail(check, `${trades.length} trade records, the fills make ${replayed.length} round trips`);
  trades.forEach((trade, k) => {
    const fromFills = replayed[k];
    const where = `trade ${k} (${trade.asset} side ${trade.side} from t=${trade.entryT})`;
    const same =
      trade.asset === fromFills.asset &&
      trade.side === fromFills.side &&
      trade.entryT === fromFills.entryT &&
      trade.exitT === fromFills.exitT &&
      fromFills.absQty.eq(trade.absQty);
    if (!same)
      fail(
        check,
        `${where}: exit ${trade.exitT}, qty ${trade.absQty}; the fills make ${fromFills.asset} side ${fromFills.side} t=${fromFills.entryT}..${fromFills.exitT} qty ${fromFills.absQty}`,
      );
    holds(check, `${where}: realized P&L != the fills' FIFO P&L`, trade.realizedPnl, [fromFills.realizedPnl]);
    holds(check, `${where}: pnl != realized - commission`, trade.pnl, [
      new Decimal(trade.realizedPnl),
      new Decimal(trade.commission).neg(),
    ]);
  });
  const realized = replayed.map((trade) => trade.realizedPnl);
  const commissions = fills.map((fill) => new Decimal(fill.commission));
  holds(check, "realized P&L in totals != the fills' FIFO P&L", totals.realizedPnl, realized);
  holds(check, "commissions in totals != the fills' commissions", totals.commission, commissions);
  holds(check, "sum of trade commissions != the fills' commissions", 0, [
    ...trades.map((trade) => new Decimal(trade.commission).neg()),
    ...commissions,
  ]);
  holds(check, "sum of trade P&L != the fills' realized P&L - their commissions", 0, [
    ...trades.map((trade) => new Decimal(trade.pnl).neg()),
    ...realized,
    ...commissions.map((c) => c.neg()),
  ]);
}

/** value == the sum of terms, within the money tolerance of the terms' magnitudes. */
function holds(check: string, what: string, value: number, terms: readonly Decimal[]): void {
  const total = terms.reduce((sum, term) => sum.add(term), new Decimal(0));
  const size = terms.reduce((sum, term) => sum.add(term.abs()), new Decimal(Math.abs(value)));
  const allowed = moneyAllowance(size);
  if (total.sub(value).abs().gt(allowed)) fail(check, `${what}: ${value} vs ${total} (allowed ${allowed})`);
}
