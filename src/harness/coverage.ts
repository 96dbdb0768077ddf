// SPEC 10: the coverage table of `assay check`: counts of event classes over the generated cases,
// summed chunk by chunk. Most classes come from properties/coverage.ts (countCase, countRecords);
// this module adds the zero-volume deferral and the arithmetic of tables.
import type { Panel, Records } from "../model/index.ts";

export type Counts = Record<string, number>;

/**
 * SPEC 6.3 (onZeroVolume "defer"): counts `orders.deferredByZeroVolume`, once per order that was
 * still working after a bar (after its decision bar) on which its asset traded zero volume.
 */
export function countDeferrals(run: { readonly panel: Panel }, records: Records, counts: Counts): void {
  const { panel } = run;
  const n = panel.symbols.length;
  const bars = panel.times.length;
  const column = new Map(panel.symbols.map((symbol, i) => [symbol, i]));
  for (const order of records.orders) {
    const i = column.get(order.asset);
    if (i === undefined) continue;
    const end = Math.min(order.doneT ?? bars, bars);
    for (let s = order.t + 1; s < end; s++) {
      if (panel.volume[s * n + i] === 0) {
        counts["orders.deferredByZeroVolume"] = (counts["orders.deferredByZeroVolume"] ?? 0) + 1;
        break;
      }
    }
  }
}

/** Adds `from` into `into` (class by class). */
export function addCounts(into: Counts, from: Readonly<Counts>): Counts {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
  return into;
}

/** The same counts with keys in sorted order, so that JSON reports are byte-for-byte deterministic. */
export function sortedCounts(counts: Readonly<Counts>): Counts {
  const out: Counts = {};
  for (const key of Object.keys(counts).sort()) out[key] = counts[key];
  return out;
}
