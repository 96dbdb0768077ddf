/** Ends an exhaustive switch over a tagged union: a new variant fails to compile. */
export function unreachable(value: never): never {
  throw new Error(`unreachable: unexpected ${JSON.stringify(value)}`);
}
