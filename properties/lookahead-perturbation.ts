// Look-ahead detection (src/lookahead/perturb.ts): the panel the detector hands a strategy with
// the bars after t replaced is still valid data, equals the original up to t, and differs from it
// in every present value after t, so that a decision that read any later value can see a change.
import fc from "fast-check";
import { validatePanel } from "../src/data/validate.ts";
import { perturbAfter } from "../src/lookahead/perturb.ts";
import type { Panel } from "../src/model/index.ts";
import { buildPanel, panelDraft } from "./arbitraries/panel.ts";
import { type Property, property } from "./property.ts";

export interface PerturbationCase {
  readonly panel: Panel;
  /** One per asset; null: no grid (the prices are still on cents). */
  readonly tickSizes: readonly (number | null)[];
  readonly t: number;
  readonly seed: number;
}

/** A generated panel (missing and zero-volume bars, a `spread` column), tick grids, a bar t and a seed. */
export function perturbationCase(): fc.Arbitrary<PerturbationCase> {
  return fc
    .record({
      draft: panelDraft({ minBars: 2, maxBars: 30 }),
      tickCents: fc.array(fc.option(fc.constantFrom(1, 5, 25, 100)), { minLength: 4, maxLength: 4 }),
      cut: fc.nat(),
      seed: fc.integer(),
    })
    .map(({ draft, tickCents, cut, seed }) => {
      const panel = buildPanel(
        draft,
        tickCents.map((cents) => cents ?? 1),
      );
      const tickSizes = panel.symbols.map((_, i) => (tickCents[i] === null ? null : tickCents[i] / 100));
      return { panel, tickSizes, t: cut % (panel.times.length - 1), seed };
    });
}

export const perturbationKeepsBarsValid: Property<PerturbationCase> = property(
  "lookahead: the bars after t perturbed are valid (SPEC 1, on the tick grid, volume > 0), equal the original up to t and differ from it in every present value after t",
  perturbationCase(),
  ({ panel, tickSizes, t, seed }) => {
    const before = JSON.stringify(columnsOf(panel));
    const out = perturbAfter(panel, t, tickSizes, seed);
    validatePanel(out, `perturbAfter(t=${t})`, tickSizes);
    if (JSON.stringify(columnsOf(panel)) !== before)
      throw new Error("perturbAfter wrote into its input panel");
    if (JSON.stringify(columnsOf(perturbAfter(panel, t, tickSizes, seed))) !== JSON.stringify(columnsOf(out)))
      throw new Error(`perturbAfter(t=${t}, seed=${seed}) gave other bars the second time`);
    const n = panel.symbols.length;
    for (const [field, column] of Object.entries(columnsOf(panel))) {
      const perturbed = columnsOf(out)[field];
      for (let k = 0; k < column.length; k++) {
        const where = `t=${Math.floor(k / n)} asset=${panel.symbols[k % n]} field=${field}`;
        const [real, made] = [column[k], perturbed[k]];
        if (Math.floor(k / n) <= t) {
          if (!Object.is(real, made))
            throw new Error(`${where}: ${made} != ${real}, a bar at or before t=${t}`);
        } else if (Number.isNaN(real) !== Number.isNaN(made)) {
          throw new Error(
            `${where}: ${made} for ${real}: a missing value stays missing, a present one present`,
          );
        } else if (!Number.isNaN(real) && made === real) {
          throw new Error(`${where}: ${made} unchanged after t=${t}`);
        } else if (field === "volume" && !Number.isNaN(real) && !(made > 0)) {
          throw new Error(`${where}: volume ${made}; a perturbed present bar has volume > 0`);
        }
      }
    }
  },
);

function columnsOf(panel: Panel): Record<string, Float64Array> {
  const { open, high, low, close, volume, extra } = panel;
  return { open, high, low, close, volume, ...extra };
}
