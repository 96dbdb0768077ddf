// SPEC 1, 3-7: user config input -> the fully resolved RunConfig every engine reads. Every key is
// checked (type, range, finiteness, unknown keys); nothing is ignored, coerced or repaired.

import { COMPAT_PROFILES } from "../compat/index.ts";
import type {
  AccountType,
  CashFlow,
  CompatProfile,
  FillAt,
  IntrabarPath,
  LiquidationOrder,
  MarginCheckAt,
  OnInsufficient,
  OnMarginCall,
  OnZeroVolume,
  RestoreTo,
  RunConfig,
  Settlement,
  TimeInForce,
  UnsettledFunds,
} from "../model/index.ts";
import {
  bool,
  field,
  finite,
  finiteOrNull,
  integer,
  noUnknownKeys,
  oneOf,
  own,
  ownOr,
  plainObject,
  variants,
} from "./check.ts";
import { maintenanceUpToInitial } from "./consistency.ts";
import { commission, impact, slippage } from "./costs.ts";
import { type ConfigPlace, invalid, missing } from "./errors.ts";
import { CONFIG_KEYS, type ConfigInput, type ConfigKey, DEFAULT_CONFIG_INPUT } from "./input.ts";
import { instruments } from "./instruments.ts";
import { usEquityCalendar } from "./us-equity-calendar.ts";

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
  const compat = oneOf(at("compat"), ownOr(obj, "compat", null), [...COMPAT, null]);
  // A profile replaces assay's defaults, never a key the user gave.
  const defaults: ConfigInput =
    compat === null ? DEFAULT_CONFIG_INPUT : { ...DEFAULT_CONFIG_INPUT, ...COMPAT_PROFILES[compat].config };
  // The defaults go through the same checks as the user's values: one path, no special case.
  const get = (key: ConfigKey): unknown => ownOr(obj, key, defaults[key]);
  const onZeroVolume = oneOf(at("onZeroVolume"), get("onZeroVolume"), ON_ZERO_VOLUME);
  const account = oneOf(at("account"), get("account"), ACCOUNTS);
  const initialRate = finite(at("initialRate"), get("initialRate"), { gt: 0, le: 1 });
  const rate = (key: ConfigKey) => finite(at(key), get(key), { ge: 0 });
  const base = {
    multiplier: finite(at("multiplier"), get("multiplier"), { gt: 0 }),
    lotSize: finite(at("lotSize"), get("lotSize"), { gt: 0 }),
    tickSize: finiteOrNull(at("tickSize"), get("tickSize"), { gt: 0 }),
    borrowRate: rate("borrowRate"),
  };
  const shortCash = bool(at("shortCash"), get("shortCash"));
  if (shortCash && account !== "margin")
    throw invalid(
      at("shortCash"),
      `shortCash is a margin account's rule, not a ${account} account's`,
      shortCash,
    );
  const checkAtSubmit = bool(at("checkAtSubmit"), get("checkAtSubmit"));
  const sizeAtFill = bool(at("sizeAtFill"), get("sizeAtFill"));
  // The submit check pays for an order at its creation: a size not known until the fill has no cost then.
  if (checkAtSubmit && sizeAtFill)
    throw invalid(
      at("sizeAtFill"),
      "sizeAtFill and checkAtSubmit exclude each other: the submit check needs each order's size when it is submitted",
      sizeAtFill,
    );
  return Object.freeze({
    compat,
    initialCash: finite(at("initialCash"), get("initialCash"), { gt: 0 }),
    account,
    fillAt: oneOf(at("fillAt"), get("fillAt"), FILL_AT),
    onInsufficient: oneOf(at("onInsufficient"), get("onInsufficient"), [...ON_INSUFFICIENT, null]),
    maxParticipation: finiteOrNull(at("maxParticipation"), get("maxParticipation"), { gt: 0, le: 1 }),
    onZeroVolume,
    syntheticVolume: syntheticVolume(at("syntheticVolume"), own(obj, "syntheticVolume"), onZeroVolume),
    intrabarPath: oneOf(at("intrabarPath"), get("intrabarPath"), INTRABAR_PATHS),
    timeInForce: oneOf(at("timeInForce"), get("timeInForce"), TIME_IN_FORCE),
    clampToBar: bool(at("clampToBar"), get("clampToBar")),
    slipOpen: bool(at("slipOpen"), get("slipOpen")),
    slipMatch: bool(at("slipMatch"), get("slipMatch")),
    slipLimit: bool(at("slipLimit"), get("slipLimit")),
    initialRate,
    maintLong: maintenanceUpToInitial(
      at("maintLong"),
      finite(at("maintLong"), get("maintLong"), { ge: 0, le: 1 }),
      initialRate,
    ),
    // Not held to initialRate: FINRA floors (the default) replace it, and exceed 100% on a cheap stock.
    maintShort: finite(at("maintShort"), get("maintShort"), { ge: 0, le: 1 }),
    finraShortFloors: bool(at("finraShortFloors"), get("finraShortFloors")),
    maxGrossLeverage: finiteOrNull(at("maxGrossLeverage"), get("maxGrossLeverage"), { gt: 0 }),
    maxNetLeverage: finiteOrNull(at("maxNetLeverage"), get("maxNetLeverage"), { gt: 0 }),
    shortCash,
    exitsFirst: bool(at("exitsFirst"), get("exitsFirst")),
    checkAtSubmit,
    sizeAtFill,
    onMarginCall: oneOf(at("onMarginCall"), get("onMarginCall"), ON_MARGIN_CALL),
    marginCheckAt: oneOf(at("marginCheckAt"), get("marginCheckAt"), MARGIN_CHECK_AT),
    cureDays: integer(at("cureDays"), get("cureDays"), { ge: 0 }),
    liquidationOrder: oneOf(at("liquidationOrder"), get("liquidationOrder"), LIQUIDATION_ORDERS),
    liquidationBuffer: finite(at("liquidationBuffer"), get("liquidationBuffer"), { ge: 0 }),
    restoreTo: oneOf(at("restoreTo"), get("restoreTo") ?? defaultRestoreTo(account), RESTORE_TO),
    debitRate: rate("debitRate"),
    creditRate: rate("creditRate"),
    shortRebateRate: rate("shortRebateRate"),
    settlement: settlement(at("settlement"), get("settlement")),
    unsettledFunds: oneOf(at("unsettledFunds"), get("unsettledFunds"), UNSETTLED_FUNDS),
    gfvLimit: integer(at("gfvLimit"), get("gfvLimit"), { ge: 1 }),
    ...calendar(at, get("holidays"), get("settlementHolidays")),
    slippage: slippage(at("slippage"), get("slippage")),
    impact: impact(at("impact"), get("impact")),
    commission: commission(at("commission"), get("commission")),
    instruments: instruments(at("instruments"), get("instruments"), symbols, base, account),
    cashFlows: cashFlows(at("cashFlows"), get("cashFlows")),
  });
}

