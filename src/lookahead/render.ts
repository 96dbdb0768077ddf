// Look-ahead detection: the report as text, a verdict either way. A finding names the decision
// bar (t and date), the asset, the bar after which the data was perturbed, and both runs' orders.
import { isoDate, unreachable } from "../model/index.ts";
import type { Decision } from "./decisions.ts";
import type { LookaheadReport } from "./detect.ts";

/** The verdict lines; `times` are the panel's (for the dates). */
export function renderLookahead(report: LookaheadReport, times: Float64Array): string[] {
  const samples = report.bars.length;
  const sampled = `sampled bars t: ${report.bars.join(", ")} (seed ${report.seed})`;
  if (report.findings.length === 0)
    return [
      `no look-ahead found in ${samples} samples: no decision at or before a sampled bar t changed when the bars after t were perturbed (${report.compared} decisions compared; a sampled test, not a proof: docs/lookahead.md)`,
      sampled,
    ];
  const first = report.findings[0];
  const at = `at bar t=${first.t} (${isoDate(times[first.t])})`;
  const what = first.asset === null ? `decisions ${at}` : `decision ${at} asset ${first.asset}`;
  const lines = [
    `look-ahead: ${what} changed when bars after t=${first.after} were perturbed: base orders ${describeDecisions(first.base)} vs perturbed ${describeDecisions(first.perturbed)}`,
  ];
  if (first.otherAssets.length > 0)
    lines.push(`also changed at t=${first.t}: ${first.otherAssets.join(", ")}`);
  lines.push(
    `look-ahead in ${report.findings.length} of ${samples} samples (perturbed after t = ${report.findings.map((finding) => finding.after).join(", ")})`,
    sampled,
  );
  return lines;
}

/** Decisions as `[S003 market targetUnits 1, cancel #12 (S001)]`. */
export function describeDecisions(decisions: readonly Decision[]): string {
  return `[${decisions.map(describeDecision).join(", ")}]`;
}

function describeDecision(decision: Decision): string {
  switch (decision.kind) {
    case "submit": {
      const { asset, type, sizeType, size, limitPrice, stopPrice, timeInForce, onInsufficient } =
        decision.order;
      return [
        `${asset} ${type} ${sizeType} ${size}`,
        limitPrice === null ? "" : ` limit ${limitPrice}`,
        stopPrice === null ? "" : ` stop ${stopPrice}`,
        timeInForce === null ? "" : ` ${timeInForce}`,
        onInsufficient === null ? "" : ` onInsufficient=${onInsufficient}`,
      ].join("");
    }
    case "cancel":
      return `cancel #${decision.orderId}${decision.asset === null ? "" : ` (${decision.asset})`}`;
    case "threw":
      return `threw: ${decision.message}`;
    default:
      return unreachable(decision);
  }
}
