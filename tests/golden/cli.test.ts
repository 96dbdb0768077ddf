import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runGolden } from "../../src/cli/golden.ts";
import { main } from "../../src/cli/main.ts";
import type { Engine } from "../../src/model/index.ts";
import { tempDir } from "../helpers/temp-dir.ts";
import { tinyExpected, tinyGolden, tinyRecords } from "./fixtures.ts";

/** An engine that ignores its input and returns the hand-built records. */
const handEngine: Engine = { name: "hand", run: () => tinyRecords() };

function folder(): string {
  const dir = tempDir("golden-cli-");
  const pass = tinyGolden();
  pass.expected = tinyExpected();
  const fail = tinyGolden();
  fail.expected = { finalValue: 1 };
  const other = tinyGolden();
  other.peer = "zipline 3.0";
  writeFileSync(join(dir, "a-pass.json"), JSON.stringify(pass));
  writeFileSync(join(dir, "b-fail.json"), JSON.stringify(fail));
  writeFileSync(join(dir, "README.md"), "# not a golden file");
  writeFileSync(join(dir, "summary.json"), JSON.stringify({ peer: "backtrader", fills: 3 }));
  writeFileSync(join(dir, "c-broken.json"), "{");
  mkdirSync(join(dir, "zipline"));
  writeFileSync(join(dir, "zipline", "other.json"), JSON.stringify(other));
  return dir;
}

function capture() {
  const lines: string[] = [];
  return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) } };
}

describe("runGolden()", () => {
  it("prints PASS, FAIL and SKIP per file, ignores non-golden files and exits 1 on a failure", async () => {
    const { lines, io } = capture();
    const code = await runGolden([folder()], async () => handEngine, io);
    expect(code).toBe(1);
    expect(lines).toEqual([
      "PASS a-pass",
      "FAIL b-fail: finalValue: expected 1, got 9997.8695 (diff 1.00e+4)",
      expect.stringMatching(/^FAIL c-broken: golden c-broken\.json: not valid JSON: /),
      "SKIP zipline/other (peer zipline 3.0: no compatibility profile for it yet)",
      "golden: 1 passed, 2 failed, 1 skipped",
    ]);
  });

  it("exits 0 when every file passes and loads no engine for skipped files", async () => {
    const dir = folder();
    const { lines, io } = capture();
    let loads = 0;
    const load = async () => {
      loads++;
      return handEngine;
    };
    expect(await runGolden([join(dir, "a-pass.json")], load, io)).toBe(0);
    expect(await runGolden([join(dir, "zipline")], load, io)).toBe(0);
    expect(loads).toBe(1);
    expect(lines.at(-2)).toMatch(/^SKIP other/);
  });

  it("fails a named file that is not a golden file", async () => {
    const dir = folder();
    const { lines, io } = capture();
    expect(await runGolden([join(dir, "summary.json")], async () => handEngine, io)).toBe(1);
    expect(lines[0]).toMatch(/^FAIL summary: golden summary\.json name: must be a string/);
  });
});

describe("main()", () => {
  it("refuses an unknown engine and an unknown command", async () => {
    const { lines, io } = capture();
    expect(await main(["golden", "x.json", "--engine", "nope"], io)).toBe(1);
    expect(lines).toEqual(['ERR assay golden: unknown engine "nope" (known: reference, fast, both)']);
    expect(await main(["frobnicate"], io)).toBe(1);
  });
});
