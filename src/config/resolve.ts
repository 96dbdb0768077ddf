// SPEC 3-6: user config input -> the fully resolved RunConfig every engine reads. Every key is
// checked (type, range, finiteness, unknown keys); nothing is ignored, coerced or repaired.
import type {
  AccountType,
  CommissionModel,
  FillAt,
  Instrument,
  InstrumentKind,
  IntrabarPath,
  OnInsufficient,
  OnMarginCall,
  OnZeroVolume,
  RunConfig,
  SlippageModel,
  TimeInForce,
} from "../model/index.ts";
import {
  bool,
  finite,
  finiteOrNull,
  nearest,
  noUnknownKeys,
  oneOf,
  own,
  ownOr,
  plainObject,
  variants,
} from "./check.ts";
import { type ConfigPlace, invalid, missing, unknownModel, unknownSymbol } from "./errors.ts";
import { CONFIG_KEYS, type ConfigKey, DEFAULT_CONFIG_INPUT } from "./input.ts";

export { CONFIG_KEYS, DEFAULT_CONFIG_INPUT } from "./input.ts";

/**
 * Validates `input` (a plain JSON object; absent or undefined keys take the SPEC defaults) and
 * returns the resolved, frozen RunConfig with one Instrument per symbol, in the order of `symbols`.
 * `source` labels every error message: "config" for code, "config run.json" for a file.
 * Throws a ConfigError naming the key, the model, the rule and the value.
 */
export function resolveConfig(input: unknown, symbols: readonly string[], source = "config"): RunConfig {
  const obj = plainObject({ source }, input);
  noUnknownKeys({ source }, obj, TOP_KEYS);
  const at = (key: ConfigKey): ConfigPlace => ({ source, key });
  // The defaults go through the same checks as the user's values: one path, no special case.
  const get = (key: ConfigKey): unknown => ownOr(obj, key, DEFAULT_CONFIG_INPUT[key]);
  const onZeroVolume = oneOf(at("onZeroVolume"), get("onZeroVolume"), ON_ZERO_VOLUME);
  const base = {
    multiplier: finite(at("multiplier"), get("multiplier"), { gt: 0 }),
    lotSize: finite(at("lotSize"), get("lotSize"), { gt: 0 }),
    tickSize: finiteOrNull(at("tickSize"), get("tickSize"), { gt: 0 }),
  };
  return Object.freeze({
    initialCash: finite(at("initialCash"), get("initialCash"), { gt: 0 }),
    account: oneOf(at("account"), get("account"), ACCOUNTS),
    fillAt: oneOf(at("fillAt"), get("fillAt"), FILL_AT),
    onInsufficient: oneOf(at("onInsufficient"), get("onInsufficient"), [...ON_INSUFFICIENT, null]),
    maxParticipation: finiteOrNull(at("maxParticipation"), get("maxParticipation"), { gt: 0, le: 1 }),
    onZeroVolume,
    syntheticVolume: syntheticVolume(at("syntheticVolume"), own(obj, "syntheticVolume"), onZeroVolume),
    intrabarPath: oneOf(at("intrabarPath"), get("intrabarPath"), INTRABAR_PATHS),
    timeInForce: oneOf(at("timeInForce"), get("timeInForce"), TIME_IN_FORCE),
    clampToBar: bool(at("clampToBar"), get("clampToBar")),
    initialRate: finite(at("initialRate"), get("initialRate"), { gt: 0, le: 1 }),
    maintLong: finite(at("maintLong"), get("maintLong"), { ge: 0, le: 1 }),
    maintShort: finite(at("maintShort"), get("maintShort"), { ge: 0, le: 1 }),
    finraShortFloors: bool(at("finraShortFloors"), get("finraShortFloors")),
    maxGrossLeverage: finiteOrNull(at("maxGrossLeverage"), get("maxGrossLeverage"), { gt: 0 }),
    maxNetLeverage: finiteOrNull(at("maxNetLeverage"), get("maxNetLeverage"), { gt: 0 }),
    onMarginCall: oneOf(at("onMarginCall"), get("onMarginCall"), ON_MARGIN_CALL),
    slippage: slippage(at("slippage"), get("slippage")),
    commission: commission(at("commission"), get("commission")),
    instruments: instruments(at("instruments"), get("instruments"), symbols, base),
  });
}

const TOP_KEYS = Object.keys(CONFIG_KEYS);
const ACCOUNTS = variants<AccountType>({ margin: true, cash: true });
const FILL_AT = variants<FillAt>({ "next-open": true, close: true });
const ON_INSUFFICIENT = variants<OnInsufficient>({ reject: true, partial: true, scale: true });
const ON_ZERO_VOLUME = variants<OnZeroVolume>({ defer: true, reject: true, fill: true, synthetic: true });
const INTRABAR_PATHS = variants<IntrabarPath>({ "nearer-first": true });
const TIME_IN_FORCE = variants<TimeInForce>({ gtc: true, day: true });
const ON_MARGIN_CALL = variants<OnMarginCall>({ liquidate: true, ignore: true });
const SLIPPAGE_MODELS = variants<SlippageModel["model"]>({ fixedBps: true, perShare: true });
const COMMISSION_MODELS = variants<CommissionModel["model"]>({
  percent: true,
  perShare: true,
  fixedPerOrder: true,
});
const INSTRUMENT_KINDS = variants<InstrumentKind>({ equity: true });
const INSTRUMENT_KEYS = ["kind", "multiplier", "lotSize", "tickSize"];

