// SPEC 1, 3-7: one generated run: a panel, a config input and an order schedule on that panel.
// Built from the drafts with a plain map (no chain), so each part shrinks on its own and the
// orders follow the panel: bars and assets are taken modulo its shape, limit and stop prices
// are offsets from its prices on the asset's tick grid.
//
// Three kinds of case. "random": the drafts as drawn. "marginStress": a levered book (margin or
// futures account) opened on bar 0, then a gap against every position (a crash under a long, a
// squeeze under a short), so that margin calls, liquidations and bankruptcies are reached by
// construction, not by luck. "goodFaith": a cash account with T+2/T+3 settlement rotating its
// whole equity between two assets every bar, so that it buys with unsettled proceeds, sells
// before they settle (good-faith violations) and is restricted after gfvLimit of them. The
// scenario is drawn as a small shrinkable record applied to the drafts, so a failing stress
// case shrinks like any other. Any case may also cancel some of its orders (ctx.cancel): drawn
// last, so the rest of a case is what it was before cancels existed.
import fc from "fast-check";
import type { ConfigInput } from "../src/config/input.ts";
import type {
  BarContext,
  OnMarginCall,
  OrderRequest,
  Panel,
  Settlement,
  Strategy,
} from "../src/model/index.ts";
import { scheduledOrders } from "../src/strategy/declarative.ts";
import { type ConfigConstraints, type ConfigDraft, configFor, runConfigDraft } from "./arbitraries/config.ts";
import {
  materializeOrders,
  type OrderConstraints,
  type OrderDraft,
  type OrderPricing,
  orderDrafts,
  type PriceAnchor,
  portfolioOrders,
} from "./arbitraries/orders.ts";
import {
  buildPanel,
  holidayDates,
  type PanelConstraints,
  type PanelDraft,
  panelDraft,
} from "./arbitraries/panel.ts";

export type CaseKind = "random" | "marginStress" | "goodFaith";

export interface RunCase {
  readonly panel: Panel;
  /** For resolveConfig(configInput, panel.symbols). */
  readonly configInput: ConfigInput;
  /** For scheduledOrders(ordersByBar). */
  readonly ordersByBar: Map<number, OrderRequest[]>;
  /**
   * After bar t's orders, cancel(): k = 0 the latest order id the schedule got back, k = 1 the
   * one before, and so on (modulo their count). See caseStrategy().
   */
  readonly cancelsByBar?: ReadonlyMap<number, readonly number[]>;
  /** How the case was generated (coverage counts it; the engines never see it). */
  readonly kind?: CaseKind;
}

export interface RunInputConstraints {
  readonly panel?: PanelConstraints;
  readonly orders?: Omit<OrderConstraints, "pricing">;
  readonly config?: ConfigConstraints;
  /** Also draw "marginStress" and "goodFaith" cases where the accounts allow them (default true). */
  readonly scenarios?: boolean;
}

/** The drafts of one case, before they meet each other. */
interface Drafts {
  readonly panel: PanelDraft;
  readonly orders: readonly OrderDraft[];
  readonly config: ConfigDraft;
  /** A scenario's own orders (placed before the drafted ones on their bar); none for "random". */
  readonly scenario?: Scenario;
}

type Scenario =
  | { readonly kind: "marginStress"; readonly stress: MarginStress }
  | { readonly kind: "goodFaith"; readonly goodFaith: GoodFaith };

export function runInput(constraints: RunInputConstraints = {}): fc.Arbitrary<RunCase> {
  const drafts: fc.Arbitrary<Drafts> = fc.record({
    panel: panelDraft(constraints.panel),
    orders: orderDrafts(constraints.orders),
    config: runConfigDraft(constraints.config),
  });
  const random = drafts.map(buildCase);
  if (constraints.scenarios === false) return withCancels(random);
  const accounts = constraints.config?.accounts ?? ["cash", "margin", "futures"];
  const levered = accounts.filter((a): a is LeveredAccount => a === "margin" || a === "futures");
  const arms: fc.WeightedArbitrary<RunCase>[] = [{ weight: 6, arbitrary: random }];
  if (levered.length > 0 && constraints.panel?.gaps !== false)
    arms.push({
      weight: 2,
      arbitrary: fc
        .tuple(drafts, marginStress(levered))
        .map(([d, stress]) => buildCase(withMarginStress(d, stress))),
    });
  if (accounts.includes("cash"))
    arms.push({
      weight: 1,
      arbitrary: fc.tuple(drafts, goodFaith()).map(([d, gf]) => buildCase(withGoodFaith(d, gf))),
    });
  return withCancels(fc.oneof(...arms));
}

