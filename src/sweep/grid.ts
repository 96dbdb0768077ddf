// `assay sweep --param k=1,2,3 --param n=10:50:10`: the parameter grid, every combination of the
// listed values, in a fixed order (the first parameter varies slowest), so that trial i is the
// same set whatever the worker count.

export type ParamSet = Readonly<Record<string, number>>;

export interface GridAxis {
  readonly key: string;
  readonly values: readonly number[];
}

/** More trials than this is an error: a typo in a range (step 0.0001) should not run for a day. */
export const MAX_TRIALS = 100_000;

/** The axes of `--param` specs: `k=v1,v2,...` or `k=start:stop:step` (stop included when on the step). */
export function parseGrid(specs: readonly string[]): GridAxis[] {
  if (specs.length === 0)
    throw new Error("sweep: no --param to sweep; give at least one, e.g. --param longs=5,10,25");
  const axes: GridAxis[] = [];
  for (const spec of specs) {
    const at = spec.indexOf("=");
    if (at <= 0) throw new Error(`--param ${spec}: expected key=v1,v2,... or key=start:stop:step`);
    const key = spec.slice(0, at);
    if (axes.some((axis) => axis.key === key))
      throw new Error(`--param ${key}: given twice; list all its values in one --param ${key}=...`);
    const text = spec.slice(at + 1);
    axes.push({ key, values: text.includes(":") ? range(key, text) : list(key, text) });
  }
  const trials = axes.reduce((product, axis) => product * axis.values.length, 1);
  if (trials > MAX_TRIALS)
    throw new Error(
      `sweep: ${axes.map((axis) => `${axis.key} (${axis.values.length})`).join(" x ")} = ${trials} trials, more than ${MAX_TRIALS}; narrow the grid`,
    );
  return axes;
}

/** Every combination of the axes' values, the first axis varying slowest. */
export function gridPoints(axes: readonly GridAxis[]): ParamSet[] {
  let points: Record<string, number>[] = [{}];
  for (const { key, values } of axes)
    points = points.flatMap((point) => values.map((value) => ({ ...point, [key]: value })));
  return points;
}

function list(key: string, text: string): number[] {
  const values = text.split(",").map((item) => number(key, item.trim(), "value"));
  const seen = new Set<number>();
  for (const value of values) {
    if (seen.has(value)) throw new Error(`--param ${key}=${text}: ${value} is listed twice`);
    seen.add(value);
  }
  return values;
}

/** start:stop:step, inclusive; the values are start + i * step rounded to the step's decimals. */
function range(key: string, text: string): number[] {
  const parts = text.split(":");
  if (parts.length !== 3)
    throw new Error(`--param ${key}=${text}: a range is start:stop:step, e.g. ${key}=10:50:10`);
  const [start, stop, step] = parts.map((part, i) => number(key, part.trim(), ["start", "stop", "step"][i]));
  if (!(step > 0)) throw new Error(`--param ${key}=${text}: the step must be > 0, got ${step}`);
  if (stop < start) throw new Error(`--param ${key}=${text}: an empty range (stop ${stop} < start ${start})`);
  const count = Math.floor((stop - start) / step + 1e-9) + 1;
  if (count > MAX_TRIALS)
    throw new Error(`--param ${key}=${text}: ${count} values, more than ${MAX_TRIALS}; a larger step?`);
  // 0.1 + 2 * 0.1 is 0.30000000000000004: the values keep the decimals their inputs have.
  const decimals = Math.max(...[start, step].map(decimalsOf));
  return Array.from({ length: count }, (_, i) => Number((start + i * step).toFixed(decimals)));
}

function number(key: string, text: string, what: string): number {
  const value = text === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(value))
    throw new Error(
      `--param ${key}: ${what} ${JSON.stringify(text)} is not a number (a sweep varies numbers)`,
    );
  return value;
}

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 || text.includes("e") ? 0 : text.length - dot - 1;
}
