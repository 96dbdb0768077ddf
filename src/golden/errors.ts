// Golden files: the one place their error messages are worded.
// `golden spec-03.json input.orders[4].type: unknown order type "twap"`

/** Anything wrong with a golden file, or with running it: the message names file and JSON path. */
export class GoldenError extends Error {
  override readonly name = "GoldenError";
}

/** `golden <file> <json path>: <message>` (no path for the file as a whole). */
export function goldenError(source: string, path: string, message: string): GoldenError {
  return new GoldenError(`golden ${source}${path === "" ? "" : ` ${path}`}: ${message}`);
}
