// Engine failures the properties found that are not fixed yet. Each entry pins the minimal case
// that reproduces it and says which generated cases to leave out (`avoid`, before running: a hang
// cannot be caught) or to skip when they fail this way (`matches`). Skips are fast-check
// preconditions, never passes. tests/properties checks that each minimal case still fails as
// described, so the entry turns red once the engine is fixed: then move it to regressions.ts.
import fc from "fast-check";
import { type IsolatedOutcome, runIsolated } from "./isolated.ts";
import { type Property, property } from "./property.ts";
import type { RunCase } from "./run-input.ts";

export type Symptom =
  /** checkReferenceRun(minimalCase) throws an error whose message matches. */
  | { readonly kind: "throws"; readonly message: RegExp }
  /** checkReferenceRun(minimalCase) does not return within `afterMs`. */
  | { readonly kind: "hangs"; readonly afterMs: number };

export interface KnownIssue {
  readonly id: string;
  /** What goes wrong, where in the engine, and which SPEC rule it breaks. */
  readonly summary: string;
  readonly minimalCase: RunCase;
  readonly symptom: Symptom;
  /** Generated cases not to run at all while the issue stands. */
  avoid?(runCase: RunCase): boolean;
  /** A failure of a generated case that is this issue. */
  matches?(error: unknown, runCase: RunCase): boolean;
}

export const KNOWN_ISSUES: readonly KnownIssue[] = [];

/** The property with known issues left out or skipped (fc.pre): fast-check neither fails nor shrinks on them. */
export function toleratingKnownIssues<T extends RunCase>(
  p: Property<T>,
  issues: readonly KnownIssue[] = KNOWN_ISSUES,
  onSkip: (issue: KnownIssue) => void = () => {},
): Property<T> {
  const ids = issues.map((issue) => issue.id).join(", ");
  const name = issues.length === 0 ? p.name : `${p.name} (known issues skipped: ${ids})`;
  return property(name, p.arbitrary, (value) => {
    const avoided = issues.find((issue) => issue.avoid?.(value) === true);
    if (avoided !== undefined) {
      onSkip(avoided);
      fc.pre(false);
    }
    try {
      p.check(value);
    } catch (error) {
      const issue = issues.find((i) => i.matches?.(error, value) === true);
      if (issue === undefined) throw error;
      onSkip(issue);
      fc.pre(false);
    }
  });
}

/** How the issue's minimal case ends today (in a child process: a hang is a timeout). */
export function reproduce(issue: KnownIssue): IsolatedOutcome {
  return runIsolated("issue", issue.id, issue.symptom.kind === "hangs" ? issue.symptom.afterMs : 60_000);
}
