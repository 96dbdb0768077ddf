// fromSignals' rules, VectorBT's defaults: what one asset's signals at one bar do, given the side
// of its position. An entry and an exit of one side at one bar cancel (upon_long_conflict and
// upon_short_conflict "ignore"); a long and a short entry at one bar cancel (upon_dir_conflict
// "ignore"); an opposite entry reverses the position (upon_opposite_entry "reverse"); an exit
// only closes its own side; an entry on the side held adds only under accumulate.

/** What to do: close the position held, then enter (+1 long, -1 short) or not (0). */
export interface SignalAction {
  readonly close: boolean;
  readonly enter: -1 | 0 | 1;
}

export interface BarSignals {
  longEntry: boolean;
  longExit: boolean;
  shortEntry: boolean;
  shortExit: boolean;
}

const NOTHING: SignalAction = { close: false, enter: 0 };
const CLOSE: SignalAction = { close: true, enter: 0 };
const LONG: SignalAction = { close: false, enter: 1 };
const SHORT: SignalAction = { close: false, enter: -1 };
const REVERSE_TO_LONG: SignalAction = { close: true, enter: 1 };
const REVERSE_TO_SHORT: SignalAction = { close: true, enter: -1 };

/**
 * `side` is the sign of the position at the decision; `stopHit` a triggered stop loss or take
 * profit of that position, which acts as its side's exit and overrides that side's entry.
 */
export function resolveSignals(
  side: number,
  s: BarSignals,
  stopHit: boolean,
  accumulate: boolean,
): SignalAction {
  let longEntry = s.longEntry && !s.longExit;
  let longExit = s.longExit && !s.longEntry;
  let shortEntry = s.shortEntry && !s.shortExit;
  let shortExit = s.shortExit && !s.shortEntry;
  if (stopHit && side > 0) [longEntry, longExit] = [false, true];
  if (stopHit && side < 0) [shortEntry, shortExit] = [false, true];
  if (longEntry && shortEntry) [longEntry, shortEntry] = [false, false];
  if (side > 0)
    return shortEntry ? REVERSE_TO_SHORT : longExit ? CLOSE : longEntry && accumulate ? LONG : NOTHING;
  if (side < 0)
    return longEntry ? REVERSE_TO_LONG : shortExit ? CLOSE : shortEntry && accumulate ? SHORT : NOTHING;
  return longEntry ? LONG : shortEntry ? SHORT : NOTHING;
}
