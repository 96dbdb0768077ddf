// SPEC 3-7: generated run configurations, as the plain input objects resolveConfig() reads, so
// the config path the user takes is the path the properties take. Every policy of the config
// is drawn: the three accounts, every onInsufficient (null included), both fillAt, every
// onZeroVolume, participation caps, leverage caps, Backtrader's shortCash, exitsFirst and
// checkAtSubmit, VectorBT's sizeAtFill, slippage and commission models, instruments (equities and futures,
// multipliers, lot and tick sizes, margins, borrow rates) and (with `realism`) intrabar paths,
// margin-call handling, financing, settlement and impact.
//
// Instruments are keyed by symbol and money margins priced from the data, so a ConfigDraft is
// drawn on its own and configFor() completes it for a panel (run-input.ts does).
import fc from "fast-check";
import type { CommissionInput, ConfigInput, ImpactInput, SlippageInput } from "../../src/config/input.ts";
import type {
  AccountType,
  FillAt,
  IntrabarPath,
  LiquidationOrder,
  MarginCheckAt,
  OnInsufficient,
  OnZeroVolume,
  RestoreTo,
  Settlement,
  UnsettledFunds,
} from "../../src/model/index.ts";
import { type InstrumentDraft, instrumentDraft, instrumentsFor } from "./instruments.ts";

export interface ConfigConstraints {
  /** Accounts to draw from (default all three). */
  readonly accounts?: readonly AccountType[];
  /** fillAt values to draw from (default both). */
  readonly fillAts?: readonly FillAt[];
  /** onZeroVolume values to draw from (default all four). */
  readonly onZeroVolumes?: readonly OnZeroVolume[];
  /** Fewest initial cash (default 1,000). */
  readonly minInitialCash?: number;
  /** Most initial cash (default 10,000,000). */
  readonly maxInitialCash?: number;
  /**
   * Also draw the realism options (intrabar paths, margin-call handling, financing, settlement,
   * impact, halfSpread and tiered costs); false leaves them at their defaults (default true).
   */
  readonly realism?: boolean;
}

/** A config before it meets a panel: everything but `instruments`, `holidays` and `settlementHolidays`. */
export interface ConfigDraft {
  readonly input: ConfigInput;
  /** One per asset column, taken modulo their number. */
  readonly instruments: readonly InstrumentDraft[];
  /** Tell the engine the panel's holidays (else settlement counts weekdays, with a warning). */
  readonly holidaysGiven: boolean;
  /** Bars (modulo the bar count) whose dates trade but do not settle (SPEC 1 settlementHolidays). */
  readonly settlementHolidayBars: readonly number[];
  /** SPEC 12 deposits and withdrawals, placed on the panel's dates by configFor(). */
  readonly cashFlows: readonly CashFlowDraft[];
}

/**
 * A cash flow near bar `bar` (modulo the bar count): `offsetDays` calendar days from its date
 * (before the first bar, between bars, after the last), of `percent` hundredths of a percent of
 * the initial cash, signed (< 0 a withdrawal; large ones are refused).
 */
export interface CashFlowDraft {
  readonly bar: number;
  readonly offsetDays: number;
  readonly percent: number;
}

/** The panel facts a config needs: its symbols, a start price per asset, its holidays, its bars' dates. */
export interface ConfigPanelFacts {
  readonly symbols: readonly string[];
  readonly startPrice: (asset: number) => number;
  readonly holidays: readonly string[];
  readonly barDates: readonly string[];
}

export function runConfigDraft(constraints: ConfigConstraints = {}): fc.Arbitrary<ConfigDraft> {
  return fc.record({
    input: runConfigBase(constraints),
    instruments: fc.array(instrumentDraft(), { minLength: 1, maxLength: 4 }),
    holidaysGiven: fc.boolean(),
    settlementHolidayBars: fc.uniqueArray(fc.nat(40), { maxLength: 2 }),
    cashFlows: cashFlowDrafts(),
  });
}

/** None 2 times in 3; else 1 to 4 flows, deposits and withdrawals of 0.01% to 150% of the cash. */
function cashFlowDrafts(): fc.Arbitrary<readonly CashFlowDraft[]> {
  const flow = fc.record({
    bar: fc.nat(40),
    offsetDays: fc.oneof(
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) },
    ),
    percent: fc.oneof(
      fc.integer({ min: 1, max: 15_000 }).map((p) => -p),
      fc.integer({ min: 1, max: 10_000 }),
    ),
  });
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.array(flow, { minLength: 1, maxLength: 4 }) },
  );
}

