// SPEC 8: fills matched FIFO into lots; round-trip trades; realized and unrealized P&L, and
// commissions allocated to trades pro rata by quantity.
import type { TradeRecord } from "../src/model/index.ts";
import { symbolOrder } from "../src/strategy/declarative.ts";
import { type Dec, settle, ZERO } from "./decimal.ts";

interface Lot {
  qty: Dec;
  readonly price: Dec;
}

interface OpenTrade {
  readonly side: 1 | -1;
  readonly entryT: number;
  openedQty: Dec;
  entryNotional: Dec;
  closedQty: Dec;
  exitNotional: Dec;
  realized: Dec;
  commission: Dec;
}

export class TradeBook {
  private readonly lots: Lot[][];
  private readonly open: (OpenTrade | null)[];
  private readonly closed: { asset: number; trade: OpenTrade; exitT: number }[] = [];
  private realizedTotal = ZERO;
  /** Sum of realized P&L minus commission over closed trades, kept as each trade closes. */
  private closedPnl = ZERO;
  private commissionTotal = ZERO;

  constructor(
    assets: number,
    private readonly multipliers: readonly Dec[],
  ) {
    this.lots = Array.from({ length: assets }, () => []);
    this.open = new Array(assets).fill(null);
  }

  /**
   * Books one fill record: its reducing part closes lots FIFO, its increasing part opens a lot.
   * The record's commission is split between the two pro rata by quantity (SPEC 5, 8): a
   * reversal's minimum or per-order commission is shared by the trade it closes and the one it opens.
   */
  record(asset: number, t: number, reducing: Dec, increasing: Dec, price: Dec, commission: Dec): void {
    this.commissionTotal = this.commissionTotal.add(commission);
    const closing = increasing.isZero()
      ? commission
      : settle(commission.mul(reducing.abs()).div(reducing.abs().add(increasing.abs())));
    if (!reducing.isZero()) this.reduce(asset, t, reducing, price, closing);
    if (!increasing.isZero()) this.increase(asset, t, increasing, price, commission.sub(closing));
  }

  private reduce(asset: number, t: number, qty: Dec, price: Dec, commission: Dec): void {
    const trade = this.open[asset] as OpenTrade;
    const lots = this.lots[asset];
    let left = qty.abs();
    while (left.gt(0)) {
      const lot = lots[0];
      const take = left.lt(lot.qty.abs()) ? left : lot.qty.abs();
      const move = trade.side > 0 ? price.sub(lot.price) : lot.price.sub(price);
      const pnl = take.mul(move).mul(this.multipliers[asset]);
      trade.realized = trade.realized.add(pnl);
      this.realizedTotal = this.realizedTotal.add(pnl);
      lot.qty = trade.side > 0 ? lot.qty.sub(take) : lot.qty.add(take);
      if (lot.qty.isZero()) lots.shift();
      left = left.sub(take);
    }
    trade.closedQty = trade.closedQty.add(qty.abs());
    trade.exitNotional = trade.exitNotional.add(qty.abs().mul(price));
    trade.commission = trade.commission.add(commission);
    if (lots.length === 0) {
      this.closed.push({ asset, trade, exitT: t });
      this.closedPnl = this.closedPnl.add(trade.realized).sub(trade.commission);
      this.open[asset] = null;
    }
  }

  private increase(asset: number, t: number, qty: Dec, price: Dec, commission: Dec): void {
    let trade = this.open[asset];
    if (trade === null) {
      trade = {
        side: qty.gt(0) ? 1 : -1,
        entryT: t,
        openedQty: ZERO,
        entryNotional: ZERO,
        closedQty: ZERO,
        exitNotional: ZERO,
        realized: ZERO,
        commission: ZERO,
      };
      this.open[asset] = trade;
    }
    this.lots[asset].push({ qty, price });
    trade.openedQty = trade.openedQty.add(qty.abs());
    trade.entryNotional = trade.entryNotional.add(qty.abs().mul(price));
    trade.commission = trade.commission.add(commission);
  }

  get realized(): Dec {
    return this.realizedTotal;
  }

  get commission(): Dec {
    return this.commissionTotal;
  }

  /** One asset's open lots valued at a mark: qty x (mark - lot price) x multiplier. */
  unrealizedOf(asset: number, mark: Dec): Dec {
    let total = ZERO;
    for (const lot of this.lots[asset])
      total = total.add(lot.qty.mul(mark.sub(lot.price)).mul(this.multipliers[asset]));
    return total;
  }

  /** Sum over open lots of qty x (mark - lot price) x multiplier. */
  unrealized(markOf: (asset: number) => Dec): Dec {
    let total = ZERO;
    this.lots.forEach((lots, asset) => {
      for (const lot of lots)
        total = total.add(lot.qty.mul(markOf(asset).sub(lot.price)).mul(this.multipliers[asset]));
    });
    return total;
  }

  /** Sum over trades (closed and open) of realized P&L minus allocated commission (I14). */
  tradePnlTotal(): Dec {
    let total = this.closedPnl;
    for (const trade of this.open)
      if (trade !== null) total = total.add(trade.realized).sub(trade.commission);
    return total;
  }

  /** Closed trades in closing order, then the open ones in symbol order (I10: not column order). */
  records(symbols: readonly string[]): TradeRecord[] {
    const rows = this.closed.map(({ asset, trade, exitT }) => toRecord(symbols[asset], trade, exitT));
    for (const asset of symbolOrder(symbols)) {
      const trade = this.open[asset];
      if (trade !== null) rows.push(toRecord(symbols[asset], trade, null));
    }
    return rows;
  }
}

function toRecord(asset: string, trade: OpenTrade, exitT: number | null): TradeRecord {
  return {
    asset,
    side: trade.side,
    entryT: trade.entryT,
    exitT,
    absQty: trade.openedQty.toNumber(),
    entryPrice: trade.entryNotional.div(trade.openedQty).toNumber(),
    exitPrice: trade.closedQty.isZero() ? null : trade.exitNotional.div(trade.closedQty).toNumber(),
    realizedPnl: trade.realized.toNumber(),
    commission: trade.commission.toNumber(),
    pnl: trade.realized.sub(trade.commission).toNumber(),
    open: exitT === null,
  };
}
