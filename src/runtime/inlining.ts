// V8's inlining budgets, raised for the engines' hot loops. A batch's phases call small methods
// (a price, a commission, a valuation step) from large ones, and with V8's defaults (460 bytes of
// bytecode per inlined function, 920 cumulative per optimized one) most of those calls stay calls:
// each float they return is boxed, and the loop cannot keep values in registers. The values below
// were picked from three settings on `assay stress`'s default book (a whole path: generation, the
// strategy, a fast backtest), alternating processes on this 2-core machine: about 16% less CPU
// per path at these, 12% at half of them, and less again at twice them (more code to compile than
// it saves). The targets-API seed study ran 20-30% faster with them.
import { setFlagsFromString } from "node:v8";

/** Node command-line flags for a child process (the bench's cases, the bare-loop probe). */
export const INLINING_FLAGS: readonly string[] = [
  "--max-inlined-bytecode-size=2000",
  "--max-inlined-bytecode-size-cumulative=8000",
  "--max-inlined-bytecode-size-absolute=16000",
];

/**
 * Sets INLINING_FLAGS in this process, before the engines' code is optimized (V8 reads them at
 * each optimization, for every isolate: worker threads started later get them too).
 */
export function raiseInliningBudget(): void {
  for (const flag of INLINING_FLAGS) setFlagsFromString(flag);
}
