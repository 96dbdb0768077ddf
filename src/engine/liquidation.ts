// SPEC 7 and 12: sizing margin-call liquidations at the open, in float64. Marks are the opens
// (an asset missing at the open keeps its last close and is never liquidated); each liquidated
// asset is valued at its own quoted fill price, costs included, futures with their unsettled
// variation at those marks (SPEC v2.3). Target: MM x (1 + buffer), or IM.
import type { Batch } from "./batch.ts";
import { atLeast } from "./numeric.ts";
import { Quote } from "./pricing.ts";
import type { RunState } from "./state.ts";
import { Valuation } from "./valuation.ts";

const STEPS = 10_000;

export class LiquidationSizer {
  private readonly plan: Float64Array;
  private readonly quote = new Quote();
  private readonly value: Valuation;

  constructor(private readonly s: RunState) {
    this.plan = new Float64Array(s.n);
    this.value = new Valuation(s.rules);
  }

  /** Signed lots to trade per asset, in liquidation order; empty when the open meets the target. */
  size(t: number, batch: Batch): { asset: number; lots: number }[] {
    const s = this.s;
    const eligible: number[] = [];
    for (let i = 0; i < s.heldCount; i++) if (s.present(t, s.held[i])) eligible.push(s.held[i]);
    this.plan.fill(0);
    if (this.meets(t, batch, eligible)) return [];
    const order = this.rank(t, eligible);
    if (s.config.liquidationOrder === "pro-rata") {
      let lo = 1;
      let hi = STEPS;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        this.proRata(order, mid);
        if (this.meets(t, batch, order)) hi = mid;
        else lo = mid + 1;
      }
      this.proRata(order, lo);
      return this.orders(order);
    }
    for (const asset of order) {
      const position = s.lots[asset];
      this.plan[asset] = -position;
      if (!this.meets(t, batch, order)) continue;
      // Trim the last by the fewest lots that meet the target.
      let lo = 1;
      let hi = Math.abs(position);
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        this.plan[asset] = -Math.sign(position) * mid;
        if (this.meets(t, batch, order)) hi = mid;
        else lo = mid + 1;
      }
      this.plan[asset] = -Math.sign(position) * lo;
      break;
    }
    return this.orders(order);
  }

  /**
   * Ranked: largest loss first (largest-loss), largest MM contribution at the open
   * (largest-requirement); ties by symbol. Pro-rata cuts every position, so the tie rule orders
   * them all: symbol order, which is also the order their tiered commissions are quoted in.
   */
  private rank(t: number, assets: number[]): number[] {
    const s = this.s;
    const key = new Map<number, number>();
    for (const asset of assets) {
      if (s.config.liquidationOrder === "pro-rata") key.set(asset, 0);
      else if (s.config.liquidationOrder === "largest-loss")
        key.set(asset, s.trades.unrealizedOf(asset, s.openMark(t, asset)));
      else {
        this.value.clear();
        this.value.add(asset, s.units[asset], s.openMark(t, asset), 1);
        key.set(asset, -this.value.mm);
      }
    }
    const symbols = s.panel.symbols;
    return assets
      .slice()
      .sort((a, b) => (key.get(a) as number) - (key.get(b) as number) || (symbols[a] < symbols[b] ? -1 : 1));
  }

  private proRata(order: number[], j: number): void {
    for (const asset of order) {
      const position = this.s.lots[asset];
      this.plan[asset] = -Math.sign(position) * Math.ceil((Math.abs(position) * j) / STEPS);
    }
  }

  private orders(order: number[]): { asset: number; lots: number }[] {
    return order
      .filter((asset) => this.plan[asset] !== 0)
      .map((asset) => ({ asset, lots: this.plan[asset] }));
  }

  /**
   * Whether the account after the planned fills (at their quoted prices, with costs) meets the
   * restore target. The planned assets are quoted in liquidation order (`order`), the order their
   * orders fill in: each leg's tiered commission sees the units of the legs before it.
   */
  private meets(t: number, batch: Batch, order: readonly number[]): boolean {
    const s = this.s;
    const v = this.value;
    v.clear();
    let cash = s.cash;
    for (let i = 0; i < s.heldCount; i++) {
      const asset = s.held[i];
      if (this.plan[asset] !== 0) continue;
      const mark = s.openMark(t, asset);
      v.add(asset, s.units[asset], mark, 1);
      // A future's unsettled variation at the open counts (SPEC 12): the gap since the last close.
      v.addUnsettled(s.unsettled(asset, mark));
    }
    let priorUnits = 0;
    for (const asset of order) {
      const lots = this.plan[asset];
      if (lots === 0) continue;
      const units = s.toUnits(asset, lots);
      const commission = batch.quoteForced(t, asset, lots, s.openMark(t, asset), this.quote, priorUnits);
      priorUnits += Math.abs(units);
      const price = this.quote.price;
      cash -= commission;
      cash +=
        s.rules.future[asset] === 1
          ? this.variationMargin(asset, lots, price)
          : -units * price * s.multiplier[asset];
      v.add(asset, s.toUnits(asset, s.lots[asset] + lots), price, 1);
      // The contracts left (the newest, FIFO) count their unsettled variation at the fill price.
      v.addUnsettled(s.unsettledFrom(asset, lots, price));
    }
    // restoreTo "initial" is max(IM, MM): a FINRA-floored short's MM can exceed its IM.
    const target =
      s.config.restoreTo === "initial" ? Math.max(v.im, v.mm) : v.mm * (1 + s.config.liquidationBuffer);
    return atLeast(cash + v.positions, target, v.scale + s.moneyScale(cash));
  }

  /** Variation margin a futures fill of signed (reducing) lots would settle, without booking it. */
  private variationMargin(asset: number, lots: number, price: number): number {
    const s = this.s;
    let left = Math.abs(lots);
    let settled = 0;
    const count = s.refs.count(asset);
    for (let i = 0; i < count && left > 0; i++) {
      const lot = s.refs.lotsAt(asset, i);
      const take = Math.min(left, Math.abs(lot));
      settled +=
        s.toUnits(asset, Math.sign(lot) * take) * (price - s.refs.valueAt(asset, i)) * s.multiplier[asset];
      left -= take;
    }
    return settled;
  }
}
