// The declarative orders API: a signed size per bar and asset (NaN: no order), VectorBT's
// from_orders. Buy 50 units of every asset each 10th bar, sell them back 5 bars later.
// Run with `npx tsx examples/from-orders.ts`.
import { backtest, fromOrders, syntheticPanel } from "../src/index.ts";

const data = syntheticPanel({ assets: 3, bars: 120, seed: 5 });
const size = Array.from(data.times, (_, t) =>
  data.symbols.map(() => (t % 10 === 0 ? 50 : t % 10 === 5 ? -50 : Number.NaN)),
);

for (const engine of ["fast", "reference"] as const) {
  const { summary } = backtest({ data, strategy: fromOrders({ size }), engine });
  console.log(
    `${engine}: ${summary.orders} orders, ${summary.fills} fills, final equity ${summary.finalEquity.toFixed(2)}`,
  );
}
