// SPEC 3.1 and 12: settlement of a cash account's sales, and the good-faith rule. A sale's net
// proceeds are a receivable until its settlement date (T+N business days, or the US equity cycle
// by trade date). Buys draw on settled cash first, then on receivables, earliest settling first;
// each bought lot remembers the latest settlement date it drew on, and selling it before that
// date is a good-faith violation. Enough violations in 12 months restrict the account to settled
// cash for 90 calendar days. Under "forbid", buys use settled cash only (LEAN's rule).
import { isoDate, type RunConfig } from "../src/model/index.ts";
import { Dec, ZERO } from "./decimal.ts";

interface Receivable {
  readonly orderId: number;
  readonly asset: string;
  readonly tradeDate: string;
  readonly settleDate: string;
  readonly amount: Dec;
  drawn: Dec;
}

interface Lot {
  qty: Dec;
  /** Latest settlement date of the unsettled funds the buy drew on; null if it used settled cash. */
  readonly fundsSettle: string | null;
}

type Event =
  | { kind: "settlement"; asset: string; orderId: number; tradeDate: string; amount: number }
  | { kind: "restricted"; until: string; violations: number };

export class CashSettlement {
  private receivables: Receivable[] = [];
  private readonly lots: Lot[][];
  private readonly violationDates: string[] = [];
  /** Restrictions: from bar `from` on, until the first bar dated on or after `until`. */
  private readonly restrictions: { from: number; until: string; violations: number }[] = [];
  /** Weekdays that do not count as settlement days: exchange holidays and settlement holidays. */
  private readonly noSettlement: ReadonlySet<string>;
  /** Whether sales settle later than the trade (settlement other than 0). */
  readonly active: boolean;

  constructor(
    private readonly config: RunConfig,
    private readonly times: Float64Array,
    assets: number,
  ) {
    this.active = config.account === "cash" && config.settlement !== 0;
    this.noSettlement = new Set([...(config.holidays ?? []), ...config.settlementHolidays]);
    this.lots = Array.from({ length: assets }, () => []);
  }

  /** Step 1 of bar t: receivables due settle; restrictions that start now are announced. */
  step1(t: number): Event[] {
    const date = isoDate(this.times[t]);
    const events: Event[] = [];
    for (const restriction of this.restrictions) {
      if (restriction.from === t)
        events.push({ kind: "restricted", until: restriction.until, violations: restriction.violations });
    }
    const due = this.receivables.filter((r) => r.settleDate <= date);
    this.receivables = this.receivables.filter((r) => r.settleDate > date);
    for (const r of due)
      events.push({
        kind: "settlement",
        asset: r.asset,
        orderId: r.orderId,
        tradeDate: r.tradeDate,
        amount: r.amount.toNumber(),
      });
    return events;
  }

  /** Cash not owed to unsettled receivables (what a restricted or "forbid" buy may use). */
  settledCash(cash: Dec): Dec {
    let pending = ZERO;
    for (const r of this.receivables) pending = pending.add(r.amount.sub(r.drawn));
    return cash.sub(pending);
  }

  restricted(t: number): boolean {
    const date = isoDate(this.times[t]);
    return this.restrictions.some((r) => r.from <= t && date < r.until);
  }

  /** SPEC 12: insufficientCash checks `all`, then restricted checks `forBuys`. */
  available(cash: Dec, t: number): { all: Dec; forBuys: Dec } {
    if (!this.active) return { all: cash, forBuys: cash };
    const settled = this.settledCash(cash);
    if (this.config.unsettledFunds === "forbid") return { all: settled, forBuys: settled };
    return { all: cash, forBuys: this.restricted(t) ? settled : cash };
  }

  /**
   * A buy of qty costing `outflow`, with `cashBefore` in the account: draws settled cash, then
   * receivables by earliest settlement; the lot remembers the latest date drawn on. Returns the
   * amount drawn on unsettled funds (I4: 0 under "forbid" or a restriction). Only an active
   * settlement sees fills (batch.ts), as onSale below.
   */
  onBuy(asset: number, qty: Dec, outflow: Dec, cashBefore: Dec): Dec {
    let left = outflow.sub(this.settledCash(cashBefore));
    let latest: string | null = null;
    let drawn = ZERO;
    const byDate = [...this.receivables].sort((a, b) =>
      a.settleDate < b.settleDate ? -1 : a.settleDate > b.settleDate ? 1 : 0,
    );
    for (const r of byDate) {
      if (!left.gt(0)) break;
      const take = Dec.min(left, r.amount.sub(r.drawn));
      if (!take.gt(0)) continue;
      r.drawn = r.drawn.add(take);
      drawn = drawn.add(take);
      left = left.sub(take);
      latest = r.settleDate;
    }
    this.lots[asset].push({ qty, fundsSettle: latest });
    return drawn;
  }

  /**
   * A sale of |qty| at bar t with net proceeds: consumes lots FIFO; true when one of them was
   * bought with funds that settle after today (a good-faith violation). Records the receivable.
   */
  onSale(asset: number, symbol: string, orderId: number, qty: Dec, netProceeds: Dec, t: number): boolean {
    const tradeDate = isoDate(this.times[t]);
    let left = qty.abs();
    let violating = false;
    const lots = this.lots[asset];
    while (left.gt(0) && lots.length > 0) {
      const lot = lots[0];
      const take = Dec.min(left, lot.qty);
      if (lot.fundsSettle !== null && tradeDate < lot.fundsSettle) violating = true;
      lot.qty = lot.qty.sub(take);
      if (lot.qty.isZero()) lots.shift();
      left = left.sub(take);
    }
    // Only positive proceeds wait to settle: a sale whose commission exceeds them is a debit now.
    if (!netProceeds.gt(0)) return violating;
    this.receivables.push({
      orderId,
      asset: symbol,
      tradeDate,
      settleDate: this.settlementDate(tradeDate),
      amount: netProceeds,
      drawn: ZERO,
    });
    return violating;
  }

  /** Records a violation at bar t; returns the count in the 12 months ending at its date. */
  addViolation(t: number): number {
    const date = isoDate(this.times[t]);
    this.violationDates.push(date);
    const yearAgo = yearBefore(date);
    const count = this.violationDates.filter((d) => d > yearAgo && d <= date).length;
    if (count >= this.config.gfvLimit)
      this.restrictions.push({ from: t + 1, until: addDays(date, 90), violations: count });
    return count;
  }

  /** Trade date plus N settlement days (weekdays minus both holiday lists); "us-equity" picks N by date. */
  settlementDate(tradeDate: string): string {
    const setting = this.config.settlement;
    const days = setting !== "us-equity" ? setting : usEquityCycle(tradeDate);
    let date = tradeDate;
    for (let added = 0; added < days; ) {
      date = addDays(date, 1);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6 && !this.noSettlement.has(date)) added++;
    }
    return date;
  }
}

/** SPEC 3.1: T+5 before 1995-06-07 (SEC rule 15c6-1), T+3, T+2 from 2017-09-05, T+1 from 2024-05-28. */
function usEquityCycle(tradeDate: string): number {
  if (tradeDate < "1995-06-07") return 5;
  if (tradeDate < "2017-09-05") return 3;
  return tradeDate < "2024-05-28" ? 2 : 1;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** SPEC 12: the same month and day a year earlier, 28 February for 29 February. */
function yearBefore(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDay = date.slice(4) === "-02-29" && !leap ? "-02-28" : date.slice(4);
  return `${String(year).padStart(4, "0")}${monthDay}`;
}
