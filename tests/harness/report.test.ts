import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeWhole } from "../../src/harness/report.ts";
import { tempDir } from "../helpers/temp-dir.ts";

describe("writeWhole()", () => {
  it("leaves no .tmp file behind when the rename fails (the path is a directory)", () => {
    const dir = tempDir("assay-report-");
    mkdirSync(join(dir, "taken"));
    expect(() => writeWhole(join(dir, "taken"), "{}")).toThrow();
    expect(readdirSync(dir)).toEqual(["taken"]);
  });
});
