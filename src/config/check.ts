// Config validators (SPEC 3-6 options): each checks one value and throws the ConfigError that
// names it. Nothing is coerced or repaired: "100" is not a number, null is not "use the default".
import { type ConfigPlace, invalid, missing, unknownKey } from "./errors.ts";

/** Open (gt, lt) or closed (ge, le) bounds of a number. */
export interface Bounds {
  readonly gt?: number;
  readonly ge?: number;
  readonly lt?: number;
  readonly le?: number;
}

/** A finite number within bounds; `when` names the condition that made the bounds apply. */
export function finite(at: ConfigPlace, value: unknown, bounds: Bounds, when?: string): number {
  if (typeof value !== "number") throw invalid(at, "must be a number", value);
  if (!Number.isFinite(value) || !within(value, bounds))
    throw invalid(at, `must be finite${describe(bounds)}${when === undefined ? "" : ` ${when}`}`, value);
  return value;
}

/** null (an explicit "none"), or a finite number within bounds. */
export function finiteOrNull(at: ConfigPlace, value: unknown, bounds: Bounds): number | null {
  if (value === null) return null;
  if (typeof value !== "number") throw invalid(at, "must be a number or null", value);
  if (!Number.isFinite(value) || !within(value, bounds))
    throw invalid(at, `must be null or finite${describe(bounds)}`, value);
  return value;
}

/** An integer within bounds: a count of days, bars or violations. */
export function integer(at: ConfigPlace, value: unknown, bounds: Bounds): number {
  if (typeof value !== "number") throw invalid(at, "must be a number", value);
  if (!Number.isInteger(value) || !within(value, bounds))
    throw invalid(at, `must be an integer${describe(bounds)}`, value);
  return value;
}

export function oneOf<T extends string | null>(at: ConfigPlace, value: unknown, options: readonly T[]): T {
  const found = options.find((option) => option === value);
  if (found === undefined) throw invalid(at, `must be one of ${options.map(quote).join(", ")}`, value);
  return found;
}

export function bool(at: ConfigPlace, value: unknown): boolean {
  if (typeof value !== "boolean") throw invalid(at, "must be true or false", value);
  return value;
}

/** A JSON-like object: not null, an array, a Date or a Map. */
export function plainObject(at: ConfigPlace, value: unknown): Record<string, unknown> {
  const proto = typeof value === "object" && value !== null ? Object.getPrototypeOf(value) : undefined;
  if (Array.isArray(value) || (proto !== Object.prototype && proto !== null))
    throw invalid(at, "must be an object", value);
  return value as Record<string, unknown>;
}

/** Every key of `obj` must be one of `known`: a typo is an error, never an ignored key. */
export function noUnknownKeys(at: ConfigPlace, obj: object, known: readonly string[]): void {
  for (const key of Object.keys(obj))
    if (!known.includes(key)) throw unknownKey(at, key, known, nearest(key, known));
}

/** An own property only: a key named "toString" or "__proto__" must not reach Object.prototype. */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** The value of `key`, or `fallback` when it is absent; null is a value, not an absence. */
export function ownOr(obj: Record<string, unknown>, key: string, fallback: unknown): unknown {
  const value = own(obj, key);
  return value === undefined ? fallback : value;
}

/**
 * A field of an object-valued key: its place for messages and its value. Absent (or undefined)
 * takes `fallback`; without one the field is required.
 */
export function field(
  at: ConfigPlace,
  obj: Record<string, unknown>,
  name: string,
  fallback?: unknown,
): [ConfigPlace, unknown] {
  const place = { ...at, field: at.field === undefined ? name : `${at.field}.${name}` };
  const value = own(obj, name);
  if (value !== undefined) return [place, value];
  if (fallback === undefined) throw missing(place);
  return [place, fallback];
}

/** The option list of a string union, complete by construction: a new variant fails to compile. */
export function variants<T extends string>(table: Record<T, true>): readonly T[] {
  return Object.keys(table) as T[];
}

/** The first candidate within edit distance 2 of `word`, nearest first. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

function within(value: number, b: Bounds): boolean {
  return (
    (b.gt === undefined || value > b.gt) &&
    (b.ge === undefined || value >= b.ge) &&
    (b.lt === undefined || value < b.lt) &&
    (b.le === undefined || value <= b.le)
  );
}

/** " and > 0", " and in (0, 1]", ...; "" without bounds. */
function describe(b: Bounds): string {
  const low =
    b.gt !== undefined ? { sign: ">", bracket: "(", n: b.gt } : { sign: ">=", bracket: "[", n: b.ge };
  const high =
    b.lt !== undefined ? { sign: "<", bracket: ")", n: b.lt } : { sign: "<=", bracket: "]", n: b.le };
  if (low.n !== undefined && high.n !== undefined)
    return ` and in ${low.bracket}${low.n}, ${high.n}${high.bracket}`;
  if (low.n !== undefined) return ` and ${low.sign} ${low.n}`;
  if (high.n !== undefined) return ` and ${high.sign} ${high.n}`;
  return "";
}

function quote(option: string | null): string {
  return option === null ? "null" : JSON.stringify(option);
}
