// reports/MUTATION.md's numbers: Stryker's statuses counted per module as Stryker scores them
// (killed and timed out detected; survived and uncovered not; errors and ignored left out).
import { describe, expect, it } from "vitest";
import { renderMutation } from "../../mutation/render.ts";
import { type MutantEntry, type MutantStatus, moduleScores, totalScore } from "../../mutation/score.ts";

const mutant = (id: number, status: MutantStatus, line = id): MutantEntry => ({
  id: String(id),
  mutatorName: "EqualityOperator",
  status,
  replacement: "a > b",
  location: { start: { line, column: 1 } },
});

const REPORT = {
  files: {
    "src/engine/numeric.ts": {
      mutants: [mutant(1, "Killed"), mutant(2, "Killed"), mutant(3, "Timeout"), mutant(4, "Survived", 40)],
    },
    "reference/checks.ts": {
      mutants: [
        mutant(5, "Killed"),
        mutant(6, "NoCoverage", 9),
        mutant(7, "CompileError"),
        mutant(8, "Ignored"),
      ],
    },
    "reference/empty.ts": { mutants: [mutant(9, "CompileError")] },
  },
};

describe("moduleScores", () => {
  it("scores detected over valid mutants, per module and in all", () => {
    const modules = moduleScores(REPORT);
    expect(modules.map((m) => [m.module, m.score])).toEqual([
      ["reference/checks.ts", 1 / 2], // 1 killed of killed + no coverage; error and ignored left out
      ["reference/empty.ts", null],
      ["src/engine/numeric.ts", 3 / 4], // 2 killed + 1 timeout of 4
    ]);
    const total = totalScore(modules);
    expect(total.score).toBe(4 / 6);
    expect(total.survivors.map((s) => s.line)).toEqual([9, 40]);
  });

  it("renders the table and lists the survivors by module and line", () => {
    const modules = moduleScores(REPORT);
    const text = renderMutation(modules, totalScore(modules), {
      runs: [{ measuredAt: "2026-12-08T00:30:00.000Z", commit: "abc1234", minutes: 1.25, modules: ["x.ts"] }],
      runOf: () => 0,
      stale: ["src/engine/run.ts"],
      unmeasured: ["reference/engine.ts"],
    });
    expect(text).toContain("| 1 | 2026-12-08T00:30:00.000Z | abc1234 | 1.3 | 1 |");
    expect(text).toContain("Scored: 3 of the 5 modules of reference/ and src/engine/.");
    expect(text).toContain("Stale (changed since their run; run them again): src/engine/run.ts.");
    expect(text).toContain("Not measured yet: reference/engine.ts.");
    expect(text).toContain("| src/engine/numeric.ts | 1 | 2 | 1 | 1 | 0 | 75.0% |");
    expect(text).toContain("| **all** |  | 3 | 1 | 1 | 1 | 66.7% |");
    expect(text).toContain("### reference/checks.ts\n\n- line 9: EqualityOperator `a > b`");
    expect(text).toContain("Survivors shown equivalent (mutation/equivalent.ts): 0 of 2.");
  });

  it("marks a survivor mutation/equivalent.ts shows equivalent, with its reason", () => {
    const report = {
      files: {
        "src/engine/numeric.ts": {
          mutants: [
            { ...mutant(1, "Survived", 20), replacement: "a > b - TIE * scale" },
            mutant(2, "Killed"),
          ],
        },
      },
    };
    const modules = moduleScores(report);
    const text = renderMutation(modules, totalScore(modules), {
      runs: [],
      runOf: () => 0,
      stale: [],
      unmeasured: [],
    });
    expect(text).toMatch(
      /- line 20: EqualityOperator `a > b - TIE \* scale`: equivalent, moves only the value exactly at/,
    );
    expect(text).toContain("Survivors shown equivalent (mutation/equivalent.ts): 1 of 1.");
  });
});
