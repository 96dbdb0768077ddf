// The hybrid API, as in the README's "Your own strategy": say which positions to hold, the engine
// rebalances (sells first, scales the buys together). Monthly, hold an equal 30% of equity in the
// two assets with the best 20-bar change and nothing else. Run with `npx tsx examples/from-targets.ts`.
import { backtest, fromTargets, syntheticPanel } from "../src/index.ts";

const data = syntheticPanel({ assets: 6, bars: 250, seed: 3 });
const n = data.symbols.length;
const close = (t: number, asset: number) => data.close[t * n + asset];

// Row t is decided at the close of t from closes 0..t; NaN rows hold (no rebalance that bar).
const weights = Array.from(data.times, (_, t) => {
  if (t < 20 || t % 21 !== 0) return Array<number>(n).fill(Number.NaN);
  const change = data.symbols.map((_, asset) => close(t, asset) / close(t - 20, asset));
  const best = [...change.keys()].sort((a, b) => change[b] - change[a]).slice(0, 2);
  return change.map((_, asset) => (best.includes(asset) ? 0.3 : 0));
});

const config = { initialCash: 100_000, commission: { model: "percent", rate: 0.001 } } as const;
for (const engine of ["fast", "reference"] as const) {
  const { summary } = backtest({ data, strategy: fromTargets({ weights }), config, engine });
  console.log(
    `${engine}: ${summary.orders} orders, ${summary.fills} fills, final equity ${summary.finalEquity.toFixed(2)}`,
  );
}
