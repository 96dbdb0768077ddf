// The declarative APIs' path into the fast engine (ctx.submitMarket, ctx.submitRow): orders from
// a column index and a size under the strategy's terms, through the same checks and sizing as
// intake() (SPEC 6.4, 6.5), with no request object per order.
import type { MarketTerms, OnInsufficient, SizeType, TimeInForce } from "../model/index.ts";
import { admit, type OrderFields, Terms, validTargetTerms } from "./intake.ts";
import type { RunState } from "./state.ts";

/**
 * The declarative path's intake: market orders from a column index, a size and the strategy's
 * terms (one object for all its orders), into the same log and checks as intake(), with no
 * request object per order; and whole rows of a size matrix in symbol order.
 */
export class MarketIntake {
  /** One order's fields, rewritten for each order. */
  private readonly fields = new MarketFields();
  /** The fields' terms, resolved once per order() and once per row(). */
  private readonly terms = new Terms();

  constructor(
    private readonly s: RunState,
    /** Column indices in symbol order (SPEC 6.4). */
    private readonly symbolOrder: Int32Array,
  ) {}

  /** intake() of marketRequest(symbols[asset], size, terms), for a column index the context checked: a working slot or -1. */
  order(t: number, asset: number, size: number, terms: MarketTerms, equity: number): number {
    this.take(terms);
    return this.admitSize(t, asset, size, equity);
  }

  /** order() of each non-NaN sizes[offset + a], a in symbol order, queued in `working`. */
  row(t: number, sizes: Float64Array, offset: number, terms: MarketTerms, equity: number): void {
    const s = this.s;
    const quiet = quietZeros(this.take(terms));
    const order = this.symbolOrder;
    for (let k = 0; k < order.length; k++) {
      const asset = order[k];
      const size = sizes[offset + asset];
      if (Number.isNaN(size) || (quiet !== QUIET_NONE && this.isNoOrder(asset, size, quiet))) continue;
      const slot = this.admitSize(t, asset, size, equity);
      if (slot >= 0) s.working.push(slot);
    }
  }

  /** Takes `terms` as the fields' terms, resolved. */
  private take(terms: MarketTerms): Terms {
    const fields = this.fields;
    fields.sizeType = terms.sizeType;
    fields.timeInForce = terms.timeInForce;
    fields.onInsufficient = terms.onInsufficient;
    return this.terms.resolve(this.s, fields);
  }

  /** admit() of one size under the terms taken last. */
  private admitSize(t: number, asset: number, size: number, equity: number): number {
    this.fields.size = size;
    return admit(this.s, t, asset, this.fields, this.terms, null, equity, null);
  }

  /**
   * Whether a valid target order of `size` for `asset` is no order, known before intake: a target
   * of 0 for a flat asset (and, sized by a price, one with a close): most of a target row.
   */
  private isNoOrder(asset: number, size: number, quiet: number): boolean {
    const s = this.s;
    return (
      size === 0 && s.lots[asset] === 0 && !(quiet === QUIET_PRICED && Number.isNaN(s.decisionMark[asset]))
    );
  }
}

/** quietZeros(): terms whose zero targets may be skipped, and whether they need a close. */
const QUIET_NONE = 0;
const QUIET_UNITS = 1;
const QUIET_PRICED = 2;

/** For valid target terms, which zeros row() may skip; for any other terms, none. */
function quietZeros(terms: Terms): number {
  if (!validTargetTerms(terms)) return QUIET_NONE;
  return terms.priced ? QUIET_PRICED : QUIET_UNITS;
}

/** One market order's fields, rewritten for each order: MarketIntake's scratch. */
class MarketFields implements OrderFields {
  readonly type = "market";
  size = 0;
  sizeType: SizeType | undefined = undefined;
  timeInForce: TimeInForce | undefined = undefined;
  onInsufficient: OnInsufficient | undefined = undefined;
}
