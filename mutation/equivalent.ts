// Surviving mutants shown equivalent: no input can tell them from the code they replace, so no
// property or scenario can kill them. Each names its module, line and Stryker's replacement,
// and says why; reports/MUTATION.md marks the survivors it matches (the score stays Stryker's).

export interface EquivalentMutant {
  readonly module: string;
  readonly line: number;
  /** Stryker's replacement text, exactly. */
  readonly replacement: string;
  readonly why: string;
}

const BOUNDARY =
  "moves only the value exactly at the tolerance's edge, itself an arbitrary cut in float error (no input lands on it by meaning)";

export const EQUIVALENT: readonly EquivalentMutant[] = [
  { module: "src/engine/numeric.ts", line: 20, replacement: "a > b - TIE * scale", why: BOUNDARY },
  { module: "src/engine/numeric.ts", line: 25, replacement: "a >= b + TIE * scale", why: BOUNDARY },
  {
    module: "src/engine/numeric.ts",
    line: 52,
    replacement: "Math.abs(steps - nearest) < QTY_TIE * Math.max(1, Math.abs(steps))",
    why: BOUNDARY,
  },
  {
    module: "src/engine/numeric.ts",
    line: 70,
    replacement: "Math.abs(perUnit * step - 1) <= 1e-15",
    why: BOUNDARY,
  },
  {
    module: "src/engine/numeric.ts",
    line: 68,
    replacement: "false",
    why: "for a step >= 1, round(1 / step) is 1 only at step 1 (dividing by 1 is multiplying by 1) and else 0 or a reciprocal off by far more than 1e-15: the early return changes no result",
  },
  {
    module: "src/engine/numeric.ts",
    line: 68,
    replacement: "step > 1",
    why: "differs at step 1 alone, where the divisor 1 and multiplying by 1 give the same amounts",
  },
  {
    module: "reference/checks.ts",
    line: 46,
    replacement: "true",
    why: "the margin rule on a cash account too: it holds no shorts and no futures, so equity (cash + the longs) >= max(IM, MM) (at most the longs' value) whenever cash >= 0, which the cash check before it already requires",
  },
  {
    module: "reference/checks.ts",
    line: 46,
    replacement: '""',
    why: 'config.account !== "" is always true: the margin rule on a cash account too, which (above) refuses nothing more',
  },
  {
    module: "reference/checks.ts",
    line: 48,
    replacement: "false",
    why: "max(IM, MM) for a futures account: a contract's maintenance margin is at most its initial one (resolveConfig refuses it above), so max(IM, MM) = IM",
  },
  {
    module: "reference/checks.ts",
    line: 48,
    replacement: '""',
    why: 'config.account === "" is never true: max(IM, MM) for a futures account too, = IM (above)',
  },
  ...[67, 90, 96, 124].map((line) => ({
    module: "reference/costs.ts",
    line,
    replacement: "side >= 0",
    why: "side is +1 (a buy) or -1 (a sell), never 0",
  })),
  ...[35, 166].map((line) => ({
    module: "reference/costs.ts",
    line,
    replacement: "default:",
    why: "the last case of a switch over every model turned into the default: the same model reaches it",
  })),
  {
    module: "reference/costs.ts",
    line: 164,
    replacement: "model.bands.length + 1",
    why: "the fallback after find() is never taken: resolveConfig requires the last tiered band to have upTo null, which find() always returns",
  },
  // roundToTick's other way: a price clamped into the bar or capped at a limit lies between two
  // grid prices inside those bounds, since bar prices and limit prices must be on the grid
  // (SPEC 1; an off-grid limit is an invalidOrder), so rounding outward never leaves them.
  ...[
    [126, "true"],
    [126, "false"],
    [127, "false"],
    [130, "true"],
    [130, "false"],
    [131, "false"],
  ].map(([line, replacement]) => ({
    module: "reference/costs.ts",
    line: line as number,
    replacement: replacement as string,
    why: "rounding outward never leaves the bar or passes the limit: both are on the tick grid (SPEC 1; an off-grid limit is an invalidOrder), so the other way is never taken",
  })),
  {
    module: "reference/financing.ts",
    line: 29,
    replacement: "false",
    why: "the early return for 0 days: without it every accrual is rate x 0 days x base = 0, and the filter at the end leaves no entry, the same []",
  },
  {
    module: "reference/ledger.ts",
    line: 50,
    replacement: "false",
    why: "a zero amount posted anyway adds 0 to the balance, 0 to its kind's total and a zero entry to I2's sum: no cash, total or check changes",
  },
  {
    module: "reference/margin.ts",
    line: 72,
    replacement: "false",
    why: "a zero holding valued anyway adds 0 everywhere: market value 0, IM and MM 0 (a zero short's FINRA floors are 0 shares x $2.50 or $5.00), a future's margins on 0 contracts and its unsettled variation on no lots 0",
  },
  {
    module: "reference/margin.ts",
    line: 105,
    replacement: "false",
    why: "a future always has both margins (resolveConfig refuses one without them), so the guard never fires; without it a null margin would throw on margin.kind anyway",
  },
  {
    module: "reference/margin.ts",
    line: 105,
    replacement: '""',
    why: "the message of the guard above, which never fires",
  },
  ...[
    [47, "order.side >= 0"],
    [59, "order.side >= 0"],
    [91, "dir >= 0"],
  ].map(([line, replacement]) => ({
    module: "reference/intrabar.ts",
    line: line as number,
    replacement: replacement as string,
    why: "a side or a direction is +1 or -1, never 0",
  })),
  ...[60, 86].map((line) => ({
    module: "reference/intrabar.ts",
    line,
    replacement: '""',
    why: 'the engine tells an outcome apart only by "none" and "becameLimit" (engine.ts), so "" fills as "fill" does; fillDependsOnPath compares "fill" on both paths of one stop-limit, whose trigger price (the open on a gap, else the stop) and so its within-limit branch are the same on both',
  })),
  {
    module: "reference/intrabar.ts",
    line: 76,
    replacement: "false",
    why: "a limit or a stop reached on one order of the extremes is reached on the other (both visit the open, both extremes and the close), so both paths fill it and fillDependsOnPath is false anyway",
  },
  ...[92, 108].map((line) => ({
    module: "reference/intrabar.ts",
    line,
    replacement: "path.length + 2",
    why: "the cap only moves a time of 3 (the close) into the last segment, and no level is first reached at the close: the close lies inside [low, high], and both extremes come before it on the path",
  })),
  ...["true", "false", "segment !== startSegment"].map((replacement) => ({
    module: "reference/intrabar.ts",
    line: 96,
    replacement,
    why: "startTime is returned only when the segment's start price is already through the level: after the first segment that cannot be (the previous segment's end, the same price, would have returned), and on the first one `from` is the trigger time, where a stop-limit's limit is not met (its within-limit case returned before) or 0, which is segment 0's start",
  })),
  {
    module: "reference/intrabar.ts",
    line: 97,
    replacement: "true",
    why: "after the first segment, the start price is only tested for being through the level, which it cannot be (the previous segment's end, the same price, would have returned), at `from` or not",
  },
  {
    module: "reference/futures.ts",
    line: 49,
    replacement: "false",
    why: "once nothing is left to close, every further lot takes min(0, its size) = 0 and settles 0",
  },
  // yearBefore(): the window (a year back, date] compares ISO date strings, and no date lies
  // between a common year's "-02-28" and its "-02-29", so whether a 29 February is moved to the
  // 28th, and so whether the year before is leap, bounds the same window.
  ...[
    [188, "true"],
    [188, "false"],
    [188, "year % 4 === 0 && year % 100 !== 0 && year % 400 === 0"],
    [188, "year % 4 === 0 || year % 100 !== 0"],
    [188, "year % 4 !== 0"],
    [188, "year * 4"],
    [188, "year % 100 === 0"],
    [188, "year * 100"],
    [188, "year % 400 !== 0"],
    [188, "year * 400"],
    [189, "false"],
    [189, "leap"],
  ].map(([line, replacement]) => ({
    module: "reference/settlement.ts",
    line: line as number,
    replacement: replacement as string,
    why: "it only changes whether a 29 February a year back is written -02-28 or -02-29, which bound the same window of date strings: no date lies between them",
  })),
  ...[30, 32, 34, 46].map((line) => ({
    module: "reference/settlement.ts",
    line,
    replacement: '["Stryker was here"]',
    why: "a string in the receivables, the violations, the restrictions or the holidays matches no date and no bar: step 1 drops it from the receivables (its settleDate is not after the date), the window filter and the restriction tests are false for it, and no date equals it",
  })),
  {
    module: "reference/settlement.ts",
    line: 85,
    replacement: "false",
    why: "an inactive settlement has no receivables (only an active one sees fills) and no restrictions, so settled cash is the cash and forBuys the cash under either unsettledFunds",
  },
  {
    module: "reference/settlement.ts",
    line: 105,
    replacement: "false",
    why: "with nothing left to draw, each further receivable gives min(left <= 0, its rest) <= 0, which the next line skips",
  },
  {
    module: "reference/settlement.ts",
    line: 107,
    replacement: "false",
    why: "a receivable with nothing left gives take 0 (no cash moves) and sets latest to its date, which a later receivable (by date, drawn after it) overwrites, and the loop ends at the first draw that covers the buy",
  },
  ...["true", "lots.length >= 0"].map((replacement) => ({
    module: "reference/settlement.ts",
    line: 126,
    replacement,
    why: "a sale never sells more than its asset's lots hold (a cash account holds no shorts, and every buy adds its lot), so the units run out with the lots, never before them",
  })),
  {
    module: "reference/settlement.ts",
    line: 129,
    replacement: "true",
    why: "a lot paid with settled funds has fundsSettle null, and a trade date < null compares NaN with 0 (both made numbers), which is false, so the test is false for it either way",
  },
  ...[
    { line: 39, replacement: "false" },
    { line: 64, replacement: "{}" },
    { line: 79, replacement: "true" },
  ].map(({ line, replacement }) => ({
    module: "src/engine/market-intake.ts",
    line,
    replacement,
    why: "the zero-target skip is a shortcut: never taking it, admit() finds the same no-order (a target of 0 for a flat asset is 0 lots, sent nowhere) or the same refusal",
  })),
  {
    module: "reference/submit-check.ts",
    line: 19,
    replacement: "false",
    why: "the forced orders working when a submit check runs are bankruptcy close-outs (liquidations are made after it, at this open): a bankruptcy cancels every strategy order, so no order after a close-out is checked, and a close-out, a sale, is never refused (I11)",
  },
  ...[61, 65].map((line) => ({
    module: "reference/trades.ts",
    line,
    replacement: "trade.side >= 0",
    why: "a trade's side is +1 (long) or -1 (short), never 0",
  })),
  {
    module: "reference/futures.ts",
    line: 77,
    replacement: "false",
    why: "each of the first and third tests: a position of 0 keeps nothing (the loop takes no lot), and a position never has the other sign from its open lots at a check (a reversal's reducing part fills, closing the old lots, before its increasing part is checked; liquidation plans only reduce)",
  },
  {
    module: "reference/impact.ts",
    line: 28,
    replacement: "new Array()",
    why: "permanentT[asset] is read only when the asset's permanent state is non-zero, and record() sets it whenever it makes the state non-zero",
  },
  {
    module: "reference/impact.ts",
    line: 50,
    replacement: "false",
    why: 'a volume of 0 reaches temporary() only on a zero-volume bar filled under onZeroVolume "fill", which is not volume-based and returned NONE above; under "synthetic" the volume is syntheticVolume > 0, and "defer"/"reject" never price such a bar',
  },
  ...[73, 81].map((line) => ({
    module: "reference/impact.ts",
    line,
    replacement: "side >= 0",
    why: "side is +1 (a buy) or -1 (a sell), never 0",
  })),
  ...[
    "false",
    '(model.model === "none" || model.permanentFraction === 0) && temporaryBps.isZero()',
    'model.model === "none" && model.permanentFraction === 0',
    '""',
  ].map((replacement) => ({
    module: "reference/impact.ts",
    line: 79,
    replacement,
    why: "each guard skips adding an amount that is 0 anyway (no model: its temporary bps are 0; permanentFraction 0; temporary bps 0): without it the state is only re-based at t, the same value decayed from t on (exact to Decimal's 20 digits, far below the 1e-6 a record reads)",
  })),
  ...['model.model === "none" && value.isZero()', "false", '""'].map((replacement) => ({
    module: "reference/impact.ts",
    line: 88,
    replacement,
    why: "with no model the state is always 0, and decaying a state of 0 gives 0: the early return changes no value",
  })),
  {
    module: "reference/impact.ts",
    line: 90,
    replacement: "false",
    why: "at elapsed 0 the decay factor is 2^0 = 1: the shortcut returns the same value",
  },
  ...[
    { line: 66, replacement: "+1" },
    { line: 88, replacement: "true" },
    { line: 93, replacement: "true" },
  ].map(({ line, replacement }) => ({
    module: "reference/state.ts",
    line,
    replacement,
    why: "the bar cache only saves recomputing a bar: starting it at another bar, or never reusing it, reads the same bars",
  })),
];

export function equivalenceOf(
  module: string,
  line: number,
  replacement: string,
): EquivalentMutant | undefined {
  return EQUIVALENT.find((e) => e.module === module && e.line === line && e.replacement === replacement);
}
