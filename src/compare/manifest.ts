// SPEC 10 I15 (determinism): the manifest hash of a run, a SHA-256 of its inputs (panel and
// resolved config) and its records, so that two runs compare at a glance (like LEAN's order-list
// hash). Same inputs and records, same hash; any changed field, a different hash.
import { createHash, type Hash } from "node:crypto";
import { endianness } from "node:os";
import type { Panel, Records, RunConfig } from "../model/index.ts";

export interface RunInputs {
  readonly panel: Panel;
  readonly config: RunConfig;
}

/**
 * Hex SHA-256 over, in order: the panel (symbols, then each column's float64 bytes, little-endian,
 * NaN canonical: times, open, high, low, close, volume, then extra columns by name), the config and
 * the records as canonical JSON. Each part is framed by its label and byte length. The records'
 * `engine` name is left out: the hash says what was computed, not by whom, so two engines whose
 * records agree bit for bit share it.
 */
export function manifestHash(records: Records, inputs: RunInputs): string {
  const hash = createHash("sha256");
  hash.update("assay manifest v1\n");
  const { panel, config } = inputs;
  part(hash, "panel.symbols", canonicalJson(panel.symbols));
  const columns: [string, Float64Array][] = [
    ["times", panel.times],
    ["open", panel.open],
    ["high", panel.high],
    ["low", panel.low],
    ["close", panel.close],
    ["volume", panel.volume],
    ...Object.keys(panel.extra)
      .sort()
      .map((name): [string, Float64Array] => [`extra.${name}`, panel.extra[name]]),
  ];
  for (const [name, column] of columns) part(hash, `panel.${name}`, float64Bytes(column));
  part(hash, "config", canonicalJson(config));
  const { engine: _engine, ...computed } = records;
  part(hash, "records", canonicalJson(computed));
  return hash.digest("hex");
}

/**
 * JSON with object keys sorted (code-unit order) and undefined members dropped; numbers in their
 * shortest round-trip form (-0 as 0), non-finite ones as the bare words NaN, Infinity, -Infinity
 * (not JSON, but unambiguous: strings are quoted).
 */
export function canonicalJson(value: unknown): string {
  // Fast path: JSON.stringify writes members in the order of a key list given as its replacer,
  // at every depth; it would write non-finite numbers as null, so those take the slow path.
  const keys = new Set<string>();
  if (collectKeys(value, keys)) return JSON.stringify(value, [...keys].sort()) ?? "null";
  const out: string[] = [];
  write(value, out);
  return out.join("");
}

// ---------------------------------------------------------------------------------------------

function part(hash: Hash, label: string, data: string | Uint8Array): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  hash.update(`${label} ${bytes.byteLength}\n`);
  hash.update(bytes);
  hash.update("\n");
}

const LITTLE_ENDIAN = endianness() === "LE";

/** Little-endian IEEE 754 bytes, every NaN written as the one quiet NaN (a missing bar is NaN). */
function float64Bytes(column: Float64Array): Uint8Array {
  if (LITTLE_ENDIAN) {
    let copy: Float64Array | null = null;
    for (let i = 0; i < column.length; i++) {
      if (!Number.isNaN(column[i])) continue;
      copy ??= new Float64Array(column);
      const words = new Uint32Array(copy.buffer, i * 8, 2);
      words[0] = 0;
      words[1] = 0x7ff80000;
    }
    const bytes = copy ?? column;
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  const bytes = new Uint8Array(column.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < column.length; i++) {
    const x = column[i];
    if (Number.isNaN(x)) {
      view.setUint32(i * 8, 0, true);
      view.setUint32(i * 8 + 4, 0x7ff80000, true);
    } else {
      view.setFloat64(i * 8, x, true);
    }
  }
  return bytes;
}

/**
 * Adds every object key at any depth to `keys`; false when the value holds what JSON.stringify
 * would not write faithfully (a non-finite number, a typed array); throws on what is not plain data.
 */
function collectKeys(value: unknown, keys: Set<string>): boolean {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value);
    case "string":
    case "boolean":
    case "undefined":
      return true;
    case "object": {
      if (value === null) return true;
      if (ArrayBuffer.isView(value)) return false;
      if (Array.isArray(value)) {
        let plain = true;
        for (const item of value) if (!collectKeys(item, keys)) plain = false;
        return plain;
      }
      let plain = true;
      for (const key of Object.keys(value)) {
        keys.add(key);
        if (!collectKeys((value as Record<string, unknown>)[key], keys)) plain = false;
      }
      return plain;
    }
    default:
      throw notPlain(value);
  }
}

/** The slow path of canonicalJson, for values holding non-finite numbers or typed arrays. */
function write(value: unknown, out: string[]): void {
  if (value === null) {
    out.push("null");
    return;
  }
  switch (typeof value) {
    case "number":
      // Finite: the shortest round-trip form, as JSON.stringify (-0 as 0); else NaN, Infinity, -Infinity.
      out.push(String(value));
      return;
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "object": {
      if (Array.isArray(value) || ArrayBuffer.isView(value)) {
        const items = value as ArrayLike<unknown>;
        out.push("[");
        for (let i = 0; i < items.length; i++) {
          if (i > 0) out.push(",");
          write(items[i] ?? null, out);
        }
        out.push("]");
        return;
      }
      const members = Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined);
      out.push("{");
      members.forEach((key, i) => {
        out.push(`${i > 0 ? "," : ""}${JSON.stringify(key)}:`);
        write((value as Record<string, unknown>)[key], out);
      });
      out.push("}");
      return;
    }
    default:
      throw notPlain(value);
  }
}

function notPlain(value: unknown): Error {
  return new Error(
    `manifestHash: cannot serialise a ${typeof value} (records and config are plain data) [SPEC 9]`,
  );
}