type InstrumentTerms = Pick<Instrument, "multiplier" | "lotSize" | "tickSize">;

/** SPEC 6.3: required and > 0 under "synthetic", where it is the volume; else >= 0 and unused. */
function syntheticVolume(at: ConfigPlace, value: unknown, onZeroVolume: OnZeroVolume): number {
  if (onZeroVolume !== "synthetic")
    return finite(at, value === undefined ? DEFAULT_CONFIG_INPUT.syntheticVolume : value, { ge: 0 });
  const when = 'when onZeroVolume is "synthetic"';
  if (value === undefined) throw missing(at, when);
  return finite(at, value, { gt: 0 }, when);
}

function slippage(at: ConfigPlace, value: unknown): SlippageModel {
  const obj = plainObject(at, value);
  const model = own(obj, "model");
  const m: ConfigPlace = { ...at, model: String(model) };
  switch (model) {
    case "fixedBps":
      noUnknownKeys(m, obj, ["model", "bps"]);
      return Object.freeze({ model: "fixedBps", bps: finite(...field(m, obj, "bps"), { ge: 0 }) });
    case "perShare":
      noUnknownKeys(m, obj, ["model", "amount"]);
      return Object.freeze({ model: "perShare", amount: finite(...field(m, obj, "amount"), { ge: 0 }) });
    default:
      throw unknownModel({ ...at, field: "model" }, model, SLIPPAGE_MODELS);
  }
}

function commission(at: ConfigPlace, value: unknown): CommissionModel {
  const obj = plainObject(at, value);
  const model = own(obj, "model");
  const m: ConfigPlace = { ...at, model: String(model) };
  switch (model) {
    case "percent":
      noUnknownKeys(m, obj, ["model", "rate"]);
      return Object.freeze({ model: "percent", rate: finite(...field(m, obj, "rate"), { ge: 0, lt: 1 }) });
    case "perShare": {
      noUnknownKeys(m, obj, ["model", "rate", "min", "max"]);
      const rate = finite(...field(m, obj, "rate"), { ge: 0 });
      const min = finite(...field(m, obj, "min", 0), { ge: 0 });
      const [maxAt, maxValue] = field(m, obj, "max", null);
      const max = finiteOrNull(maxAt, maxValue, { ge: 0 });
      if (max !== null && max < min) throw invalid(maxAt, `must be null or >= min (${min})`, max);
      return Object.freeze({ model: "perShare", rate, min, max });
    }
    case "fixedPerOrder":
      noUnknownKeys(m, obj, ["model", "amount"]);
      return Object.freeze({ model: "fixedPerOrder", amount: finite(...field(m, obj, "amount"), { ge: 0 }) });
    default:
      throw unknownModel({ ...at, field: "model" }, model, COMMISSION_MODELS);
  }
}

/** SPEC 1: one Instrument per symbol; an entry overrides the run-wide terms for its symbol. */
function instruments(
  at: ConfigPlace,
  value: unknown,
  symbols: readonly string[],
  base: InstrumentTerms,
): readonly Instrument[] {
  const entries = plainObject(at, value);
  const known = new Set(symbols);
  for (const symbol of Object.keys(entries))
    if (!known.has(symbol)) throw unknownSymbol(at, symbol, symbols, nearest(symbol, symbols));
  return Object.freeze(
    symbols.map((symbol) => {
      const entry = own(entries, symbol);
      if (entry === undefined) return Object.freeze<Instrument>({ symbol, kind: "equity", ...base });
      return instrument({ ...at, key: `${at.key}.${symbol}` }, symbol, entry, base);
    }),
  );
}

function instrument(at: ConfigPlace, symbol: string, value: unknown, base: InstrumentTerms): Instrument {
  const entry = plainObject(at, value);
  noUnknownKeys(at, entry, INSTRUMENT_KEYS);
  return Object.freeze({
    symbol,
    kind: oneOf(...field(at, entry, "kind", "equity"), INSTRUMENT_KINDS),
    multiplier: finite(...field(at, entry, "multiplier", base.multiplier), { gt: 0 }),
    lotSize: finite(...field(at, entry, "lotSize", base.lotSize), { gt: 0 }),
    tickSize: finiteOrNull(...field(at, entry, "tickSize", base.tickSize), { gt: 0 }),
  });
}

/**
 * A field of an object-valued key: its place for messages and its value. Absent (or undefined)
 * takes `fallback`; without one the field is required.
 */
function field(
  at: ConfigPlace,
  obj: Record<string, unknown>,
  name: string,
  fallback?: unknown,
): [ConfigPlace, unknown] {
  const place = { ...at, field: name };
  const value = own(obj, name);
  if (value !== undefined) return [place, value];
  if (fallback === undefined) throw missing(place);
  return [place, fallback];
}
