// Golden files (shared/golden/README.md): one scenario turned into an assay run, i.e. a panel
// (SPEC 1), a config input for resolveConfig (SPEC 3-6 option names) and the orders per bar.

import { COMPAT_PROFILES, profileOfPeer } from "../compat/index.ts";
import { validatePanel } from "../data/validate.ts";
import type { OrderRequest, Panel } from "../model/index.ts";
import { goldenError } from "./errors.ts";
import type { GoldenBar, GoldenFile, GoldenInput, GoldenOrder } from "./format.ts";

export interface GoldenRun {
  readonly panel: Panel;
  /** Plain input for resolveConfig(configInput, panel.symbols, file). */
  readonly configInput: Record<string, unknown>;
  /** Orders decided at the close of bar t, in listed (submission) order. */
  readonly ordersByBar: Map<number, OrderRequest[]>;
  /** ISO date of each bar: records' bar indices map back through it. */
  readonly dates: string[];
}

/** Turns a golden file into a panel, a config input and scheduled orders. Throws a GoldenError. */
export function goldenRun(file: GoldenFile): GoldenRun {
  const dates = [...new Set(file.input.bars.map((bar) => bar.date))].sort();
  const configInput = goldenConfigInput(file);
  const panel = goldenPanel(file.input, dates);
  validatePanel(panel, `golden ${file.source} input.bars`, tickSizes(file.input.assets, configInput));
  const ordersByBar = goldenOrders(file, dates);
  return { panel, configInput, ordersByBar, dates };
}

/** The label resolveConfig puts on its errors for this file's config input. */
export function goldenConfigSource(file: Pick<GoldenFile, "source">): string {
  return `golden ${file.source} config`;
}

/** ISO date -> UTC ms at midnight. */
export function dateToMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

// ---------------------------------------------------------------------------------------------
// panel

const OHLCV = ["open", "high", "low", "close", "volume"] as const;

function goldenPanel(input: GoldenInput, dates: readonly string[]): Panel {
  const symbols = input.assets;
  const n = symbols.length;
  const size = dates.length * n;
  const row = new Map(dates.map((date, t) => [date, t]));
  const column = new Map(symbols.map((symbol, i) => [symbol, i]));
  const filled = () => new Float64Array(size).fill(Number.NaN);
  const fields = { open: filled(), high: filled(), low: filled(), close: filled(), volume: filled() };
  const extra: Record<string, Float64Array> = {};
  for (const bar of input.bars) {
    const at = (row.get(bar.date) as number) * n + (column.get(bar.asset) as number);
    for (const field of OHLCV) fields[field][at] = bar[field] ?? Number.NaN;
    for (const field of extraFields(bar)) {
      extra[field] ??= filled();
      extra[field][at] = (bar[field] as number | null) ?? Number.NaN;
    }
  }
  return { symbols, times: Float64Array.from(dates, dateToMs), ...fields, extra };
}

function extraFields(bar: GoldenBar): string[] {
  return Object.keys(bar).filter(
    (key) => key !== "date" && key !== "asset" && !(OHLCV as readonly string[]).includes(key),
  );
}

/** Per-asset tick grid for validatePanel, or undefined when none is set. */
function tickSizes(
  symbols: readonly string[],
  config: Record<string, unknown>,
): (number | null)[] | undefined {
  const instruments = (config.instruments ?? {}) as Record<string, { tickSize?: unknown }>;
  const ticks = symbols.map((symbol) => {
    const tick = instruments[symbol]?.tickSize ?? config.tickSize;
    return typeof tick === "number" ? tick : null;
  });
  return ticks.some((tick) => tick !== null) ? ticks : undefined;
}

// ---------------------------------------------------------------------------------------------
// config

/** Options handled here rather than passed through under their own name. */
const MERGED = new Set(["fillAt", "commissionRate", "slippageBps", "commission", "slippage"]);

/**
 * The plain config input (RunConfig keys) for resolveConfig: input.cash, input.fillAt, input.costs
 * and input.options, under the profile of the file's peer (compat) when it has one. Every
 * other option passes through under its SPEC name; a golden instrument's initialMargin and
 * maintenanceMargin are numbers, money per contract, which is how resolveConfig reads a number.
 */
