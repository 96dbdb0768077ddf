import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/** 3 assets x 40 weekdays, every bar flat at 10 with volume 0: no order can ever fill. */
function zeroVolumeCsv(): string {
  const rows = ["date,symbol,open,high,low,close,volume"];
  for (let day = 0; rows.length <= 120; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + day));
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    for (const symbol of ["A", "B", "C"])
      rows.push(`${date.toISOString().slice(0, 10)},${symbol},10,11,9,10,0`);
  }
  const path = join(tempDir("assay-summary-"), "zero-volume.csv");
  writeFileSync(path, rows.join("\n"));
  return path;
}

describe("renderSummary()", () => {
  const data = zeroVolumeCsv();
  const summaryOf = async (...set: string[]) => {
    const args = ["run", "--data", data, "--signal", "momentum:5", "--longs", "1", "--shorts", "1"];
    const { code, out, err } = await runCli([...args, ...set.flatMap((pair) => ["--set", pair])]);
    expect(code, err).toBe(0);
    return out;
  };

  it('renderSummary() shows orders that expired unfilled, not "rejections none" alone', async () => {
    const out = await summaryOf();
    expect(out).toMatch(/orders\s+68, fills 0/);
    expect(out).toMatch(
      /rejections\s+none\n\s+cut \(partial\)\s+none\n\s+cancelled\s+none\n\s+expired\s+endOfData 68/,
    );
  });

  it("renderSummary() shows cancelled orders apart from rejections", async () => {
    const out = await summaryOf("onZeroVolume=reject");
    expect(out).toMatch(/rejections\s+none\n\s+cut \(partial\)\s+none\n\s+cancelled\s+zeroVolume \d+/);
  });

  it("renderSummary() prints zero commission as 0.00, not -0.00", async () => {
    expect(await summaryOf()).toMatch(/commission 0\.00, slippage 0\.00/);
  });

  // A scaled leg that floors to 0 lots fills nothing: that one stays a rejection (docs/semantics.md).
  it("renderSummary() counts a scaled, part-filled order as a cut", async () => {
    const { code, out, err } = await runCli([
      "run",
      ...["--assets", "12", "--bars", "40", "--target-value", "400000", "--set", "onInsufficient=scale"],
    ]);
    expect(code, err).toBe(0);
    expect(out).toMatch(/cut \(partial\)\s+scaled \d+/);
  });
});
