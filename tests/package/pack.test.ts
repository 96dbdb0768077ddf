// The package as a user gets it: `npm pack`, `npm install <tarball>` into a fresh project (npm
// and its registry alone), then the library from plain JavaScript and a TypeScript strategy
// file through `npx assay run` and `npx assay sweep` (its worker threads), matching the same run
// inside the repo.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { backtest, syntheticPanel } from "../../src/index.ts";
import { tempDir } from "../helpers/temp-dir.ts";
import dipBuyer from "./fixtures/strategy.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = fileURLToPath(new URL("fixtures", import.meta.url));
const work = tempDir("assay-pack-");
const project = join(work, "project");

/** The parent `npm test`'s npm_* variables would point a nested npm at this repo. */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function sh(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const inRepo = backtest({
  data: syntheticPanel({ assets: 8, bars: 90, seed: 42 }),
  strategy: dipBuyer({ holdBars: 2 }),
  engine: "reference",
});

describe("the packed package, installed into a fresh project", () => {
  beforeAll(() => {
    sh("npm", ["pack", "--pack-destination", work, "--silent"], root);
    const tarball = readdirSync(work).find((name) => name.endsWith(".tgz")) as string;
    console.log(`assay tarball: ${tarball}, ${(statSync(join(work, tarball)).size / 1024).toFixed(0)} kB`);
    mkdirSync(project);
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "user-project", private: true, type: "module" }),
    );
    sh("npm", ["install", join(work, tarball), "--no-audit", "--no-fund", "--prefer-offline"], project);
    copyFileSync(join(fixtures, "run.mjs"), join(project, "run.mjs"));
    copyFileSync(join(fixtures, "strategy.ts"), join(project, "strategy.ts"));
  }, 600_000);

  it("holds the build, bin and README, not the sources or tests", () => {
    const listed = sh("npm", ["ls", "--parseable", "assay"], project).trim();
    expect(readdirSync(listed).sort()).toEqual(["README.md", "bin", "dist", "package.json"]);
  });

  it('runs a plain JavaScript `import { backtest } from "assay"` script: the repo\'s final equity', () => {
    expect(inRepo.records.fills.length).toBeGreaterThan(20);
    const out = JSON.parse(sh(process.execPath, ["run.mjs"], project));
    expect(out).toEqual({ finalEquity: inRepo.summary.finalEquity, fills: inRepo.records.fills.length });
  });

  it("runs a TypeScript strategy file with `npx assay run ./strategy.ts --param`: the repo's final equity", () => {
    const args = [
      "--no",
      "assay",
      "run",
      "./strategy.ts",
      "--param",
      "holdBars=2",
      "--assets",
      "8",
      "--bars",
      "90",
    ];
    const summary = JSON.parse(sh("npx", [...args, "--engine", "reference", "--json"], project));
    expect(summary.strategy).toBe("dip-buyer");
    expect(summary.finalEquity).toBe(inRepo.summary.finalEquity);
  });

  it("sweeps the TypeScript strategy on worker threads with `npx assay sweep`: the repo's run among its trials", () => {
    const args = ["--no", "assay", "sweep", "./strategy.ts", "--param", "holdBars=1:3:1", "--workers", "2"];
    sh("npx", [...args, "--assets", "8", "--bars", "90", "--out", "sweep.json"], project);
    const report = JSON.parse(readFileSync(join(project, "sweep.json"), "utf8"));
    expect(
      report.trials.map((trial: { grid: unknown; error: unknown }) => [trial.grid, trial.error]),
    ).toEqual([
      [{ holdBars: 1 }, null],
      [{ holdBars: 2 }, null],
      [{ holdBars: 3 }, null],
    ]);
    // holdBars=2 is the repo's run (reference engine there, fast here: the engines agree).
    expect(report.trials[1].metrics.totalReturn).toBeCloseTo(inRepo.metrics.totalReturn, 12);
  });
});
