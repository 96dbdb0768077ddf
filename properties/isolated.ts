// A pinned case (a known issue's or a regression's) run in a child process, so that an engine
// that loops forever on it shows as a timeout instead of a test run that never ends (vitest
// cannot interrupt synchronous code). The child is `node --import tsx properties/reproduce.ts`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export type PinnedList = "issue" | "regression";

export interface IsolatedOutcome {
  readonly outcome: "completed" | "threw" | "hung";
  /** The child's output: "completed", or the error's name and message. */
  readonly detail: string;
}

/** Runs checkReferenceRun on the pinned case `id` of `list` in a child process. */
export function runIsolated(list: PinnedList, id: string, timeoutMs: number): IsolatedOutcome {
  const child = spawnSync(process.execPath, ["--import", "tsx", REPRODUCE_SCRIPT, list, id], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    encoding: "utf8",
    timeout: timeoutMs,
  });
  if (child.error !== undefined && child.signal !== null)
    return { outcome: "hung", detail: `${list} ${id}: no end after ${timeoutMs} ms` };
  const detail = `${child.stdout}${child.stderr}`.trim();
  return { outcome: child.status === 0 && detail.startsWith("completed") ? "completed" : "threw", detail };
}

const REPRODUCE_SCRIPT = fileURLToPath(new URL("./reproduce.ts", import.meta.url));
