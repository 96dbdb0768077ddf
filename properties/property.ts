// SPEC 10: a property is defined once, as data (a name naming the invariant, an arbitrary, a
// check that throws), so that vitest and a later parallel runner (`assay check`) run the same
// thing with different budgets.
import fc from "fast-check";

export interface Property<T> {
  /** Names the invariant, e.g. "I2: cash equals initial cash plus the sum of ledger entries". */
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Throws an Error naming the check, the place and the numbers when the invariant breaks. */
  readonly check: (value: T) => void;
}

export function property<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => void,
): Property<T> {
  return { name, arbitrary, check };
}

/** The fast-check property of a Property; its failures name the property. */
export function asFastCheck<T>(p: Property<T>): fc.IPropertyWithHooks<[T]> {
  return fc.property(p.arbitrary, (value) => {
    try {
      p.check(value);
    } catch (error) {
      if (fc.PreconditionFailure.isFailure(error)) throw error; // a skip (fc.pre), not a failure
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new Error(`property "${p.name}" failed: ${message}`, { cause: error });
    }
  });
}
