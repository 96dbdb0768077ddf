// SPEC 10: a generated case (properties/run-input.ts RunCase) as a golden-format scenario
// (shared/golden/README.md with its Extensions), for scenarios/regressions/.
//
// The golden format has no `percent` order, and its limit and stop orders are sized in units.
// Given the account at each decision (equity and positions, as the strategy saw them), such
// requests are rewritten to what SPEC 6.4 resolves them to at that decision: a market percent w
// as a `value` order of w x equity, a priced order sized otherwise as its units (truncated
// toward 0 to the lot). What cannot be written (an unknown asset, a NaN size, a missing price, a
// request the run never reached) is left out. Both are named in `why`; the caller checks that
// the written file still fails (replay.ts).
import { Decimal } from "decimal.js";
import { resolveConfig } from "../config/resolve.ts";
import { goldenOrderType } from "../golden/compare.ts";
import type { GoldenBar, GoldenOrder } from "../golden/format.ts";
import type { OrderRequest, Panel, Records } from "../model/index.ts";

/** Wide enough for the exact product of two float64s' shortest decimals. */
const Exact = Decimal.clone({ precision: 60 });

/** What scenario() needs of a case: the fields of RunCase. */
export interface ScenarioCase {
  readonly panel: Panel;
  readonly configInput: object;
  readonly ordersByBar: ReadonlyMap<number, readonly OrderRequest[]>;
}

/** The account at the decision of bar t (BarContext.account): what SPEC 6.4 sizes from. */
export interface Decision {
  readonly equity: number;
  /** Signed units per asset (column order). */
  readonly positions: readonly number[];
}

export interface ScenarioInput {
  readonly golden: { readonly cash: number; readonly assets: readonly string[] } & Record<string, unknown>;
  /** One line per request left out, for `why`. */
  readonly omitted: readonly string[];
  /** One line per request written differently (resolved at its decision). */
  readonly rewritten: readonly string[];
  /** ISO date of each bar. */
  readonly dates: readonly string[];
}

/** Is `value` shaped like a RunCase (a panel, a config input, orders by bar)? */
export function isRunCase(value: unknown): value is ScenarioCase {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<ScenarioCase>;
  return (
    typeof v.panel === "object" &&
    v.panel !== null &&
    Array.isArray(v.panel.symbols) &&
    v.panel.times instanceof Float64Array &&
    typeof v.configInput === "object" &&
    v.ordersByBar instanceof Map
  );
}

/**
 * The golden `input` of a case: cash, assets, one bar row per (date, asset), orders, options.
 * `decisions`: the account at each decision bar, for the requests the format cannot hold as
 * they are (without it, they are left out).
 */
export function scenarioInput(
  runCase: ScenarioCase,
  decisions: ReadonlyMap<number, Decision> = new Map(),
): ScenarioInput {
  const { panel, ordersByBar } = runCase;
  const { initialCash, ...options } = runCase.configInput as { initialCash?: number } & Record<
    string,
    unknown
  >;
  const dates = Array.from(panel.times, (ms, t) => {
    const date = new Date(ms).toISOString();
    if (!date.endsWith("T00:00:00.000Z"))
      throw new Error(
        `scenario: bar t=${t} is at ${date}, not at UTC midnight: a golden file has dates only`,
      );
    return date.slice(0, 10);
  });
  const n = panel.symbols.length;
  const bars: GoldenBar[] = [];
  dates.forEach((date, t) => {
    panel.symbols.forEach((asset, i) => {
      const k = t * n + i;
      const value = (column: Float64Array) => (Number.isNaN(column[k]) ? null : column[k]);
      const row: Record<string, string | number | null> = {
        date,
        asset,
        open: value(panel.open),
        high: value(panel.high),
        low: value(panel.low),
        close: value(panel.close),
        volume: value(panel.volume),
      };
      for (const [field, column] of Object.entries(panel.extra)) row[field] = value(column);
      bars.push(row as GoldenBar);
    });
  });
  const symbols = new Set(panel.symbols);
  const orders: GoldenOrder[] = [];
  const omitted: string[] = [];
  const rewritten: string[] = [];
  const resolve = resolver(runCase);
  for (const t of [...ordersByBar.keys()].sort((a, b) => a - b)) {
    for (const request of ordersByBar.get(t) ?? []) {
      const shown = `t=${t} ${JSON.stringify(request)}`;
      const resolved = resolve(request, t, decisions.get(t));
      if (typeof resolved === "string") {
        omitted.push(`left out: ${shown}: ${resolved}`);
        continue;
      }
      const order = goldenOrder(resolved.request, dates[t], symbols);
      if (typeof order === "string") omitted.push(`left out: ${shown}: ${order}`);
      else {
        orders.push(order);
        if (resolved.how !== null) rewritten.push(`written as ${resolved.how}: ${shown}`);
      }
    }
  }
  return {
    golden: {
      cash: initialCash ?? 1_000_000,
      assets: [...panel.symbols],
      bars,
      orders,
      options,
    },
    omitted,
    rewritten,
    dates,
  };
}

