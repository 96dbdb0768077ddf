// SPEC 3.1, 12 and 10 (I4's settlement half) from the records: a cash account's sales become
// receivables that settle at the bar of their `settlement` event (never, if none came before the
// end); buys draw on settled cash first, then on receivables by earliest settlement, and each
// bought lot remembers the latest settlement it drew on. A sale of such a lot before that bar is
// a good-faith violation: the records must show one per order, at its first violating fill, and
// no other; under "forbid" no buy draws on a receivable at all.
import { Decimal } from "decimal.js";
import { type FillRecord, isoDate } from "../../src/model/index.ts";
import { type FinishedRun, fail, fillTag, moneyAllowance } from "./common.ts";

interface Receivable {
  readonly tradeDate: string;
  /** The bar of its settlement event; Infinity when it had not settled by the end. */
  readonly settleBar: number;
  readonly amount: Decimal;
  drawn: Decimal;
}

interface Lot {
  qty: Decimal;
  /** The latest settlement bar of the receivables its buy drew on; null if it used settled cash. */
  readonly fundsSettleBar: number | null;
}

/** I4: every sale of a lot before its funds settled is a recorded violation, and nothing else is. */
export function earlySalesAreViolations({ panel, config, records }: FinishedRun): void {
  if (config.account !== "cash" || config.settlement === 0) return;
  const check = "earlySalesAreViolations";
  const column = new Map(panel.symbols.map((s, i) => [s, i]));
  const settlesAt = settlementBars(records.events);
  const lots: Lot[][] = panel.symbols.map(() => []);
  let receivables: Receivable[] = [];
  const expected = new Map<number, number>();
  let next = 0;
  for (let t = 0; t < panel.times.length; t++) {
    receivables = receivables.filter((r) => r.settleBar > t);
    const fills: FillRecord[] = [];
    for (; next < records.fills.length && records.fills[next].t === t; next++)
      fills.push(records.fills[next]);
    const outflows = fills.map((fill) => {
      const multiplier = config.instruments[column.get(fill.asset) as number].multiplier;
      return new Decimal(fill.qty).mul(fill.fillPrice).mul(multiplier).add(fill.commission);
    });
    // Cash before the bar's first fill: the close's cash before its fills (step 1's changes included).
    let cash = outflows.reduce((sum, outflow) => sum.add(outflow), new Decimal(records.series.cash[t]));
    for (const [k, fill] of fills.entries()) {
      const i = column.get(fill.asset) as number;
      const outflow = outflows[k];
      if (fill.qty > 0) {
        const fundsSettleBar = drawForBuy(receivables, outflow, cash);
        if (fundsSettleBar !== null && config.unsettledFunds === "forbid")
          fail(check, `${fillTag(fill)}: a buy drew on unsettled proceeds under "forbid"`);
        lots[i].push({ qty: new Decimal(fill.qty), fundsSettleBar });
      } else {
        if (sellsEarly(lots[i], fill) && !expected.has(fill.orderId)) expected.set(fill.orderId, t);
        const proceeds = outflow.neg();
        if (proceeds.gt(0)) {
          const tradeDate = isoDate(panel.times[t]);
          const settleBar =
            settlesAt.get(`${fill.orderId}@${tradeDate}`)?.shift() ?? Number.POSITIVE_INFINITY;
          receivables.push({ tradeDate, settleBar, amount: proceeds, drawn: new Decimal(0) });
        }
      }
      cash = cash.sub(outflow);
    }
  }
  const recorded = new Map<number, number>();
  for (const event of records.events) {
    if (event.kind !== "goodFaithViolation") continue;
    if (recorded.has(event.orderId))
      fail(check, `order ${event.orderId}: a second goodFaithViolation at t=${event.t} (one per order)`);
    recorded.set(event.orderId, event.t);
  }
  for (const [orderId, t] of expected)
    if (recorded.get(orderId) !== t)
      fail(
        check,
        `order ${orderId} sold at t=${t} a lot bought with funds not yet settled: violation recorded at ${recorded.get(orderId) ?? "no bar"}`,
      );
  for (const [orderId, t] of recorded)
    if (!expected.has(orderId))
      fail(
        check,
        `order ${orderId}: goodFaithViolation at t=${t}, yet it sold no lot before its funds settled`,
      );
}

/** The bars at which each sale's receivable settled, by "orderId@tradeDate", in event order. */
function settlementBars(events: FinishedRun["records"]["events"]): Map<string, number[]> {
  const bars = new Map<string, number[]>();
  for (const event of events) {
    if (event.kind !== "settlement") continue;
    const key = `${event.orderId}@${event.tradeDate}`;
    bars.set(key, [...(bars.get(key) ?? []), event.t]);
  }
  return bars;
}

/** Draws a buy's outflow beyond the settled cash on the receivables, earliest settling first. */
function drawForBuy(receivables: readonly Receivable[], outflow: Decimal, cash: Decimal): number | null {
  const pending = receivables.reduce((sum, r) => sum.add(r.amount.sub(r.drawn)), new Decimal(0));
  let left = outflow.sub(cash.sub(pending));
  // Within the rounding of the records' numbers, a buy that spends the settled cash to the cent draws nothing.
  const rounding = moneyAllowance(outflow.abs().add(cash.abs()));
  if (left.lte(rounding)) return null;
  let latest: number | null = null;
  const byDate = [...receivables].sort((a, b) =>
    a.settleBar !== b.settleBar ? a.settleBar - b.settleBar : a.tradeDate < b.tradeDate ? -1 : 0,
  );
  for (const r of byDate) {
    if (!left.gt(0)) break;
    const take = Decimal.min(left, r.amount.sub(r.drawn));
    if (!take.gt(0)) continue;
    r.drawn = r.drawn.add(take);
    left = left.sub(take);
    latest = r.settleBar;
  }
  return latest;
}

/** Consumes the sale's lots FIFO; true when one was bought with funds that settle after this bar. */
function sellsEarly(lots: Lot[], fill: FillRecord): boolean {
  let left = new Decimal(fill.qty).abs();
  let early = false;
  while (left.gt(0) && lots.length > 0) {
    const lot = lots[0];
    const take = Decimal.min(left, lot.qty);
    if (lot.fundsSettleBar !== null && fill.t < lot.fundsSettleBar) early = true;
    lot.qty = lot.qty.sub(take);
    if (lot.qty.isZero()) lots.shift();
    left = left.sub(take);
  }
  return early;
}
