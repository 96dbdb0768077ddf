// The README's library example: run with `npx tsx examples/library.ts`. A user's project imports
// the same names from "assay".
import { backtest, type Strategy, syntheticPanel } from "../src/index.ts";

const buyThenExit: Strategy = {
  name: "buy-then-exit",
  onBar(ctx) {
    if (ctx.t === 10) ctx.submit({ asset: ctx.symbols[0], size: 100 }); // fills at the open of bar 11
    if (ctx.t === 40) ctx.submit({ asset: ctx.symbols[0], sizeType: "targetUnits", size: 0 });
  },
};
const result = backtest({
  data: syntheticPanel({ assets: 3, bars: 60, seed: 7 }),
  strategy: buyThenExit,
  config: { initialCash: 100_000, commission: { model: "percent", rate: 0.001 } },
  engine: "reference",
});
const { fills, trades } = result.records;
console.log(fills.map((f) => `t=${f.t} ${f.asset} ${f.qty} @ ${f.fillPrice} fee ${f.commission}`));
console.log("final equity", result.summary.finalEquity, "trades", trades, "hash", result.manifestHash);
console.log("sharpe", result.metrics.sharpe, "max drawdown", result.metrics.maxDrawdown);
