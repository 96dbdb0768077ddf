import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { reportPaths } from "../../src/cli/report.ts";
import { runCli } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const SMALL_RUN = ["run", "--assets", "4", "--bars", "60", "--longs", "1", "--shorts", "1"];

describe("assay run --report", () => {
  const written = [
    "reports/cli-report-test.html",
    "reports/cli-report-test.md",
    "reports/cli-report-idle.html",
    "reports/cli-report-idle.md",
  ];
  afterAll(() => {
    for (const path of written) rmSync(path, { force: true });
  });

  it("assay run --report writes reports/<name>.html and its Markdown summary", async () => {
    const { code, err } = await runCli([...SMALL_RUN, "--report", "--report-name", "cli-report-test"]);
    expect(code, err).toBe(0);
    expect(err).toContain(
      "wrote the tearsheet reports/cli-report-test.html and its summary reports/cli-report-test.md",
    );
    const html = readFileSync(written[0], "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('id="chart-equity"');
    const markdown = readFileSync(written[1], "utf8");
    expect(markdown).toMatch(/^# rank-long-short\(momentum:20, 1\/1 x 100000\) on synthetic data\n/);
    expect(markdown).toContain("[cli-report-test.html](cli-report-test.html)");
    expect(markdown).toMatch(/\| Total return \| -?\d+\.\d\d% \|/);
  });

  it("assay run --report draws a run that never trades (no Sharpe ratio, no exposure)", async () => {
    const idle = ["run", "--assets", "4", "--bars", "60", "--longs", "0", "--shorts", "0"];
    const { code, err } = await runCli([...idle, "--report", "--report-name", "cli-report-idle"]);
    expect(code, err).toBe(0);
    expect(readFileSync(written[2], "utf8")).toContain(">No Sharpe ratio: no window's returns vary</text>");
  });

  it("assay run --report-name without --report is an error, before the run", async () => {
    const { code, err } = await runCli([...SMALL_RUN, "--report-name", "x"]);
    expect(code).toBe(1);
    expect(err).toBe("assay: --report-name x without --report: add --report to write the tearsheet");
  });

  it("assay run --report refuses a name that would leave reports/, before the run", async () => {
    const { code, err } = await runCli([...SMALL_RUN, "--report", "--report-name", "../escape"]);
    expect(code).toBe(1);
    expect(err).toBe(
      'assay: --report-name "../escape": use letters, digits, ".", "_" and "-" (not first a "."); the files go in reports/',
    );
  });
});

describe("reportPaths()", () => {
  const dir = tempDir("assay-report-");

  it("reportPaths() names the files after the strategy file or built-in by default", () => {
    expect(reportPaths("strategies/breakout.ts", undefined, join(dir, "out"))).toEqual({
      html: join(dir, "out", "breakout.html"),
      markdown: join(dir, "out", "breakout.md"),
    });
    expect(reportPaths("ma-crossover", undefined, dir).html).toBe(join(dir, "ma-crossover.html"));
    expect(reportPaths("ma-crossover", "mine", dir).markdown).toBe(join(dir, "mine.md"));
  });

  it("reportPaths() refuses a reports path that is a file, and a page path that is a folder", () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    expect(() => reportPaths("x", undefined, file)).toThrow(
      `--report: ${file} is a file; the tearsheet goes in a folder of that name`,
    );
    mkdirSync(join(dir, "taken.html"));
    expect(() => reportPaths("x", "taken", dir)).toThrow(
      `--report: ${join(dir, "taken.html")} is a folder; the tearsheet would be written there as a file`,
    );
  });
});