/** The golden `expected` of a run's records: fills, orders, equity, finals, events. */
export function scenarioExpected(records: Records, dates: readonly string[]): Record<string, unknown> {
  const last = records.series.positions.at(-1) ?? [];
  const finalPositions: Record<string, number> = {};
  records.symbols.forEach((symbol, i) => {
    if ((last[i] ?? 0) !== 0) finalPositions[symbol] = last[i];
  });
  return {
    fills: records.fills.map((f) => ({
      date: dates[f.t],
      asset: f.asset,
      size: f.qty,
      price: f.fillPrice,
      commission: f.commission,
      orderId: f.orderId,
    })),
    orders: records.orders.map((o) => {
      const { kind: _kind, ...detail } = (o.reason ?? { kind: null }) as Record<string, unknown>;
      return {
        id: o.id,
        date: dates[o.t],
        asset: o.asset,
        type: goldenOrderType(o),
        qty: o.qty,
        onInsufficient: o.onInsufficient,
        status: o.status,
        filledQty: o.filledQty,
        reason: o.reason === null ? null : o.reason.kind,
        ...(o.reason === null ? {} : { reasonDetail: detail }),
      };
    }),
    equity: dates.map((date, t) => ({ date, value: records.series.equity[t], cash: records.series.cash[t] })),
    finalValue: records.series.equity.at(-1),
    finalCash: records.series.cash.at(-1),
    finalPositions,
    events: records.events.map((e) => {
      const { t, step: _step, ...fields } = e;
      return { ...fields, date: dates[t] };
    }),
  };
}

type Resolved = { readonly request: OrderRequest; readonly how: string | null };

/**
 * SPEC 6.4 at the decision, for the requests the golden format cannot hold as they are: a market
 * percent as a value, a priced order sized otherwise as its units. Others pass unchanged.
 */
