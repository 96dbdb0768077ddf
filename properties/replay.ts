// Replay of a failing property. fast-check prints the seed and the path of the shrunk case; the
// failure message adds the one line that replays it, straight to the shrunk case:
//
//   ASSAY_SEED=1234 ASSAY_PATH="5:2:0" npx vitest run tests/properties
//
// ASSAY_SEED / ASSAY_PATH / ASSAY_RUNS override the arguments, so that line works whatever
// budget the caller passed. Without ASSAY_SEED the seed is fresh each run (fast-check's default)
// and printed on failure.
import fc from "fast-check";

export const REPLAY_COMMAND = "npx vitest run tests/properties";

/** Parameters for fc.assert / fc.check: seed, path and runs from the env first, then the arguments. */
export function propertyParams<T = unknown>(
  seed?: number,
  path?: string,
  numRuns?: number,
): fc.Parameters<T> {
  const env = process.env;
  const chosenSeed = env.ASSAY_SEED !== undefined && env.ASSAY_SEED !== "" ? intFromEnv("ASSAY_SEED") : seed;
  const chosenPath = env.ASSAY_PATH !== undefined && env.ASSAY_PATH !== "" ? env.ASSAY_PATH : path;
  const chosenRuns =
    env.ASSAY_RUNS !== undefined && env.ASSAY_RUNS !== "" ? intFromEnv("ASSAY_RUNS") : numRuns;
  if (chosenPath !== undefined && chosenSeed === undefined)
    throw new Error(
      `replay: ASSAY_PATH="${chosenPath}" needs its ASSAY_SEED (a path means nothing without it)`,
    );
  const params: fc.Parameters<T> = { plugins: [replayReporter<T>()] };
  if (chosenSeed !== undefined) params.seed = chosenSeed;
  if (chosenPath !== undefined) params.path = chosenPath;
  if (chosenRuns !== undefined) params.numRuns = chosenRuns;
  return params;
}

/** The one-line command that replays a failure straight to its shrunk case. */
export function replayLine(seed: number, path: string | null): string {
  const pathPart = path === null ? "" : ` ASSAY_PATH="${path}"`;
  return `ASSAY_SEED=${seed}${pathPart} ${REPLAY_COMMAND}`;
}

/** Replaces fast-check's report with the same report plus the replay line. */
function replayReporter<T>(): fc.Plugin<T> {
  return () => ({
    onAllRunsComplete(details: fc.RunDetails<T>) {
      if (!details.failed) return;
      const report = fc.defaultReportMessage(details) ?? "property failed";
      const error = details.errorInstance;
      const got = error instanceof Error ? error.message : error === null ? "" : String(error);
      throw new Error(
        `${report}\n\nerror: ${got}\n\nreplay: ${replayLine(details.seed, details.counterexamplePath)}`,
        { cause: error ?? undefined },
      );
    },
  });
}

function intFromEnv(name: string): number {
  const text = process.env[name] as string;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`replay: ${name} must be an integer, got "${text}"`);
  return value;
}
