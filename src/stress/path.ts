// Stress paths (issue 13): the entry point. Path i of a run is a Panel drawn from the stream of
// (seed, i) alone (stream.ts): the model's returns first, then the bars' extremes, volumes and
// gaps (bars.ts). A PathScratch holds one path's buffers for reuse across the paths of a worker.
import { businessDays, parseDateMs } from "../data/dates.ts";
import type { Panel } from "../model/panel.ts";
import { unreachable } from "../model/unreachable.ts";
import { type BarColumns, writeBars } from "./bars.ts";
import { badPathOption } from "./errors.ts";
import { bootstrapModel } from "./models/bootstrap.ts";
import { garchModel } from "./models/garch.ts";
import { gbmModel } from "./models/gbm.ts";
import { mertonModel } from "./models/merton.ts";
import { regimeModel } from "./models/regime.ts";
import { type PathModel, type PathReturns, pathReturns } from "./path-model.ts";
import type { StressModelSpec } from "./spec.ts";
import { pathStream } from "./stream.ts";

export interface PathOptions {
  /** Path index, an integer >= 0. */
  readonly path: number;
  /** Run seed, a safe integer. */
  readonly seed: number;
  /** Bars per path (trading days). */
  readonly bars: number;
  /** First bar's date, ISO (a weekend moves to the Monday). */
  readonly start: string;
}

export interface StressPath {
  /** Valid until the next pathPanel call with the same scratch. */
  readonly panel: Panel;
  /** log dP/dQ of the path: 0 unless the model is tilted (gbm's tilt). */
  readonly logLikelihoodRatio: number;
}

/** One model's buffers for paths of one length and start: reused, never shared across calls in flight. */
export interface PathScratch {
  readonly spec: StressModelSpec;
  readonly bars: number;
  readonly start: string;
  readonly model: PathModel;
  readonly returns: PathReturns;
  readonly panel: Panel & BarColumns;
}

export function pathScratch(spec: StressModelSpec, bars: number, start: string): PathScratch {
  if (!(Number.isInteger(bars) && bars >= 1)) throw badPathOption("bars", "must be an integer >= 1", bars);
  const startMs = parseDateMs(start);
  if (Number.isNaN(startMs)) throw badPathOption("start", "must be an ISO date like 2022-01-03", start);
  const n = spec.symbols.length;
  const size = bars * n;
  const [open, high, low, close, volume] = [0, 1, 2, 3, 4].map(() => new Float64Array(size));
  const times = businessDays(startMs, bars);
  return {
    spec,
    bars,
    start,
    model: pathModelOf(spec),
    returns: pathReturns(bars, n),
    panel: { symbols: spec.symbols, times, open, high, low, close, volume, extra: {} },
  };
}

export function pathPanel(spec: StressModelSpec, options: PathOptions, scratch?: PathScratch): StressPath {
  const { path, seed, bars, start } = options;
  if (!(Number.isSafeInteger(path) && path >= 0))
    throw badPathOption("path", "must be an integer >= 0", path);
  if (!Number.isSafeInteger(seed)) throw badPathOption("seed", "must be a safe integer", seed);
  const buffers = scratch ?? pathScratch(spec, bars, start);
  if (buffers.spec !== spec || buffers.bars !== bars || buffers.start !== start)
    throw badPathOption(
      "scratch",
      `was made for another spec, bars (${buffers.bars}) or start (${buffers.start}); make one per (spec, bars, start)`,
      { bars, start },
    );
  const stream = pathStream(seed, path);
  const logLikelihoodRatio = buffers.model.simulate(stream, buffers.returns);
  writeBars(buffers.returns, buffers.model.referenceVariance, spec.ohlcv, stream, buffers.panel);
  return { panel: buffers.panel, logLikelihoodRatio };
}

/** The model a spec simulates, built once (its Cholesky factors and constants). */
export function pathModelOf(spec: StressModelSpec): PathModel {
  switch (spec.model) {
    case "gbm":
      return gbmModel(spec.params, spec.overnightShare);
    case "merton":
      return mertonModel(spec.params, spec.overnightShare);
    case "garch":
      return garchModel(spec.params, spec.overnightShare);
    case "regime":
      return regimeModel(spec.params, spec.overnightShare);
    case "bootstrap":
      return bootstrapModel(spec.params, spec.symbols.length);
    default:
      return unreachable(spec);
  }
}
