// SPEC 2 and 3.3: futures move no notional. Variation margin settles into cash at every close
// (q x (close - ref) x mult, then ref = close) and at every reducing fill for the closed lots
// (q_closed x (fill - ref) x mult); contracts opened at a fill take ref = fill price, kept FIFO.
import type { Dec } from "./decimal.ts";
import { ZERO } from "./decimal.ts";

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
}
