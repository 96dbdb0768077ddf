// Stress paths (issue 13): the stress model of a run, a tagged union on `model`, checked once
// with errors naming the field (src/config/errors.ts). Common keys: symbols (the asset names),
// overnightShare (f, the share of a bar's variance before the open, default 0.2) and ohlcv
// (bars.ts); the bootstrap takes neither symbols nor overnightShare from its input (its source
// panel has both).
import { field, finite, noUnknownKeys, oneOf, plainObject, variants } from "../config/check.ts";
import { type ConfigPlace, invalid } from "../config/errors.ts";
import type { Panel } from "../model/panel.ts";
import { unreachable } from "../model/unreachable.ts";
import { type OhlcvOptions, resolveOhlcv } from "./bars.ts";
import { BOOTSTRAP_KEYS, type BootstrapParams, resolveBootstrap } from "./models/bootstrap.ts";
import { GARCH_KEYS, type GarchParams, resolveGarch } from "./models/garch.ts";
import { GBM_KEYS, type GbmParams, resolveGbm } from "./models/gbm.ts";
import { MERTON_KEYS, type MertonParams, resolveMerton } from "./models/merton.ts";
import { REGIME_KEYS, type RegimeParams, resolveRegime } from "./models/regime.ts";

export type StressModelName = StressModelSpec["model"];

interface Common {
  readonly symbols: readonly string[];
  readonly overnightShare: number;
  readonly ohlcv: OhlcvOptions;
}

export type StressModelSpec =
  | (Common & { readonly model: "gbm"; readonly params: GbmParams })
  | (Common & { readonly model: "merton"; readonly params: MertonParams })
  | (Common & { readonly model: "garch"; readonly params: GarchParams })
  | (Common & { readonly model: "regime"; readonly params: RegimeParams })
  | (Common & { readonly model: "bootstrap"; readonly params: BootstrapParams });

export const STRESS_MODELS = variants<StressModelName>({
  gbm: true,
  merton: true,
  garch: true,
  regime: true,
  bootstrap: true,
});

const MODEL_KEYS: Record<StressModelName, readonly string[]> = {
  gbm: GBM_KEYS,
  merton: MERTON_KEYS,
  garch: GARCH_KEYS,
  regime: REGIME_KEYS,
  bootstrap: BOOTSTRAP_KEYS,
};

/** The keys every model takes; the bootstrap has its source's symbols and no overnight share. */
const COMMON_KEYS = (model: StressModelName) =>
  model === "bootstrap" ? ["model", "ohlcv"] : ["model", "symbols", "overnightShare", "ohlcv"];

/**
 * `where` places the input in messages (e.g. { source: "config stress.json", key: "model" });
 * `source` is the loaded panel the bootstrap resamples (required for it, unused otherwise).
 */
export function resolveStressModel(input: unknown, where: ConfigPlace, source?: Panel): StressModelSpec {
  const obj = plainObject(where, input);
  const [modelPlace, modelValue] = field(where, obj, "model");
  const model = oneOf(modelPlace, modelValue, STRESS_MODELS);
  const at: ConfigPlace = { ...where, model };
  noUnknownKeys(at, obj, [...COMMON_KEYS(model), ...MODEL_KEYS[model]]);
  if (model === "bootstrap" && source === undefined)
    throw invalid(at, "needs the loaded panel it resamples (resolveStressModel's source)", undefined);
  const symbols = model === "bootstrap" ? (source as Panel).symbols : resolveSymbols(at, obj);
  const n = symbols.length;
  const [sharePlace, share] = field(at, obj, "overnightShare", 0.2);
  const [ohlcvPlace, ohlcv] = field(at, obj, "ohlcv", {});
  const common: Common = {
    symbols,
    overnightShare: finite(sharePlace, share, { ge: 0, le: 1 }),
    ohlcv: resolveOhlcv(ohlcvPlace, ohlcv, n),
  };
  switch (model) {
    case "gbm":
      return { ...common, model, params: resolveGbm(at, obj, n) };
    case "merton":
      return { ...common, model, params: resolveMerton(at, obj, n) };
    case "garch":
      return { ...common, model, params: resolveGarch(at, obj, n) };
    case "regime":
      return { ...common, model, params: resolveRegime(at, obj, n) };
    case "bootstrap":
      return { ...common, model, params: resolveBootstrap(at, obj, source as Panel) };
    default:
      return unreachable(model);
  }
}

function resolveSymbols(at: ConfigPlace, obj: Record<string, unknown>): readonly string[] {
  const [place, value] = field(at, obj, "symbols");
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((s) => typeof s === "string" && s.trim() !== "") ||
    new Set(value).size !== value.length
  )
    throw invalid(place, "must be a non-empty array of distinct non-empty strings", value);
  return value;
}
