// The mutation ledger: a run replaces the entries of the modules it measured and keeps the rest;
// a module counts only while its source is the one its run mutated.
import { describe, expect, it } from "vitest";
import { EMPTY_LEDGER, mutatedBy, recordRun, sha256, standing } from "../../mutation/ledger.ts";
import type { MutantEntry, MutantStatus } from "../../mutation/score.ts";

const mutant = (id: number, status: MutantStatus): MutantEntry => ({
  id: String(id),
  mutatorName: "ConditionalExpression",
  status,
  replacement: "true",
  location: { start: { line: id, column: 2 } },
});
/** A Stryker report of [module, source, ...mutants] files. */
const report = (...files: [module: string, source: string, ...mutants: MutantEntry[]][]) => ({
  files: Object.fromEntries(files.map(([module, source, ...mutants]) => [module, { source, mutants }])),
});
const run = (commit: string) => ({ measuredAt: `2026-12-08T00:0${commit.length}:00Z`, commit, minutes: 2 });

describe("the mutation ledger", () => {
  it("keeps each module's last run: a later run replaces only the modules it measured", () => {
    const first = recordRun(
      EMPTY_LEDGER,
      report(["a.ts", "A1", mutant(1, "Survived")], ["b.ts", "B1", mutant(2, "Killed")]),
      run("one"),
    );
    const second = recordRun(first, report(["a.ts", "A2", mutant(3, "Killed")]), run("two"));
    expect(second.runs.map((r) => [r.commit, r.modules])).toEqual([
      ["one", ["a.ts", "b.ts"]],
      ["two", ["a.ts"]],
    ]);
    expect(second.modules["a.ts"]).toEqual({
      sourceSha256: sha256("A2"),
      run: 1,
      mutants: [mutant(3, "Killed")],
    });
    expect(second.modules["b.ts"].run).toBe(0);
  });

  it("keeps only what MUTATION.md reads of a mutant", () => {
    const stryker = { ...mutant(1, "Killed"), coveredBy: ["7"], killedBy: ["7"], statusReason: "x" };
    const ledger = recordRun(EMPTY_LEDGER, report(["a.ts", "A", stryker]), run("one"));
    expect(ledger.modules["a.ts"].mutants).toEqual([mutant(1, "Killed")]);
  });

  it("scores a module on its present source only: changed since is stale, never run is unmeasured", () => {
    const ledger = recordRun(
      EMPTY_LEDGER,
      report(["a.ts", "A", mutant(1, "Killed")], ["b.ts", "B", mutant(2, "Survived")]),
      run("one"),
    );
    const now: Record<string, string> = { "a.ts": "A", "b.ts": "B edited", "c.ts": "C" };
    const place = standing(ledger, ["c.ts", "b.ts", "a.ts"], (module) => now[module]);
    expect(Object.keys(place.current.files)).toEqual(["a.ts"]);
    expect(place.stale).toEqual(["b.ts"]);
    expect(place.unmeasured).toEqual(["c.ts"]);
  });

  it("records only the modules the run mutated: Stryker's report also carries earlier runs' files", () => {
    const both = report(["a.ts", "A", mutant(1, "Killed")], ["b.ts", "B", mutant(2, "Killed")]);
    const first = recordRun(EMPTY_LEDGER, both, run("one"));
    const second = recordRun(first, both, run("two"), ["b.ts"]);
    expect([second.modules["a.ts"].run, second.modules["b.ts"].run]).toEqual([0, 1]);
    expect(() => recordRun(first, both, run("two"), ["c.ts"])).toThrow(/no results for c\.ts/);
  });

  it("reads --mutate as Stryker does: paths and globs, comma-separated", () => {
    const modules = ["reference/a.ts", "reference/deep/b.ts", "src/engine/c.ts", "src/engine/cd.ts"];
    expect(mutatedBy([], modules)).toEqual(modules);
    expect(mutatedBy(["--mutate", "src/engine/c.ts,reference/*.ts"], modules)).toEqual([
      "reference/a.ts",
      "src/engine/c.ts",
    ]);
    expect(mutatedBy(["--mutate=reference/**/*.ts"], modules)).toEqual([
      "reference/a.ts",
      "reference/deep/b.ts",
    ]);
    expect(() => mutatedBy(["--mutate"], modules)).toThrow(/--mutate needs a list/);
  });
});
