// A bug both planted-bug suites plant (tests/mutants/planted-bugs.test.ts catches it by the
// differential property, planted-invariant-bugs.test.ts by a record check alone).
import { RunState } from "../../src/engine/state.ts";
import { type Patchable, patch } from "./patching.ts";

/** fillAt "open": the fast engine's decision at the open sizes at the last closes, not the opens. */
export function sizeOpenDecisionsAtLastClose(): void {
  patch(
    RunState,
    "markDecisionAtOpen",
    () =>
      function (this: Patchable) {
        this.decisionMark.set(this.mark);
      },
  );
}
