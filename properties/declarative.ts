// Issue 11: the declarative path decides what the event-driven one would. fromOrders of any size
// matrix (NaN: no order), in any size type and policy, gives on both engines the records of an
// onBar strategy that submits the same orders as objects in symbol order (SPEC 6.4); fromTargets
// is fromOrders with a target type. The fast engine takes a declarative row through its own
// columnar intake (intakeRow), so this is what shows that path keeps submit()'s meaning: its
// skipped zero targets, its refused orders' records, its ids.
import fc from "fast-check";
import { referenceEngine } from "../reference/engine.ts";
import { diffRecords, renderRecordDivergence } from "../src/compare/index.ts";
import { ON_INSUFFICIENT, resolveConfig } from "../src/config/resolve.ts";
import { fastEngine } from "../src/engine/index.ts";
import {
  type MarketTerms,
  marketRequest,
  type OnInsufficient,
  type Panel,
  SIZE_TYPES,
  type SizeType,
  type Strategy,
} from "../src/model/index.ts";
import { symbolOrder } from "../src/strategy/declarative.ts";
import { fromOrders } from "../src/strategy/from-orders.ts";
import { fromTargets } from "../src/strategy/from-targets.ts";
import { type Property, property } from "./property.ts";
import { type RunCase, runInput } from "./run-input.ts";

export interface SizesCase {
  readonly runCase: RunCase;
  readonly sizeType: SizeType;
  /** Absent: the run's (or the size type's default). "bogus" stands for a JavaScript caller's typo. */
  readonly onInsufficient?: OnInsufficient;
  /** Row-major T x N sizes in sizeType; NaN sends no order. */
  readonly sizes: Float64Array;
}

/**
 * A whole number of `step`s within ±`most`, as the other generators' sizes (no lot-boundary ties).
 * A fraction is k / (1 / step), the float nearest the decimal: k x 1e-4 is not (3 x 1e-4 is
 * 0.00030000000000000003: from 40 units at 0.01 on 1,000, a sale of 10 less 3e-15 units, which
 * float, at 1e-16 of the holding, cannot tell from 10).
 */
const steps = (most: number, step: number) =>
  fc.integer({ min: -most, max: most }).map((k) => (step >= 1 ? k * step : k / Math.round(1 / step)));

/** Sizes that trade in each size type: units and money in whole amounts, fractions in basis points. */
const SIZES: Readonly<Record<SizeType, fc.Arbitrary<number>>> = {
  units: steps(400, 1),
  targetUnits: steps(400, 1),
  value: steps(400, 100),
  targetValue: steps(400, 100),
  percent: steps(6000, 1e-4),
  targetPercent: steps(6000, 1e-4),
};

/** A generated run (panel and config; its own orders unused) with a size matrix over its panel. */
export function sizesCase(): fc.Arbitrary<SizesCase> {
  const sizeType = fc.constantFrom<SizeType>(...SIZE_TYPES);
  const policy = fc.option(fc.constantFrom<string>("reject", "partial", "scale", "bogus"), {
    nil: undefined,
  });
  return fc
    .record({ runCase: runInput({ scenarios: false }), sizeType, policy })
    .chain(({ runCase, sizeType, policy }) => {
      const cells = runCase.panel.times.length * runCase.panel.symbols.length;
      const size = fc.oneof(
        { weight: 2, arbitrary: fc.constant(Number.NaN) },
        { weight: 1, arbitrary: fc.constant(0) },
        // Far past 2^53 units in any size type (prices, cash and equity stay far below 1e8):
        // refused at intake, a record that keeps what was asked.
        { weight: 1, arbitrary: fc.constantFrom(1e24, -1e24) },
        { weight: 4, arbitrary: SIZES[sizeType] },
      );
      return fc.array(size, { minLength: cells, maxLength: cells }).map((values) => ({
        runCase,
        sizeType,
        ...(policy === undefined ? {} : { onInsufficient: policy as OnInsufficient }),
        sizes: Float64Array.from(values),
      }));
    });
}

/**
 * The declarative strategy of a case: fromTargets for a target type, else fromOrders; a policy
 * those refuse at the call ("bogus") goes to ctx.submitRow directly, whose orders the engines
 * then refuse one by one, as submit() would.
 */
export function declarativeOf(sizesCase: SizesCase): Strategy {
  const { sizeType, onInsufficient, sizes } = sizesCase;
  if (onInsufficient !== undefined && !ON_INSUFFICIENT.includes(onInsufficient)) {
    const terms = termsOf(sizesCase);
    return {
      name: "rows",
      onBar: (ctx) => ctx.submitRow(sizes, ctx.t * ctx.symbols.length, terms),
    };
  }
  const policy = onInsufficient === undefined ? {} : { onInsufficient };
  if (sizeType === "targetPercent") return fromTargets({ weights: sizes, ...policy });
  if (sizeType === "targetValue") return fromTargets({ values: sizes, ...policy });
  if (sizeType === "targetUnits") return fromTargets({ units: sizes, ...policy });
  return fromOrders({ size: sizes, sizeType, ...policy });
}

/** The terms every order of a case has (fromOrders' and fromTargets' default to the run's policy). */
function termsOf({ sizeType, onInsufficient }: SizesCase): MarketTerms {
  return { sizeType, ...(onInsufficient === undefined ? {} : { onInsufficient }) };
}

/** The event-driven twin: each bar, an order object per asset with a size, in symbol order. */
export function ordersOnBar(panel: Panel, sizesCase: SizesCase): Strategy {
  const order = symbolOrder(panel.symbols);
  const n = panel.symbols.length;
  const { sizes } = sizesCase;
  const terms = termsOf(sizesCase);
  return {
    name: "orders-on-bar",
    onBar(ctx) {
      for (const asset of order) {
        const size = sizes[ctx.t * n + asset];
        if (!Number.isNaN(size)) ctx.submit(marketRequest(ctx.symbols[asset], size, terms));
      }
    },
  };
}

export const declarativeEqualsOnBar: Property<SizesCase> = property(
  "declarative: fromOrders / fromTargets sizes == onBar order objects, record by record, on both engines",
  sizesCase(),
  (sizesCase) => {
    const { runCase } = sizesCase;
    const config = resolveConfig(runCase.configInput, runCase.panel.symbols, "generated config");
    const declarative = [referenceEngine, fastEngine].map((engine) => {
      const records = engine.run(runCase.panel, config, declarativeOf(sizesCase));
      const onBar = engine.run(runCase.panel, config, ordersOnBar(runCase.panel, sizesCase));
      const divergence = diffRecords(onBar, records, { names: ["onBar", "declarative"] });
      if (divergence !== null)
        throw new Error(`${engine.name} engine: ${renderRecordDivergence(divergence)}`);
      return records;
    });
    const divergence = diffRecords(declarative[0], declarative[1], { names: ["reference", "fast"] });
    if (divergence !== null) throw new Error(`declarative: ${renderRecordDivergence(divergence)}`);
  },
);
