import { mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeWhole } from "../../src/harness/report.ts";

describe("writeWhole()", () => {
  it("leaves no .tmp file behind when the rename fails (the path is a directory)", () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-report-"));
    mkdirSync(join(dir, "taken"));
    expect(() => writeWhole(join(dir, "taken"), "{}")).toThrow();
    expect(readdirSync(dir)).toEqual(["taken"]);
  });
});
