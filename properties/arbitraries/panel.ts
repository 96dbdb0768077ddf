// SPEC 1 (data): generated panels, valid by construction: every present bar has finite prices
// > 0 in cents, low <= min(open, close), high >= max(open, close), an integer volume >= 0 and a
// quoted relative `spread` (an extra column); a missing bar is NaN in all its fields; times are
// business days (UTC midnight, 1960-2025) minus the draft's exchange holidays; with a tick size per asset,
// every price is on its tick grid.
//
// Each asset follows a regime: "mixed" (the cells' own returns), "calm" (a tenth of them),
// "trending" (a drift added every bar), "crash" (one gap down of 15-90%) or "squeeze" (one gap up
// of 15-200%): the crashes and squeezes are what carry a levered book into a margin call.
// Start prices run from 1 cent to $1,000,000: tiny and huge prices stress rounding and lots.
//
// Shrinking: a panel is built from plain shrinkable structure (a bar count, an asset count,
// arrays of per-bar returns, gaps and wicks in integer bps, integer volumes and booleans for
// "zero volume" and "missing"), never from an opaque PRNG seed. fast-check therefore shrinks a
// failing panel to fewer bars, fewer assets, zero returns and no missing or zero-volume bars,
// while the panel stays valid at every shrink step.
import fc from "fast-check";
import { businessDays } from "../../src/data/dates.ts";
import type { Panel } from "../../src/model/panel.ts";

export interface PanelConstraints {
  /** Fewest asset columns (default 1). */
  readonly minAssets?: number;
  /** Most asset columns (default 4). */
  readonly maxAssets?: number;
  /** Fewest bars (default 2). */
  readonly minBars?: number;
  /** Most bars (default 30). */
  readonly maxBars?: number;
  /** Chance that a present bar has volume 0 (default 0.1). */
  readonly zeroVolumeRate?: number;
  /** Chance that a bar is missing (default 0.1). */
  readonly missingRate?: number;
  /** Overnight gaps between a close and the next open, some large, and crash/squeeze regimes (default true). */
  readonly gaps?: boolean;
}

export type RegimeKind = "mixed" | "calm" | "trending" | "crash" | "squeeze";

/** How one asset's path departs from its cells' returns. */
export interface RegimeDraft {
  readonly kind: RegimeKind;
  /** "trending": added to every bar's close-vs-open return, in bps. */
  readonly driftBps: number;
  /** "crash"/"squeeze": the shock falls on bar 1 + shockAt modulo (bars - 1). */
  readonly shockAt: number;
  /** "crash"/"squeeze": the size of the gap, in bps (a crash is at most 9,000). */
  readonly shockBps: number;
}

/** One (bar, asset) cell before pricing: what fast-check generates and shrinks. */
export interface CellDraft {
  /** Open vs the previous close, in bps (ignored without gaps). */
  readonly gapBps: number;
  /** Close vs the open, in bps. */
  readonly retBps: number;
  /** High above max(open, close), in bps of it. */
  readonly upWickBps: number;
  /** Low below min(open, close), in bps of it. */
  readonly downWickBps: number;
  readonly volume: number;
  /** The quoted relative spread (the `spread` column, for halfSpread slippage without bps), in bps. */
  readonly spreadBps: number;
  readonly zeroVolume: boolean;
  readonly missing: boolean;
}

export interface PanelDraft {
  readonly assets: number;
  /** maxAssets distinct symbols; the first `assets` are used. */
  readonly symbols: readonly string[];
  /** Days after 2014-01-01 (negative: before) of the first calendar day (the calendar starts at the next weekday). */
  readonly startDay: number;
  /** First reference price per asset, in cents (maxAssets entries). */
  readonly startCents: readonly number[];
  /** One regime per asset (maxAssets entries). */
  readonly regimes: readonly RegimeDraft[];
  /** Indices of weekdays (0 = the first bar's day) that are exchange holidays: no bar on them. */
  readonly holidays: readonly number[];
  /** rows[t][asset], maxAssets cells per row. */
  readonly rows: readonly (readonly CellDraft[])[];
}

export function panel(constraints: PanelConstraints = {}): fc.Arbitrary<Panel> {
  return panelDraft(constraints).map(buildPanel);
}

