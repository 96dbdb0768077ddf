// SPEC 3.1 and 12, for cash accounts: sale proceeds settle T+N business days later (or by the US
// equity cycle); buys draw settled cash first, then receivables by earliest settlement; a lot
// bought with unsettled funds and sold before they settle is a good-faith violation; gfvLimit
// violations in 12 months restrict buys to settled cash for 90 days. Dates are UTC day numbers.
import type { RunConfig } from "../model/index.ts";
import { LotQueues } from "./lots.ts";
import { beyond } from "./numeric.ts";

const DAY = 86_400_000;
const T3_FROM = Date.UTC(1995, 5, 7) / DAY;
const T2_FROM = Date.UTC(2017, 8, 5) / DAY;
const T1_FROM = Date.UTC(2024, 4, 28) / DAY;

interface Receivable {
  readonly orderId: number;
  readonly asset: number;
  readonly tradeDay: number;
  readonly settleDay: number;
  readonly amount: number;
  drawn: number;
}

export interface SettlementEvent {
  readonly kind: "settlement" | "restricted";
  readonly asset: number;
  readonly orderId: number;
  readonly tradeDay: number;
  readonly amount: number;
  readonly untilDay: number;
  readonly violations: number;
}

export class Settlement {
  readonly active: boolean;
  private receivables: Receivable[] = [];
  /**
   * Per asset: lots bought, each with the latest settlement day of the funds it drew; -Infinity
   * for settled cash (not -1: day numbers before 1970 are negative).
   */
  private readonly lots: LotQueues;
  private readonly violationDays: number[] = [];
  private readonly restrictions: { from: number; untilDay: number; violations: number }[] = [];
  /** Day numbers of weekdays that are no settlement days: exchange and settlement holidays. */
  private readonly noSettlement: ReadonlySet<number>;

  constructor(
    private readonly config: RunConfig,
    private readonly days: Float64Array,
    assets: number,
  ) {
    this.active = config.account === "cash" && config.settlement !== 0;
    this.noSettlement = new Set(
      [...(config.holidays ?? []), ...config.settlementHolidays].map(
        (date) => Date.parse(`${date}T00:00:00Z`) / DAY,
      ),
    );
    this.lots = new LotQueues(assets);
  }

  /** Step 1: restrictions starting at bar t, then receivables due by its date. */
  settle(t: number, events: SettlementEvent[]): void {
    for (const r of this.restrictions) {
      if (r.from === t)
        events.push({
          kind: "restricted",
          asset: -1,
          orderId: 0,
          tradeDay: 0,
          amount: 0,
          untilDay: r.untilDay,
          violations: r.violations,
        });
    }
    if (this.receivables.length === 0) return;
    const today = this.days[t];
    const kept: Receivable[] = [];
    for (const r of this.receivables) {
      if (r.settleDay <= today)
        events.push({
          kind: "settlement",
          asset: r.asset,
          orderId: r.orderId,
          tradeDay: r.tradeDay,
          amount: r.amount,
          untilDay: 0,
          violations: 0,
        });
      else kept.push(r);
    }
    this.receivables = kept;
  }

  /** Cash not owed to receivables still unsettled. */
  settled(cash: number): number {
    let pending = 0;
    for (const r of this.receivables) pending += r.amount - r.drawn;
    return cash - pending;
  }

  /** The size of the amounts settled cash is computed from: cash and the pending receivables. */
  private scaleOf(cash: number): number {
    let scale = Math.abs(cash);
    for (const r of this.receivables) scale += r.amount + r.drawn;
    return scale;
  }

  restricted(t: number): boolean {
    const today = this.days[t];
    for (const r of this.restrictions) if (r.from <= t && today < r.untilDay) return true;
    return false;
  }

