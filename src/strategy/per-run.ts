// A strategy's state that starts afresh in each run: one Strategy object may run many times (on
// both engines, in a sweep), and each run hands its onBar a context of its own (SPEC 4 step 5).
import type { BarContext } from "../model/index.ts";

/** State for the run of `ctx`: `make`s it at the run's first call, then returns the same object. */
export function perRun<State>(make: (ctx: BarContext) => State): (ctx: BarContext) => State {
  let context: BarContext | null = null;
  let state: State | undefined;
  return (ctx) => {
    if (ctx !== context || state === undefined) {
      context = ctx;
      state = make(ctx);
    }
    return state;
  };
}