const TOP_KEYS = Object.keys(CONFIG_KEYS);
const COMPAT = Object.keys(COMPAT_PROFILES) as CompatProfile[];
const ACCOUNTS = variants<AccountType>({ margin: true, cash: true, futures: true });
const FILL_AT = variants<FillAt>({ "next-open": true, close: true, open: true });
export const ON_INSUFFICIENT = variants<OnInsufficient>({ reject: true, partial: true, scale: true });
const ON_ZERO_VOLUME = variants<OnZeroVolume>({ defer: true, reject: true, fill: true, synthetic: true });
const INTRABAR_PATHS = variants<IntrabarPath>({ "nearer-first": true, pessimistic: true, optimistic: true });
export const TIME_IN_FORCE = variants<TimeInForce>({ gtc: true, day: true });
const ON_MARGIN_CALL = variants<OnMarginCall>({ liquidate: true, ignore: true });
const MARGIN_CHECK_AT = variants<MarginCheckAt>({ close: true, "adverse-extreme": true });
const LIQUIDATION_ORDERS = variants<LiquidationOrder>({
  "largest-requirement": true,
  "largest-loss": true,
  "pro-rata": true,
});
const RESTORE_TO = variants<RestoreTo>({ maintenance: true, initial: true });

/** SPEC 7: a futures call is met by restoring initial margin, a margin account's maintenance. */
function defaultRestoreTo(account: AccountType): RestoreTo {
  return account === "futures" ? "initial" : "maintenance";
}
const UNSETTLED_FUNDS = variants<UnsettledFunds>({ "good-faith": true, forbid: true });

