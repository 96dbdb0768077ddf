// SPEC 5 (prices and costs of a fill): the slippage, impact and commission models of a config,
// checked field by field; optional fields take their SPEC defaults.
import type { CommissionBand, CommissionModel, ImpactModel, SlippageModel } from "../model/index.ts";
import { field, finite, finiteOrNull, integer, noUnknownKeys, own, plainObject, variants } from "./check.ts";
import { type ConfigPlace, invalid, unknownModel } from "./errors.ts";

export function slippage(at: ConfigPlace, value: unknown): SlippageModel {
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
    case "halfSpread":
      // bps absent (or null): half the bar's relative `spread` field (SPEC 12).
      noUnknownKeys(m, obj, ["model", "bps"]);
      return Object.freeze({
        model: "halfSpread",
        bps: finiteOrNull(...field(m, obj, "bps", null), { ge: 0 }),
      });
    default:
      throw unknownModel({ ...at, field: "model" }, model, SLIPPAGE_MODELS);
  }
}

export function impact(at: ConfigPlace, value: unknown): ImpactModel {
  const obj = plainObject(at, value);
  const model = own(obj, "model");
  const m: ConfigPlace = { ...at, model: String(model) };
  switch (model) {
    case "none":
      noUnknownKeys(m, obj, ["model"]);
      return Object.freeze({ model: "none" });
    case "volumeShare":
      noUnknownKeys(m, obj, ["model", "k", ...PERMANENT_KEYS]);
      return Object.freeze({
        model: "volumeShare",
        k: finite(...field(m, obj, "k", 0.1), { ge: 0 }),
        ...permanent(m, obj),
      });
    case "sqrtImpact":
      noUnknownKeys(m, obj, ["model", "y", "e", "windowBars", ...PERMANENT_KEYS]);
      return Object.freeze({
        model: "sqrtImpact",
        y: finite(...field(m, obj, "y", 0.6), { ge: 0 }),
        e: finite(...field(m, obj, "e", 0.5), { gt: 0 }),
        windowBars: integer(...field(m, obj, "windowBars", 20), { ge: 2 }),
        ...permanent(m, obj),
      });
    default:
      throw unknownModel({ ...at, field: "model" }, model, IMPACT_MODELS);
  }
}

export function commission(at: ConfigPlace, value: unknown): CommissionModel {
  const obj = plainObject(at, value);
  const model = own(obj, "model");
  const m: ConfigPlace = { ...at, model: String(model) };
  switch (model) {
    case "percent":
      noUnknownKeys(m, obj, ["model", "rate", "fixed"]);
      return Object.freeze({
        model: "percent",
        rate: finite(...field(m, obj, "rate"), { ge: 0, lt: 1 }),
        fixed: finite(...field(m, obj, "fixed", 0), { ge: 0 }),
      });
    case "perShare": {
      noUnknownKeys(m, obj, ["model", "rate", "min", "max"]);
      const rate = finite(...field(m, obj, "rate"), { ge: 0 });
      const min = finite(...field(m, obj, "min", 0), { ge: 0 });
      const [maxAt, maxValue] = field(m, obj, "max", null);
      const max = finiteOrNull(maxAt, maxValue, { ge: 0 });
      if (max !== null && max < min) throw invalid(maxAt, `must be null or >= min (${min})`, max);
      return Object.freeze({ model: "perShare", rate, min, max });
    }
    case "perContract":
      noUnknownKeys(m, obj, ["model", "rate"]);
      return Object.freeze({ model: "perContract", rate: finite(...field(m, obj, "rate"), { ge: 0 }) });
    case "fixedPerOrder":
      noUnknownKeys(m, obj, ["model", "amount"]);
      return Object.freeze({ model: "fixedPerOrder", amount: finite(...field(m, obj, "amount"), { ge: 0 }) });
    case "tiered":
      noUnknownKeys(m, obj, ["model", "bands"]);
      return Object.freeze({ model: "tiered", bands: bands(...field(m, obj, "bands")) });
    default:
      throw unknownModel({ ...at, field: "model" }, model, COMMISSION_MODELS);
  }
}

const SLIPPAGE_MODELS = variants<SlippageModel["model"]>({
  fixedBps: true,
  perShare: true,
  halfSpread: true,
});
const IMPACT_MODELS = variants<ImpactModel["model"]>({ none: true, volumeShare: true, sqrtImpact: true });
const COMMISSION_MODELS = variants<CommissionModel["model"]>({
  percent: true,
  perShare: true,
  perContract: true,
  fixedPerOrder: true,
  tiered: true,
});
const PERMANENT_KEYS = ["permanentFraction", "halfLifeBars"];

/** SPEC 5, 12: the permanent part of impact and its half-life in bars (0 and 1: none). */
function permanent(m: ConfigPlace, obj: Record<string, unknown>) {
  return {
    permanentFraction: finite(...field(m, obj, "permanentFraction", 0), { ge: 0, le: 1 }),
    halfLifeBars: finite(...field(m, obj, "halfLifeBars", 1), { gt: 0 }),
  };
}

/** SPEC 12: `[{upTo, rate}, ..., {upTo: null, rate}]`, upTo strictly increasing, only the last null. */
function bands(at: ConfigPlace, value: unknown): readonly CommissionBand[] {
  if (!Array.isArray(value) || value.length === 0)
    throw invalid(at, "must be a non-empty array of {upTo, rate}, the last with upTo null", value);
  let previous = 0;
  return Object.freeze(
    value.map((raw: unknown, i) => {
      const b: ConfigPlace = { ...at, field: `${at.field}[${i}]` };
      const band = plainObject(b, raw);
      noUnknownKeys(b, band, ["upTo", "rate"]);
      const [upToAt, upToValue] = field(b, band, "upTo");
      let upTo: number | null = null;
      if (i === value.length - 1) {
        if (upToValue !== null) throw invalid(upToAt, "must be null in the last band", upToValue);
      } else if (upToValue === null) {
        throw invalid(upToAt, "must be a number: only the last band's upTo is null", upToValue);
      } else {
        const when = i === 0 ? undefined : "(the previous band's upTo)";
        upTo = finite(upToAt, upToValue, { gt: previous }, when);
        previous = upTo;
      }
      return Object.freeze({ upTo, rate: finite(...field(b, band, "rate"), { ge: 0 }) });
    }),
  );
}
