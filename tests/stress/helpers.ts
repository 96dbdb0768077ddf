// Shared by the stress tests: a spec from plain input, and a model's raw returns for one path.
import { pathModelOf } from "../../src/stress/path.ts";
import { type PathReturns, pathReturns } from "../../src/stress/path-model.ts";
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
