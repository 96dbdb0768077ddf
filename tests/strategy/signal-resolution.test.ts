// fromSignals' rules for one asset at one bar (VectorBT's defaults), as a table.
import { describe, expect, it } from "vitest";
import { type BarSignals, resolveSignals } from "../../src/strategy/signal-resolution.ts";

/** Signals from a string of flags: L long entry, l long exit, S short entry, s short exit. */
function signals(flags: string): BarSignals {
  return {
    longEntry: flags.includes("L"),
    longExit: flags.includes("l"),
    shortEntry: flags.includes("S"),
    shortExit: flags.includes("s"),
  };
}

describe("resolveSignals()", () => {
  const cases: [
    side: number,
    flags: string,
    stopHit: boolean,
    accumulate: boolean,
    close: boolean,
    enter: number,
  ][] = [
    [0, "L", false, false, false, 1], // flat: a long entry opens
    [0, "S", false, false, false, -1], // flat: a short entry opens
    [0, "ls", false, false, false, 0], // flat: exits do nothing
    [0, "LS", false, false, false, 0], // long and short entries cancel
    [0, "Ll", false, false, false, 0], // an entry and an exit of one side cancel
    [1, "L", false, false, false, 0], // long: a second entry is ignored
    [1, "L", false, true, false, 1], // ... and adds under accumulate
    [1, "l", false, false, true, 0], // long: a long exit closes
    [1, "s", false, false, false, 0], // long: a short exit does nothing
    [1, "S", false, false, true, -1], // long: a short entry reverses
    [1, "Sl", false, false, true, -1], // ... also with the long exit
    [1, "Ll", false, false, false, 0], // long: entry and exit cancel, the position stays
    [1, "L", true, true, true, 0], // a stop closes and wins over the entry of its side
    [1, "S", true, false, true, -1], // a stop does not stop an opposite entry
    [-1, "s", false, false, true, 0], // short: a short exit closes
    [-1, "L", false, false, true, 1], // short: a long entry reverses
    [-1, "", true, false, true, 0], // short: a stop closes
  ];
  for (const [side, flags, stopHit, accumulate, close, enter] of cases) {
    it(`side ${side}, signals "${flags}"${stopHit ? ", stop hit" : ""}${accumulate ? ", accumulate" : ""}: close ${close}, enter ${enter}`, () => {
      expect(resolveSignals(side, signals(flags), stopHit, accumulate)).toEqual({ close, enter });
    });
  }
});
