// Declarative strategies: orders or target weights given up front, per bar. They submit through
// the same causal context as an event-driven strategy, so both engines treat them alike.
import type { BarContext, MarketTerms, OrderRequest, Strategy } from "../model/index.ts";

const TARGET_PERCENT: MarketTerms = Object.freeze({ sizeType: "targetPercent" });

/** Orders decided at the close of given bars, submitted in the listed order. */
export function scheduledOrders(
  ordersByBar: ReadonlyMap<number, readonly OrderRequest[]>,
  name = "scheduled-orders",
): Strategy {
  return {
    name,
    onBar(ctx: BarContext) {
      const orders = ordersByBar.get(ctx.t);
      if (orders === undefined) return;
      for (const order of orders) ctx.submit(order);
    },
  };
}

/**
 * Target weights (fraction of equity per asset, signed) decided at the close of given bars.
 * Each listed bar sends a targetPercent order for every asset it names, in symbol order
 * (SPEC 6.4); an asset held but not named in a listed bar gets target 0.
 */
export function targetWeights(
  weightsByBar: ReadonlyMap<number, ReadonlyMap<string, number>>,
  name = "target-weights",
): Strategy {
  return {
    name,
    onBar(ctx: BarContext) {
      const weights = weightsByBar.get(ctx.t);
      if (weights === undefined) return;
      const order = symbolOrder(ctx.symbols);
      for (const asset of order) {
        const weight = weights.get(ctx.symbols[asset]);
        if (weight !== undefined) ctx.submitMarket(asset, weight, TARGET_PERCENT);
        else if (ctx.account.position(asset) !== 0) ctx.submitMarket(asset, 0, TARGET_PERCENT);
      }
    },
  };
}

/** symbolOrder()'s sorts, by the symbols array they sorted (a panel's, or a context's). */
const sortedOrders = new WeakMap<readonly string[], readonly number[]>();

/**
 * Asset column indices sorted by symbol (SPEC: "symbol order"), frozen. Sorted once per symbols
 * array: strategies ask every bar, and engines every run, for the same panel's order.
 */
export function symbolOrder(symbols: readonly string[]): readonly number[] {
  let order = sortedOrders.get(symbols);
  if (order === undefined) {
    order = Object.freeze(
      symbols
        .map((_, i) => i)
        .sort((a, b) => (symbols[a] < symbols[b] ? -1 : symbols[a] > symbols[b] ? 1 : 0)),
    );
    sortedOrders.set(symbols, order);
  }
  return order;
}
