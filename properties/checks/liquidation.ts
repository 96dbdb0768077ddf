// SPEC 12: a margin-call liquidation works only while the account stays in call. Checked from the
// records alone: the closes in call are the marginCall events, and a liquidation order that is
// not a bankruptcy close-out (those take their ids at the bankrupt close) must not fill after a
// close out of call, and must end there with reason callCured.
import { bankruptcyBar, type FinishedRun, fail, orderTag } from "./common.ts";

export function liquidationsStopWhenTheCallIsCured({ panel, records }: FinishedRun): void {
  const check = "liquidationsStopWhenTheCallIsCured";
  const inCallAt = new Set(records.events.filter((e) => e.kind === "marginCall").map((e) => e.t));
  const bankruptAt = bankruptcyBar(records);
  const last = panel.times.length - 1;
  for (const o of records.orders) {
    const cured = o.reason?.kind === "callCured";
    if (cured && (o.type !== "liquidation" || o.t === bankruptAt))
      fail(check, `${orderTag(o)}: callCured on an order that is not a margin-call liquidation`);
    if (o.type !== "liquidation" || o.t === bankruptAt) continue;
    // The first open after the liquidation's own open whose previous close was out of call.
    let curedAt = o.t + 1;
    while (curedAt <= last && inCallAt.has(curedAt - 1)) curedAt++;
    for (const f of records.fills)
      if (f.orderId === o.id && f.t >= curedAt)
        fail(check, `${orderTag(o)}: filled at t=${f.t}, after the close t=${curedAt - 1} out of call`);
    const workingAtCure = curedAt <= last && (o.doneT === null || o.doneT >= curedAt);
    if (workingAtCure && !(cured && o.doneT === curedAt))
      fail(
        check,
        `${orderTag(o)}: still working at the open t=${curedAt} after a close out of call, ended ${o.status} ` +
          `(${o.reason?.kind ?? null}) at t=${o.doneT}, not callCured there`,
      );
    if (cured && !workingAtCure)
      fail(
        check,
        `${orderTag(o)}: callCured at t=${o.doneT}, but the first close out of call is t=${curedAt - 1}`,
      );
  }
}
