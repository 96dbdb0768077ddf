// SPEC 3-6 options from a JSON file, and layering inputs (CLI flags over a file) before resolving.
import { readFileSync } from "node:fs";
import type { RunConfig } from "../model/index.ts";
import { plainObject } from "./check.ts";
import { rejectDuplicateKeys } from "./duplicate-keys.ts";
import { invalidJson, unreadableFile } from "./errors.ts";
import { resolveConfig } from "./resolve.ts";

/** Reads, parses and resolves a config file; every error names the file. */
export function loadConfigFile(path: string, symbols: readonly string[]): RunConfig {
  return resolveConfig(readConfigFile(path), symbols, configSource(path));
}

/**
 * The unresolved input of a config file, for merging with CLI flags before resolveConfig(); pass
 * configSource(path) (or a label naming both) as the source so that messages name the file.
 */
export function readConfigFile(path: string): Record<string, unknown> {
  const source = configSource(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw unreadableFile(source, err);
  }
  // A UTF-8 byte order mark is encoding, not content; JSON.parse would reject it.
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (err) {
    throw invalidJson(source, err, text);
  }
  rejectDuplicateKeys(source, text);
  return plainObject({ source }, input);
}

/** The label of a file's messages: `config run.json slippage ...`. */
export function configSource(path: string): string {
  return `config ${path}`;
}

/**
 * Layers inputs: a key of a later input replaces the earlier value whole (a commission object is
 * replaced, not merged, so two models never mix). An undefined value is no value (an unset CLI
 * flag), so it does not hide the earlier one; null is a value ("no cap") and does.
 */
export function mergeConfigInputs(...inputs: object[]): Record<string, unknown> {
  const merged = new Map<string, unknown>();
  inputs.forEach((input, i) => {
    plainObject({ source: `config input ${i + 1} of mergeConfigInputs()` }, input);
    for (const [key, value] of Object.entries(input)) if (value !== undefined) merged.set(key, value);
  });
  // fromEntries defines own properties, so a "__proto__" key stays a key (and resolveConfig rejects it).
  return Object.fromEntries(merged);
}