/** The shrinkable structure behind panel(); buildPanel() turns it into a Panel. */
export function panelDraft(constraints: PanelConstraints = {}): fc.Arbitrary<PanelDraft> {
  const {
    minAssets = 1,
    maxAssets = 4,
    minBars = 2,
    maxBars = 30,
    zeroVolumeRate = 0.1,
    missingRate = 0.1,
    gaps = true,
  } = constraints;
  if (!(1 <= minAssets && minAssets <= maxAssets))
    throw new Error(`panel(): need 1 <= minAssets (${minAssets}) <= maxAssets (${maxAssets})`);
  if (!(1 <= minBars && minBars <= maxBars))
    throw new Error(`panel(): need 1 <= minBars (${minBars}) <= maxBars (${maxBars})`);
  const cell: fc.Arbitrary<CellDraft> = fc.record({
    gapBps: gaps
      ? fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: -150, max: 150 }) },
          { weight: 1, arbitrary: fc.integer({ min: -1500, max: 1500 }) }, // gaps through resting prices
        )
      : fc.constant(0),
    retBps: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: -800, max: 800 }) },
      { weight: 1, arbitrary: fc.integer({ min: -3000, max: 3000 }) }, // shocks: margin calls, gaps
    ),
    upWickBps: fc.integer({ min: 0, max: 400 }),
    downWickBps: fc.integer({ min: 0, max: 400 }),
    volume: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 100_000 })),
    spreadBps: fc.integer({ min: 0, max: 300 }),
    zeroVolume: chance(zeroVolumeRate),
    missing: chance(missingRate),
  });
  return fc.record({
    assets: fc.integer({ min: minAssets, max: maxAssets }),
    symbols: fc.uniqueArray(fc.stringMatching(/^[A-Z]{1,3}$/), {
      minLength: maxAssets,
      maxLength: maxAssets,
    }),
    startDay: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 3650 }) }, // 2014-2023
      // Runs that cross 1970-01-01 (negative day numbers before it), and anywhere in 1960-2025,
      // so also before 1970 and across the US settlement cycles' switch dates (SPEC 3.1).
      { weight: 1, arbitrary: fc.integer({ min: EPOCH_DAY - 60, max: EPOCH_DAY + 10 }) },
      { weight: 1, arbitrary: fc.integer({ min: EPOCH_DAY - 3650, max: 4200 }) },
    ),
    // Below $5 sometimes: FINRA's low-price short floors (SPEC 3.2) need such marks.
    startCents: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 100, max: 999 }) },
        { weight: 8, arbitrary: fc.integer({ min: 1_000, max: 50_000 }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 99 }) }, // pennies
        { weight: 1, arbitrary: fc.integer({ min: 1_000_000, max: 100_000_000 }) }, // $10k-$1M
      ),
      { minLength: maxAssets, maxLength: maxAssets },
    ),
    regimes: fc.array(regime(gaps), { minLength: maxAssets, maxLength: maxAssets }),
    holidays: fc.uniqueArray(fc.integer({ min: 1, max: maxBars }), { maxLength: 3 }),
    // size "max": lengths spread over [minBars, maxBars] (fast-check's default size stops near 10).
    rows: fc.array(fc.array(cell, { minLength: maxAssets, maxLength: maxAssets }), {
      minLength: minBars,
      maxLength: maxBars,
      size: "max",
    }),
  });
}

/**
 * Prices a draft in whole ticks of `tickCents[asset]` cents (1 by default), so that every price
 * is an exact two-decimal number on its asset's tick grid.
 */
