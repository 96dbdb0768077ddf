// A measurement's child process: node with the given arguments, from the repository root, whose
// last stdout line is one JSON value; its stderr goes to ours (progress and errors stay visible).
// Every child (each case and the bare-loop probe) runs with the V8 inlining budgets the `assay`
// command sets for itself, so a case is timed as users run it and the probe beside it alike.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { INLINING_FLAGS } from "../src/runtime/inlining.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The child's last stdout line parsed, or why there is none (exit code, signal, no JSON). */
export function runJsonChild(args: readonly string[]): { json: unknown } | { failure: string } {
  const child = spawnSync(process.execPath, [...INLINING_FLAGS, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = child.stdout?.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0 || !last.startsWith("{"))
    return {
      failure:
        child.error?.message ?? (child.signal ? `killed by ${child.signal}` : `exit code ${child.status}`),
    };
  return { json: JSON.parse(last) };
}
