// SPEC 2, 3.2, 8 and 12: the account replayed from the records and the panel alone, so that I1,
// I2, I3 and I14 compare an engine's numbers with sums it did not make. Fills give positions,
// equity notionals, commissions, the futures' variation margin (FIFO lots with their reference
// price) and the FIFO trades (lots at their fill prices); the series' snapshot of bar t-1 gives
// the financing of close t; the cashFlow events give the deposits and withdrawals. Sums are exact
// decimals of the records' numbers.
import { Decimal } from "decimal.js";
import type { FillRecord, LedgerTotalKind } from "../../src/model/index.ts";
import { bankruptcyBar, type FinishedRun, fail, fillTag } from "./common.ts";

/** Every kind of cash change a replay recomputes (SPEC 2): fill notional and the ledger totals' kinds. */
export type CashKind = "fillNotional" | LedgerTotalKind;

export type CashByKind = Record<CashKind, Decimal>;

/** A round trip (SPEC 8) as the fills make it: opens when the position leaves 0, closes at 0. */
export interface ReplayedTrade {
  readonly asset: string;
  readonly side: 1 | -1;
  readonly entryT: number;
  exitT: number | null;
  absQty: Decimal;
  realizedPnl: Decimal;
}

export interface Replay {
  /** Per bar, the cash changes of that bar by kind (signed as cash changes). */
  readonly cashByBar: readonly CashByKind[];
  /** Per bar, the positions summed from the fills up to its end. */
  readonly positionsByBar: readonly (readonly Decimal[])[];
  /** Per bar, each asset's mark (last valid close up to it; NaN before its first). */
  readonly marksByBar: readonly (readonly number[])[];
  /** Closed trades in closing order, then the open ones in symbol order (as records list them). */
  readonly trades: readonly ReplayedTrade[];
}

interface Lot {
  qty: Decimal;
  /** Trade P&L is measured from the fill price; variation margin from a reference that moves to each close. */
  readonly price: Decimal;
  ref: Decimal;
}

const ZERO = new Decimal(0);

function noCash(): CashByKind {
  return {
    fillNotional: ZERO,
    commission: ZERO,
    variationMargin: ZERO,
    debitInterest: ZERO,
    creditInterest: ZERO,
    borrowFee: ZERO,
    shortRebate: ZERO,
    deposit: ZERO,
    withdrawal: ZERO,
  };
}

const replays = new WeakMap<FinishedRun["records"], Replay>();

/** The run's replay, made once per records (several checks read it). */
export function replay(run: FinishedRun): Replay {
  const known = replays.get(run.records);
  if (known !== undefined) return known;
  const made = replayOf(run);
  replays.set(run.records, made);
  return made;
}

