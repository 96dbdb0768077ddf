import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("examples", () => {
  it("examples/library.ts (the README's library example) runs and trades", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "examples/library.ts"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(out).toContain("t=11 S000 100 @");
    expect(out).toContain("t=41 S000 -100 @");
  });

  it("examples/from-signals.ts runs the three declarative APIs, each the same on both engines", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "examples/from-signals.ts"], {
      cwd: root,
      encoding: "utf8",
    });
    const lines = out.trim().split("\n");
    expect(lines.map((line) => line.split(":")[0])).toEqual(["from-signals", "from-orders", "from-targets"]);
    for (const line of lines) {
      const [, fast, reference] = /final equity fast ([\d.]+) reference ([\d.]+)/.exec(line) ?? [];
      expect(fast).toBe(reference);
      expect(line).not.toContain(" 0 fills");
    }
  });

  for (const file of ["examples/from-targets.ts", "examples/from-orders.ts"])
    it(`${file} runs and trades, the same on both engines`, () => {
      const out = execFileSync(process.execPath, ["--import", "tsx", file], { cwd: root, encoding: "utf8" });
      const [fast, reference] = out.trim().split("\n");
      expect(fast).toMatch(/^fast: [1-9]\d* orders, [1-9]\d* fills, final equity [\d.]+$/);
      expect(reference).toBe(fast.replace("fast", "reference"));
    });

  it("npm start's command prints a summary", () => {
    const out = execFileSync(
      process.execPath,
      ["bin/assay.mjs", "run", "--config", "examples/momentum.json", "--bars", "60"],
      { cwd: root, encoding: "utf8" },
    );
    expect(out).toMatch(/final equity\s+[\d,]+\.\d\d/);
    expect(out).toContain("rejections");
  });

  it("examples/own-strategy.ts (the README's own-strategy example) runs through bin/assay.mjs with --param", () => {
    const out = execFileSync(
      process.execPath,
      ["bin/assay.mjs", "run", "examples/own-strategy.ts", "--param", "lookback=10", "--bars", "120"],
      { cwd: root, encoding: "utf8" },
    );
    expect(out).toContain("assay run: breakout(10, hold 10) on synthetic data");
    expect(out).toMatch(/orders\s+[1-9]\d*, fills [1-9]/);
  });
});
