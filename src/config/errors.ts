// Config errors (SPEC 3-6 options): every config message is worded here, so tests match one text.
// Shape: `<source> <key> (model=<model>) field=<field>: <rule>, got <value>`, e.g.
// `config run.json slippage (model=fixedBps) field=bps: must be finite and >= 0, got -5`.

/** Where a config value sits: its input, top-level key, tagged-union model and field. */
export interface ConfigPlace {
  /** The input's label: "config" for code, "config run.json" for a file. */
  readonly source: string;
  /** Top-level key, or "instruments.SPY" for a per-asset entry; absent for the whole input. */
  readonly key?: string;
  readonly model?: string;
  readonly field?: string;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  readonly place: ConfigPlace;
  /** The message without its place, e.g. `must be finite and >= 0, got -5`. */
  readonly rule: string;

  constructor(place: ConfigPlace, rule: string) {
    super(`${renderPlace(place)}: ${rule}`);
    this.place = place;
    this.rule = rule;
  }
}

/** A value that breaks a rule: the rule, then the value as given. */
export function invalid(place: ConfigPlace, rule: string, value: unknown): ConfigError {
  return new ConfigError(place, `${rule}, got ${show(value)}`);
}

/** A required value that is absent; `when` says what made it required. */
export function missing(place: ConfigPlace, when?: string): ConfigError {
  return new ConfigError(place, when === undefined ? "must be given" : `must be given ${when}`);
}

/** A key nobody reads; a typo within edit distance 2 gets a suggestion, else the known keys. */
export function unknownKey(
  place: ConfigPlace,
  key: string,
  known: readonly string[],
  suggestion: string | undefined,
): ConfigError {
  const hint =
    suggestion === undefined ? `; known keys: ${listed(known)}` : ` (did you mean ${show(suggestion)}?)`;
  return new ConfigError(place, `unknown key ${show(key)}${hint}`);
}

export function unknownModel(place: ConfigPlace, model: unknown, known: readonly string[]): ConfigError {
  const rule = model === undefined ? "must be given" : `unknown model ${show(model)}`;
  return new ConfigError(place, `${rule}; known models: ${listed(known)}`);
}

/** An instruments entry for a symbol the panel does not have. */
export function unknownSymbol(
  place: ConfigPlace,
  symbol: string,
  symbols: readonly string[],
  suggestion: string | undefined,
): ConfigError {
  const hint =
    suggestion === undefined
      ? `; the panel's symbols: ${listed(symbols, 10)}`
      : ` (did you mean ${show(suggestion)}?)`;
  return new ConfigError(place, `unknown symbol ${show(symbol)}${hint}`);
}

export function unreadableFile(source: string, cause: unknown): ConfigError {
  return new ConfigError(
    { source },
    `cannot read the file: ${cause instanceof Error ? cause.message : cause}`,
  );
}

/** A JSON syntax error, at the line and column the parser's position points to. */
export function invalidJson(source: string, cause: unknown, text: string): ConfigError {
  const raw = cause instanceof Error ? cause.message : String(cause);
  // V8 says "... in JSON at position 42" (Node 22 adds "(line 3 column 5)"): say it once, as line:column.
  const match = /\s*in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(raw);
  if (match === null) return new ConfigError({ source }, `invalid JSON: ${raw}`);
  const before = text.slice(0, Number(match[1])).split("\n");
  const where = `line ${before.length}, column ${before[before.length - 1].length + 1}`;
  return new ConfigError({ source }, `invalid JSON at ${where}: ${raw.replace(match[0], "")}`);
}

/** A key written twice in one object of a file: JSON.parse would keep the last value silently. */
export function duplicateKey(source: string, key: string, first: string, again: string): ConfigError {
  return new ConfigError(
    { source, key },
    `duplicate key at ${again} (first at ${first}); a key may be given once`,
  );
}

/** A value as the user wrote it: numbers plainly (NaN, -0), strings quoted, long JSON cut. */
export function show(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined || typeof value === "boolean" || value === null) return String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value !== "object") return `a ${typeof value}`;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null)
    return `a ${proto?.constructor?.name ?? "non-plain"} object`;
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    return "an unprintable object";
  }
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** Quoted values, at most `cap` of them (a panel may have thousands of symbols). */
function listed(values: readonly string[], cap = values.length): string {
  const shown = values.slice(0, cap).map(show).join(", ");
  return values.length > cap ? `${shown}, ... (${values.length} in all)` : shown;
}

function renderPlace(place: ConfigPlace): string {
  let out = place.source;
  if (place.key !== undefined) out += ` ${place.key}`;
  if (place.model !== undefined) out += ` (model=${place.model})`;
  if (place.field !== undefined) out += ` field=${place.field}`;
  return out;
}
