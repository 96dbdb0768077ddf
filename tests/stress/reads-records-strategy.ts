// A strategy file for tests/stress/outcome-run.test.ts: it reads the records an outcome run does
// not keep (its working orders and the bar's fills) and trades on what it reads, so a run that
// lost them would differ.
import type { BarContext, Strategy } from "../../src/index.ts";

export default function readsRecords(): Strategy {
  return {
    name: "reads-records",
    onBar(ctx: BarContext) {
      if (ctx.t === ctx.bars - 1) return;
      // Buys 10 units of A every bar, 5 more of B on a bar that filled something, none while an order works.
      if (ctx.orders.length > 0) return;
      ctx.submit({ asset: "A", sizeType: "units", size: 10 });
      if (ctx.fills.length > 0) ctx.submit({ asset: "B", sizeType: "units", size: 5 });
    },
  };
}
