// SPEC 1 (instruments) and 3.3 (futures): one Instrument per panel symbol, from the run-wide
// terms and the per-symbol overrides; futures carry their margins per contract.
import type { AccountType, ContractMargin, Instrument, InstrumentKind } from "../model/index.ts";
import {
  field,
  finite,
  finiteOrNull,
  nearest,
  noUnknownKeys,
  oneOf,
  own,
  plainObject,
  variants,
} from "./check.ts";
import { type ConfigPlace, invalid, missing, unknownSymbol } from "./errors.ts";

/** The run-wide terms every instrument starts from. */
export type InstrumentTerms = Pick<Instrument, "multiplier" | "lotSize" | "tickSize" | "borrowRate">;

/**
 * SPEC 1: one Instrument per symbol, in the order of `symbols`; an entry overrides the run-wide
 * terms for its symbol. SPEC 3.3: a "futures" account holds only futures, a "cash" account none.
 */
export function instruments(
  at: ConfigPlace,
  value: unknown,
  symbols: readonly string[],
  base: InstrumentTerms,
  account: AccountType,
): readonly Instrument[] {
  const entries = plainObject(at, value);
  const known = new Set(symbols);
  for (const symbol of Object.keys(entries))
    if (!known.has(symbol)) throw unknownSymbol(at, symbol, symbols, nearest(symbol, symbols));
  return Object.freeze(
    symbols.map((symbol) => {
      const place = { ...at, key: `${at.key}.${symbol}` };
      const entry = own(entries, symbol);
      const result =
        entry === undefined ? defaultInstrument(symbol, base) : instrument(place, symbol, entry, base);
      checkAccount({ ...place, field: "kind" }, result.kind, account);
      return result;
    }),
  );
}

const INSTRUMENT_KINDS = variants<InstrumentKind>({ equity: true, future: true });
const INSTRUMENT_KEYS = [
  "kind",
  "multiplier",
  "lotSize",
  "tickSize",
  "initialMargin",
  "maintenanceMargin",
  "borrowRate",
];
const FUTURES_ONLY = 'when kind is "future"';

function defaultInstrument(symbol: string, base: InstrumentTerms): Instrument {
  return Object.freeze({
    symbol,
    kind: "equity",
    multiplier: base.multiplier,
    lotSize: base.lotSize,
    tickSize: base.tickSize,
    initialMargin: null,
    maintenanceMargin: null,
    borrowRate: base.borrowRate,
  });
}

function instrument(at: ConfigPlace, symbol: string, value: unknown, base: InstrumentTerms): Instrument {
  const entry = plainObject(at, value);
  noUnknownKeys(at, entry, INSTRUMENT_KEYS);
  const kind = oneOf(...field(at, entry, "kind", "equity"), INSTRUMENT_KINDS);
  const multiplier = finite(...field(at, entry, "multiplier", base.multiplier), { gt: 0 });
  const lotSize = finite(...field(at, entry, "lotSize", base.lotSize), { gt: 0 });
  const tickSize = finiteOrNull(...field(at, entry, "tickSize", base.tickSize), { gt: 0 });
  const initialMargin = margin({ ...at, field: "initialMargin" }, own(entry, "initialMargin"), kind);
  const maintenanceMargin = margin(
    { ...at, field: "maintenanceMargin" },
    own(entry, "maintenanceMargin"),
    kind,
  );
  if (initialMargin !== null && maintenanceMargin !== null) {
    const initial = marginAmount(initialMargin);
    const maintenance = marginAmount(maintenanceMargin);
    if (initialMargin.kind === maintenanceMargin.kind && maintenance > initial)
      throw invalid(
        { ...at, field: "maintenanceMargin" },
        `must be <= initialMargin (${initial})`,
        own(entry, "maintenanceMargin"),
      );
  }
  const borrowRate = finite(...field(at, entry, "borrowRate", base.borrowRate), { ge: 0 });
  return Object.freeze({
    symbol,
    kind,
    multiplier,
    lotSize,
    tickSize,
    initialMargin,
    maintenanceMargin,
    borrowRate,
  });
}

/**
 * SPEC 3.3: a number is money per contract, `{rate}` a fraction of the notional at the mark.
 * Required for a future and > 0; an equity has none (its margin is the run's rates, SPEC 3.2).
 */
function margin(at: ConfigPlace, value: unknown, kind: InstrumentKind): ContractMargin | null {
  if (kind === "equity") {
    if (value !== undefined) throw invalid(at, 'must be absent when kind is "equity" (futures only)', value);
    return null;
  }
  if (value === undefined) throw missing(at, FUTURES_ONLY);
  if (typeof value === "number")
    return Object.freeze({ kind: "money", amount: finite(at, value, { gt: 0 }, FUTURES_ONLY) });
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw invalid(at, "must be a number (money per contract) or {rate} (a fraction of notional)", value);
  const obj = plainObject(at, value);
  noUnknownKeys(at, obj, ["rate"]);
  return Object.freeze({ kind: "rate", rate: finite(...field(at, obj, "rate"), { gt: 0, le: 1 }) });
}

function marginAmount(m: ContractMargin): number {
  return m.kind === "money" ? m.amount : m.rate;
}

/** SPEC 3.3: a futures account trades only futures; a cash account trades none. */
function checkAccount(at: ConfigPlace, kind: InstrumentKind, account: AccountType): void {
  if (account === "futures" && kind !== "future")
    throw invalid(at, 'must be "future" when account is "futures"', kind);
  if (account === "cash" && kind === "future")
    throw invalid(at, 'must be "equity" when account is "cash"', kind);
}
