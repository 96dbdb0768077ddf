// SPEC 12 (cash flows) seen from the records: every configured flow dated within the panel is one
// cashFlow or withdrawalRefused event on the first bar dated on or after its date, in the config's
// order, with its amount; a deposit is never refused; a flow after the last bar is a warning, not
// an event. A refusal is recomputed from the series: in step 1 of bar t the account is the
// snapshot of t-1 (marks at the last closes, futures settled) plus the flows posted before it, so
// margin and futures accounts may withdraw equity - max(IM, MM) (floor 0); a cash account never
// more than its cash, and exactly its cash when sales settle at once.
import { Decimal } from "decimal.js";
import { type EventRecord, isoDate } from "../../src/model/index.ts";
import { type FinishedRun, fail, moneyAllowance } from "./common.ts";

type FlowEvent = Extract<EventRecord, { kind: "cashFlow" | "withdrawalRefused" }>;

export function cashFlowsAreApplied({ panel, config, records }: FinishedRun): void {
  const check = "cashFlowsAreApplied";
  const dates = Array.from(panel.times, isoDate);
  const events = records.events.filter(
    (e): e is FlowEvent => e.kind === "cashFlow" || e.kind === "withdrawalRefused",
  );
  const due = config.cashFlows.filter((flow) => dates.length > 0 && flow.date <= dates[dates.length - 1]);
  for (const flow of config.cashFlows.filter((f) => !due.includes(f)))
    if (!records.warnings.some((w) => w.includes(`cashFlows: the flow dated ${flow.date}`)))
      fail(
        check,
        `the flow of ${flow.amount} dated ${flow.date} is after the last bar, and no warning says so`,
      );
  if (events.length !== due.length)
    fail(
      check,
      `${due.length} flows dated within the panel, ${events.length} cashFlow/withdrawalRefused events`,
    );
  let postedThisBar = new Decimal(0);
  let bar = -1;
  due.forEach((flow, k) => {
    const event = events[k];
    const t = dates.findIndex((date) => date >= flow.date);
    const where = `flow ${k} (${flow.amount} dated ${flow.date})`;
    if (event.t !== t || event.step !== 1 || event.amount !== flow.amount)
      fail(
        check,
        `${where}: expected in step 1 of t=${t}, got ${event.kind} ${event.amount} at t=${event.t} step ${event.step}`,
      );
    if (t !== bar) {
      bar = t;
      postedThisBar = new Decimal(0);
    }
    if (flow.amount > 0 && event.kind !== "cashFlow") fail(check, `${where}: a deposit was refused`);
    if (flow.amount < 0) withdrawal(check, where, { config, records }, event, t, postedThisBar);
    if (event.kind === "cashFlow") postedThisBar = postedThisBar.add(flow.amount);
  });
}

/** A withdrawal's outcome against what the account held in step 1 of bar t. */
function withdrawal(
  check: string,
  where: string,
  { config, records }: Pick<FinishedRun, "config" | "records">,
  event: FlowEvent,
  t: number,
  postedThisBar: Decimal,
): void {
  const s = records.series;
  const before = (values: readonly number[], initial: number) =>
    new Decimal(t === 0 ? initial : values[t - 1]);
  const cash = before(s.cash, config.initialCash).add(postedThisBar);
  const wanted = new Decimal(event.amount).neg();
  let available: Decimal;
  let exact: boolean;
  if (config.account === "cash") {
    available = Decimal.max(cash, 0);
    // With settlement, settled cash is cash minus the receivables still pending: at most cash.
    exact = config.settlement === 0;
  } else {
    const equity = before(s.equity, config.initialCash).add(postedThisBar);
    const required = Decimal.max(before(s.initialMargin, 0), before(s.maintenanceMargin, 0));
    available = Decimal.max(equity.sub(required), 0);
    exact = true;
  }
  const size = available.abs().add(wanted).add(cash.abs());
  const allowed = moneyAllowance(size);
  if (event.kind === "cashFlow" && wanted.gt(available.add(allowed)))
    fail(check, `${where}: posted at t=${t}, yet only ${available} was available`);
  if (event.kind === "withdrawalRefused") {
    const stated = new Decimal(event.available);
    if (
      stated.lt(0) ||
      stated.gt(available.add(allowed)) ||
      (exact && stated.sub(available).abs().gt(allowed))
    )
      fail(check, `${where}: refused with available ${event.available}, recomputed ${available}`);
    if (!wanted.gt(stated.sub(allowed)))
      fail(check, `${where}: refused though it is within its available ${event.available}`);
  }
}