/** The case's strategy: its schedule, then its cancels (of orders it submitted, never a liquidation). */
export function caseStrategy(runCase: RunCase): Strategy {
  const { ordersByBar, cancelsByBar } = runCase;
  if (cancelsByBar === undefined || cancelsByBar.size === 0) return scheduledOrders(ordersByBar);
  const ids: number[] = [];
  return {
    name: "scheduled-orders-and-cancels",
    onBar(ctx: BarContext) {
      for (const order of ordersByBar.get(ctx.t) ?? []) {
        const id = ctx.submit(order);
        if (id !== null) ids.push(id);
      }
      if (ids.length === 0) return;
      for (const k of cancelsByBar.get(ctx.t) ?? []) ctx.cancel(ids[ids.length - 1 - (k % ids.length)]);
    },
  };
}

/**
 * In one case in eight, a cancel or two on the case's bars (t modulo its bars), mostly of recent
 * orders (those still work). Rarely: a cancel changes what follows, and rare outcomes (an entry
 * rejected in a margin call) need the other cases as they are.
 */
function withCancels(cases: fc.Arbitrary<RunCase>): fc.Arbitrary<RunCase> {
  const cancel = fc.record({ t: fc.nat({ max: 1_000 }), k: fc.nat({ max: 3 }) });
  const cancels = fc.oneof(
    { weight: 7, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.array(cancel, { minLength: 1, maxLength: 2 }) },
  );
  return fc.tuple(cases, cancels).map(([runCase, cancels]) => {
    if (cancels.length === 0) return runCase;
    const bars = runCase.panel.times.length;
    const cancelsByBar = new Map<number, number[]>();
    for (const { t, k } of cancels) cancelsByBar.set(t % bars, [...(cancelsByBar.get(t % bars) ?? []), k]);
    return { ...runCase, cancelsByBar };
  });
}

/** Asset i's tick in cents: its instrument draft's (cycled over the assets), 1 by default. */
function tickCentsOf(config: ConfigDraft, i: number): number {
  return config.instruments[i % config.instruments.length].tickCents ?? 1;
}

