// SPEC 2 and 3.3: futures move no notional. Variation margin settles into cash at every close
// (q x (close - ref) x mult, then ref = close) and at every reducing fill for the closed lots
// (q_closed x (fill - ref) x mult); contracts opened at a fill take ref = fill price, kept FIFO.
// Between closes the open contracts' unsettled variation q x (m - ref) x mult counts in equity.
import type { Dec } from "./decimal.ts";
import { minDec, ZERO } from "./decimal.ts";

interface RefLot {
  qty: Dec;
  ref: Dec;
}

export class VariationMargin {
  private readonly lots: RefLot[][];

  constructor(
    assets: number,
    private readonly multipliers: readonly Dec[],
  ) {
    this.lots = Array.from({ length: assets }, () => []);
  }

  /** Cash settled by a fill of a future: variation margin of the lots a reducing leg closes. */
  onFill(asset: number, qty: Dec, price: Dec, reducing: boolean): Dec {
    const lots = this.lots[asset];
    if (!reducing) {
      lots.push({ qty, ref: price });
      return ZERO;
    }
    let left = qty.abs();
    let settled = ZERO;
    while (left.gt(0)) {
      const lot = lots[0];
      const take = left.lt(lot.qty.abs()) ? left : lot.qty.abs();
      const closed = lot.qty.gt(0) ? take : take.neg();
      settled = settled.add(closed.mul(price.sub(lot.ref)).mul(this.multipliers[asset]));
      lot.qty = lot.qty.sub(closed);
      if (lot.qty.isZero()) lots.shift();
      left = left.sub(take);
    }
    return settled;
  }

  /** The variation margin a reducing fill would settle, without booking it (liquidation sizing). */
  settlementOf(asset: number, qty: Dec, price: Dec): Dec {
    let left = qty.abs();
    let settled = ZERO;
    for (const lot of this.lots[asset]) {
      if (left.isZero()) break;
      const take = left.lt(lot.qty.abs()) ? left : lot.qty.abs();
      const closed = lot.qty.gt(0) ? take : take.neg();
      settled = settled.add(closed.mul(price.sub(lot.ref)).mul(this.multipliers[asset]));
      left = left.sub(take);
    }
    return settled;
  }

  /** Variation margin of an asset's open contracts at a close; their reference moves to it. */
  atClose(asset: number, close: Dec): Dec {
    let settled = ZERO;
    for (const lot of this.lots[asset]) {
      settled = settled.add(lot.qty.mul(close.sub(lot.ref)).mul(this.multipliers[asset]));
      lot.ref = close;
    }
    return settled;
  }

  /**
   * SPEC 2: the unsettled variation at `mark` of a position of `qty` contracts as FIFO would leave
   * the open lots: a reduction closes the oldest (their variation is settled cash, not counted
   * here), so the newest lots remain; contracts added beyond the open lots (a leg, or a reversal's
   * new side) take ref = their fill price, which is the mark of their own asset in every check, and
   * add 0. `qty` = the current position gives the open contracts' unsettled variation.
   */
  unsettled(asset: number, qty: Dec, mark: Dec): Dec {
    const lots = this.lots[asset];
    if (qty.isZero() || lots.length === 0 || lots[0].qty.s !== qty.s) return ZERO;
    let keep = qty.abs();
    let total = ZERO;
    for (let i = lots.length - 1; i >= 0 && keep.gt(0); i--) {
      const take = minDec(keep, lots[i].qty.abs());
      const kept = lots[i].qty.gt(0) ? take : take.neg();
      total = total.add(kept.mul(mark.sub(lots[i].ref)).mul(this.multipliers[asset]));
      keep = keep.sub(take);
    }
    return total;
  }
}