  /**
   * Cash for the insufficientCash check (`all`) and for the restricted check (`forBuys`), SPEC 12,
   * and `scale`, the size of the amounts they were computed from (for the tie rule): settled cash
   * is cash minus receivables of 1e5 that may net to 0, so its float error is of their size.
   */
  available(cash: number, t: number, out: { all: number; forBuys: number; scale: number }): void {
    out.scale = this.scaleOf(cash);
    if (!this.active) {
      out.all = cash;
      out.forBuys = cash;
      return;
    }
    const settled = this.settled(cash);
    const forbid = this.config.unsettledFunds === "forbid";
    out.all = forbid ? settled : cash;
    out.forBuys = forbid || this.restricted(t) ? settled : cash;
  }

  /** A buy of `lots` costing `outflow`: draws settled cash, then receivables earliest first. */
  buy(asset: number, lots: number, outflow: number, cashBefore: number): number {
    let left = outflow - this.settled(cashBefore);
    let latest = Number.NEGATIVE_INFINITY;
    let drawn = 0;
    // A buy of exactly the settled cash leaves a float remainder of ~1e-13: a tie, nothing drawn.
    if (beyond(left, 0, Math.abs(outflow) + this.scaleOf(cashBefore))) {
      const byDay = this.receivables.slice().sort((a, b) => a.settleDay - b.settleDay);
      for (const r of byDay) {
        if (left <= 0) break;
        const take = Math.min(left, r.amount - r.drawn);
        if (take <= 0) continue;
        r.drawn += take;
        drawn += take;
        left -= take;
        latest = r.settleDay;
      }
    }
    this.lots.push(asset, lots, latest);
    return drawn;
  }

  /** A sale of |lots| at bar t: consumes lots FIFO (true if one was bought with funds settling later) and books the receivable. */
  sell(asset: number, orderId: number, absLots: number, netProceeds: number, t: number): boolean {
    const today = this.days[t];
    let left = absLots;
    let violating = false;
    while (left > 0 && this.lots.count(asset) > 0) {
      const fundsSettle = this.lots.valueAt(asset, 0);
      if (today < fundsSettle) violating = true;
      left -= Math.abs(this.lots.takeOldest(asset, left));
    }
    // Only positive proceeds wait to settle: a sale whose commission exceeds them is a debit now.
    if (!(netProceeds > 0)) return violating;
    this.receivables.push({
      orderId,
      asset,
      tradeDay: today,
      settleDay: this.settlementDay(today),
      amount: netProceeds,
      drawn: 0,
    });
    return violating;
  }

  /** A violation at bar t; the count in the 12 months ending then (a restriction once it reaches gfvLimit). */
  violate(t: number): number {
    const today = this.days[t];
    this.violationDays.push(today);
    const yearAgo = yearBefore(today);
    let count = 0;
    for (const day of this.violationDays) if (day > yearAgo && day <= today) count++;
    if (count >= this.config.gfvLimit)
      this.restrictions.push({ from: t + 1, untilDay: today + 90, violations: count });
    return count;
  }

  private settlementDay(tradeDay: number): number {
    const setting = this.config.settlement;
    const n = setting !== "us-equity" ? setting : usEquityCycle(tradeDay);
    let day = tradeDay;
    for (let added = 0; added < n; ) {
      day++;
      // Day 0 (1970-01-01) was a Thursday; % keeps the sign of the negative days before it.
      const weekday = (((day + 4) % 7) + 7) % 7;
      if (weekday !== 0 && weekday !== 6 && !this.noSettlement.has(day)) added++;
    }
    return day;
  }
}

/** SPEC 3.1: T+5 before 1995-06-07, T+3, T+2 from 2017-09-05, T+1 from 2024-05-28. */
function usEquityCycle(tradeDay: number): number {
  if (tradeDay < T3_FROM) return 5;
  if (tradeDay < T2_FROM) return 3;
  return tradeDay < T1_FROM ? 2 : 1;
}

/** SPEC 12: the day number of the same month and day a year earlier (28 February for 29 February). */
function yearBefore(day: number): number {
  const d = new Date(day * DAY);
  const year = d.getUTCFullYear() - 1;
  const month = d.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastOfMonth)) / DAY;
}
