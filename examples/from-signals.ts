// A moving-average crossover three ways: fromSignals (with a stop loss), fromOrders and
// fromTargets, on the embedded synthetic data. Run with `npx tsx examples/from-signals.ts`.
import { referenceEngine } from "../reference/engine.ts";
import { resolveConfig } from "../src/config/index.ts";
import { syntheticPanel } from "../src/data/index.ts";
import { fastEngine } from "../src/engine/index.ts";
import type { Panel } from "../src/model/index.ts";
import { fromOrders } from "../src/strategy/from-orders.ts";
import { fromSignals } from "../src/strategy/from-signals.ts";
import { fromTargets } from "../src/strategy/from-targets.ts";

const panel = syntheticPanel({ assets: 3, bars: 250, seed: 7 });
const config = resolveConfig(
  { initialCash: 100_000, commission: { model: "percent", rate: 0.001 } },
  panel.symbols,
);

/** Mean of an asset's last `window` closes at bar t (NaN until there are enough). */
function mean(p: Panel, asset: number, t: number, window: number): number {
  if (t + 1 < window) return Number.NaN;
  let sum = 0;
  for (let lag = 0; lag < window; lag++) sum += p.close[(t - lag) * p.symbols.length + asset];
  return sum / window;
}

// Signals from bars 0..t only: the fast mean above the slow one, per bar and symbol.
const above = panel.symbols.map((_, asset) =>
  Array.from(panel.times, (_, t) => mean(panel, asset, t, 10) > mean(panel, asset, t, 40)),
);
const crossUp = (a: number, t: number) => above[a][t] && t > 0 && !above[a][t - 1];
const crossDown = (a: number, t: number) => !above[a][t] && t > 0 && above[a][t - 1];
const columns = <T>(cell: (asset: number, t: number) => T) =>
  Object.fromEntries(
    panel.symbols.map((symbol, a) => [symbol, Array.from(panel.times, (_, t) => cell(a, t))]),
  );

// 1. Signals: enter 30% of equity on a cross up, exit on a cross down or 8% below the entry close.
const signals = fromSignals({
  entries: columns(crossUp),
  exits: columns(crossDown),
  size: 0.3,
  sizeType: "percent",
  stopLoss: 0.08,
});
// 2. Orders: buy 100 units on a cross up, sell 100 on a cross down (NaN: no order).
const orders = fromOrders({
  size: columns((a, t) => (crossUp(a, t) ? 100 : crossDown(a, t) ? -100 : Number.NaN)),
});
// 3. Targets: hold 30% while above, 0 otherwise, rebalancing only on a cross.
const targets = fromTargets({
  weights: columns((a, t) => (crossUp(a, t) ? 0.3 : crossDown(a, t) ? 0 : Number.NaN)),
});

for (const strategy of [signals, orders, targets]) {
  const fast = fastEngine.run(panel, config, strategy);
  const reference = referenceEngine.run(panel, config, strategy);
  const equity = (r: typeof fast) => (r.series.equity.at(-1) ?? Number.NaN).toFixed(2);
  console.log(
    `${strategy.name}: ${fast.orders.length} orders, ${fast.fills.length} fills, final equity fast ${equity(fast)} reference ${equity(reference)}`,
  );
}
