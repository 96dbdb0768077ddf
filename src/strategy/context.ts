// SPEC 4 step 5 and I6: the causal view a strategy gets at the close of bar t (or, under fillAt
// "open", at its open: bars 0..t-1 and open_t). One object per run, moved forward bar by bar, so
// engines allocate nothing per bar for it. A strategy reaches those bars and nothing else: the
// panel sits in private fields (#), t is read-only, and row() hands out copies, never views into
// the panel (a view's .buffer is the whole column, future bars included, and writing into it
// would write into the panel).
import type {
  AccountView,
  BarContext,
  BarField,
  FillRecord,
  MarketTerms,
  OrderRecord,
  OrderRequest,
  Panel,
} from "../model/index.ts";
import { MARKET_TERMS_FIELDS, unreachable } from "../model/index.ts";

/** What an engine hands the context at a decision step. */
export interface DecisionDesk {
  readonly account: AccountView;
  /** Takes an order in; its record's id, or null when the request made none. */
  submit(order: OrderRequest): number | null;
  /** submit(marketRequest(symbols[asset], size, terms)), for a valid column index and terms. */
  submitMarket(asset: number, size: number, terms: MarketTerms): number | null;
  /** submitMarket of each non-NaN sizes[offset + a] in symbol order, for a row that fits and valid terms. */
  submitRow(sizes: Float64Array, offset: number, terms: MarketTerms): void;
  /** Fresh copies, so the strategy cannot write into the engine's state. */
  workingOrders(): OrderRecord[];
  fillsOfBar(): FillRecord[];
  /** Ends working order `orderId` (reason cancelRequested) if it can; says what it found. */
  cancel(orderId: number): CancelOutcome;
}

export type CancelOutcome = "cancelled" | "notWorking" | "forced" | "noSuchOrder";

const CLOSED_DESK: DecisionDesk = {
  get account(): AccountView {
    throw new Error("account read outside a decision step");
  },
  submit() {
    throw new Error("submit() called outside a decision step");
  },
  submitMarket() {
    throw new Error("submitMarket() called outside a decision step");
  },
  submitRow() {
    throw new Error("submitRow() called outside a decision step");
  },
  workingOrders() {
    throw new Error("orders read outside a decision step");
  },
  fillsOfBar() {
    throw new Error("fills read outside a decision step");
  },
  cancel() {
    throw new Error("cancel() called outside a decision step");
  },
};

export class CausalContext implements BarContext {
  readonly #panel: Panel;
  readonly #assets: number;
  readonly #symbols: readonly string[];
  readonly #account: AccountView;
  /** row()'s copies: one buffer per field and lag, allocated at its first use and reused. */
  readonly #rows = new Map<string, Float64Array[]>();
  #t = -1;
  #tsMs = Number.NaN;
  /** Deciding at the open of t: of bar t only its open is known. */
  #atOpen = false;
  #desk: DecisionDesk = CLOSED_DESK;
  /** Terms objects found to have only MarketTerms keys (at their first use: a strategy reuses them). */
  readonly #checkedTerms = new WeakSet<MarketTerms>();

