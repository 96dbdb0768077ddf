// SPEC 10 (I3, I4) on the per-bar series: positions are the fills' sums; a cash account stays
// long and owes at most its sales' excess commissions.
import { Decimal } from "decimal.js";
import { type FinishedRun, fail, fillTag, moneyAllowance } from "./common.ts";

/** I3 on the records: each series row's positions equal the sum of fills up to that bar. */
export function positionsAreSumOfFills({ panel, records }: FinishedRun): void {
  const check = "positionsAreSumOfFills";
  const n = panel.symbols.length;
  const bars = panel.times.length;
  if (records.series.positions.length !== bars)
    fail(check, `${records.series.positions.length} series rows for ${bars} bars`);
  const column = new Map(panel.symbols.map((s, i) => [s, i]));
  const held = new Array<Decimal>(n).fill(new Decimal(0));
  let next = 0;
  const fills = records.fills;
  for (let t = 0; t < bars; t++) {
    for (; next < fills.length && fills[next].t === t; next++) {
      const i = column.get(fills[next].asset) as number;
      held[i] = held[i].add(fills[next].qty);
    }
    if (next < fills.length && fills[next].t < t)
      fail(check, `${fillTag(fills[next])}: fills are not in bar order (row ${t})`);
    const row = records.series.positions[t];
    for (let i = 0; i < n; i++)
      if (!held[i].eq(row[i]))
        fail(check, `t=${t} asset=${panel.symbols[i]}: series position ${row[i]} != sum of fills ${held[i]}`);
  }
  if (next < fills.length) fail(check, `${fillTag(fills[next])}: a fill after the last bar ${bars - 1}`);
}

/**
 * I4 on the series: a cash account never holds a short, and its cash is below 0 only by what
 * sales' fixed or minimum commissions took beyond their proceeds (docs/semantics.md: a sale is
 * never rejected, a buy never takes cash below 0), so cash >= -(the sum of those excesses so far).
 * Records hold float64 numbers: a buy that spends cash to the cent can leave -1.8e-14 where the
 * exact sum is 0, so "below 0" is beyond SPEC 9's money tolerance of the cash moved so far (fills
 * and cash flows; the reference asserts I4 exactly, in decimals, inside).
 */
export function cashAccountIsLongAndSolvent({ panel, config, records }: FinishedRun): void {
  if (config.account !== "cash") return;
  const check = "cashAccountIsLongAndSolvent";
  const { cash, positions } = records.series;
  const multiplier = new Map(config.instruments.map((i) => [i.symbol, i.multiplier]));
  let excess = new Decimal(0);
  let moved = new Decimal(config.initialCash);
  let next = 0;
  for (let t = 0; t < cash.length; t++) {
    for (const e of records.events)
      if (e.kind === "cashFlow" && e.t === t) moved = moved.add(Math.abs(e.amount));
    for (; next < records.fills.length && records.fills[next].t === t; next++) {
      const f = records.fills[next];
      const notional = new Decimal(f.qty)
        .abs()
        .mul(f.fillPrice)
        .mul(multiplier.get(f.asset) ?? 1);
      moved = moved.add(notional).add(f.commission);
      if (f.qty < 0 && notional.lt(f.commission))
        excess = excess.add(new Decimal(f.commission).sub(notional));
    }
    const allowed = moneyAllowance(moved);
    if (excess.add(cash[t]).lt(allowed.neg()))
      fail(
        check,
        `t=${t}: cash ${cash[t]} < 0 in a cash account beyond sales' excess commissions ${excess} (allowed ${allowed})`,
      );
    positions[t].forEach((q, i) => {
      if (q < 0) fail(check, `t=${t} asset=${panel.symbols[i]}: position ${q} < 0 in a cash account`);
    });
  }
}
