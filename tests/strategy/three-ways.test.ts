// Issue 11's "done when": one strategy written three ways (event-driven onBar, fromSignals,
// fromTargets) gives identical records on both engines; and fromTargets of any weight matrix
// equals the event-driven targetPercent strategy (a property, both engines).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { declarativeEqualsOnBar } from "../../properties/declarative.ts";
import { asFastCheck } from "../../properties/property.ts";
import { propertyParams } from "../../properties/replay.ts";
import { referenceEngine } from "../../reference/engine.ts";
import { diffRecords, renderRecordDivergence } from "../../src/compare/index.ts";
import { resolveConfig } from "../../src/config/index.ts";
import { syntheticPanel } from "../../src/data/index.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type { BarContext, Panel, Records, Strategy } from "../../src/model/index.ts";
import { symbolOrder } from "../../src/strategy/declarative.ts";
import { fromSignals } from "../../src/strategy/from-signals.ts";
import { fromTargets } from "../../src/strategy/from-targets.ts";

// Trend following: hold 20% of equity in an asset while its close is above its 10-bar mean.
const WINDOW = 10;
const WEIGHT = 0.2;

function aboveMean(close: (lag: number) => number): boolean {
  let sum = 0;
  for (let lag = 0; lag < WINDOW; lag++) sum += close(lag);
  return close(0) > sum / WINDOW;
}

/** Event-driven: reads bars 0..t through the context, acts when an asset's state flips. */
function onBarTrend(): Strategy {
  const inside: boolean[] = [];
  return {
    name: "trend-on-bar",
    onBar(ctx: BarContext) {
      if (ctx.t < WINDOW - 1) return;
      for (const asset of symbolOrder(ctx.symbols)) {
        const now = aboveMean((lag) => ctx.bar("close", asset, lag));
        if (now !== (inside[asset] ?? false))
          ctx.submit({ asset: ctx.symbols[asset], sizeType: "targetPercent", size: now ? WEIGHT : 0 });
        inside[asset] = now;
      }
    },
  };
}

/** The same states computed up front over the panel (each bar from its own and earlier closes). */
function states(panel: Panel): boolean[][] {
  const n = panel.symbols.length;
  return Array.from(panel.times, (_, t) =>
    panel.symbols.map(
      (_, asset) => t >= WINDOW - 1 && aboveMean((lag) => panel.close[(t - lag) * n + asset]),
    ),
  );
}

function declarativeTrends(panel: Panel): { signals: Strategy; targets: Strategy } {
  const inside = states(panel);
  const was = (t: number, asset: number) => t > 0 && inside[t - 1][asset];
  const entries = inside.map((row, t) => row.map((now, asset) => now && !was(t, asset)));
  const exits = inside.map((row, t) => row.map((now, asset) => !now && was(t, asset)));
  const weights = inside.map((row, t) =>
    row.map((now, asset) => (now === was(t, asset) ? Number.NaN : now ? WEIGHT : 0)),
  );
  return {
    signals: fromSignals({ entries, exits, size: WEIGHT, sizeType: "targetPercent" }),
    targets: fromTargets({ weights }),
  };
}

function same(a: Records, b: Records, names: readonly [string, string]): void {
  const divergence = diffRecords(a, b, { names });
  expect(divergence === null ? null : renderRecordDivergence(divergence)).toBeNull();
}

describe("one strategy three ways", () => {
  const panel = syntheticPanel({ assets: 5, bars: 160, seed: 11 });
  const config = resolveConfig(
    {
      initialCash: 100_000,
      commission: { model: "percent", rate: 0.001 },
      slippage: { model: "fixedBps", bps: 5 },
    },
    panel.symbols,
  );

  it("onBar, fromSignals and fromTargets give identical records on both engines", () => {
    const byEngine = [referenceEngine, fastEngine].map((engine) => {
      const { signals, targets } = declarativeTrends(panel);
      const onBar = engine.run(panel, config, onBarTrend());
      same(onBar, engine.run(panel, config, signals), ["onBar", "fromSignals"]);
      same(onBar, engine.run(panel, config, targets), ["onBar", "fromTargets"]);
      return onBar;
    });
    same(byEngine[0], byEngine[1], ["reference", "fast"]);
    expect(byEngine[0].fills.length).toBeGreaterThan(20);
  });
});

describe("fromOrders / fromTargets == onBar order objects (property)", () => {
  it(declarativeEqualsOnBar.name, () => {
    fc.assert(asFastCheck(declarativeEqualsOnBar), propertyParams(20_261_206, undefined, 100));
  });
});
