import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { engines } from "../../src/cli/engines.ts";
import { runGolden } from "../../src/cli/golden.ts";

// `assay golden ../shared/golden/assay-spec scenarios --engine both`: the assay-spec golden files
// (an independent implementation of SPEC.md) and every hand-computed scenario, under each engine.
const paths = [
  fileURLToPath(new URL("../../../shared/golden/assay-spec/", import.meta.url)),
  fileURLToPath(new URL("../../scenarios/", import.meta.url)),
];

describe("assay golden ../shared/golden/assay-spec scenarios --engine both", () => {
  for (const name of Object.keys(engines)) {
    it(`${name} engine passes every golden file and scenario`, async () => {
      const lines: string[] = [];
      const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
      const code = await runGolden(paths, engines[name], io);
      expect(lines.filter((line) => !line.startsWith("PASS"))).toEqual([
        expect.stringMatching(/^golden: \d+ passed, 0 failed, 0 skipped$/),
      ]);
      expect(code).toBe(0);
    });
  }
});
