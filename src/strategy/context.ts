// SPEC 4 step 5 and I6: the causal view a strategy gets at the close of bar t. One object per
// run, moved forward bar by bar, so engines allocate nothing per bar for it. A strategy reaches
// bars 0..t and nothing else: the panel sits in private fields (#), t is read-only, and row()
// hands out copies, never views into the panel (a view's .buffer is the whole column, future
// bars included, and writing into it would write into the panel).
import type { AccountView, BarContext, BarField, OrderRequest, Panel } from "../model/index.ts";

export class CausalContext implements BarContext {
  readonly #panel: Panel;
  readonly #assets: number;
  readonly #symbols: readonly string[];
  readonly #account: AccountView;
  /** row()'s copies: one buffer per field and lag, allocated at its first use and reused. */
  readonly #rows = new Map<string, Float64Array[]>();
  #t = -1;
  #tsMs = Number.NaN;
  #sink: (order: OrderRequest) => void = () => {
    throw new Error("submit() called outside a decision step");
  };
  #view: AccountView | null = null;

  constructor(panel: Panel) {
    this.#panel = panel;
    this.#assets = panel.symbols.length;
    this.#symbols = Object.freeze([...panel.symbols]);
    // Read-only: what the strategy writes cannot change what it (or the engine) reads next. The
    // account getter lets it out only once a decision step has set #view.
    const context = this;
    this.#account = Object.freeze({
      get cash() {
        return (context.#view as AccountView).cash;
      },
      get equity() {
        return (context.#view as AccountView).equity;
      },
      position: (asset: number) => (context.#view as AccountView).position(asset),
    });
    Object.freeze(this);
  }

  /** Moves the context to bar t's decision step; orders go to `sink`. */
  enter(t: number, account: AccountView, sink: (order: OrderRequest) => void): void {
    this.#t = t;
    this.#tsMs = this.#panel.times[t];
    this.#view = account;
    this.#sink = sink;
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
    if (this.#view === null) throw new Error("account read outside a decision step");
    return this.#account;
  }

  bar(field: BarField, asset: number, lag = 0): number {
    if (!isBarField(field)) throw new Error(`no bar field "${field}"`);
    return this.#read(this.#panel[field], asset, lag);
  }

  extra(name: string, asset: number, lag = 0): number {
    if (!Object.hasOwn(this.#panel.extra, name)) throw new Error(`no extra column "${name}" in the panel`);
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
    const out = this.#rowBuffer(field, lag);
    const row = this.#t - lag;
    if (row < 0) return out.fill(Number.NaN);
    // A memcpy through a transient view (which never leaves here): faster than an element loop.
    const start = row * this.#assets;
    out.set(column.subarray(start, start + this.#assets));
    return out;
  }

  submit(order: OrderRequest): void {
    this.#sink(order);
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
    if (asset < 0 || asset >= this.#assets || !Number.isInteger(asset)) {
      throw new Error(`asset index ${asset} out of range 0..${this.#assets - 1}`);
    }
    const row = this.#t - lag;
    return row < 0 ? Number.NaN : column[row * this.#assets + asset];
  }
}

function checkLag(lag: number): void {
  if (!(lag >= 0) || !Number.isInteger(lag)) throw new Error(`lag must be a whole number >= 0, got ${lag}`);
}

const BAR_FIELDS: ReadonlySet<string> = new Set<BarField>(["open", "high", "low", "close", "volume"]);

function isBarField(field: string): field is BarField {
  return BAR_FIELDS.has(field);
}
