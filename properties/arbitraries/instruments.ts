// SPEC 1 and 3.3: generated instruments, one draft per asset column: equities and futures, with
// multipliers, lot sizes, tick sizes, futures margins (money per contract or a rate of notional)
// and per-asset borrow rates. A draft is independent of the symbols and the account; instrumentsFor()
// keys the drafts by the panel's symbols and makes each kind legal for the account (a "futures"
// account holds futures only, a "cash" account none), so that every draft resolves.
import fc from "fast-check";
import type { InstrumentInput, MarginInput } from "../../src/config/input.ts";
import type { AccountType } from "../../src/model/index.ts";

export interface InstrumentDraft {
  /** A future inside a margin account (a futures account makes every asset one; a cash account none). */
  readonly future: boolean;
  /** Futures: 1, 10 or 50 money per point (equities keep the run's multiplier). */
  readonly multiplier: number;
  /** Price grid in cents, or null for none. */
  readonly tickCents: number | null;
  /** Futures: the initial margin as a rate of notional, in percent (2-25). */
  readonly marginPercent: number;
  /** Futures: the margin in money per contract at the start price rather than as a rate. */
  readonly marginInMoney: boolean;
  /** Futures: maintenance as a percentage of the initial margin (50-100). */
  readonly maintenancePercent: number;
  /** Equities: a borrow rate of the asset's own in per mille a year, or null for the run's. */
  readonly borrowPerMille: number | null;
}

export function instrumentDraft(): fc.Arbitrary<InstrumentDraft> {
  return fc.record({
    future: fc.oneof(
      { weight: 3, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    multiplier: fc.constantFrom(1, 10, 50),
    tickCents: fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom(1, 5, 25) },
    ),
    marginPercent: fc.integer({ min: 2, max: 25 }),
    marginInMoney: fc.boolean(),
    maintenancePercent: fc.integer({ min: 50, max: 100 }),
    borrowPerMille: fc.option(fc.integer({ min: 0, max: 200 }), { freq: 4 }),
  });
}

/** Is asset i a future under this account? */
export function isFuture(draft: InstrumentDraft, account: AccountType): boolean {
  return account === "futures" || (account === "margin" && draft.future);
}

/**
 * The `instruments` config entries: drafts[i] for symbols[i], only the keys that differ from the
 * run-wide terms (so the defaults are exercised too); money margins are priced from
 * `startPrice(i)`, a price near the asset's first bars.
 *
 * An equity whose run-wide lot would be worth under a cent at its start price (0.01 of a penny
 * stock) trades whole shares instead: such a lot is below the fast engine's resolution (its tie
 * rule equates amounts within 1e-12 of the account's scale, docs/semantics.md), so the last lot of
 * a partial fill would be decided by float64 rounding rather than by the rules.
 */
export function instrumentsFor(
  drafts: readonly InstrumentDraft[],
  symbols: readonly string[],
  terms: { readonly account: AccountType; readonly lotSize: number },
  startPrice: (asset: number) => number,
): Record<string, InstrumentInput> {
  const { account } = terms;
  const entries: Record<string, InstrumentInput> = {};
  symbols.forEach((symbol, i) => {
    const draft = drafts[i % drafts.length];
    const entry: { -readonly [K in keyof InstrumentInput]: InstrumentInput[K] } = {};
    if (draft.tickCents !== null) entry.tickSize = draft.tickCents / 100;
    if (isFuture(draft, account)) {
      entry.kind = "future";
      entry.multiplier = draft.multiplier;
      entry.lotSize = 1;
      const notional = startPrice(i) * draft.multiplier;
      const initial = draft.marginPercent / 100;
      const maintenance = (initial * draft.maintenancePercent) / 100;
      entry.initialMargin = margin(initial, notional, draft.marginInMoney);
      entry.maintenanceMargin = margin(maintenance, notional, draft.marginInMoney);
    } else {
      if (draft.borrowPerMille !== null) entry.borrowRate = draft.borrowPerMille / 1_000;
      if (terms.lotSize * startPrice(i) < 0.01) entry.lotSize = 1;
    }
    if (Object.keys(entry).length > 0) entries[symbol] = entry;
  });
  return entries;
}

/** A rate of notional, or that rate of the start notional in whole cents (at least one). */
function margin(rate: number, notional: number, inMoney: boolean): MarginInput {
  return inMoney ? Math.max(1, Math.round(rate * notional * 100)) / 100 : { rate };
}
