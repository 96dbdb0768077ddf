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

  it("npm start's command prints a summary", () => {
    const out = execFileSync(
      process.execPath,
      ["bin/assay.mjs", "run", "--config", "examples/momentum.json", "--bars", "60"],
      { cwd: root, encoding: "utf8" },
    );
    expect(out).toMatch(/final equity\s+[\d,]+\.\d\d/);
    expect(out).toContain("rejections");
  });
});
