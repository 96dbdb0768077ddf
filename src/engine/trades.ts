// SPEC 8: fills matched FIFO into lots; round-trip trades (open when a position leaves 0, closed
// when it returns to 0); realized P&L and commissions allocated pro rata by quantity.
import type { TradeRecord } from "../model/index.ts";
import { symbolOrder } from "../strategy/declarative.ts";
import { grown } from "./buffers.ts";
import { LotQueues } from "./lots.ts";

export class TradeBook {
  private readonly lots: LotQueues;
  private readonly side: Int8Array;
  private readonly entryT: Int32Array;
  private readonly openedLots: Float64Array;
  private readonly entryNotional: Float64Array;
  private readonly closedLots: Float64Array;
  private readonly exitNotional: Float64Array;
  private readonly realizedOf: Float64Array;
  private readonly commissionOf: Float64Array;
  /** Closed trades, columnar: asset, entry bar, exit bar, then side, lots and money (made records when read). */
  private closedInts = new Int32Array(3 * 64);
  private closedNumbers = new Float64Array(8 * 64);
  private closedCount = 0;
  realized = 0;

  constructor(
    private readonly symbols: readonly string[],
    private readonly multiplier: Float64Array,
    private readonly units: { toUnits(asset: number, lots: number): number },
  ) {
    const n = symbols.length;
    this.lots = new LotQueues(n);
    this.side = new Int8Array(n);
    this.entryT = new Int32Array(n);
    this.openedLots = new Float64Array(n);
    this.entryNotional = new Float64Array(n);
    this.closedLots = new Float64Array(n);
    this.exitNotional = new Float64Array(n);
    this.realizedOf = new Float64Array(n);
    this.commissionOf = new Float64Array(n);
  }

  /**
   * Books one fill record of signed lots: its reducing part closes lots FIFO, its increasing part
   * opens a lot. The record's commission is split between the two pro rata by quantity (SPEC 5,
   * 8): a reversal's minimum or per-order commission is shared by the trade it closes and the one
   * it opens.
   */
  record(
    asset: number,
    t: number,
    reducingLots: number,
    increasingLots: number,
    price: number,
    commission: number,
  ): void {
    const reducing = Math.abs(reducingLots);
    const closing =
      increasingLots === 0 ? commission : (commission * reducing) / (reducing + Math.abs(increasingLots));
    if (reducing !== 0) this.reduce(asset, t, reducing, price, closing);
    if (increasingLots !== 0) this.increase(asset, t, increasingLots, price, commission - closing);
  }

  /** A reducing leg of |lots| closes lots FIFO at price; the trade closes with the last of them. */
  private reduce(asset: number, t: number, absLots: number, price: number, commission: number): void {
    let left = absLots;
    let pnl = 0;
    while (left > 0) {
      const entryPrice = this.lots.valueAt(asset, 0);
      const taken = this.lots.takeOldest(asset, left);
      pnl += this.units.toUnits(asset, taken) * (price - entryPrice) * this.multiplier[asset];
      left -= Math.abs(taken);
    }
    const absUnits = this.units.toUnits(asset, absLots);
    this.realized += pnl;
    this.realizedOf[asset] += pnl;
    this.closedLots[asset] += absLots;
    this.exitNotional[asset] += absUnits * price;
    this.commissionOf[asset] += commission;
    if (this.lots.count(asset) === 0) {
      this.close(asset, t);
      this.side[asset] = 0;
    }
  }

  /** An increasing leg of signed lots opens a lot (and a trade if the asset was flat). */
  private increase(asset: number, t: number, lots: number, price: number, commission: number): void {
    if (this.side[asset] === 0) {
      this.side[asset] = lots > 0 ? 1 : -1;
      this.entryT[asset] = t;
      this.openedLots[asset] = 0;
      this.entryNotional[asset] = 0;
      this.closedLots[asset] = 0;
      this.exitNotional[asset] = 0;
      this.realizedOf[asset] = 0;
      this.commissionOf[asset] = 0;
    }
    const absUnits = this.units.toUnits(asset, Math.abs(lots));
    this.lots.push(asset, lots, price);
    this.openedLots[asset] += Math.abs(lots);
    this.entryNotional[asset] += absUnits * price;
    this.commissionOf[asset] += commission;
  }

  /** Unrealized P&L of one asset's open lots at a mark. */
  unrealizedOf(asset: number, mark: number): number {
    let total = 0;
    const count = this.lots.count(asset);
    for (let i = 0; i < count; i++)
      total += this.units.toUnits(asset, this.lots.lotsAt(asset, i)) * (mark - this.lots.valueAt(asset, i));
    return total * this.multiplier[asset];
  }

  /** Closed trades in closing order, then the open ones in symbol order (I10: not column order). */
  records(): TradeRecord[] {
    const rows: TradeRecord[] = [];
    const ints = this.closedInts;
    const f = this.closedNumbers;
    for (let i = 0; i < this.closedCount; i++) {
      const o = 8 * i;
      rows.push(
        trade(
          this.symbols[ints[3 * i]],
          f[o],
          ints[3 * i + 1],
          ints[3 * i + 2],
          this.units.toUnits(ints[3 * i], f[o + 1]),
          f[o + 2],
          this.units.toUnits(ints[3 * i], f[o + 3]),
          f[o + 4],
          f[o + 5],
          f[o + 6],
        ),
      );
    }
    for (const asset of symbolOrder(this.symbols)) {
      if (this.side[asset] === 0) continue;
      rows.push(
        trade(
          this.symbols[asset],
          this.side[asset],
          this.entryT[asset],
          null,
          this.units.toUnits(asset, this.openedLots[asset]),
          this.entryNotional[asset],
          this.units.toUnits(asset, this.closedLots[asset]),
          this.exitNotional[asset],
          this.realizedOf[asset],
          this.commissionOf[asset],
        ),
      );
    }
    return rows;
  }

  /** Books a closed trade into the columns. */
  private close(asset: number, t: number): void {
    if (this.closedCount * 8 === this.closedNumbers.length) {
      this.closedInts = grown(this.closedInts, this.closedInts.length * 2);
      this.closedNumbers = grown(this.closedNumbers, this.closedNumbers.length * 2);
    }
    const i = this.closedCount++;
    const ints = this.closedInts;
    ints[3 * i] = asset;
    ints[3 * i + 1] = this.entryT[asset];
    ints[3 * i + 2] = t;
    const f = this.closedNumbers;
    const o = 8 * i;
    f[o] = this.side[asset];
    f[o + 1] = this.openedLots[asset];
    f[o + 2] = this.entryNotional[asset];
    f[o + 3] = this.closedLots[asset];
    f[o + 4] = this.exitNotional[asset];
    f[o + 5] = this.realizedOf[asset];
    f[o + 6] = this.commissionOf[asset];
  }
}

function trade(
  asset: string,
  side: number,
  entryT: number,
  exitT: number | null,
  opened: number,
  entryNotional: number,
  closed: number,
  exitNotional: number,
  realized: number,
  commission: number,
): TradeRecord {
  return {
    asset,
    side: side > 0 ? 1 : -1,
    entryT,
    exitT,
    absQty: opened,
    entryPrice: entryNotional / opened,
    exitPrice: closed === 0 ? null : exitNotional / closed,
    realizedPnl: realized,
    commission,
    pnl: realized - commission,
    open: exitT === null,
  };
}
