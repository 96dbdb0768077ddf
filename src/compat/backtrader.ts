// compat: "backtrader": the defaults under which assay's engines follow Backtrader 1.9.78's
// BackBroker (backtrader/brokers/bbroker.py) with its default parameters. Each key names the
// peer's rule it mirrors; docs/peers.md has the full table and what is not mirrored.
import type { ConfigInput } from "../config/input.ts";
import type { Reason } from "../model/index.ts";

export const BACKTRADER_CONFIG: Readonly<ConfigInput> = Object.freeze({
  // BackBroker(shortcash=True): _execute() adds a short sale's proceeds to cash and refuses the
  // opening part of a fill that would take cash below 0; there is no margin requirement.
  account: "margin",
  shortCash: true,
  // next() runs the pending orders one by one in submission order, and _execute() fills each
  // order's closing part, then checks its opening part: no batch-wide exits first.
  exitsFirst: false,
  // BackBroker(checksubmit=True): check_submitted() pseudo-executes each new order at its
  // creation price against a running cash, in submission order, before matching.
  checkAtSubmit: true,
  // BackBroker(filler=None): _execute() takes order.executed.remsize whole; volume is never read.
  maxParticipation: null,
  onZeroVolume: "fill",
  // _execute() nullifies the opened part when cash < 0 and calls order.margin(): no partial
  // fill and no scaling, for target orders (order_target_*) too.
  onInsufficient: "reject",
});

/**
 * The order status Backtrader gives where assay records `reason` (order.py's Status): Margin for
 * every cash or margin refusal, Canceled and Expired for the ends that are not refusals.
 */
export function backtraderStatus(reason: Reason): string {
  switch (reason.kind) {
    case "insufficientCash":
    case "insufficientBuyingPower":
    case "submitCheck":
    case "maxGrossLeverage":
    case "maxNetLeverage":
    case "scaled":
      return "Margin";
    case "cancelRequested":
    case "zeroVolume":
      return "Canceled";
    case "endOfData":
    case "dayExpired":
      return "Expired";
    default:
      return reason.kind;
  }
}