/** SPEC 6.3: required and > 0 under "synthetic", where it is the volume; else >= 0 and unused. */
function syntheticVolume(at: ConfigPlace, value: unknown, onZeroVolume: OnZeroVolume): number {
  if (onZeroVolume !== "synthetic")
    return finite(at, value === undefined ? DEFAULT_CONFIG_INPUT.syntheticVolume : value, { ge: 0 });
  const when = 'when onZeroVolume is "synthetic"';
  if (value === undefined) throw missing(at, when);
  return finite(at, value, { gt: 0 }, when);
}

/** SPEC 3.1: business days to settle a sale, or "us-equity" (T+5, T+3, T+2, T+1 by trade date). */
function settlement(at: ConfigPlace, value: unknown): Settlement {
  if (value === "us-equity") return value;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    throw invalid(at, 'must be an integer >= 0 or "us-equity"', value);
  return value;
}

/**
 * SPEC 1: the exchange holidays and the settlement holidays. "us-equity" names the shipped US
 * calendar: its closures are the holidays, its Fed days join the given settlement holidays.
 */
function calendar(
  at: (key: ConfigKey) => ConfigPlace,
  holidays: unknown,
  settlementHolidays: unknown,
): { holidays: readonly string[] | null; settlementHolidays: readonly string[] } {
  const extra = isoDates(at("settlementHolidays"), settlementHolidays, "must be an array of ISO dates");
  if (holidays !== "us-equity")
    return {
      holidays:
        holidays === null
          ? null
          : isoDates(at("holidays"), holidays, 'must be null, "us-equity" or an array of ISO dates'),
      settlementHolidays: extra,
    };
  const us = usEquityCalendar();
  return {
    holidays: us.closures,
    settlementHolidays: Object.freeze([...new Set([...extra, ...us.settlementHolidays])].sort()),
  };
}

/**
 * SPEC 12: deposits and withdrawals, each {date, amount} with an ISO date and a finite non-zero
 * amount; returned in date order, ties in the given order (a stable sort).
 */
function cashFlows(at: ConfigPlace, value: unknown): readonly CashFlow[] {
  if (!Array.isArray(value)) throw invalid(at, 'must be an array of {date: "YYYY-MM-DD", amount}', value);
  const flows = value.map((item: unknown, i): CashFlow => {
    const place = { ...at, key: `${at.key}[${i}]` };
    const obj = plainObject(place, item);
    noUnknownKeys(place, obj, CASH_FLOW_KEYS);
    const [datePlace, date] = field(place, obj, "date");
    if (!isIsoDate(date)) throw invalid(datePlace, 'must be a calendar date "YYYY-MM-DD"', date);
    const [amountPlace, amount] = field(place, obj, "amount");
    if (typeof amount !== "number") throw invalid(amountPlace, "must be a number", amount);
    if (!Number.isFinite(amount) || amount === 0)
      throw invalid(amountPlace, "must be finite and != 0 (> 0 a deposit, < 0 a withdrawal)", amount);
    return Object.freeze({ date, amount });
  });
  return Object.freeze(flows.slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
}

const CASH_FLOW_KEYS = ["date", "amount"];

/** ISO calendar dates, kept in the given order (a set); `rule` says what the value must be. */
function isoDates(at: ConfigPlace, value: unknown, rule: string): readonly string[] {
  if (!Array.isArray(value)) throw invalid(at, `${rule} "YYYY-MM-DD"`, value);
  return Object.freeze(
    value.map((date: unknown, i) => {
      if (!isIsoDate(date))
        throw invalid({ ...at, key: `${at.key}[${i}]` }, 'must be a calendar date "YYYY-MM-DD"', date);
      return date;
    }),
  );
}

/** "2024-02-29" yes, "2023-02-29", "2024-1-5" and "2024-01-05T00:00" no. */
function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}