function resolver(
  runCase: ScenarioCase,
): (request: OrderRequest, t: number, d: Decision | undefined) => Resolved | string {
  const { panel } = runCase;
  const n = panel.symbols.length;
  const column = new Map(panel.symbols.map((symbol, i) => [symbol, i]));
  const config = resolveConfig(runCase.configInput, panel.symbols, "scenario config");
  return (request, t, d) => {
    const type = request.type ?? "market";
    const sizeType = request.sizeType ?? "units";
    const priced = type !== "market";
    if (sizeType === "units" || (!priced && sizeType !== "percent")) return { request, how: null };
    const i = column.get(request.asset);
    if (i === undefined || !Number.isFinite(request.size)) return { request, how: null };
    if (d === undefined) return "never decided: the run stopped before this bar";
    const size = new Exact(request.size);
    const equity = new Exact(d.equity);
    if (!priced) {
      const value = Number(size.mul(equity).toString());
      return {
        request: { ...request, sizeType: "value", size: value },
        how: `a value order of ${value} (percent ${request.size} x equity ${d.equity} at the decision)`,
      };
    }
    let mark: number | null = null;
    for (let s = t; s >= 0 && mark === null; s--)
      if (!Number.isNaN(panel.close[s * n + i])) mark = panel.close[s * n + i];
    if (mark === null)
      return `a ${sizeType} order before the asset's first close (the engine rejects it as invalid)`;
    const { multiplier, lotSize } = config.instruments[i];
    const unit = new Exact(mark).mul(multiplier);
    const q = new Exact(d.positions[i]);
    const raw =
      sizeType === "value"
        ? size.div(unit)
        : sizeType === "percent"
          ? size.mul(equity).div(unit)
          : sizeType === "targetUnits"
            ? size.sub(q)
            : sizeType === "targetValue"
              ? size.isZero()
                ? q.neg()
                : size.sub(q.mul(unit)).div(unit)
              : size.isZero()
                ? q.neg()
                : size.mul(equity).sub(q.mul(unit)).div(unit);
    const qty = Number(raw.div(lotSize).trunc().mul(lotSize).toString());
    if (qty === 0) return `resolves to 0 units at the decision (the engine sends no order)`;
    return {
      request: { ...request, sizeType: "units", size: qty },
      how: `a ${type} order of ${qty} units (its ${sizeType} ${request.size} at close ${mark}, position ${d.positions[i]}, equity ${d.equity})`,
    };
  };
}

/** The golden order of a request, or why the golden format cannot hold it. */
function goldenOrder(
  request: OrderRequest,
  date: string,
  symbols: ReadonlySet<string>,
): GoldenOrder | string {
  if (!symbols.has(request.asset)) return `asset "${request.asset}" is not in the panel`;
  if (!Number.isFinite(request.size)) return "size is not a finite number";
  const type = request.type ?? "market";
  const sizeType = request.sizeType ?? "units";
  const base: {
    date: string;
    asset: string;
    timeInForce?: OrderRequest["timeInForce"];
    onInsufficient?: OrderRequest["onInsufficient"];
  } = {
    date,
    asset: request.asset,
  };
  if (request.timeInForce !== undefined) base.timeInForce = request.timeInForce;
  if (request.onInsufficient !== undefined) base.onInsufficient = request.onInsufficient;
  if (sizeType !== "units" && type !== "market")
    return `a ${type} order sized by ${sizeType}: golden value and target orders are market orders`;
  const priced = (key: "limitPrice" | "stopPrice") =>
    typeof request[key] === "number" && Number.isFinite(request[key]) ? (request[key] as number) : null;
  switch (sizeType) {
    case "units":
      switch (type) {
        case "market":
          return { ...base, type, size: request.size };
        case "limit": {
          const limitPrice = priced("limitPrice");
          return limitPrice === null
            ? "a limit order without a limitPrice"
            : { ...base, type, size: request.size, limitPrice };
        }
        case "stop": {
          const stopPrice = priced("stopPrice");
          return stopPrice === null
            ? "a stop order without a stopPrice"
            : { ...base, type, size: request.size, stopPrice };
        }
        case "stop-limit": {
          const stopPrice = priced("stopPrice");
          const limitPrice = priced("limitPrice");
          return stopPrice === null || limitPrice === null
            ? "a stop-limit order without its stopPrice and limitPrice"
            : { ...base, type, size: request.size, stopPrice, limitPrice };
        }
        default:
          return `order type "${String(type)}" is not a golden type`;
      }
    case "value":
      return { ...base, type: "value", value: request.size };
    case "targetUnits":
      return { ...base, type: "target-size", size: request.size };
    case "targetValue":
      return { ...base, type: "target-value", value: request.size };
    case "targetPercent":
      return { ...base, type: "target-percent", percent: request.size };
    case "percent":
      return "sizeType percent (a fraction of equity to trade) has no golden order type";
    default:
      return `sizeType "${String(sizeType)}" is not known`;
  }
}
