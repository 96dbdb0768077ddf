// The ladder as a table: each step's headline numbers and, beside them, its effect (the change
// from the step below). The text table is what `assay realism` prints; the HTML report and the
// Markdown summary show the same cells.
import { alignTable, money, percent, ratio } from "../report/format.ts";
import type { Ladder, StepResult } from "./run-ladder.ts";

export const LADDER_HEADER = [
  "step",
  "final equity",
  "return",
  "effect",
  "Sharpe",
  "effect",
  "max drawdown",
  "effect",
  "trades",
  "fills",
  "refused",
  "costs",
] as const;

/** Right-aligned columns: every one but the step's name. */
export const LADDER_RIGHT = LADDER_HEADER.map((_, c) => c > 0);

/** One row of cells per step; the bottom step's effects are blank, as are a changeless step's. */
export function ladderRows(ladder: Ladder): string[][] {
  return ladder.steps.map((step, i) => {
    const below = i === 0 ? null : ladder.steps[i - 1];
    const effect = (value: (s: StepResult) => number | null, show: (v: number) => string) => {
      if (below === null) return "";
      if (step.unchanged) return "same";
      const [a, b] = [value(step), value(below)];
      return a === null || b === null ? "n/a" : signed(a - b, show);
    };
    return [
      step.name,
      money(step.finalEquity),
      percent(step.totalReturn),
      effect((s) => s.totalReturn, percent),
      step.sharpe === null ? "n/a" : ratio(step.sharpe),
      effect((s) => s.sharpe, ratio),
      percent(step.maxDrawdown),
      effect((s) => s.maxDrawdown, percent),
      String(step.trades),
      String(step.fills),
      String(step.refused),
      money(step.costs),
    ];
  });
}

export function renderLadder(title: string, ladder: Ladder): string {
  const lines = [title, "", alignTable([...LADDER_HEADER], ladderRows(ladder), LADDER_RIGHT), ""];
  for (const step of ladder.steps) {
    const events = [
      step.marginCalls > 0 ? `${step.marginCalls} margin calls` : "",
      step.liquidations > 0 ? `${step.liquidations} forced fills` : "",
      step.bankrupt === null ? "" : `bankrupt on ${step.bankrupt}`,
    ].filter((s) => s !== "");
    lines.push(
      `${step.name}: adds ${step.adds}${step.unchanged ? " (no change on this run)" : ""}${events.length > 0 ? `; ${events.join(", ")}` : ""}`,
    );
  }
  return lines.join("\n");
}

function signed(value: number, show: (v: number) => string): string {
  const text = show(value);
  return value > 0 && !/^0(\.0+)?%?$/.test(text) ? `+${text}` : text;
}
