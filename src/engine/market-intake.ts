// The declarative APIs' path into the fast engine (ctx.submitMarket, ctx.submitRow): orders from
// a column index and a size under the strategy's terms, through the same checks and sizing as
// intake() (SPEC 6.4, 6.5), with no request object per order.
import type { MarketTerms, OnInsufficient, SizeType, TimeInForce } from "../model/index.ts";
import { admit, type OrderFields, validTargetTerms } from "./intake.ts";
import type { Order, RunState } from "./state.ts";

/**
 * The declarative path's intake: market orders from a column index, a size and the strategy's
 * terms (one object for all its orders), into the same log and checks as intake(), with no
 * request object per order; and whole rows of a size matrix in symbol order.
 */
export class MarketIntake {
  /** One order's fields, rewritten for each order. */
  private readonly fields = new MarketFields();

  constructor(
    private readonly s: RunState,
    /** Column indices in symbol order (SPEC 6.4). */
    private readonly symbolOrder: Int32Array,
  ) {}

  /** intake() of marketRequest(symbols[asset], size, terms), for a column index the context checked. */
  order(t: number, asset: number, size: number, terms: MarketTerms, equity: number): Order | null {
    const fields = this.fields;
    fields.size = size;
    fields.sizeType = terms.sizeType;
    fields.timeInForce = terms.timeInForce;
    fields.onInsufficient = terms.onInsufficient;
    return admit(this.s, t, asset, fields, null, equity, null);
  }

  /** order() of each non-NaN sizes[offset + a], a in symbol order, queued in `working`. */
  row(t: number, sizes: Float64Array, offset: number, terms: MarketTerms, equity: number): void {
    const s = this.s;
    const quiet = quietZeros(s, terms);
    const order = this.symbolOrder;
    for (let k = 0; k < order.length; k++) {
      const asset = order[k];
      const size = sizes[offset + asset];
      if (Number.isNaN(size) || (quiet !== QUIET_NONE && this.isNoOrder(asset, size, quiet))) continue;
      const made = this.order(t, asset, size, terms, equity);
      if (made !== null) s.working.push(made);
    }
  }

  /**
   * Whether a valid target order of `size` for `asset` is no order, known before intake: a target
   * of 0 for a flat asset (and, sized by a price, one with a close): most of a target row.
   */
  private isNoOrder(asset: number, size: number, quiet: number): boolean {
    const s = this.s;
    return size === 0 && s.lots[asset] === 0 && !(quiet === QUIET_PRICED && Number.isNaN(s.mark[asset]));
  }
}

/** quietZeros(): terms whose zero targets may be skipped, and whether they need a close. */
const QUIET_NONE = 0;
const QUIET_UNITS = 1;
const QUIET_PRICED = 2;

/** For valid target terms, which zeros row() may skip; for any other terms, none. */
function quietZeros(s: RunState, terms: MarketTerms): number {
  if (!validTargetTerms(s, terms)) return QUIET_NONE;
  return terms.sizeType === "targetUnits" ? QUIET_UNITS : QUIET_PRICED;
}

/** One market order's fields, rewritten for each order: MarketIntake's scratch. */
class MarketFields implements OrderFields {
  readonly type = "market";
  size = 0;
  sizeType: SizeType | undefined = undefined;
  timeInForce: TimeInForce | undefined = undefined;
  onInsufficient: OnInsufficient | undefined = undefined;
}
