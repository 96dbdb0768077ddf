// Shared by the stress tests: a spec from plain input, a model's raw returns for one path, and a
// small run setup.
import { pathModelOf } from "../../src/stress/path.ts";
import { type PathReturns, pathReturns } from "../../src/stress/path-model.ts";
import type { StressSetup } from "../../src/stress/run/setup.ts";
import { resolveStressModel, type StressModelSpec } from "../../src/stress/spec.ts";
import { pathStream } from "../../src/stress/stream.ts";

export function spec(input: Record<string, unknown>): StressModelSpec {
  return resolveStressModel(input, { source: "test" });
}

/** One path's model returns (no bars), with its log likelihood ratio. */
export function simulate(
  model: StressModelSpec,
  bars: number,
  seed: number,
  path = 0,
): PathReturns & { logRatio: number } {
  const out = pathReturns(bars, model.symbols.length);
  const logRatio = pathModelOf(model).simulate(pathStream(seed, path), out);
  return { ...out, logRatio };
}

/** Close-to-close log returns (overnight + intraday) of asset i. */
export function closeToClose(r: PathReturns, i: number): number[] {
  return Array.from(
    { length: r.bars },
    (_, t) => r.overnight[t * r.assets + i] + r.intraday[t * r.assets + i],
  );
}

/**
 * A setup on two GBM assets (A, B; mu 0.05, sigma 0.3) and $100,000 with a 0.1% commission,
 * on the fast engine from 2024-01-02; the rest is the test's.
 */
export function twoAssetSetup(
  rest: Pick<StressSetup, "strategy" | "params" | "labels" | "bars" | "seed" | "fanBars" | "crossCheck">,
): StressSetup {
  return {
    model: { model: "gbm", symbols: ["A", "B"], mu: 0.05, sigma: 0.3 },
    modelSource: null,
    config: { initialCash: 100_000, commission: { model: "percent", rate: 0.001 } },
    engine: "fast",
    start: "2024-01-02",
    ...rest,
  };
}
