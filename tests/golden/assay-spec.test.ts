import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { engines } from "../../src/cli/engines.ts";
import { runGolden } from "../../src/cli/golden.ts";
import { SUPERSEDED_GOLDENS } from "../../src/golden/superseded.ts";

// `assay golden ../shared/golden/assay-spec ../shared/golden/backtrader scenarios --engine both`:
// the assay-spec golden files (an independent implementation of SPEC.md), Backtrader's own output
// under compat "backtrader", and every hand-computed scenario, under each engine. The shared files
// a SPEC v2.3 rule superseded must fail exactly where that rule says.
const paths = [
  fileURLToPath(new URL("../../../shared/golden/assay-spec/", import.meta.url)),
  fileURLToPath(new URL("../../../shared/golden/backtrader/", import.meta.url)),
  fileURLToPath(new URL("../../scenarios/", import.meta.url)),
];

describe("assay golden ../shared/golden/assay-spec ../shared/golden/backtrader scenarios --engine both", () => {
  for (const name of Object.keys(engines)) {
    it(`${name} engine passes every golden file and scenario but the superseded ones`, async () => {
      const lines: string[] = [];
      const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
      const code = await runGolden(paths, engines[name], io);
      const superseded = new Map(SUPERSEDED_GOLDENS.map((golden) => [golden.name, golden]));
      const failures = lines.filter((line) => !line.startsWith("PASS") && !line.startsWith("golden:"));
      expect(failures.map((line) => line.slice(5, line.indexOf(":")))).toEqual([...superseded.keys()]);
      for (const line of failures) {
        const golden = superseded.get(
          line.slice(5, line.indexOf(":")),
        ) as (typeof SUPERSEDED_GOLDENS)[number];
        expect(line.slice(line.indexOf(":") + 2), golden.rule).toMatch(golden.divergence);
      }
      expect(lines.at(-1)).toMatch(new RegExp(`^golden: \\d+ passed, ${superseded.size} failed, 0 skipped$`));
      expect(code).toBe(1);
    });
  }
});
