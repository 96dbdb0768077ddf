// `assay diff`: one strategy under two configs, or on two engines. With one key apart (commission
// doubled), that key alone makes the whole difference, and the commission doubles on the same
// fills; the same config on both engines gives identical records.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const small = ["--assets", "10", "--bars", "80"];

function config(body: object): string {
  const file = join(tempDir("assay-diff-"), "b.json");
  writeFileSync(file, JSON.stringify(body));
  return file;
}

describe("assay diff", () => {
  it("prices a config difference: doubled commission, the same fills, that key alone the whole difference", async () => {
    const b = config({
      initialCash: 1_000_000,
      account: "margin",
      commission: { model: "percent", rate: 0.002 },
      slippage: { model: "fixedBps", bps: 5 },
      maxParticipation: 0.1,
      onZeroVolume: "defer",
    });
    const { code, out } = await runCli([
      "diff",
      ...small,
      "--a",
      "examples/momentum.json",
      "--b",
      b,
      "--json",
    ]);
    expect(code).toBe(0);
    const { runs, pairs } = JSON.parse(out);
    const [a, bRun] = runs;
    expect(bRun.fills).toBe(a.fills);
    expect(bRun.commission).toBeCloseTo(2 * a.commission, 6);
    const [pair] = pairs;
    expect(pair.first).not.toBeNull();
    expect(pair.keys.map((k: { key: string }) => k.key)).toEqual(["commission"]);
    // Side a with only commission changed is side b: the same final equity, by another run.
    expect(pair.keys[0].alone.finalEquityChange).toBeCloseTo(pair.finalEquityDifference, 6);
    expect(pair.keys[0].alone.explainsFirst).toBe(true);
    expect(pair.finalEquityDifference).toBeCloseTo(bRun.finalEquity - a.finalEquity, 6);
  }, 60_000);

  it("runs one config on two engines: identical records", async () => {
    const args = ["diff", ...small, "--a", "examples/momentum.json", "--b", "examples/momentum.json"];
    const { code, out } = await runCli([...args, "--engine-b", "reference"]);
    expect(code).toBe(0);
    expect(out).toContain("b: examples/momentum.json, engine reference");
    expect(out).toContain("b vs a: identical records");
    const same = await runCli(args);
    expect(same.code).not.toBe(0);
    expect(same.err).toContain(
      "--a and --b are both examples/momentum.json on engine fast: nothing would differ",
    );
  }, 60_000);
});
