// SPEC 1 (data): reading a data file from disk, an unreadable one reported as a DataError.
import { readFileSync } from "node:fs";
import { unreadable } from "./errors.ts";

export function readText(file: string): string {
  return readBytes(file).toString("utf8");
}

export function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw unreadable(file, (err as Error).message);
  }
}
