// Stress model "bootstrap": the stationary block bootstrap (Politis and Romano 1994) of a loaded
// panel's joint daily returns. Parameter: meanBlockBars (L >= 1). The source rows are the bars t
// where every asset has a bar at t and a close at t - 1; row k holds each asset's overnight
// log(open_t / close_{t-1}) and intraday log(close_t / open_t). Whole rows (cross-sections) are
// resampled, so the dependence across assets is kept. Index k_0 is uniform over the M rows; then
// with probability 1 / L a new block starts at a uniform row, else k_{t+1} = k_t + 1 (mod M):
// block lengths are geometric with mean L. Two uniforms per bar, drawn every bar. The bridge's
// intraday variance is each asset's sample variance of the intraday returns.
import { field, finite } from "../../config/check.ts";
import type { ConfigPlace } from "../../config/errors.ts";
import type { Panel } from "../../model/panel.ts";
import { tooFewCrossSections } from "../errors.ts";
import type { PathModel } from "../path-model.ts";
import type { PathStream } from "../stream.ts";

export interface BootstrapParams {
  readonly meanBlockBars: number;
  /** M x N row-major. */
  readonly overnight: Float64Array;
  readonly intraday: Float64Array;
  readonly rows: number;
}

export const BOOTSTRAP_KEYS = ["meanBlockBars"] as const;

export function resolveBootstrap(
  at: ConfigPlace,
  obj: Record<string, unknown>,
  source: Panel,
): BootstrapParams {
  const [place, value] = field(at, obj, "meanBlockBars");
  const meanBlockBars = finite(place, value, { ge: 1 });
  return { meanBlockBars, ...jointReturns(source) };
}

/** The panel's complete cross-sections of overnight and intraday log returns. */
export function jointReturns(source: Panel): Omit<BootstrapParams, "meanBlockBars"> {
  const n = source.symbols.length;
  const { open, close } = source;
  const kept: number[] = [];
  for (let t = 1; t < source.times.length; t++) {
    let complete = true;
    for (let i = 0; i < n && complete; i++)
      complete = !Number.isNaN(open[t * n + i]) && !Number.isNaN(close[(t - 1) * n + i]);
    if (complete) kept.push(t);
  }
  if (kept.length < 2) throw tooFewCrossSections(kept.length);
  const overnight = new Float64Array(kept.length * n);
  const intraday = new Float64Array(kept.length * n);
  kept.forEach((t, k) => {
    for (let i = 0; i < n; i++) {
      overnight[k * n + i] = Math.log(open[t * n + i] / close[(t - 1) * n + i]);
      intraday[k * n + i] = Math.log(close[t * n + i] / open[t * n + i]);
    }
  });
  return { overnight, intraday, rows: kept.length };
}

/** Fills `out` with the resampled row index of each bar. */
export function stationaryBootstrapRows(
  stream: PathStream,
  rows: number,
  meanBlockBars: number,
  out: Int32Array,
): void {
  let k = 0;
  for (let t = 0; t < out.length; t++) {
    const restart = stream.uniform();
    const start = Math.floor(stream.uniform() * rows);
    k = t === 0 || restart < 1 / meanBlockBars ? start : (k + 1) % rows;
    out[t] = k;
  }
}

export function bootstrapModel(params: BootstrapParams, assets: number): PathModel {
  const { overnight, intraday, rows, meanBlockBars } = params;
  const n = assets;
  const referenceVariance = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let sumSq = 0;
    for (let k = 0; k < rows; k++) {
      const r = intraday[k * n + i];
      sum += r;
      sumSq += r * r;
    }
    referenceVariance[i] = Math.max(0, (sumSq - (sum * sum) / rows) / (rows - 1));
  }
  let picks = new Int32Array(0);
  return {
    referenceVariance,
    simulate(stream, out) {
      if (picks.length !== out.bars) picks = new Int32Array(out.bars);
      stationaryBootstrapRows(stream, rows, meanBlockBars, picks);
      for (let t = 0; t < out.bars; t++) {
        const from = picks[t] * n;
        out.overnight.set(overnight.subarray(from, from + n), t * n);
        out.intraday.set(intraday.subarray(from, from + n), t * n);
        out.intradayVariance.set(referenceVariance, t * n);
      }
      return 0;
    },
  };
}
