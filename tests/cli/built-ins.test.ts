import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  futuresTrend,
  maCrossover,
  readConfigFile,
  syntheticPanel,
  targetWeightsFromCsv,
} from "../../src/index.ts";
import { testPanel } from "../helpers/panel.ts";
import { runBoth } from "../strategy/run-both.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const assay = (...args: string[]) =>
  execFileSync(process.execPath, ["bin/assay.mjs", "run", ...args], { cwd: root, encoding: "utf8" });

describe("the built-in example strategies", () => {
  const data = syntheticPanel({ assets: 4, bars: 160, seed: 3 });

  it("ma-crossover gives the same records on both engines, and trades", () => {
    const records = runBoth(data, maCrossover({ fast: 5, slow: 20, weight: 0.2 }));
    expect(records.fills.length).toBeGreaterThan(0);
  });

  it("target-weights gives the same records on both engines, rebalancing at the file's dates", () => {
    const panel = syntheticPanel({ assets: 3, bars: 120, seed: 42 });
    const records = runBoth(
      panel,
      targetWeightsFromCsv(`${root}examples/built-ins/target-weights.csv`, panel),
    );
    expect([...new Set(records.orders.map((o) => o.t))]).toEqual([5, 30, 55, 80]);
  });

  it("futures-trend gives the same records on both engines in the futures account of its config", () => {
    const config = readConfigFile(`${root}examples/built-ins/futures-trend.json`) as object;
    const records = runBoth(data, futuresTrend({ lookback: 10, contracts: 3 }), config);
    expect(records.fills.length).toBeGreaterThan(0);
    expect(new Set(records.fills.map((f) => Math.abs(f.qty)))).toEqual(new Set([3, 6]));
  });

  it("ma-crossover(2, 3) first trades at the bar its fast mean crosses above the slow one", () => {
    // closes 5 4 3 4 5 6 7. sma2: t2 3.5, t3 3.5, t4 4.5; sma3: t2 (5+4+3)/3 = 4, t3 11/3, t4 4.
    // gap: t2 -0.5, t3 -0.17 (below), t4 +0.5: the cross is at t4; it fills at the open of t5.
    const dates = [
      "2024-01-01",
      "2024-01-02",
      "2024-01-03",
      "2024-01-04",
      "2024-01-05",
      "2024-01-08",
      "2024-01-09",
    ];
    const panel = testPanel(dates, { A: [5, 4, 3, 4, 5, 6, 7].map((c) => [c, c, c, c] as const) });
    const records = runBoth(panel, maCrossover({ fast: 2, slow: 3, weight: 0.5 }));
    expect(records.orders.map((o) => [o.t, o.sizeType, o.size])).toEqual([[4, "targetPercent", 0.5]]);
    expect(records.fills.map((f) => [f.t, f.qty])).toEqual([[5, 10_000]]); // 50% of 100,000 at 5
  });

  it("each runs by name on the CLI, with --param", () => {
    expect(assay("ma-crossover", "--param", "fast=5", "--param", "slow=20", "--bars", "120")).toContain(
      "assay run: ma-crossover(5, 20) on synthetic data",
    );
    expect(
      assay(
        "target-weights",
        "--param",
        "file=examples/built-ins/target-weights.csv",
        "--assets",
        "3",
        "--bars",
        "120",
      ),
    ).toMatch(/target-weights\(target-weights.csv\)[\s\S]*orders\s+11, fills 11/);
    expect(
      assay(
        "futures-trend",
        "--config",
        "examples/built-ins/futures-trend.json",
        "--assets",
        "4",
        "--param",
        "contracts=2",
      ),
    ).toContain("assay run: futures-trend(20, 2 contracts)");
  });

  it("a param a built-in does not take, or of the wrong type, is an error naming it", () => {
    const failing = (...args: string[]) => {
      try {
        assay(...args);
        return "ran";
      } catch (error) {
        return String((error as { stderr: string }).stderr);
      }
    };
    expect(failing("ma-crossover", "--param", "fats=3")).toContain(
      '--param fats: ma-crossover takes no param "fats"; its params: fast, slow, weight',
    );
    expect(failing("futures-trend", "--param", "lookback=ten")).toContain(
      '--param lookback: futures-trend needs a number, got "ten"',
    );
    expect(failing("target-weights")).toContain("--param file: target-weights needs the weights CSV");
  });
});
