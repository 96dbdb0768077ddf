// SPEC 4 step 5 and I6: the causal view a strategy gets at the close of bar t. One object per
// run, moved forward bar by bar, so engines allocate nothing per bar for it.
import type { AccountView, BarContext, BarField, OrderRequest, Panel } from "../model/index.ts";

export class CausalContext implements BarContext {
  t = -1;
  tsMs = Number.NaN;
  readonly symbols: readonly string[];
  readonly bars: number;
  private readonly panel: Panel;
  private readonly assets: number;
  private sink: (order: OrderRequest) => void = () => {
    throw new Error("submit() called outside a decision step");
  };
  private view: AccountView | null = null;

  constructor(panel: Panel) {
    this.panel = panel;
    this.symbols = panel.symbols;
    this.bars = panel.times.length;
    this.assets = panel.symbols.length;
  }

  /** Moves the context to bar t's decision step; orders go to `sink`. */
  enter(t: number, account: AccountView, sink: (order: OrderRequest) => void): void {
    this.t = t;
    this.tsMs = this.panel.times[t];
    this.view = account;
    this.sink = sink;
  }

  get account(): AccountView {
    if (this.view === null) throw new Error("account read outside a decision step");
    return this.view;
  }

  bar(field: BarField, asset: number, lag = 0): number {
    return this.read(this.panel[field], asset, lag);
  }

  extra(name: string, asset: number, lag = 0): number {
    const column = this.panel.extra[name];
    if (column === undefined) throw new Error(`no extra column "${name}" in the panel`);
    return this.read(column, asset, lag);
  }

  row(field: BarField | string, lag = 0): Float64Array {
    const column = isBarField(field) ? this.panel[field] : this.panel.extra[field];
    if (column === undefined) throw new Error(`no bar field or extra column "${field}" in the panel`);
    if (!(lag >= 0) || !Number.isInteger(lag)) throw new Error(`lag must be a whole number >= 0, got ${lag}`);
    const row = this.t - lag;
    if (row < 0) return new Float64Array(this.assets).fill(Number.NaN);
    return column.subarray(row * this.assets, (row + 1) * this.assets);
  }

  submit(order: OrderRequest): void {
    this.sink(order);
  }

  private read(column: Float64Array, asset: number, lag: number): number {
    if (!(lag >= 0) || !Number.isInteger(lag)) throw new Error(`lag must be a whole number >= 0, got ${lag}`);
    if (asset < 0 || asset >= this.assets || !Number.isInteger(asset)) {
      throw new Error(`asset index ${asset} out of range 0..${this.assets - 1}`);
    }
    const row = this.t - lag;
    return row < 0 ? Number.NaN : column[row * this.assets + asset];
  }
}

const BAR_FIELDS: ReadonlySet<string> = new Set<BarField>(["open", "high", "low", "close", "volume"]);

function isBarField(field: string): field is BarField {
  return BAR_FIELDS.has(field);
}