/** The drafts as cashFlows on the panel's dates, in drawn order (resolveConfig sorts them). */
function cashFlowsFor(
  drafts: readonly CashFlowDraft[],
  barDates: readonly string[],
  initialCash: number,
): ConfigInput {
  if (drafts.length === 0 || barDates.length === 0) return {};
  const cashFlows = drafts.map((d) => {
    const date = new Date(`${barDates[d.bar % barDates.length]}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + d.offsetDays);
    // Whole cents: money as a user writes it.
    return {
      date: date.toISOString().slice(0, 10),
      amount: Math.round((initialCash * d.percent) / 100) / 100,
    };
  });
  return { cashFlows: cashFlows.filter((flow) => flow.amount !== 0) };
}

/** The draft as resolveConfig() input for a panel. */
export function configFor(draft: ConfigDraft, panel: ConfigPanelFacts): ConfigInput {
  const terms = { account: draft.input.account ?? "margin", lotSize: draft.input.lotSize ?? 1 };
  const instruments = instrumentsFor(draft.instruments, panel.symbols, terms, panel.startPrice);
  return {
    ...draft.input,
    ...(Object.keys(instruments).length > 0 ? { instruments } : {}),
    ...(draft.holidaysGiven ? { holidays: panel.holidays } : {}),
    ...settlementHolidaysFor(draft.settlementHolidayBars, panel.barDates),
    ...cashFlowsFor(draft.cashFlows, panel.barDates, draft.input.initialCash ?? 1_000_000),
  };
}

function settlementHolidaysFor(bars: readonly number[], barDates: readonly string[]): ConfigInput {
  if (bars.length === 0 || barDates.length === 0) return {};
  return { settlementHolidays: [...new Set(bars.map((t) => barDates[t % barDates.length]))].sort() };
}

/** runConfigDraft() completed for `symbols`, each at a start price of 100, with no holidays of either kind. */
export function runConfigInput(
  constraints: ConfigConstraints = {},
  symbols: readonly string[] = ["A", "B"],
): fc.Arbitrary<ConfigInput> {
  return runConfigDraft(constraints).map((draft) =>
    configFor(draft, { symbols, startPrice: () => 100, holidays: [], barDates: [] }),
  );
}

function runConfigBase(constraints: ConfigConstraints): fc.Arbitrary<ConfigInput> {
  const {
    accounts = ["cash", "margin", "futures"],
    fillAts = ["next-open", "close", "open"],
    onZeroVolumes = ["defer", "reject", "fill", "synthetic"],
    minInitialCash = 1_000,
    maxInitialCash = 10_000_000,
    realism = true,
  } = constraints;
  const zeroVolume = fc.oneof(
    ...onZeroVolumes.map((policy) =>
      policy === "synthetic"
        ? fc.record({
            onZeroVolume: fc.constant<OnZeroVolume>("synthetic"),
            syntheticVolume: fc.integer({ min: 1, max: 10_000 }),
          })
        : fc.record({ onZeroVolume: fc.constant(policy) }),
    ),
  );
  return (
    fc
      .record({
        initialCash: initialCash(minInitialCash, maxInitialCash),
        account: fc.constantFrom(...accounts),
        fillAt: fc.constantFrom(...fillAts),
        onInsufficient: fc.constantFrom<OnInsufficient | null>(null, "reject", "partial", "scale"),
        maxParticipation: fc.oneof(
          fc.constant(null),
          fc.integer({ min: 5, max: 100 }).map((p) => p / 100),
        ),
        zeroVolume,
        timeInForce: fc.constantFrom("gtc" as const, "day" as const),
        clampToBar: fc.boolean(),
        finraShortFloors: fc.boolean(),
        maxGrossLeverage: leverageCap(),
        maxNetLeverage: leverageCap(),
        // Backtrader's rules (compat "backtrader"), each away from its default in about one case of six.
        shortCash: rarelyFlipped(false),
        checkAtSubmit: rarelyFlipped(false),
        exitsFirst: rarelyFlipped(true),
        // Backtrader's slippage switches (set_slippage_perc's slip_open, slip_match, slip_limit).
        slipOpen: rarelyFlipped(true),
        slipMatch: rarelyFlipped(true),
        slipLimit: fc.boolean(),
        // VectorBT's val_price (compat "vectorbt").
        sizeAtFill: rarelyFlipped(false),
        onMarginCall: fc.constantFrom("liquidate" as const, "ignore" as const),
        slippage: slippage(realism),
        commission: commission(realism),
        realism: realism ? realismInput() : fc.constant({}),
        lotSize: fc.oneof(
          { weight: 6, arbitrary: fc.constant(1) },
          { weight: 1, arbitrary: fc.constantFrom(0.01, 10) },
        ),
      })
      // shortCash is a margin account's rule only; sizeAtFill excludes the submit check.
      .map(({ zeroVolume, realism, shortCash, sizeAtFill, ...rest }) => ({
        ...rest,
        shortCash: shortCash && rest.account === "margin",
        sizeAtFill: sizeAtFill && !rest.checkAtSubmit,
        ...zeroVolume,
        ...realism,
      }))
  );
}

/** A peer's switch: `usual` in five cases of six, the other value in one. */
function rarelyFlipped(usual: boolean): fc.Arbitrary<boolean> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(usual) },
    { weight: 1, arbitrary: fc.constant(!usual) },
  );
}

/** SPEC 3.1, 3.2, 4.3, 5, 7: the options beyond the basic account, each away from its default. */
function realismInput(): fc.Arbitrary<ConfigInput> {
  const rate = fc.oneof(
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 100 }).map((bps) => bps / 1_000) },
  );
  return fc.record({
    intrabarPath: fc.constantFrom<IntrabarPath>("nearer-first", "pessimistic", "optimistic"),
    marginCheckAt: fc.constantFrom<MarginCheckAt>("close", "adverse-extreme"),
    cureDays: fc.integer({ min: 0, max: 2 }),
    liquidationOrder: fc.constantFrom<LiquidationOrder>("largest-requirement", "largest-loss", "pro-rata"),
    liquidationBuffer: fc.constantFrom(0, 0.1),
    restoreTo: fc.constantFrom<RestoreTo | null>("maintenance", "initial", null),
    debitRate: rate,
    creditRate: rate,
    shortRebateRate: rate,
    borrowRate: rate,
    settlement: fc.constantFrom<Settlement>(0, 1, 2, "us-equity"),
    unsettledFunds: fc.constantFrom<UnsettledFunds>("good-faith", "forbid"),
    gfvLimit: fc.integer({ min: 1, max: 3 }),
    impact: impact(),
  });
}

function impact(): fc.Arbitrary<ImpactInput> {
  const permanent = {
    permanentFraction: fc.constantFrom(0, 0.25, 1),
    halfLifeBars: fc.integer({ min: 1, max: 5 }),
  };
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<ImpactInput>({ model: "none" }) },
    {
      weight: 1,
      arbitrary: fc.record({
        model: fc.constant("volumeShare" as const),
        k: fc.integer({ min: 1, max: 50 }).map((c) => c / 100),
        ...permanent,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        model: fc.constant("sqrtImpact" as const),
        y: fc.integer({ min: 1, max: 10 }).map((d) => d / 10),
        e: fc.constantFrom(0.5, 0.6, 1),
        windowBars: fc.integer({ min: 2, max: 20 }),
        ...permanent,
      }),
    },
  );
}

/** Roughly log-uniform: mantissa 10..99 times a power of ten, clamped to [min, max]. */
function initialCash(min: number, max: number): fc.Arbitrary<number> {
  return fc
    .tuple(fc.integer({ min: 10, max: 99 }), fc.integer({ min: 2, max: 6 }))
    .map(([mantissa, exponent]) => Math.min(max, Math.max(min, mantissa * 10 ** exponent)));
}

/** null (no cap) 3 times in 4, else 0.5..4 in quarter steps. */
function leverageCap(): fc.Arbitrary<number | null> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.integer({ min: 2, max: 16 }).map((q) => q / 4) },
  );
}

function slippage(realism: boolean): fc.Arbitrary<SlippageInput> {
  // bps null: half the bar's quoted `spread` (panel.ts draws one for every bar).
  const halfSpread = fc.record({
    model: fc.constant("halfSpread" as const),
    bps: fc.option(fc.integer({ min: 0, max: 50 })),
  });
  return fc.oneof(
    ...(realism ? [halfSpread] : []),
    fc.record({ model: fc.constant("fixedBps" as const), bps: fc.integer({ min: 0, max: 50 }) }),
    fc.record({
      model: fc.constant("perShare" as const),
      amount: fc.integer({ min: 0, max: 5 }).map((c) => c / 100),
    }),
  );
}

function commission(realism: boolean): fc.Arbitrary<CommissionInput> {
  // Per-unit rate by the month's cumulative quantity; the last band is unbounded.
  const tiered = fc
    .tuple(
      fc.integer({ min: 1, max: 5_000 }),
      fc.integer({ min: 0, max: 10 }),
      fc.integer({ min: 0, max: 10 }),
    )
    .map(
      ([upTo, first, second]): CommissionInput => ({
        model: "tiered",
        bands: [
          { upTo, rate: first / 1_000 },
          { upTo: null, rate: second / 1_000 },
        ],
      }),
    );
  const perContract = fc.record({
    model: fc.constant("perContract" as const),
    rate: fc.integer({ min: 0, max: 300 }).map((cents) => cents / 100),
  });
  return fc.oneof(
    ...(realism ? [tiered, perContract] : []),
    fc.record({
      model: fc.constant("percent" as const),
      rate: fc.integer({ min: 0, max: 50 }).map((tenthBps) => tenthBps / 1e5),
      // VectorBT's fixed_fees: money once per order, in one case of four.
      fixed: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 500 }).map((cents) => cents / 100) },
      ),
    }),
    fc
      .record({
        model: fc.constant("perShare" as const),
        rate: fc.integer({ min: 0, max: 10 }).map((mills) => mills / 1000),
        minCents: fc.integer({ min: 0, max: 200 }),
        extraCents: fc.option(fc.integer({ min: 0, max: 2_000 })),
      })
      .map(({ model, rate, minCents, extraCents }) => ({
        model,
        rate,
        min: minCents / 100,
        max: extraCents === null ? null : (minCents + extraCents) / 100,
      })),
    fc.record({
      model: fc.constant("fixedPerOrder" as const),
      amount: fc.integer({ min: 0, max: 1_000 }).map((c) => c / 100),
    }),
  );
}
