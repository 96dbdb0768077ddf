// SPEC I6: a decision at t never reads data of t+1 (at an open, under fillAt "open", nothing of bar
// t but its open), and nothing a strategy is handed writes into the run. The strategy here pries at
// every decision: it follows row()'s .buffer, indexes past its row and past t, reassigns t, looks
// for the panel among the context's own properties, and writes into every row, the symbols and the
// account; then it must still read exactly bars 0..t, the panel must be untouched, and the run's
// records must be those of the plain schedule.
import { referenceEngine } from "../reference/engine.ts";
import { diffRecords, renderRecordDivergence } from "../src/compare/index.ts";
import { resolveConfig } from "../src/config/resolve.ts";
import { fastEngine } from "../src/engine/index.ts";
import type { BarContext, BarField, Engine, Panel, Strategy } from "../src/model/index.ts";
import { type Property, property } from "./property.ts";
import { caseStrategy, type RunCase, runInput } from "./run-input.ts";

const BAR_FIELDS: readonly BarField[] = ["open", "high", "low", "close", "volume"];

export const causalContext: Property<RunCase> = property(
  "SPEC I6: a strategy reaches bars 0..t only (at an open, of bar t its open only; no view past t, through .buffer or otherwise) and writes into nothing",
  runInput(),
  (value) => {
    const original = copyPanel(value.panel);
    const config = resolveConfig(value.configInput, value.panel.symbols, "generated config");
    for (const engine of [fastEngine, referenceEngine] as Engine[]) {
      const pried = engine.run(value.panel, config, prying(value, original, config.fillAt === "open"));
      if (engine === fastEngine) {
        const plain = engine.run(value.panel, config, caseStrategy(value));
        const divergence = diffRecords(plain, pried, { names: ["plain", "pried"] });
        if (divergence !== null)
          throw new Error(`I6: prying changed the run: ${renderRecordDivergence(divergence)}`);
      }
      const changed = firstChange(original, value.panel);
      if (changed !== null)
        throw new Error(`I6: ${engine.name}: the strategy wrote into the panel: ${changed}`);
    }
  },
);

/** The case's schedule, with an attempt at every way out of bars 0..t before each decision. */
function prying(value: RunCase, original: Panel, atOpen: boolean): Strategy {
  const inner = caseStrategy(value);
  return {
    name: "prying",
    onBar(ctx) {
      pry(ctx, original, atOpen);
      inner.onBar(ctx);
    },
  };
}

/**
 * Throws "I6: ..." when `ctx` at its decision reaches past its bars 0..t (`atOpen`: past bars
 * 0..t-1 and the opens of t) or lets a write through.
 */