  constructor(panel: Panel) {
    this.#panel = panel;
    this.#assets = panel.symbols.length;
    this.#symbols = frozenSymbols(panel.symbols);
    // Read-only: what the strategy writes cannot change what it (or the engine) reads next.
    const context = this;
    this.#account = Object.freeze({
      get cash() {
        return context.#desk.account.cash;
      },
      get equity() {
        return context.#desk.account.equity;
      },
      position: (asset: number) => context.#desk.account.position(asset),
      get initialMargin() {
        return context.#desk.account.initialMargin;
      },
      get maintenanceMargin() {
        return context.#desk.account.maintenanceMargin;
      },
      get buyingPower() {
        return context.#desk.account.buyingPower;
      },
      get inCall() {
        return context.#desk.account.inCall;
      },
    });
    Object.freeze(this);
  }

  /** Moves the context to bar t's decision step (at its close, or at its open when `atOpen`), at `desk`. */
  enter(t: number, desk: DecisionDesk, atOpen = false): void {
    this.#t = t;
    this.#atOpen = atOpen;
    this.#tsMs = this.#panel.times[t];
    this.#desk = desk;
  }

  get t(): number {
    return this.#t;
  }

  get tsMs(): number {
    return this.#tsMs;
  }

  get bars(): number {
    return this.#panel.times.length;
  }

  get symbols(): readonly string[] {
    return this.#symbols;
  }

  get account(): AccountView {
    if (this.#desk === CLOSED_DESK) throw new Error("account read outside a decision step");
    return this.#account;
  }

  get orders(): readonly OrderRecord[] {
    return Object.freeze(this.#desk.workingOrders());
  }

  get fills(): readonly FillRecord[] {
    return Object.freeze(this.#desk.fillsOfBar());
  }

  bar(field: BarField, asset: number, lag = 0): number {
    if (!isBarField(field)) throw new Error(`no bar field "${field}"`);
    this.#checkKnown(field, lag);
    return this.#read(this.#panel[field], asset, lag);
  }

  extra(name: string, asset: number, lag = 0): number {
    if (!Object.hasOwn(this.#panel.extra, name)) throw new Error(`no extra column "${name}" in the panel`);
    this.#checkKnown(`extra column "${name}"`, lag);
    return this.#read(this.#panel.extra[name], asset, lag);
  }

  row(field: BarField | string, lag = 0): Float64Array {
    const column = isBarField(field)
      ? this.#panel[field]
      : Object.hasOwn(this.#panel.extra, field)
        ? this.#panel.extra[field]
        : undefined;
    if (column === undefined) throw new Error(`no bar field or extra column "${field}" in the panel`);
    checkLag(lag);
    this.#checkKnown(isBarField(field) ? field : `extra column "${field}"`, lag);
    const out = this.#rowBuffer(field, lag);
    const row = this.#t - lag;
    if (row < 0) return out.fill(Number.NaN);
    // A memcpy through a transient view (which never leaves here): faster than an element loop.
    const start = row * this.#assets;
    out.set(column.subarray(start, start + this.#assets));
    return out;
  }

  submit(order: OrderRequest): number | null {
    return this.#desk.submit(order);
  }

  submitMarket(asset: number, size: number, terms: MarketTerms): number | null {
    checkAsset(asset, this.#assets);
    this.#checkTerms(terms);
    return this.#desk.submitMarket(asset, size, terms);
  }

  submitRow(sizes: Float64Array, offset: number, terms: MarketTerms): void {
    if (!(sizes instanceof Float64Array)) throw new Error("submitRow sizes must be a Float64Array");
    if (!Number.isInteger(offset) || offset < 0 || offset + this.#assets > sizes.length)
      throw new Error(
        `submitRow offset ${offset}: a row of ${this.#assets} sizes must fit in the ${sizes.length} given`,
      );
    this.#checkTerms(terms);
    this.#desk.submitRow(sizes, offset, terms);
  }

  #checkTerms(terms: MarketTerms): void {
    if (this.#checkedTerms.has(terms)) return;
    checkTerms(terms);
    this.#checkedTerms.add(terms);
  }

  cancel(orderId: number): boolean {
    const outcome = this.#desk.cancel(orderId);
    switch (outcome) {
      case "cancelled":
        return true;
      case "notWorking":
        return false;
      case "forced":
        throw new Error(
          `cancel(${orderId}): order ${orderId} is a margin-call liquidation or bankruptcy close-out (SPEC 7); a strategy cancels only its own orders`,
        );
      case "noSuchOrder":
        throw new Error(`cancel(${orderId}): no order has id ${orderId}`);
      default:
        return unreachable(outcome);
    }
  }

  /** At the open of t, bar t's high, low, close, volume and extra columns are still to come. */
  #checkKnown(what: BarField | string, lag: number): void {
    if (this.#atOpen && lag === 0 && what !== "open")
      throw new Error(
        `${what} of bar ${this.#t} read at its open: under fillAt "open" a decision sees bars 0..t-1 and the open of t only (read it with lag >= 1)`,
      );
  }

  #rowBuffer(field: string, lag: number): Float64Array {
    let byLag = this.#rows.get(field);
    if (byLag === undefined) {
      byLag = [];
      this.#rows.set(field, byLag);
    }
    let buffer = byLag[lag];
    if (buffer === undefined) {
      buffer = new Float64Array(this.#assets);
      byLag[lag] = buffer;
    }
    return buffer;
  }

  #read(column: Float64Array, asset: number, lag: number): number {
    checkLag(lag);
    checkAsset(asset, this.#assets);
    const row = this.#t - lag;
    return row < 0 ? Number.NaN : column[row * this.#assets + asset];
  }
}

function checkAsset(asset: number, assets: number): void {
  if (asset < 0 || asset >= assets || !Number.isInteger(asset))
    throw new Error(`asset index ${asset} out of range 0..${assets - 1}`);
}

const TERMS_FIELDS: ReadonlySet<string> = new Set(MARKET_TERMS_FIELDS);

/** A terms key no market order has is an error, as an unknown order field is (not ignored). */
function checkTerms(terms: MarketTerms): void {
  if (typeof terms !== "object" || terms === null)
    throw new Error(`submitMarket terms must be an object of ${MARKET_TERMS_FIELDS.join(", ")}`);
  for (const key of Object.keys(terms))
    if (!TERMS_FIELDS.has(key))
      throw new Error(
        `submitMarket terms: unknown key "${key}"; terms have ${MARKET_TERMS_FIELDS.join(", ")} (a market order's asset and size are its arguments)`,
      );
}

function checkLag(lag: number): void {
  if (!(lag >= 0) || !Number.isInteger(lag)) throw new Error(`lag must be a whole number >= 0, got ${lag}`);
}

const BAR_FIELDS: ReadonlySet<string> = new Set<BarField>(["open", "high", "low", "close", "volume"]);

function isBarField(field: string): field is BarField {
  return BAR_FIELDS.has(field);
}

/** A frozen copy of each panel's symbols, one per panel's array: every run's context shares it. */
const frozenCopies = new WeakMap<readonly string[], readonly string[]>();

function frozenSymbols(symbols: readonly string[]): readonly string[] {
  let copy = frozenCopies.get(symbols);
  if (copy === undefined) {
    copy = Object.freeze([...symbols]);
    frozenCopies.set(symbols, copy);
  }
  return copy;
}
