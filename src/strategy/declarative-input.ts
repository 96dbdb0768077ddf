// The declarative APIs' inputs (fromSignals, fromOrders, fromTargets): a per-bar, per-asset
// matrix given as a row-major Float64Array (T x N), rows of numbers (T x N) or a symbol-keyed
// object of columns, checked against the panel's T bars and N symbols and turned into one
// row-major Float64Array (a Float64Array given is checked and used as it is). Errors name the API,
// the argument, the bar and the symbol.

/** Numbers per bar and asset; NaN means "nothing this bar" (no order, no stop). */
export type NumberMatrix =
  | Float64Array
  | readonly (readonly number[])[]
  | Readonly<Record<string, readonly number[] | Float64Array>>;

/** Signals per bar and asset: rows of booleans (T x N) or a symbol-keyed object of columns. */
export type SignalMatrix = readonly (readonly boolean[])[] | Readonly<Record<string, readonly boolean[]>>;

/** The panel's shape as a strategy sees it (BarContext.bars and .symbols). */
export interface PanelShape {
  readonly bars: number;
  readonly symbols: readonly string[];
}

/** Where an input came from, for error messages: `fromSignals entries`. */
export interface InputName {
  readonly api: string;
  readonly arg: string;
}

/** No check beyond finite-or-NaN. */
const NO_RULE = (_value: number): string | null => null;

/**
 * A number, broadcast to every bar and asset, or a matrix. Cells must be finite or NaN; `rule`
 * adds a check on finite cells (a message when it fails, else null).
 */
export function numberMatrix(
  name: InputName,
  input: number | NumberMatrix,
  shape: PanelShape,
  rule: (value: number) => string | null = NO_RULE,
): Float64Array {
  const cell = (value: unknown, t: number, asset: number): number => {
    if (typeof value !== "number")
      throw cellError(name, shape, t, asset, `${describe(value)} is not a number`);
    if (Number.isNaN(value)) return value;
    const problem = Number.isFinite(value) ? rule(value) : "must be finite, or NaN for nothing this bar";
    if (problem !== null) throw cellError(name, shape, t, asset, `${value} ${problem}`);
    return value;
  };
  if (typeof input === "number") {
    if (!Number.isNaN(input)) {
      const problem = Number.isFinite(input) ? rule(input) : "must be finite, or NaN for nothing this bar";
      if (problem !== null) throw new Error(`${name.api} ${name.arg}: ${input} ${problem}`);
    }
    return new Float64Array(shape.bars * shape.symbols.length).fill(input);
  }
  if (input instanceof Float64Array) {
    const expected = shape.bars * shape.symbols.length;
    if (input.length !== expected) {
      throw new Error(
        `${name.api} ${name.arg}: a Float64Array of ${input.length} values, the panel needs ${shape.bars} bars x ${shape.symbols.length} symbols = ${expected} (row-major: [t * N + asset])`,
      );
    }
    // Checked in place and used as given (the APIs only read it): a 2000 x 2520 matrix is 40 MB.
    // A plain loop, no call per cell for the NaNs and plain numbers.
    for (let k = 0; k < input.length; k++) {
      const value = input[k];
      if (Number.isNaN(value) || (Number.isFinite(value) && rule === NO_RULE)) continue;
      cell(value, Math.floor(k / shape.symbols.length), k % shape.symbols.length);
    }
    return input;
  }
  return readMatrix(name, input, shape, Number.NaN, cell);
}

/** A signal matrix as 1 (signal) and 0 (none); an absent argument is all 0. */
export function signalMatrix(
  name: InputName,
  input: SignalMatrix | undefined,
  shape: PanelShape,
): Float64Array {
  if (input === undefined) return new Float64Array(shape.bars * shape.symbols.length);
  return readMatrix(name, input, shape, 0, (value, t, asset) => {
    if (typeof value !== "boolean")
      throw cellError(name, shape, t, asset, `${describe(value)} is not a boolean`);
    return value ? 1 : 0;
  });
}

function readMatrix(
  name: InputName,
  input: readonly (readonly unknown[])[] | Readonly<Record<string, ArrayLike<unknown>>>,
  shape: PanelShape,
  absent: number,
  cell: (value: unknown, t: number, asset: number) => number,
): Float64Array {
  const n = shape.symbols.length;
  const out = new Float64Array(shape.bars * n).fill(absent);
  if (Array.isArray(input)) {
    if (input.length !== shape.bars)
      throw new Error(
        `${name.api} ${name.arg}: ${input.length} rows, the panel has ${shape.bars} bars; one row per bar`,
      );
    input.forEach((row: unknown, t) => {
      if (!Array.isArray(row) || row.length !== n) {
        const got = Array.isArray(row) ? `${row.length} values` : describe(row);
        throw new Error(
          `${name.api} ${name.arg} row ${t} (t=${t}): ${got}, the panel has ${n} symbols (${shape.symbols.join(", ")}); one value per symbol, in column order`,
        );
      }
      for (let asset = 0; asset < n; asset++) out[t * n + asset] = cell(row[asset], t, asset);
    });
    return out;
  }
  if (typeof input !== "object" || input === null)
    throw new Error(
      `${name.api} ${name.arg}: expected a matrix or a symbol-keyed object, got ${describe(input)}`,
    );
  const columnOf = new Map(shape.symbols.map((symbol, asset) => [symbol, asset]));
  for (const [symbol, column] of Object.entries(input)) {
    const asset = columnOf.get(symbol);
    if (asset === undefined)
      throw new Error(
        `${name.api} ${name.arg}: unknown symbol "${symbol}"; the panel's symbols are ${shape.symbols.join(", ")}`,
      );
    const length = (column as ArrayLike<unknown> | null)?.length;
    if (length !== shape.bars)
      throw new Error(
        `${name.api} ${name.arg} (asset=${symbol}): ${length === undefined ? describe(column) : `${length} values`}, the panel has ${shape.bars} bars; one value per bar`,
      );
    for (let t = 0; t < shape.bars; t++) out[t * n + asset] = cell(column[t], t, asset);
  }
  return out;
}

function cellError(name: InputName, shape: PanelShape, t: number, asset: number, detail: string): Error {
  return new Error(`${name.api} ${name.arg} row ${t} (t=${t}, asset=${shape.symbols[asset]}): ${detail}`);
}

function describe(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}
