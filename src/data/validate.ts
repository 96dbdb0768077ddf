// SPEC 1 (data): check an in-memory Panel (from a generator, a user, a converter) once at the
// boundary: the shape of src/model/panel.ts and the validity of every bar.
import type { Panel } from "../model/panel.ts";
import { isoDate } from "../model/panel.ts";
import { barProblem } from "./bar.ts";
import { badShape, barError } from "./errors.ts";

/**
 * Throws a DataError naming source, t, asset and field at the first problem. tickSizes, when
 * given, has one entry per symbol (null: no grid for that asset).
 */
export function validatePanel(panel: Panel, source: string, tickSizes?: readonly (number | null)[]): void {
  const n = panel.symbols.length;
  const bars = panel.times.length;
  checkSymbols(panel.symbols, source);
  checkTimes(panel.times, source);
  const columns: [string, Float64Array][] = [
    ["open", panel.open],
    ["high", panel.high],
    ["low", panel.low],
    ["close", panel.close],
    ["volume", panel.volume],
    ...Object.entries(panel.extra),
  ];
  for (const [field, values] of columns) {
    if (values.length !== bars * n) {
      throw badShape(
        { file: source },
        field,
        `length ${values.length} != T x N = ${bars} x ${n} = ${bars * n}`,
      );
    }
  }
  const ticks = checkTickSizes(tickSizes, panel.symbols, source);
  const { open, high, low, close, volume } = panel;
  for (let t = 0; t < bars; t++) {
    for (let i = 0; i < n; i++) {
      const k = t * n + i;
      const problem = barProblem(open[k], high[k], low[k], close[k], volume[k], ticks[i]);
      if (problem !== null) throw barError({ file: source, t, symbol: panel.symbols[i] }, problem);
    }
  }
}

function checkSymbols(symbols: readonly string[], source: string): void {
  const seen = new Map<string, number>();
  symbols.forEach((symbol, i) => {
    if (symbol.trim() === "") throw badShape({ file: source }, "symbols", `column ${i} has no symbol`);
    const first = seen.get(symbol);
    if (first !== undefined) {
      throw badShape(
        { file: source },
        "symbols",
        `"${symbol}" at columns ${first} and ${i}; symbols are unique`,
      );
    }
    seen.set(symbol, i);
  });
}

/** The range of a JavaScript Date, so that every time prints as a date. */
const MAX_DATE_MS = 8.64e15;

function checkTimes(times: Float64Array, source: string): void {
  for (let t = 0; t < times.length; t++) {
    const tsMs = times[t];
    if (!(Math.abs(tsMs) <= MAX_DATE_MS))
      throw badShape({ file: source, t }, "times", `${tsMs} is not a UTC ms timestamp`);
    if (t > 0 && tsMs <= times[t - 1]) {
      throw badShape(
        { file: source, t },
        "times",
        `${tsMs} (${isoDate(tsMs)}) <= previous ${times[t - 1]} (${isoDate(times[t - 1])}); times must be strictly increasing`,
      );
    }
  }
}

function checkTickSizes(
  tickSizes: readonly (number | null)[] | undefined,
  symbols: readonly string[],
  source: string,
): readonly (number | null)[] {
  if (tickSizes === undefined) return symbols.map(() => null);
  if (tickSizes.length !== symbols.length) {
    throw badShape({ file: source }, "tickSizes", `length ${tickSizes.length} != N = ${symbols.length}`);
  }
  tickSizes.forEach((tickSize, i) => {
    if (tickSize !== null && !(Number.isFinite(tickSize) && tickSize > 0)) {
      throw badShape(
        { file: source, symbol: symbols[i] },
        "tickSize",
        `${tickSize}; a tick size is finite and > 0, or null`,
      );
    }
  });
  return tickSizes;
}
