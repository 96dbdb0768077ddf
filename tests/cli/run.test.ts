import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("assay run", () => {
  it("prints a summary with costs broken down, margin calls and rejections", async () => {
    const { code, out } = await run([
      "run",
      "--config",
      "examples/momentum.json",
      "--bars",
      "80",
      "--assets",
      "12",
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(
      /costs\s+commission [\d,]+\.\d\d, slippage [\d,]+\.\d\d, impact 0\.00, financing 0\.00/,
    );
    expect(out).toMatch(/margin calls\s+0, forced fills 0/);
  });

  it("--set overrides config keys with JSON values, and financing and impact show up in the costs", async () => {
    const args = [
      "run",
      "--bars",
      "80",
      "--assets",
      "12",
      "--json",
      "--set",
      "borrowRate=0.05",
      "--set",
      'impact={"model":"volumeShare"}',
    ];
    const { code, out } = await run(args);
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary.costs.financing).toBeGreaterThan(0);
    expect(summary.costs.impact).toBeGreaterThan(0);
  });

  it("a misspelled --set key is an error naming it", async () => {
    const { code, err } = await run(["run", "--bars", "10", "--set", "slipage=3"]);
    expect(code).toBe(1);
    expect(err).toContain('config + --set: unknown key "slipage" (did you mean "slippage"?)');
  });
});