function buildCase(drafts: Drafts): RunCase {
  const symbols = drafts.panel.symbols.slice(0, drafts.panel.assets);
  const tickCents = symbols.map((_, i) => tickCentsOf(drafts.config, i));
  const panel = buildPanel(drafts.panel, tickCents);
  const firstClose = referencePrices(panel);
  const configInput = configFor(drafts.config, {
    symbols,
    startPrice: (i) => firstClose(symbols[i], 0),
    holidays: holidayDates(drafts.panel),
    barDates: Array.from(panel.times, (ms) => new Date(ms).toISOString().slice(0, 10)),
  });
  const pricing = orderPricing(panel, (symbol) => tickCents[symbols.indexOf(symbol)] ?? 1);
  const ordersByBar = materializeOrders(drafts.orders, panel.symbols, panel.times.length, pricing);
  for (const [t, orders] of scenarioOrders(drafts, symbols))
    ordersByBar.set(t, [...orders, ...(ordersByBar.get(t) ?? [])]);
  return { panel, configInput, ordersByBar, kind: drafts.scenario?.kind ?? "random" };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

type LeveredAccount = "margin" | "futures";

interface MarginStress {
  readonly account: LeveredAccount;
  readonly onMarginCall: OnMarginCall;
  /** Gross exposure opened on bar 0, in percent of equity. */
  readonly grossPercent: number;
  /** Per asset: the sign and relative size of its position (cycled over the assets). */
  readonly legs: readonly { readonly short: boolean; readonly share: number }[];
  /** The adverse gap: on bar 2 + shockAt modulo (bars - 2), in bps. */
  readonly shockAt: number;
  readonly shockBps: number;
  /**
   * A thin market after the shock: under a volume cap, the bar of the liquidation's open trades
   * `volume` units (so the liquidation is capped) and its close moves back toward the book by
   * reboundBps (so the call may be cured while the rest still works).
   */
  readonly drought: {
    readonly participation: number;
    readonly volume: number;
    readonly reboundBps: number;
  } | null;
}

function marginStress(accounts: readonly LeveredAccount[]): fc.Arbitrary<MarginStress> {
  return fc.record({
    account: fc.constantFrom(...accounts),
    onMarginCall: fc.oneof(
      { weight: 4, arbitrary: fc.constant<OnMarginCall>("liquidate") },
      { weight: 1, arbitrary: fc.constant<OnMarginCall>("ignore") },
    ),
    // Reg T's 50% initial margin allows 200% gross; a futures book may go further.
    grossPercent: fc.integer({ min: 100, max: 400 }),
    legs: fc.array(fc.record({ short: fc.boolean(), share: fc.integer({ min: 1, max: 4 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
    shockAt: fc.nat({ max: 1_000 }),
    shockBps: fc.integer({ min: 1_500, max: 20_000 }),
    // One stress case in three (null first, so that a failing case shrinks to no drought).
    drought: fc.oneof(
      { weight: 2, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.record({
          participation: fc.constantFrom(0.05, 0.1, 0.25),
          volume: fc.integer({ min: 4, max: 400 }),
          reboundBps: fc.integer({ min: 500, max: 30_000 }),
        }),
      },
    ),
  });
}

/**
 * The levered account, the shock in every asset's regime, and no volume cap (the book opens
 * whole) unless a drought caps the bars after the book's (whose volume is then ample).
 */
function withMarginStress(d: Drafts, stress: MarginStress): Drafts {
  const bars = d.panel.rows.length;
  // Regime shocks fall on bar 1 + shockAt mod (bars - 1); this puts them on bar 2 or later, after
  // the bar-0 book has filled (at the open of bar 1 under next-open).
  const shockAt = bars > 2 ? 1 + (stress.shockAt % (bars - 2)) : 0;
  const short = (i: number) => stress.legs[i % stress.legs.length].short;
  const regimes = d.panel.regimes.map((regime, i) => ({
    ...regime,
    kind: short(i) ? ("squeeze" as const) : ("crash" as const),
    shockAt,
    shockBps: stress.shockBps,
  }));
  const { drought } = stress;
  // The call at the shock's close is liquidated at the open after cureDays more closes in call.
  const liquidationBar = shockAt + 2 + (d.config.input.cureDays ?? 0);
  const rows =
    drought === null
      ? d.panel.rows
      : d.panel.rows.map((row, t) =>
          row.map((cell, i) => {
            if (t <= 1) return { ...cell, volume: 1e12, zeroVolume: false, missing: false };
            if (t !== liquidationBar) return cell;
            const rebound = short(i) ? -Math.min(9_000, drought.reboundBps) : drought.reboundBps;
            return { ...cell, volume: drought.volume, zeroVolume: false, missing: false, retBps: rebound };
          }),
        );
  // A price at one tick cannot gap down (prices floor at a tick): start the book at 100 ticks or more.
  const startCents = d.panel.startCents.map((cents, i) => Math.max(cents, 100 * tickCentsOf(d.config, i)));
  return {
    ...d,
    panel: { ...d.panel, regimes, rows, startCents },
    config: {
      ...d.config,
      input: {
        ...d.config.input,
        account: stress.account,
        onMarginCall: stress.onMarginCall,
        maxParticipation: drought?.participation ?? null,
        // Against the ample volume of the book's bars any impact is a float dust (1e-12 of a
        // tick), below the fast engine's resolution (docs/semantics.md): a drought trades without.
        ...(drought === null ? {} : { impact: { model: "none" } }),
        maxGrossLeverage: null,
        maxNetLeverage: null,
        // The book must open whole and carry Reg T's requirements for its call to come.
        shortCash: false,
        checkAtSubmit: false,
      },
    },
    scenario: { kind: "marginStress", stress },
  };
}

interface GoodFaith {
  readonly settlement: Settlement;
  readonly unsettledFunds: "good-faith" | "forbid";
  readonly gfvLimit: number;
  /** Percent of equity bought each bar. */
  readonly percent: number;
}

function goodFaith(): fc.Arbitrary<GoodFaith> {
  return fc.record({
    settlement: fc.constantFrom<Settlement>(2, 3, "us-equity"),
    unsettledFunds: fc.oneof(
      { weight: 4, arbitrary: fc.constant("good-faith" as const) },
      { weight: 1, arbitrary: fc.constant("forbid" as const) },
    ),
    gfvLimit: fc.integer({ min: 1, max: 2 }),
    percent: fc.integer({ min: 30, max: 95 }),
  });
}

function withGoodFaith(d: Drafts, gf: GoodFaith): Drafts {
  return {
    ...d,
    config: {
      ...d.config,
      input: {
        ...d.config.input,
        account: "cash",
        shortCash: false,
        settlement: gf.settlement,
        unsettledFunds: gf.unsettledFunds,
        gfvLimit: gf.gfvLimit,
        maxParticipation: null,
      },
    },
    scenario: { kind: "goodFaith", goodFaith: gf },
  };
}

/** The scenario's own orders by bar: the levered book on bar 0, or the rotation on every bar. */
function scenarioOrders(d: Drafts, symbols: readonly string[]): Map<number, OrderRequest[]> {
  const byBar = new Map<number, OrderRequest[]>();
  switch (d.scenario?.kind) {
    case "marginStress": {
      const { legs, grossPercent } = d.scenario.stress;
      const shares = symbols.map((_, i) => legs[i % legs.length]);
      const total = shares.reduce((sum, leg) => sum + leg.share, 0);
      // Whole percents, as a user writes them: 0.796 reads as 0.7959999999999999, whose exact
      // quotient can sit within float64's reach of a whole lot (docs/semantics.md, the tie rule).
      const weights = shares.map(
        (leg) => (leg.short ? -1 : 1) * Math.round((grossPercent * leg.share) / total),
      );
      byBar.set(0, portfolioOrders(weights, symbols));
      break;
    }
    case "goodFaith": {
      // Two or more assets: sell yesterday's, buy today's, every bar. One asset: buy, sell, buy...
      const target = (asset: string, percent: number): OrderRequest => ({
        asset,
        sizeType: "targetPercent",
        size: percent / 100,
      });
      const { percent } = d.scenario.goodFaith;
      for (let t = 0; t < d.panel.rows.length; t++) {
        const buy = symbols[t % symbols.length];
        const sell = symbols[(t + symbols.length - 1) % symbols.length];
        byBar.set(
          t,
          sell !== buy ? [target(sell, 0), target(buy, percent)] : [target(buy, t % 2 === 0 ? percent : 0)],
        );
      }
      break;
    }
  }
  return byBar;
}

// ---------------------------------------------------------------------------------------------
// Prices

/** Limit and stop prices for the order generator: anchors on the panel, grids by asset. */
function orderPricing(panel: Panel, tickCents: (symbol: string) => number): OrderPricing {
  const close = referencePrices(panel);
  const n = panel.symbols.length;
  const bars = panel.times.length;
  const column = new Map(panel.symbols.map((symbol, i) => [symbol, i]));
  const field: Record<Exclude<PriceAnchor, "close">, Float64Array> = {
    nextOpen: panel.open,
    nextHigh: panel.high,
    nextLow: panel.low,
  };
  return {
    price(asset, t, anchor) {
      const i = column.get(asset);
      if (anchor !== "close" && i !== undefined && t + 1 < bars) {
        const value = field[anchor][(t + 1) * n + i];
        if (!Number.isNaN(value)) return value;
      }
      return close(asset, t);
    },
    tickCents,
  };
}

/**
 * A price near the data for (symbol, t): the asset's last close at or before t, else its first
 * close after t (an asset listed late), else 100 (an asset missing throughout).
 */
export function referencePrices(panel: Panel): (asset: string, t: number) => number {
  const n = panel.symbols.length;
  const bars = panel.times.length;
  const column = new Map(panel.symbols.map((symbol, i) => [symbol, i]));
  return (asset, t) => {
    const i = column.get(asset);
    if (i === undefined) return 100;
    for (let s = t; s >= 0; s--) if (!Number.isNaN(panel.close[s * n + i])) return panel.close[s * n + i];
    for (let s = t + 1; s < bars; s++)
      if (!Number.isNaN(panel.close[s * n + i])) return panel.close[s * n + i];
    return 100;
  };
}
