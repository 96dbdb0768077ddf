// SPEC 1, 3-6: one generated run: a panel, a config input and an order schedule on that panel.
// Built from the three drafts with a plain map (no chain), so each part shrinks on its own and
// the orders follow the panel: bars and assets are taken modulo its shape, limit and stop
// prices are offsets from the asset's last close.
import fc from "fast-check";
import type { ConfigInput } from "../src/config/input.ts";
import type { OrderRequest, Panel } from "../src/model/index.ts";
import { type ConfigConstraints, runConfigInput } from "./arbitraries/config.ts";
import { materializeOrders, type OrderConstraints, orderDrafts } from "./arbitraries/orders.ts";
import { buildPanel, type PanelConstraints, panelDraft } from "./arbitraries/panel.ts";

export interface RunCase {
  readonly panel: Panel;
  /** For resolveConfig(configInput, panel.symbols). */
  readonly configInput: ConfigInput;
  /** For scheduledOrders(ordersByBar). */
  readonly ordersByBar: Map<number, OrderRequest[]>;
}

export interface RunInputConstraints {
  readonly panel?: PanelConstraints;
  readonly orders?: Omit<OrderConstraints, "referencePrice">;
  readonly config?: ConfigConstraints;
}

export function runInput(constraints: RunInputConstraints = {}): fc.Arbitrary<RunCase> {
  return fc
    .tuple(panelDraft(constraints.panel), orderDrafts(constraints.orders), runConfigInput(constraints.config))
    .map(([draft, drafts, configInput]) => {
      const panel = buildPanel(draft);
      const ordersByBar = materializeOrders(
        drafts,
        panel.symbols,
        panel.times.length,
        referencePrices(panel),
      );
      return { panel, configInput, ordersByBar };
    });
}

/**
 * A price near the data for (symbol, t): the asset's last close at or before t, else its first
 * close after t (an asset listed late), else 100 (an asset missing throughout).
 */
export function referencePrices(panel: Panel): (asset: string, t: number) => number {
  const n = panel.symbols.length;
  const bars = panel.times.length;
  const column = new Map(panel.symbols.map((symbol, i) => [symbol, i]));
  return (asset, t) => {
    const i = column.get(asset);
    if (i === undefined) return 100;
    for (let s = t; s >= 0; s--) if (!Number.isNaN(panel.close[s * n + i])) return panel.close[s * n + i];
    for (let s = t + 1; s < bars; s++)
      if (!Number.isNaN(panel.close[s * n + i])) return panel.close[s * n + i];
    return 100;
  };
}
