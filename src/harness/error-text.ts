// SPEC 10: how the harness words a thrown value (crashed chunks, counterexamples, replays). Its
// own module so that the runner's thread can use it without loading fast-check (task.ts).

/** The text of a thrown value: its message, after its name unless that is plain "Error". */
export function errorText(error: unknown): string {
  if (error instanceof Error)
    return error.name === "Error" ? error.message : `${error.name}: ${error.message}`;
  return String(error);
}