export function buildPanel(draft: PanelDraft, tickCents: readonly number[] = []): Panel {
  const n = draft.assets;
  const bars = draft.rows.length;
  const size = bars * n;
  const [open, high, low, close, volume, spread] = [0, 1, 2, 3, 4, 5].map(() => new Float64Array(size));
  const tick = Array.from({ length: n }, (_, i) => tickCents[i] ?? 1);
  const lastTicks = draft.startCents.slice(0, n).map((cents, i) => Math.max(1, Math.round(cents / tick[i])));
  for (let t = 0; t < bars; t++) {
    for (let i = 0; i < n; i++) {
      const c = draft.rows[t][i];
      const k = t * n + i;
      const { gapBps, retBps } = regimeMove(draft.regimes[i], c, t, bars);
      // The walk goes on under a missing bar, so its neighbours keep their prices when it shrinks away.
      const o = Math.max(1, Math.round(lastTicks[i] * (1 + gapBps / 1e4)));
      const cl = Math.max(1, Math.round(o * (1 + retBps / 1e4)));
      lastTicks[i] = cl;
      if (c.missing) {
        open[k] = high[k] = low[k] = close[k] = volume[k] = spread[k] = Number.NaN;
        continue;
      }
      const top = Math.max(o, cl);
      const bottom = Math.min(o, cl);
      const money = (ticks: number) => (ticks * tick[i]) / 100;
      open[k] = money(o);
      close[k] = money(cl);
      high[k] = money(top + Math.round((top * c.upWickBps) / 1e4));
      low[k] = money(Math.max(1, bottom - Math.round((bottom * c.downWickBps) / 1e4)));
      volume[k] = c.zeroVolume ? 0 : c.volume;
      spread[k] = c.spreadBps / 1e4;
    }
  }
  return {
    symbols: draft.symbols.slice(0, n),
    times: calendar(draft).bars,
    open,
    high,
    low,
    close,
    volume,
    extra: { spread },
  };
}

/** The draft's exchange holidays as ISO dates (for the config's `holidays`), in date order. */
export function holidayDates(draft: PanelDraft): string[] {
  return calendar(draft).holidays.map((ms) => new Date(ms).toISOString().slice(0, 10));
}

/** The bars' dates: the weekdays from the start day on, minus the holidays among them. */
function calendar(draft: PanelDraft): { bars: Float64Array; holidays: number[] } {
  const skipped = new Set(draft.holidays);
  const weekdays = businessDays(START_MS + draft.startDay * DAY_MS, draft.rows.length + skipped.size);
  const bars: number[] = [];
  const holidays: number[] = [];
  for (let index = 0; bars.length < draft.rows.length; index++)
    (skipped.has(index) ? holidays : bars).push(weekdays[index]);
  return { bars: Float64Array.from(bars), holidays };
}

/** The gap and return of cell (t, asset) under the asset's regime. */
function regimeMove(regime: RegimeDraft, cell: CellDraft, t: number, bars: number) {
  const shockBar = bars > 1 ? 1 + (regime.shockAt % (bars - 1)) : -1;
  switch (regime.kind) {
    case "mixed":
      return cell;
    case "calm":
      return { gapBps: Math.trunc(cell.gapBps / 10), retBps: Math.trunc(cell.retBps / 10) };
    case "trending":
      return { gapBps: cell.gapBps, retBps: cell.retBps + regime.driftBps };
    case "crash":
      return {
        gapBps: t === shockBar ? -Math.min(9_000, regime.shockBps) : cell.gapBps,
        retBps: cell.retBps,
      };
    case "squeeze":
      return { gapBps: t === shockBar ? regime.shockBps : cell.gapBps, retBps: cell.retBps };
  }
}

/** Mostly "mixed"; shocks only where gaps are allowed. Shrinks toward "mixed". */
function regime(gaps: boolean): fc.Arbitrary<RegimeDraft> {
  const kinds: RegimeKind[] = gaps
    ? ["mixed", "calm", "trending", "crash", "squeeze"]
    : ["mixed", "calm", "trending"];
  return fc.record({
    kind: fc.oneof(
      { weight: 6, arbitrary: fc.constant<RegimeKind>("mixed") },
      { weight: 4, arbitrary: fc.constantFrom(...kinds) },
    ),
    driftBps: fc.integer({ min: -100, max: 100 }),
    shockAt: fc.nat({ max: 1_000 }),
    shockBps: fc.integer({ min: 1_500, max: 20_000 }),
  });
}

const START_MS = Date.UTC(2014, 0, 1);
const DAY_MS = 86_400_000;
/** 1970-01-01 as a startDay. */
const EPOCH_DAY = -START_MS / DAY_MS;

/** true with probability `rate`; shrinks to false (unbiased, so the rate is the rate). */
function chance(rate: number): fc.Arbitrary<boolean> {
  if (!(rate >= 0 && rate <= 1)) throw new Error(`panel(): a rate is in [0, 1], got ${rate}`);
  if (rate === 0) return fc.constant(false);
  const threshold = Math.round((1 - rate) * 10_000);
  return fc.noBias(fc.integer({ min: 0, max: 9_999 })).map((x) => x >= threshold);
}
