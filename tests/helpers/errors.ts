import { expect } from "vitest";

/** The message of the error `run` throws, which must be an instance of `type`. */
export function errorOf(run: () => unknown, type: abstract new (...args: never[]) => Error): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(type);
    return (err as Error).message;
  }
  throw new Error(`expected a ${type.name}, nothing was thrown`);
}
