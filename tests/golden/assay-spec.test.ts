import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { runGolden } from "../../src/cli/golden.ts";

// The assay-spec golden files come from an independent implementation of SPEC.md; the realism-*
// files need the realism features (a later issue), so only spec-*.json run here.
const folder = fileURLToPath(new URL("../../../shared/golden/assay-spec/", import.meta.url));
const files = [
  "spec-00-cash-nextopen",
  "spec-01-margin-nextopen",
  "spec-03-margin-samebar",
  "spec-05-margin-nextopen",
  "spec-06-cash-samebar",
  "spec-08-cash-nextopen",
];

describe("assay golden ../shared/golden/assay-spec/spec-*.json", () => {
  for (const name of files) {
    it(`reference engine passes ${name}`, async () => {
      const lines: string[] = [];
      const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
      const code = await runGolden([`${folder}${name}.json`], async () => referenceEngine, io);
      expect(lines.join("\n")).toContain(`PASS ${name}`);
      expect(code).toBe(0);
    });
  }
});
