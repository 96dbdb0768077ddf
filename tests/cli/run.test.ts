import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const run = runCli;

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
  it("--data reads any format loadPanel does: a folder of per-symbol CSVs runs as the same long CSV", async () => {
    // The shared bench250 file, long format, split into one file per symbol.
    const lines = readFileSync("../shared/golden/bench250/bars.csv", "utf8").trim().split("\n");
    const header = lines[0].split(",");
    const symbolAt = header.indexOf("symbol") === -1 ? header.indexOf("asset") : header.indexOf("symbol");
    const dir = tempDir("assay-cli-data-");
    const folder = join(dir, "wide");
    mkdirSync(folder);
    const bySymbol = new Map<string, string[]>();
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      const symbol = cells[symbolAt];
      cells.splice(symbolAt, 1);
      bySymbol.set(symbol, [...(bySymbol.get(symbol) ?? []), cells.join(",")]);
    }
    const wideHeader = header.filter((_, i) => i !== symbolAt).join(",");
    for (const [symbol, rows] of bySymbol)
      writeFileSync(join(folder, `${symbol}.csv`), [wideHeader, ...rows].join("\n"));
    const summaryOf = async (data: string) => {
      const { code, out, err } = await run([
        "run",
        "--config",
        "examples/momentum.json",
        "--data",
        data,
        "--json",
      ]);
      expect(code, err).toBe(0);
      const { ms: _ms, ...summary } = JSON.parse(out);
      return summary;
    };
    expect(await summaryOf(folder)).toEqual(await summaryOf("../shared/golden/bench250/bars.csv"));
  });
  it("--out writes the records as CSV and Parquet, and refuses a file path before running", async () => {
    const dir = tempDir("assay-cli-out-");
    const out = join(dir, "run");
    const args = ["run", "--bars", "60", "--assets", "8", "--longs", "2", "--shorts", "2", "--json"];
    const { code, out: printed, err } = await run([...args, "--out", out]);
    expect(code, err).toBe(0);
    const files = readdirSync(out).sort();
    for (const table of ["orders", "fills", "trades", "equity", "positions", "events", "warnings"])
      expect(files).toEqual(expect.arrayContaining([`${table}.csv`, `${table}.parquet`]));
    // The fills file has one row per fill the summary counts.
    const fills = readFileSync(join(out, "fills.csv"), "utf8").trim().split("\n").length - 1;
    expect(fills).toBe(JSON.parse(printed).fills);
    expect(err).toContain(`wrote ${files.length} files (CSV and Parquet) to ${out}`);
    const file = join(dir, "a-file");
    writeFileSync(file, "x");
    const refused = await run([...args, "--out", file]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain(`--out ${file} is a file; give a folder for the CSV and Parquet files`);
  });
});
