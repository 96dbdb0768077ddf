// Look-ahead detection: the first decision two runs disagree on, up to a bar. Decisions compare
// whole (every field of the order, in call order), so any change shows: another size, another
// asset, one order more or less, a cancel, a throw, or the same orders in another order.
import { unreachable } from "../model/index.ts";
import type { Decision } from "./decisions.ts";

export interface Change {
  /** The decision bar where the runs first part. */
  readonly t: number;
  /**
   * The first asset (in column order) whose decisions at t differ; null when the difference is a
   * throw, or only the order in which the same decisions came.
   */
  readonly asset: string | null;
  /** The other assets whose decisions at t differ. */
  readonly otherAssets: readonly string[];
  /** The decisions at t of `asset` (null: all of them) in each run. */
  readonly base: readonly Decision[];
  readonly perturbed: readonly Decision[];
}

/** The first difference between the decisions at bars <= through, or null if they are the same. */
export function firstChange(
  base: readonly Decision[],
  perturbed: readonly Decision[],
  through: number,
  symbols: readonly string[],
): Change | null {
  const left = base.filter((decision) => decision.t <= through);
  const right = perturbed.filter((decision) => decision.t <= through);
  let k = 0;
  while (k < left.length && k < right.length && same(left[k], right[k])) k++;
  if (k === left.length && k === right.length) return null;
  const t = Math.min(left[k]?.t ?? Number.POSITIVE_INFINITY, right[k]?.t ?? Number.POSITIVE_INFINITY);
  const leftAt = left.filter((decision) => decision.t === t);
  const rightAt = right.filter((decision) => decision.t === t);
  const groups = [...new Set([...leftAt, ...rightAt].map(assetOf))].sort(byColumn(symbols));
  const differing = groups.filter((asset) => !sameList(ofAsset(leftAt, asset), ofAsset(rightAt, asset)));
  if (differing.length === 0 || differing[0] === null)
    return { t, asset: null, otherAssets: differing.slice(1) as string[], base: leftAt, perturbed: rightAt };
  const [asset, ...otherAssets] = differing as string[];
  return { t, asset, otherAssets, base: ofAsset(leftAt, asset), perturbed: ofAsset(rightAt, asset) };
}

/** A decision's asset: the order's, the cancelled order's; null for a throw (or a cancel of no order). */
function assetOf(decision: Decision): string | null {
  switch (decision.kind) {
    case "submit":
      return decision.order.asset;
    case "cancel":
      return decision.asset;
    case "threw":
      return null;
    default:
      return unreachable(decision);
  }
}

function ofAsset(decisions: readonly Decision[], asset: string | null): Decision[] {
  return decisions.filter((decision) => assetOf(decision) === asset);
}

/** null (a throw) first, then the panel's column order, then any other asset by name. */
function byColumn(symbols: readonly string[]): (a: string | null, b: string | null) => number {
  const rank = (asset: string | null) => {
    if (asset === null) return -1;
    const column = symbols.indexOf(asset);
    return column === -1 ? symbols.length : column;
  };
  return (a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b));
}

function same(a: Decision, b: Decision): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameList(a: readonly Decision[], b: readonly Decision[]): boolean {
  return a.length === b.length && a.every((decision, k) => same(decision, b[k]));
}
