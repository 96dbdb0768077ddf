// Golden files: the checks every field goes through (type, range, membership), failing with the
// file and JSON path (errors.ts words them).
import { goldenError } from "./errors.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ShapeReader {
  constructor(private readonly source: string) {}

  fail(path: string, message: string): never {
    throw goldenError(this.source, path, message);
  }

  /** A plain object; with `keys`, any other key is an error (the format does not know it). */
  object(value: unknown, path: string, keys?: readonly string[]): Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.fail(path, `must be an object, got ${describe(value)}`);
    }
    const o = value as Record<string, unknown>;
    if (keys !== undefined) {
      for (const key of Object.keys(o)) {
        if (!keys.includes(key)) this.fail(join(path, key), `unknown field (known: ${keys.join(", ")})`);
      }
    }
    return o;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `must be an array, got ${describe(value)}`);
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== "string") this.fail(path, `must be a string, got ${describe(value)}`);
    return value;
  }

  number(value: unknown, path: string): number {
    if (typeof value !== "number" || !Number.isFinite(value))
      this.fail(path, `must be a finite number, got ${describe(value)}`);
    return value;
  }

  nullableNumber(value: unknown, path: string): number | null {
    return value === null ? null : this.number(value, path);
  }

  id(value: unknown, path: string): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
      this.fail(path, `must be a whole number >= 1, got ${describe(value)}`);
    }
    return value;
  }

  date(value: unknown, path: string): string {
    const date = this.string(value, path);
    if (!ISO_DATE.test(date) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      this.fail(path, `must be an ISO date YYYY-MM-DD, got "${date}"`);
    }
    return date;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
      this.fail(path, `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${describe(value)}`);
    }
    return value as T;
  }

  member(value: unknown, path: string, set: ReadonlySet<string>, setName: string): string {
    const s = this.string(value, path);
    if (!set.has(s)) this.fail(path, `"${s}" is not in ${setName}`);
    return s;
  }
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
