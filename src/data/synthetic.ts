// SPEC 1 (data): the embedded default data, a seeded synthetic daily panel. The same options give
// the same panel bit for bit (integer PRNG, fixed draw order, no Math.random).
import type { Panel } from "../model/panel.ts";
import { businessDays, parseDateMs } from "./dates.ts";
import { badOption } from "./errors.ts";
import { gaussian, mulberry32 } from "./random.ts";
import { validatePanel } from "./validate.ts";

export interface SyntheticOptions {
  /** Number of assets, symbols S000, S001, ... (default 50). */
  readonly assets?: number;
  /** Number of business days (default 504, two years). */
  readonly bars?: number;
  /** 32-bit integer seed (default 42). */
  readonly seed?: number;
  /** First date, ISO (default "2022-01-03"); a weekend start moves to the next weekday. */
  readonly start?: string;
  /** Typical daily log-return volatility (default 0.02); each asset gets 0.5x..1.5x of it. */
  readonly dailyVol?: number;
  /** Fraction of present bars with volume 0 (default 0). */
  readonly zeroVolumeRate?: number;
  /** Fraction of bars missing (default 0); when > 0 the last asset also lists a quarter in. */
  readonly missingRate?: number;
}

export function syntheticPanel(options: SyntheticOptions = {}): Panel {
  const opt = resolveOptions(options);
  const random = mulberry32(opt.seed);
  const normal = () => gaussian(random);
  const width = Math.max(3, String(opt.assets - 1).length); // S000..S049, wider past 1000 assets
  const symbols = Array.from({ length: opt.assets }, (_, i) => `S${String(i).padStart(width, "0")}`);
  const times = businessDays(opt.startMs, opt.bars);
  // Per-asset parameters first, in asset order, so they do not depend on the number of bars.
  const assets = symbols.map(() => ({
    logPrice: Math.log(10) + Math.log(20) * random(), // first price log-uniform in [10, 200)
    drift: 0.0002 + 0.0004 * normal(), // daily log drift ~ N(0.02%, 0.04%): about 5% +- 10% a year
    vol: opt.dailyVol * (0.5 + random()), // daily vol uniform in [0.5, 1.5) x dailyVol
    volumeScale: Math.exp(0.5 * normal()), // liquidity differs across assets, lognormal around 1
  }));
  const listedAt = opt.missingRate > 0 ? Math.floor(opt.bars / 4) : 0; // the last asset's late listing

  const size = opt.bars * opt.assets;
  const [open, high, low, close, volume] = [0, 1, 2, 3, 4].map(() => new Float64Array(size));
  for (let t = 0; t < opt.bars; t++) {
    for (let i = 0; i < opt.assets; i++) {
      const a = assets[i];
      // Every draw happens on every bar, so the rates change which bars are hit, never the prices.
      const gap = 0.25 * a.vol * normal(); // overnight gap: a quarter of the daily vol
      const ret = a.drift - (a.vol * a.vol) / 2 + a.vol * normal(); // GBM close-to-close log return
      const upWick = 0.5 * a.vol * Math.abs(normal()); // high above max(open, close), in log
      const downWick = 0.5 * a.vol * Math.abs(normal()); // low below min(open, close), in log
      const volumeNoise = 0.4 * normal(); // day-to-day volume dispersion, lognormal
      const zeroDraw = random();
      const missingDraw = random();

      const openPrice = cents(Math.exp(a.logPrice + gap)); // open = previous (unrounded) close x gap
      a.logPrice += ret;
      const closePrice = cents(Math.exp(a.logPrice));
      const k = t * opt.assets + i;
      const missing = missingDraw < opt.missingRate || (i === opt.assets - 1 && t < listedAt);
      if (missing) {
        open[k] = high[k] = low[k] = close[k] = volume[k] = Number.NaN; // the walk goes on unseen
        continue;
      }
      open[k] = openPrice;
      close[k] = closePrice;
      // Wicks are rounded too, then consistency re-imposed on the rounded values.
      high[k] = Math.max(cents(Math.max(openPrice, closePrice) * Math.exp(upWick)), openPrice, closePrice);
      low[k] = Math.min(cents(Math.min(openPrice, closePrice) * Math.exp(-downWick)), openPrice, closePrice);
      volume[k] =
        zeroDraw < opt.zeroVolumeRate
          ? 0
          : Math.max(1, Math.round(1e6 * a.volumeScale * Math.exp(volumeNoise)));
    }
  }
  const panel: Panel = { symbols, times, open, high, low, close, volume, extra: {} };
  validatePanel(
    panel,
    "syntheticPanel",
    symbols.map(() => 0.01),
  ); // prices on the cent grid
  return panel;
}

interface Resolved {
  readonly assets: number;
  readonly bars: number;
  readonly seed: number;
  readonly startMs: number;
  readonly dailyVol: number;
  readonly zeroVolumeRate: number;
  readonly missingRate: number;
}

const SOURCE = "syntheticPanel options";

function resolveOptions(options: SyntheticOptions): Resolved {
  const count = (field: string, value: number) => {
    if (!(Number.isInteger(value) && value >= 1))
      throw badOption(SOURCE, field, `must be an integer >= 1, got ${value}`);
    return value;
  };
  const rate = (field: string, value: number) => {
    if (!(value >= 0 && value <= 1))
      throw badOption(SOURCE, field, `must be a fraction in [0, 1], got ${value}`);
    return value;
  };
  const seed = options.seed ?? 42;
  if (!Number.isSafeInteger(seed)) throw badOption(SOURCE, "seed", `must be an integer, got ${seed}`);
  const start = options.start ?? "2022-01-03";
  const startMs = parseDateMs(start);
  if (Number.isNaN(startMs))
    throw badOption(SOURCE, "start", `"${start}" is not an ISO date like 2022-01-03`);
  const dailyVol = options.dailyVol ?? 0.02;
  if (!(dailyVol > 0 && dailyVol < 1))
    throw badOption(SOURCE, "dailyVol", `must be in (0, 1), got ${dailyVol}`);
  return {
    assets: count("assets", options.assets ?? 50),
    bars: count("bars", options.bars ?? 504),
    seed,
    startMs,
    dailyVol,
    zeroVolumeRate: rate("zeroVolumeRate", options.zeroVolumeRate ?? 0),
    missingRate: rate("missingRate", options.missingRate ?? 0),
  };
}

/** Rounded to the cent, never below one cent (a present price is > 0). */
function cents(price: number): number {
  return Math.max(0.01, Math.round(price * 100) / 100);
}
