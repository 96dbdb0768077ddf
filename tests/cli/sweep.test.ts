// `assay sweep` end to end: the grid on worker threads, the same report for any worker count, a
// trial that throws reported while the others complete, and bad input refused before any trial.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const FIXTURE = "tests/sweep/fixtures/breakout-factory.ts";
const small = ["--assets", "6", "--bars", "120"];

/** The JSON report without its timings (durationMs, each trial's ms) and worker count. */
function untimed(text: string): unknown {
  const { durationMs: _d, workers: _w, trials, ...rest } = JSON.parse(text);
  return { ...rest, trials: trials.map(({ ms: _ms, ...trial }: { ms: number }) => trial) };
}

describe("assay sweep", () => {
  it("runs every trial and writes the same report on 1 worker as on 2", async () => {
    const dir = tempDir("assay-sweep-");
    const reports = [];
    for (const workers of ["1", "2"]) {
      const out = join(dir, `w${workers}.json`);
      const csv = join(dir, `w${workers}.csv`);
      const { code, out: text } = await runCli([
        "sweep",
        FIXTURE,
        "--param",
        "lookback=2:10:4",
        ...small,
        "--workers",
        workers,
        "--out",
        out,
        "--out",
        csv,
      ]);
      expect(code).toBe(0);
      expect(text).toMatch(/3 trials \(3 ran, 0 failed\) on \d workers/);
      expect(text).toMatch(/ranked by sharpe \(descending\); best: trial \d \(lookback=\d+\)/);
      expect(text).toMatch(/deflated Sharpe ratio of the best: \d\.\d{3} = P\(true Sharpe > /);
      reports.push(readFileSync(out, "utf8"));
      // One row per trial in grid order: lookback 2, 6, 10.
      const rows = readFileSync(csv, "utf8").trim().split("\n");
      expect(rows[0]).toMatch(/^trial,lookback,error,bars,/);
      expect(rows.slice(1).map((row) => row.split(",").slice(0, 3).join(","))).toEqual([
        "0,2,",
        "1,6,",
        "2,10,",
      ]);
    }
    expect(untimed(reports[1])).toEqual(untimed(reports[0]));
    expect((untimed(reports[0]) as { trials: unknown[] }).trials).toHaveLength(3);
  });

  it("reports a param set whose strategy throws, and completes the others", async () => {
    const { code, out } = await runCli([
      "sweep",
      FIXTURE,
      "--param",
      "lookback=1,3,5",
      ...small,
      "--workers",
      "2",
    ]);
    expect(code).toBe(0);
    expect(out).toContain("3 trials (2 ran, 1 failed)");
    expect(out).toContain("trial 0 (lookback=1): strategy file");
    expect(out).toContain("lookback 1: needs at least 2 bars");
  });

  it("exits 1 when no trial ran", async () => {
    const { code, out } = await runCli([
      "sweep",
      FIXTURE,
      "--param",
      "lookback=0,1",
      ...small,
      "--workers",
      "1",
    ]);
    expect(code).toBe(1);
    expect(out).toContain("no trial ran to the end: nothing to rank");
  });

  it("refuses bad input before any trial runs", async () => {
    const refused = async (args: string[]) => {
      const { code, err } = await runCli(["sweep", ...args, ...small]);
      expect(code).toBe(1);
      return err;
    };
    expect(await refused([FIXTURE, "--param", "lookback=2", "--rank-by", "sharp"])).toMatch(
      /assay: --rank-by sharp: unknown metric; known metrics: /,
    );
    expect(await refused([FIXTURE, "--param", "lookback=two"])).toContain(
      'assay: --param lookback: value "two" is not a number',
    );
    expect(await refused([FIXTURE, "--param", "lookback=9:3:1"])).toContain("an empty range");
    expect(await refused([FIXTURE])).toContain("assay: sweep: no --param to sweep");
    expect(await refused(["nosuch.ts", "--param", "k=1"])).toContain(
      "assay: strategy file nosuch.ts: not found, and not a built-in (rank-long-short, ma-crossover",
    );
    expect(await refused([FIXTURE, "--param", "lookback=2", "--out", "x.txt"])).toContain(
      "assay: --out x.txt: expected a .json or .csv file",
    );
    expect(await refused(["rank-long-short", "--param", "longs=1,2", "--shorts", "1"])).toContain(
      "assay: --shorts: a sweep gives rank-long-short's settings as --param (swept) or --fixed (held)",
    );
    expect(await refused([FIXTURE, "--param", "lookback=2,3", "--fixed", "lookback=4"])).toContain(
      "assay: --fixed lookback: also swept by --param",
    );
    expect(await refused([FIXTURE, "--param", "lookback=2", "--report-name", "x"])).toContain(
      "assay: --report-name x without --report: add --report to write the report",
    );
    expect(await refused([FIXTURE, "--param", "lookback=2", "--report", "--report-name", ".x"])).toContain(
      'assay: --report-name ".x": use letters, digits',
    );
  });
});
