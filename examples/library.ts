// The README's library example: run with `npx tsx examples/library.ts`.
import { referenceEngine } from "../reference/engine.ts";
import { resolveConfig } from "../src/config/index.ts";
import { syntheticPanel } from "../src/data/index.ts";
import type { Strategy } from "../src/model/index.ts";

const panel = syntheticPanel({ assets: 3, bars: 60, seed: 7 });
const config = resolveConfig(
  { initialCash: 100_000, commission: { model: "percent", rate: 0.001 } },
  panel.symbols,
);
const buyThenExit: Strategy = {
  name: "buy-then-exit",
  onBar(ctx) {
    if (ctx.t === 10) ctx.submit({ asset: ctx.symbols[0], size: 100 }); // fills at the open of bar 11
    if (ctx.t === 40) ctx.submit({ asset: ctx.symbols[0], sizeType: "targetUnits", size: 0 });
  },
};
const records = referenceEngine.run(panel, config, buyThenExit);
console.log(records.fills.map((f) => `t=${f.t} ${f.asset} ${f.qty} @ ${f.fillPrice} fee ${f.commission}`));
console.log("final equity", records.series.equity.at(-1), "trades", records.trades);