export function goldenConfigInput(file: GoldenFile): Record<string, unknown> {
  const { input, source } = file;
  const options = (input.options ?? {}) as Record<string, unknown>;
  // A peer's file runs under its profile (src/compat/); the file's own options override it.
  const compat = profileOfPeer(file.peer);
  const refuse = (key: string, message: string): never => {
    throw goldenError(source, `input.other.${key}`, message);
  };
  const config: Record<string, unknown> = {
    ...(compat === null ? {} : { compat, ...COMPAT_PROFILES[compat].fileOptions(input.other ?? {}, refuse) }),
    initialCash: input.cash,
  };
  const fillAt = agree(source, [
    { path: "input.fillAt", raw: input.fillAt, value: input.fillAt },
    { path: "input.options.fillAt", raw: options.fillAt, value: options.fillAt },
  ]);
  if (fillAt !== undefined) config.fillAt = fillAt;
  const commission = agree(source, [
    {
      path: "input.costs.commission",
      raw: input.costs?.commission,
      value: input.costs?.commission && { model: "percent", rate: input.costs.commission.rate },
    },
    {
      path: "input.options.commissionRate",
      raw: options.commissionRate,
      value: rateModel(source, options.commissionRate, "commissionRate"),
    },
    { path: "input.options.commission", raw: options.commission, value: options.commission },
  ]);
  if (commission !== undefined) config.commission = commission;
  const slippage = agree(source, [
    { path: "input.costs.slippage", raw: input.costs?.slippage, value: costSlippage(input) },
    {
      path: "input.options.slippageBps",
      raw: options.slippageBps,
      value: rateModel(source, options.slippageBps, "slippageBps"),
    },
    { path: "input.options.slippage", raw: options.slippage, value: options.slippage },
  ]);
  if (slippage !== undefined) config.slippage = slippage;

  for (const [key, value] of Object.entries(options)) {
    if (!MERGED.has(key)) config[key] = value;
  }
  return config;
}

function rateModel(source: string, value: unknown, option: "commissionRate" | "slippageBps"): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw goldenError(
      source,
      `input.options.${option}`,
      `must be a finite number, got ${JSON.stringify(value)}`,
    );
  }
  return option === "commissionRate" ? { model: "percent", rate: value } : { model: "fixedBps", bps: value };
}

function costSlippage(input: GoldenInput): unknown {
  const slippage = input.costs?.slippage;
  if (slippage === undefined) return undefined;
  // A fraction in bps, cleaned of the float residue of x 1e4 (0.0015 x 1e4 = 15.000000000000002).
  const bps = slippage.kind === "bps" ? slippage.bps : Number((slippage.rate * 1e4).toPrecision(15));
  return { model: "fixedBps", bps };
}

interface Source {
  readonly path: string;
  /** As written in the file, for the message. */
  readonly raw: unknown;
  /** As a config value, for the comparison. */
  readonly value: unknown;
}

/** The one config value all given sources agree on (the first given), or a GoldenError naming both. */
function agree(source: string, sources: readonly Source[]): unknown {
  const given = sources.filter((s) => s.value !== undefined && s.value !== null);
  for (const other of given.slice(1)) {
    if (!sameJson(given[0].value, other.value, 1e-12)) {
      const first = `${given[0].path} ${JSON.stringify(given[0].raw)}`;
      throw goldenError(source, other.path, `${JSON.stringify(other.raw)} disagrees with ${first}`);
    }
  }
  return given[0]?.value;
}

/** Structural equality of JSON values; numbers within `relTol` relative. */
function sameJson(a: unknown, b: unknown, relTol = 0): boolean {
  if (typeof a === "number" && typeof b === "number") {
    return a === b || Math.abs(a - b) <= relTol * Math.max(Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((v, i) => sameJson(v, b[i], relTol))
    );
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], relTol))
    );
  }
  return a === b;
}

// ---------------------------------------------------------------------------------------------
// orders

function goldenOrders(file: GoldenFile, dates: readonly string[]): Map<number, OrderRequest[]> {
  const index = new Map(dates.map((date, t) => [date, t]));
  const byBar = new Map<number, OrderRequest[]>();
  file.input.orders.forEach((order, i) => {
    const t = index.get(order.date);
    if (t === undefined)
      throw goldenError(file.source, `input.orders[${i}].date`, `${order.date} is not a bar date`);
    const list = byBar.get(t) ?? [];
    list.push(orderRequest(order));
    byBar.set(t, list);
  });
  return byBar;
}

/** SPEC 6.4: a golden order as an assay order request. */
export function orderRequest(order: GoldenOrder): OrderRequest {
  const common: {
    asset: string;
    timeInForce?: GoldenOrder["timeInForce"];
    onInsufficient?: GoldenOrder["onInsufficient"];
  } = {
    asset: order.asset,
  };
  if (order.timeInForce !== undefined) common.timeInForce = order.timeInForce;
  if (order.onInsufficient !== undefined) common.onInsufficient = order.onInsufficient;
  switch (order.type) {
    case "market":
      return { ...common, type: "market", sizeType: "units", size: order.size };
    case "limit":
      return { ...common, type: "limit", sizeType: "units", size: order.size, limitPrice: order.limitPrice };
    case "stop":
      return { ...common, type: "stop", sizeType: "units", size: order.size, stopPrice: order.stopPrice };
    case "stop-limit":
      return {
        ...common,
        type: "stop-limit",
        sizeType: "units",
        size: order.size,
        stopPrice: order.stopPrice,
        limitPrice: order.limitPrice,
      };
    case "value":
      return { ...common, type: "market", sizeType: "value", size: order.value };
    case "target-size":
      return { ...common, type: "market", sizeType: "targetUnits", size: order.size };
    case "target-value":
      return { ...common, type: "market", sizeType: "targetValue", size: order.value };
    case "target-percent":
      return { ...common, type: "market", sizeType: "targetPercent", size: order.percent };
    default:
      return unreachable(order);
  }
}

function unreachable(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}
