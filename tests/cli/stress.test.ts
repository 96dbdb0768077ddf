// `assay stress` end to end: one report for any worker count, shards merged, a run killed with
// SIGKILL and resumed; bad input refused before any path runs; a path that throws fails the run
// naming its path and seed, writing no report.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const SEED_STUDY = "../shared/golden/bench250/bars.csv";
const RUN = [
  "stress",
  "--paths",
  "120",
  "--assets",
  "6",
  "--bars",
  "60",
  "--chunk-size",
  "10",
  "--seed",
  "7",
];
const dir = () => tempDir("assay-stress-");

/** The report's deterministic part (everything but meta). */
function body(path: string): unknown {
  const { meta: _meta, ...rest } = JSON.parse(readFileSync(path, "utf8"));
  return rest;
}

async function stress(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli([...RUN, ...args]);
}

describe("assay stress", () => {
  it("writes the same report on 1 worker as on 2, and prints its tables", async () => {
    const d = dir();
    const one = await stress(["--workers", "1", "--out", join(d, "one.json")]);
    const two = await stress(["--workers", "2", "--out", join(d, "two.json")]);
    expect(one.code, one.err).toBe(0);
    expect(two.code, two.err).toBe(0);
    expect(body(join(d, "two.json"))).toEqual(body(join(d, "one.json")));
    expect(one.out).toContain("| at least one margin call |");
    expect(one.out).toMatch(/120 paths of 60 bars, seed 7/);
    for (const file of ["one.md", "one.html"]) expect(existsSync(join(d, file))).toBe(true);
    expect(readFileSync(join(d, "one.html"), "utf8")).not.toMatch(/(src|href)=|<script/);
  }, 120_000);

  it("3 shards merged give the single run's report", async () => {
    const d = dir();
    expect((await stress(["--workers", "2", "--out", join(d, "whole.json")])).code).toBe(0);
    const shards = [];
    for (const k of [0, 1, 2]) {
      const out = join(d, `shard-${k}.json`);
      const { code, err } = await stress(["--workers", "1", "--shard", `${k}/3`, "--out", out]);
      expect(code, err).toBe(0);
      shards.push(out);
    }
    const merged = join(d, "merged.json");
    const { code, err } = await runCli(["merge", ...shards, "--out", merged]);
    expect(code, err).toBe(0);
    expect(body(merged)).toEqual(body(join(d, "whole.json")));
  }, 120_000);

  it("a run killed with SIGKILL mid-way and resumed writes the uninterrupted run's report", async () => {
    const d = dir();
    const args = [...RUN, "--paths", "400", "--workers", "1"];
    expect((await runCli([...args, "--out", join(d, "straight.json")])).code).toBe(0);
    const out = join(d, "killed.json");
    const checkpoint = join(d, "killed.checkpoint.jsonl");
    const child = spawn(process.execPath, ["bin/assay.mjs", ...args, "--out", out], { stdio: "ignore" });
    // Killed once at least 3 chunks are in the checkpoint (a header line and 3 chunk lines).
    await new Promise<void>((done, fail) => {
      const poll = setInterval(() => {
        const lines = existsSync(checkpoint) ? readFileSync(checkpoint, "utf8").split("\n").length - 1 : 0;
        if (lines >= 4) {
          clearInterval(poll);
          child.kill("SIGKILL");
        }
      }, 20);
      child.on("exit", () => {
        clearInterval(poll);
        done();
      });
      child.on("error", fail);
    });
    expect(existsSync(out)).toBe(false);
    const kept = readFileSync(checkpoint, "utf8").split("\n").length - 2;
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(40);
    // A torn last line, as a kill in the middle of a write leaves, is dropped on resume.
    writeFileSync(checkpoint, `${readFileSync(checkpoint, "utf8")}{"chunk": 39, "firstPa`);
    const { code, err } = await runCli([...args, "--out", out, "--resume"]);
    expect(code, err).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).meta.resumedChunks).toBe(kept);
    expect(body(out)).toEqual(body(join(d, "straight.json")));
  }, 180_000);

  it("--until-width stops at the same chunk whatever the worker count", async () => {
    const d = dir();
    const runs = [];
    for (const workers of ["1", "2"]) {
      const out = join(d, `w${workers}.json`);
      const { code, err } = await stress([
        "--paths",
        "2000",
        "--until-width",
        "0.05",
        "--workers",
        workers,
        "--out",
        out,
      ]);
      expect(code, err).toBe(0);
      runs.push(body(out) as { stoppedAtChunk: number | null; paths: number });
    }
    expect(runs[1]).toEqual(runs[0]);
    // 0 ruins of n paths: the Wilson interval [0, 3.84 / (n + 3.84)] is narrower than 0.05 from
    // n = 73.0 on, so the run stops after the chunk that reaches 80 paths: chunk 8, 80 paths.
    expect(runs[0].stoppedAtChunk).toBe(8);
    expect(runs[0].paths).toBe(80);
  }, 120_000);

  it("--replay-path runs one path on both engines and says they agree", async () => {
    const { code, out } = await stress(["--replay-path", "3"]);
    expect(code).toBe(0);
    expect(out).toContain("assay stress --replay-path 3 (seed 7)");
    expect(out).toContain("fast and reference engines agree on this path, record by record");
  }, 120_000);

  it("fits gbm to a data file (printing the fit), and resamples one with --model bootstrap", async () => {
    const d = dir();
    // The seed study's 250 assets x 252 bars: the fit has 251 returns per asset, more than 60.
    const small = ["--fit", SEED_STUDY, "--paths", "20", "--bars", "40"];
    const fitted = await runCli(["stress", ...small, "--out", join(d, "fit.json")]);
    expect(fitted.code, fitted.err).toBe(0);
    expect(fitted.err).toMatch(/fitted to .*bars\.csv: \{"symbols":\[/);
    const resampled = await runCli([
      "stress",
      "--model",
      "bootstrap",
      ...small,
      "--out",
      join(d, "boot.json"),
    ]);
    expect(resampled.code, resampled.err).toBe(0);
    expect(resampled.out).toContain("20 paths of 40 bars");
  }, 120_000);

  it("refuses bad input before any path runs", async () => {
    const d = dir();
    const refused = async (args: string[]) => {
      const { code, err } = await stress(args);
      expect(code).toBe(1);
      return err;
    };
    expect(await refused(["--paths", "0"])).toContain(
      'assay: --paths: expected a whole number >= 1, got "0"',
    );
    const model = join(d, "model.json");
    writeFileSync(
      model,
      JSON.stringify({
        model: "gbm",
        symbols: ["A", "B", "C"],
        mu: 0.05,
        sigma: 0.2,
        // Each entry in [-1, 1], but A ~ B and B ~ C with A ~ -C is no correlation matrix.
        correlation: [
          [1, 0.9, -0.9],
          [0.9, 1, 0.9],
          [-0.9, 0.9, 1],
        ],
      }),
    );
    expect(await refused(["--model-file", model])).toMatch(/field=correlation: must be positive definite/);
    writeFileSync(model, JSON.stringify({ model: "gbm", symbols: ["A"], mu: 0.05, sigma: -0.2 }));
    expect(await refused(["--model-file", model])).toMatch(/sigma/);
    expect(await refused(["--model", "garch"])).toContain(
      "--model garch: give its parameters with --model-file",
    );
    expect(await refused(["--resume"])).toContain("--resume needs --out");
    expect(await refused(["nosuch.ts"])).toContain("strategy file nosuch.ts: not found");
  });

  it("a strategy that throws on one path fails the run with that path and the seed, writing no report", async () => {
    const d = dir();
    const strategy = join(d, "throws.mjs");
    // Throws at the close of bar 5 on the path whose first close is the highest of paths 0..9.
    writeFileSync(
      strategy,
      `export default () => ({ name: "throws", onBar(ctx) { if (ctx.t === 5 && ctx.bar("close", 0, 5) > 101.5) throw new Error("planted"); } });`,
    );
    const out = join(d, "failed.json");
    const { code, err } = await runCli([
      ...RUN.slice(0, 1),
      strategy,
      ...RUN.slice(1),
      "--out",
      out,
      "--workers",
      "1",
    ]);
    expect(code).toBe(1);
    expect(err).toMatch(/assay: stress path \d+ \(seed 7; replay it with --replay-path \d+\): .*planted/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
