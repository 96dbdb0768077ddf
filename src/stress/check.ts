// Stress paths (issue 13): validators shared by the stress models' resolvers, in the style of
// src/config/check.ts (whose validators they call): one value, one ConfigError naming it.
import { type Bounds, field, finite } from "../config/check.ts";
import { type ConfigPlace, invalid } from "../config/errors.ts";

/** One finite number per asset, within bounds; a single number applies to every asset. */
export function perAsset(
  at: ConfigPlace,
  obj: Record<string, unknown>,
  name: string,
  n: number,
  bounds: Bounds,
  fallback?: number,
): Float64Array {
  const [place, value] = field(at, obj, name, fallback);
  if (typeof value === "number") return new Float64Array(n).fill(finite(place, value, bounds));
  if (!Array.isArray(value) || value.length !== n)
    throw invalid(place, `must be a number or an array of ${n} numbers (one per symbol)`, value);
  return Float64Array.from(value, (x, i) => finite({ ...place, field: `${place.field}[${i}]` }, x, bounds));
}

/** A probability: finite, in [0, 1]. */
export function probability(at: ConfigPlace, obj: Record<string, unknown>, name: string, fallback?: number) {
  const [place, value] = field(at, obj, name, fallback);
  return finite(place, value, { ge: 0, le: 1 }, "(a probability)");
}