export function pry(ctx: BarContext, original: Panel, atOpen = false): void {
  const { t } = ctx;
  const n = original.symbols.length;
  const fail = (what: string) => {
    throw new Error(`I6: decision at t=${t}: ${what}`);
  };
  const truth = (column: Float64Array, row: number, asset: number) =>
    row < 0 ? Number.NaN : column[row * n + asset];

  for (const field of [...BAR_FIELDS, ...Object.keys(original.extra)]) {
    const column = (BAR_FIELDS as readonly string[]).includes(field)
      ? original[field as BarField]
      : original.extra[field];
    for (const lag of [0, 1, t + 1]) {
      const at = `row("${field}", ${lag})`;
      if (atOpen && lag === 0 && field !== "open") {
        const read = () =>
          BAR_FIELDS.includes(field as BarField) ? ctx.bar(field as BarField, 0, 0) : ctx.extra(field, 0, 0);
        if (!throws(() => ctx.row(field, 0)) || !throws(read))
          fail(`${at} or its bar/extra read did not throw at the open of t (fillAt "open")`);
        continue;
      }
      const row = ctx.row(field, lag);
      if (row.length !== n) fail(`${at} has ${row.length} values, not ${n}`);
      if (row.byteOffset !== 0 || row.buffer.byteLength !== n * Float64Array.BYTES_PER_ELEMENT) {
        fail(
          `${at}.buffer holds ${row.buffer.byteLength / 8} values from offset ${row.byteOffset / 8}: more than its row`,
        );
      }
      if (row[n] !== undefined) fail(`${at}[${n}] (past the row) reads ${row[n]}`);
      for (let asset = 0; asset < n; asset++) {
        if (!Object.is(row[asset], truth(column, t - lag, asset))) fail(`${at}[${asset}] is ${row[asset]}`);
      }
      row.fill(-1);
      const again = ctx.row(field, lag);
      for (let asset = 0; asset < n; asset++) {
        const read = BAR_FIELDS.includes(field as BarField)
          ? ctx.bar(field as BarField, asset, lag)
          : ctx.extra(field, asset, lag);
        const expected = truth(column, t - lag, asset);
        if (!Object.is(again[asset], expected) || !Object.is(read, expected)) {
          fail(
            `after writing into ${at}, it reads ${again[asset]} and bar/extra reads ${read}, not ${expected}`,
          );
        }
      }
    }
  }
  if (!throws(() => ctx.bar("close", 0, -1))) fail(`bar("close", 0, -1) (bar t+1) did not throw`);
  if (!throws(() => ctx.row("close", -1))) fail(`row("close", -1) (bar t+1) did not throw`);

  throws(() => {
    (ctx as { t: number }).t = t + 1;
  });
  if (ctx.t !== t) fail(`t could be set to ${ctx.t}`);
  // The last field a decision at t sees: the close of t, or at an open the open of t.
  const last: BarField = atOpen ? "open" : "close";
  for (let asset = 0; asset < n; asset++) {
    if (!Object.is(ctx.bar(last, asset), truth(original[last], t, asset)))
      fail(`after setting t, bar("${last}", ${asset}) reads ${ctx.bar(last, asset)}`);
  }

  const leak = reachedColumn(ctx, n);
  if (leak !== null) fail(`the context's own properties reach ${leak}`);

  const symbol = ctx.symbols[0];
  throws(() => {
    (ctx.symbols as string[])[0] = `${symbol}-written`;
  });
  if (ctx.symbols[0] !== symbol || original.symbols[0] !== symbol) fail(`symbols[0] could be overwritten`);

  const { cash, equity } = ctx.account;
  throws(() => {
    (ctx.account as { cash: number }).cash = cash + 1;
  });
  throws(() => {
    (ctx.account as { equity: number }).equity = equity + 1;
  });
  if (!Object.is(ctx.account.cash, cash) || !Object.is(ctx.account.equity, equity))
    fail(`account.cash/equity could be overwritten (read ${ctx.account.cash}, ${ctx.account.equity})`);

  // The working orders and the bar's fills: nothing after t, and copies (a write changes no later read).
  for (const order of ctx.orders) {
    if (order.t > t || order.status !== "working")
      fail(
        `orders holds order ${order.id} (t=${order.t}, ${order.status}), not a working order of bars 0..t`,
      );
  }
  for (const fill of ctx.fills) if (fill.t !== t) fail(`fills holds a fill of bar ${fill.t}, not of bar t`);
  const [order] = ctx.orders;
  const [fill] = ctx.fills;
  if (order !== undefined) (order as { qty: number }).qty = Number.NaN;
  if (fill !== undefined) (fill as { qty: number }).qty = Number.NaN;
  if (ctx.orders.some((o) => Number.isNaN(o.qty)) || ctx.fills.some((f) => Number.isNaN(f.qty)))
    fail("a write into orders[0] or fills[0] changed what the context reads next");
}

function throws(f: () => unknown): boolean {
  try {
    f();
    return false;
  } catch {
    return true;
  }
}

/**
 * A typed array with more than one row's values among the objects the context's own properties
 * lead to (a few levels deep): a way to the panel's columns, the future included.
 */
function reachedColumn(root: object, n: number): string | null {
  const seen = new Set<object>();
  const walk = (value: unknown, path: string, depth: number): string | null => {
    if (value === null || typeof value !== "object" || seen.has(value) || depth > 3) return null;
    seen.add(value);
    if (ArrayBuffer.isView(value)) return value.buffer.byteLength > n * 8 ? path : null;
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      if (descriptor === undefined || !("value" in descriptor)) continue;
      const found = walk(descriptor.value, `${path}.${String(key)}`, depth + 1);
      if (found !== null) return found;
    }
    return null;
  };
  return walk(root, "ctx", 0);
}

function copyPanel(panel: Panel): Panel {
  return {
    symbols: [...panel.symbols],
    times: panel.times.slice(),
    open: panel.open.slice(),
    high: panel.high.slice(),
    low: panel.low.slice(),
    close: panel.close.slice(),
    volume: panel.volume.slice(),
    extra: Object.fromEntries(Object.entries(panel.extra).map(([name, column]) => [name, column.slice()])),
  };
}

/** Where `now` differs from `before` (NaN equals NaN), or null. */
function firstChange(before: Panel, now: Panel): string | null {
  if (before.symbols.join("\n") !== now.symbols.join("\n")) return `symbols ${now.symbols.join(",")}`;
  const columns: [string, Float64Array, Float64Array][] = [
    ["times", before.times, now.times],
    ...BAR_FIELDS.map((f): [string, Float64Array, Float64Array] => [f, before[f], now[f]]),
    ...Object.keys(before.extra).map((f): [string, Float64Array, Float64Array] => [
      f,
      before.extra[f],
      now.extra[f],
    ]),
  ];
  for (const [name, a, b] of columns) {
    const i = a.findIndex((x, k) => !Object.is(x, b[k]));
    if (i >= 0) return `${name}[${i}] ${a[i]} -> ${b[i]}`;
  }
  return null;
}
