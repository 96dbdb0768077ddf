// Config files (SPEC 3-6 options): a key written twice in one JSON object. JSON.parse keeps the
// last value without a word, so a file's second "debitRate" would silently win; this refuses it.
import { type JSONPath, visit } from "jsonc-parser";
import { duplicateKey } from "./errors.ts";

/** Throws a ConfigError naming the first repeated key by its path, and both places. */
export function rejectDuplicateKeys(source: string, text: string): void {
  // One map per open object, key -> where it was first written; arrays open no object.
  const open: Map<string, string>[] = [];
  visit(text, {
    onObjectBegin: () => {
      open.push(new Map());
    },
    onObjectEnd: () => {
      open.pop();
    },
    onObjectProperty: (key, _offset, _length, line, column, path) => {
      const seen = open[open.length - 1];
      const here = `line ${line + 1}, column ${column + 1}`;
      const first = seen.get(key);
      if (first !== undefined) throw duplicateKey(source, keyPath(path(), key), first, here);
      seen.set(key, here);
    },
  });
}

/** "slippage.bps", "cashFlows[0].date": the key under its object's path, as other messages name places. */
function keyPath(parent: JSONPath, key: string): string {
  let out = "";
  for (const part of parent)
    out += typeof part === "number" ? `[${part}]` : `${out === "" ? "" : "."}${part}`;
  return out === "" ? key : `${out}.${key}`;
}
