import { describe, expect, it } from "vitest";
import { runConfigFor } from "../../src/api/run.ts";
import { loadStrategyFile } from "../../src/cli/strategy-file.ts";
import { syntheticPanel } from "../../src/data/index.ts";
import { fastEngine } from "../../src/engine/index.ts";
import { detectLookahead } from "../../src/lookahead/detect.ts";
import { sampleBars } from "../../src/lookahead/sample.ts";
import { isoDate } from "../../src/model/index.ts";
import { runCli as run } from "../helpers/cli.ts";

const PEEKS = "tests/lookahead/fixtures/peeks-ahead.ts";
const CACHED = "tests/lookahead/fixtures/cached-signal.ts";
const small = ["--assets", "4", "--bars", "60", "--samples", "5"];

describe("assay lookahead", () => {
  it("flags a strategy file reading close[t+1] through its factory's data, at the sampled bar, with both runs' orders", async () => {
    const { code, out } = await run(["lookahead", PEEKS, ...small]);
    expect(code).toBe(1);
    // The first sampled bar of 59 testable ones (seed 1), and S000's real next move there: the base
    // run holds +10 on a rise, -10 on a fall; the perturbed path moves the other way.
    const t = sampleBars(60, 5, 1)[0];
    const panel = syntheticPanel({ assets: 4, bars: 60, seed: 42 });
    const side = panel.close[(t + 1) * 4] > panel.close[t * 4] ? 1 : -1;
    expect(out).toContain(
      `look-ahead: decision at bar t=${t} (${isoDate(panel.times[t])}) asset S000 changed when bars after t=${t} were perturbed: base orders [S000 market targetUnits ${10 * side}] vs perturbed [S000 market targetUnits ${-10 * side}]`,
    );
    expect(out).toContain("look-ahead in 5 of 5 samples");
  });

  it("flags a declarative spec whose signal is the next bar's move (a shift of -1), each time at the sampled bar itself", async () => {
    const { code, out } = await run([
      "lookahead",
      "tests/lookahead/fixtures/shifted-signal.ts",
      ...small,
      "--json",
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.findings.map((finding: { t: number; after: number }) => finding.t)).toEqual(report.bars);
    expect(report.findings.map((finding: { after: number }) => finding.after)).toEqual(report.bars);
  });

  it("flags a strategy that peeks at one bar when that bar is sampled; another bar's peek goes unseen (a sampled test)", async () => {
    const sampled = sampleBars(60, 5, 1)[2];
    const flagged = await run(["lookahead", PEEKS, ...small, "--param", `onlyAt=${sampled}`]);
    expect(flagged.code).toBe(1);
    expect(flagged.out).toContain(`look-ahead: decision at bar t=${sampled} `);
    expect(flagged.out).toContain("look-ahead in 1 of 5 samples");
    const missed = await run(["lookahead", PEEKS, ...small, "--param", `onlyAt=${sampled + 1}`]);
    expect(missed.code).toBe(0);
    expect(missed.out).toContain("no look-ahead found in 5 samples");
  });

  it("flags a factory that keeps the first panel's future in a module-level cache: each run loads the file anew", async () => {
    const { code, out } = await run(["lookahead", CACHED, ...small]);
    expect(code).toBe(1);
    expect(out).toContain("look-ahead in 5 of 5 samples");
    // Loaded once, the module's cache would hold the real data's future in every run: no finding.
    const panel = syntheticPanel({ assets: 4, bars: 60, seed: 42 });
    const input = {
      panel,
      config: runConfigFor(panel, {}, { config: "config", data: "synthetic data" }),
      engine: fastEngine,
      bars: sampleBars(60, 5, 1),
      seed: 1,
    };
    const once = await detectLookahead({ ...input, build: (data) => loadStrategyFile(CACHED, {}, data) });
    expect(once.findings).toEqual([]);
    let instance = 0;
    const anew = await detectLookahead({
      ...input,
      build: (data) => loadStrategyFile(CACHED, {}, data, "", `test-${++instance}`),
    });
    expect(anew.findings).toHaveLength(5);
  });

  it.each([
    ["rank-long-short", ["--assets", "12", "--bars", "80", "--longs", "3", "--shorts", "3"]],
    ["ma-crossover", ["--assets", "4", "--bars", "160", "--param", "fast=5", "--param", "slow=20"]],
    [
      "target-weights",
      ["--assets", "3", "--bars", "120", "--param", "file=examples/built-ins/target-weights.csv"],
    ],
    [
      "futures-trend",
      ["--assets", "4", "--bars", "120", "--config", "examples/built-ins/futures-trend.json"],
    ],
    ["buy-and-hold", ["--assets", "4", "--bars", "80", "--param", "leverage=1.5"]],
    ["levered-long-short", ["--assets", "10", "--bars", "80", "--param", "lookback=5"]],
  ])("passes the built-in %s, comparing real decisions", async (name, args) => {
    const { code, out, err } = await run(["lookahead", name, ...args, "--samples", "10", "--json"]);
    expect(code, err).toBe(0);
    const report = JSON.parse(out);
    expect(report.findings).toEqual([]);
    expect(report.bars).toHaveLength(10);
    expect(report.compared).toBeGreaterThan(0);
    const text = await run(["lookahead", name, ...args, "--samples", "10"]);
    expect(text.out).toContain(
      `no look-ahead found in 10 samples: no decision at or before a sampled bar t changed`,
    );
  });

  it("warns when the strategy made no decision: its samples compared nothing", async () => {
    const { code, out, err } = await run(["lookahead", "tests/lookahead/fixtures/never-trades.ts", ...small]);
    expect(code).toBe(0);
    expect(out).toContain("no look-ahead found in 5 samples");
    expect(out).toContain("(0 decisions compared;");
    expect(err).toContain(
      "warning: the strategy made no decision on the real data, so the samples compared nothing",
    );
  });

  it("is deterministic: the same seed gives the same report, another --sample-seed other bars", async () => {
    const args = ["lookahead", PEEKS, ...small, "--json"];
    const first = await run(args);
    expect((await run(args)).out).toBe(first.out);
    const other = JSON.parse((await run([...args, "--sample-seed", "2"])).out);
    expect(other.bars).not.toEqual(JSON.parse(first.out).bars);
  });

  it.each([
    [
      ["nope.ts"],
      "strategy file nope.ts: not found, and not a built-in (rank-long-short, ma-crossover, target-weights, futures-trend, buy-and-hold, levered-long-short)",
    ],
    [[PEEKS, "--samples", "0"], '--samples: expected a whole number >= 1, got "0"'],
    [[PEEKS, "--samples", "many"], '--samples: expected a whole number >= 1, got "many"'],
    [[PEEKS, "--sample-seed", "-1"], '--sample-seed: expected a whole number >= 0, got "-1"'],
    [
      [PEEKS, "--bars", "5"],
      "--samples 20: the data has 5 bars, so at most 4 can be sampled (t = 0..3: the last bar has no later bar to perturb), not 20",
    ],
    [
      ["ma-crossover", "--bars", "1", "--samples", "1"],
      "--samples 1: the data has 1 bar; a look-ahead test needs at least 2 (a bar t and a later bar to perturb)",
    ],
    [[], "missing required argument 'strategy'"],
  ])("assay lookahead %j is an error saying what is wrong", async (args, message) => {
    const { code, err } = await run(["lookahead", ...args]);
    expect(code).toBe(1);
    expect(err).toContain(message);
  });
});