function replayOf(run: FinishedRun): Replay {
  const { panel, config, records } = run;
  const n = panel.symbols.length;
  const column = new Map(panel.symbols.map((s, i) => [s, i]));
  const multiplier = config.instruments.map((i) => new Decimal(i.multiplier));
  const future = config.instruments.map((i) => i.kind === "future");
  const lots: Lot[][] = Array.from({ length: n }, () => []);
  const open: (ReplayedTrade | null)[] = new Array(n).fill(null);
  const closed: ReplayedTrade[] = [];
  const held = new Array<Decimal>(n).fill(ZERO);
  const marks = new Array<number>(n).fill(Number.NaN);
  const bankruptAt = bankruptcyBar(records);
  const cashByBar: CashByKind[] = [];
  const positionsByBar: Decimal[][] = [];
  const marksByBar: number[][] = [];
  let next = 0;
  let nextEvent = 0;

  const close = (fill: FillRecord, i: number, price: Decimal, cash: CashByKind) => {
    const trade = open[i];
    let left = new Decimal(fill.reducingQty).abs();
    if (trade === null || left.gt(held[i].abs()))
      fail("replay", `${fillTag(fill)}: reduces ${fill.reducingQty} of a position of ${held[i]}`);
    while (left.gt(0)) {
      const lot = lots[i][0];
      const take = Decimal.min(left, lot.qty.abs());
      const closedQty = lot.qty.gt(0) ? take : take.neg();
      trade.realizedPnl = trade.realizedPnl.add(closedQty.mul(price.sub(lot.price)).mul(multiplier[i]));
      if (future[i])
        cash.variationMargin = cash.variationMargin.add(closedQty.mul(price.sub(lot.ref)).mul(multiplier[i]));
      lot.qty = lot.qty.sub(closedQty);
      if (lot.qty.isZero()) lots[i].shift();
      left = left.sub(take);
    }
    if (lots[i].length === 0) {
      trade.exitT = fill.t;
      closed.push(trade);
      open[i] = null;
    }
  };

  const book = (fill: FillRecord, cash: CashByKind) => {
    const i = column.get(fill.asset) as number;
    const price = new Decimal(fill.fillPrice);
    const qty = new Decimal(fill.qty);
    if (!future[i]) cash.fillNotional = cash.fillNotional.sub(qty.mul(price).mul(multiplier[i]));
    cash.commission = cash.commission.sub(fill.commission);
    if (fill.reducingQty !== 0) close(fill, i, price, cash);
    if (fill.increasingQty !== 0) {
      const increasing = new Decimal(fill.increasingQty);
      open[i] ??= {
        asset: fill.asset,
        side: increasing.gt(0) ? 1 : -1,
        entryT: fill.t,
        exitT: null,
        absQty: ZERO,
        realizedPnl: ZERO,
      };
      const trade = open[i] as ReplayedTrade;
      trade.absQty = trade.absQty.add(increasing.abs());
      lots[i].push({ qty: increasing, price, ref: price });
    }
    held[i] = held[i].add(qty);
  };

  for (let t = 0; t < panel.times.length; t++) {
    const cash = noCash();
    // SPEC 12: the posted cash flows of step 1 (a refused withdrawal posts nothing).
    for (; nextEvent < records.events.length && records.events[nextEvent].t === t; nextEvent++) {
      const event = records.events[nextEvent];
      if (event.kind !== "cashFlow") continue;
      if (event.amount > 0) cash.deposit = cash.deposit.add(event.amount);
      else cash.withdrawal = cash.withdrawal.add(event.amount);
    }
    for (; next < records.fills.length && records.fills[next].t === t; next++)
      book(records.fills[next], cash);
    for (let i = 0; i < n; i++) {
      const price = panel.close[t * n + i];
      if (Number.isNaN(price)) continue;
      marks[i] = price;
      if (!future[i]) continue;
      const closePrice = new Decimal(price);
      for (const lot of lots[i]) {
        cash.variationMargin = cash.variationMargin.add(
          lot.qty.mul(closePrice.sub(lot.ref)).mul(multiplier[i]),
        );
        lot.ref = closePrice;
      }
    }
    const flatAfterBankruptcy = t > bankruptAt && held.every((q) => q.isZero());
    if (config.account === "margin" && t > 0 && !flatAfterBankruptcy)
      finance(run, t, positionsByBar[t - 1], marksByBar[t - 1], cash);
    cashByBar.push(cash);
    positionsByBar.push([...held]);
    marksByBar.push([...marks]);
  }
  const stillOpen = panel.symbols
    .map((symbol, i) => ({ symbol, trade: open[i] }))
    .sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0))
    .flatMap(({ trade }) => (trade === null ? [] : [trade]));
  return { cashByBar, positionsByBar, marksByBar, trades: [...closed, ...stillOpen] };
}

/**
 * SPEC 3.2: the financing of close t on the snapshot of t-1, actual/360 over the calendar days
 * between the two bars' dates. Interest is on the cash minus the short proceeds held in it (the
 * short equities' market value at t-1); those proceeds earn only the rebate.
 */
function finance(
  { panel, config, records }: FinishedRun,
  t: number,
  positions: readonly Decimal[],
  marks: readonly number[],
  cash: CashByKind,
): void {
  const days = Math.floor(panel.times[t] / 86_400_000) - Math.floor(panel.times[t - 1] / 86_400_000);
  const accrual = (rate: number, base: Decimal) => new Decimal(rate).mul(days).mul(base).div(360);
  let shortValue = ZERO;
  config.instruments.forEach((instrument, i) => {
    if (instrument.kind === "future" || !positions[i].lt(0)) return;
    const value = positions[i].abs().mul(marks[i]).mul(instrument.multiplier);
    shortValue = shortValue.add(value);
    cash.borrowFee = cash.borrowFee.sub(accrual(instrument.borrowRate, value));
    cash.shortRebate = cash.shortRebate.add(accrual(config.shortRebateRate, value));
  });
  const balance = new Decimal(records.series.cash[t - 1]).sub(shortValue);
  if (balance.lt(0)) cash.debitInterest = cash.debitInterest.sub(accrual(config.debitRate, balance.neg()));
  else cash.creditInterest = cash.creditInterest.add(accrual(config.creditRate, balance));
}
