import { describe, expect, it } from "vitest";
import { renderValidation } from "../../validate/render.ts";

describe("renderValidation()", () => {
  it("counts verdicts per folder and engine, lists each failure, groups skips, and rates each replay against Backtrader's", () => {
    const text = renderValidation({
      date: "2026-12-07",
      folders: [
        {
          folder: "shared/golden/backtrader",
          profile: "compat backtrader",
          byEngine: {
            reference: [
              { name: "a", status: "pass" },
              { name: "b", status: "fail", detail: "fills[0] price: expected 1, got 2" },
            ],
            fast: [
              { name: "a", status: "pass" },
              { name: "b", status: "pass" },
            ],
          },
        },
        {
          folder: "shared/golden/vectorbt",
          profile: "no profile yet",
          byEngine: {
            reference: [{ name: "c", status: "skip", detail: "no profile" }],
            fast: [{ name: "c", status: "skip", detail: "no profile" }],
          },
        },
      ],
      superseded: [{ name: "old", rule: "SPEC v2.3 section 5", divergence: /x/ }],
      replays: [{ profile: "backtrader", engine: "fast", fills: 10, refused: 0, finalValue: 101 }],
      peers: [{ peer: "backtrader 1.9", fills: 10, finalValue: 100 }],
    });
    expect(text).toContain("| shared/golden/backtrader | compat backtrader | 2 | 1 / 1 / 0 | 2 / 0 / 0 |");
    expect(text).toContain("| shared/golden/vectorbt | no profile yet | 1 | 0 / 0 / 1 | 0 / 0 / 1 |");
    expect(text).toContain(
      "- shared/golden/backtrader/b, reference engine: FAIL fills[0] price: expected 1, got 2",
    );
    expect(text).toContain("- shared/golden/vectorbt: 1 files SKIP (no profile): c");
    expect(text).toContain("| old | SPEC v2.3 section 5 |");
    // (101 - 100) / 100 = 1.0e-2
    expect(text).toContain("| assay compat backtrader, fast engine | 10 | 0 | 101.00 | 1.0e-2 |");
  });
});
