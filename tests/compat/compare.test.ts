import { describe, expect, it } from "vitest";
import { renderComparison } from "../../src/cli/compare.ts";
import { compareProfiles, parseProfiles } from "../../src/compat/compare.ts";
import { fastEngine } from "../../src/engine/index.ts";
import { peerFile } from "./peer-files.ts";

/** A Backtrader golden file's input as compare's input, the file's own options kept. */
function backtraderInput(name: string) {
  const { run, configInput, build } = peerFile("backtrader", name);
  return {
    panel: run.panel,
    configInput,
    labels: { config: `${name} config`, data: name },
    build: async () => build(),
    engine: fastEngine,
  };
}

describe("assay compare --profiles", () => {
  it("names the key that explains the first divergence, with each key's money effect", async () => {
    const comparison = await compareProfiles({
      ...backtraderInput("zero-volume-bar"),
      profiles: ["backtrader", "default"],
    });
    const [pair] = comparison.pairs;
    // Bar 1 has volume 0: Backtrader fills order 1 there, assay's default defers it to bar 2.
    // Volume 0 on A at 2024-01-03 and 01-08, on B at 01-05. Backtrader fills through them: A +100
    // at 101, out at 102 (+100); B -30 at 49.8, marked at 49.6 (+6): 100,106. assay's default
    // defers each to the next bar with volume: A in at 100.9, out at 101.8 (+90); B -30 at 49.5
    // (-3): 100,087, i.e. -19. The first record apart: order 1 ends at t=1 under Backtrader, t=2 here.
    expect(pair.first).toMatchObject({ section: "orders", t: 1, orderId: 1, field: "doneT", a: 1, b: 2 });
    expect(pair.finalEquityDifference).toBeCloseTo(-19, 9);
    const explaining = pair.keys.filter((k) => "explainsFirst" in k.alone && k.alone.explainsFirst);
    expect(explaining.map((k) => k.key)).toEqual(["onZeroVolume"]);
    // That one key alone makes the whole difference; the others change nothing on this input.
    for (const key of pair.keys)
      expect("finalEquityChange" in key.alone && key.alone.finalEquityChange).toBeCloseTo(
        key.key === "onZeroVolume" ? -19 : 0,
        9,
      );
    expect(pair.keys.map((k) => k.key).sort()).toEqual(
      [
        "checkAtSubmit",
        "exitsFirst",
        "maxParticipation",
        "onInsufficient",
        "onZeroVolume",
        "shortCash",
      ].sort(),
    );
    const lines = renderComparison(comparison, goldenTimes("zero-volume-bar"));
    expect(lines.join("\n")).toMatch(
      /default vs backtrader: first divergence on 2024-01-03: orders\[0\] t=1 asset=A order=1 doneT/,
    );
    expect(lines.find((line) => line.trim().startsWith("onZeroVolume"))).toMatch(
      /"fill"\s+"defer"\s+[+-][\d,.]+\s+yes$/,
    );
  });

  it("shows a profile's lot for every asset as the key lotSize, which can be set alone", async () => {
    const { run, configInput, build } = peerFile("vectorbt", "fees");
    const comparison = await compareProfiles({
      panel: run.panel,
      configInput,
      labels: { config: "fees config", data: "fees" },
      build: async () => build(),
      engine: fastEngine,
      profiles: ["vectorbt", "default"],
    });
    const keys = new Map(comparison.pairs[0].keys.map((k) => [k.key, k]));
    expect(keys.has("instruments")).toBe(false);
    expect(keys.get("lotSize")).toMatchObject({ a: 1e-8, b: 1 });
    // Whole shares alone: 30,000 / 252 = 119.05 A becomes 119 A, and so on; a small sum of money.
    const alone = keys.get("lotSize")?.alone;
    expect(
      alone !== undefined && "finalEquityChange" in alone && Math.abs(alone.finalEquityChange),
    ).toBeGreaterThan(0);
    expect(
      alone !== undefined && "finalEquityChange" in alone && Math.abs(alone.finalEquityChange),
    ).toBeLessThan(50);
  });

  it("refuses an unknown profile and a list of fewer than two", () => {
    expect(() => parseProfiles("backtrader,zipline")).toThrow(
      '--profiles: no profile "zipline" (known: backtrader, vectorbt, default)',
    );
    expect(() => parseProfiles("default")).toThrow(
      '--profiles: name two or more different profiles, got "default"',
    );
    expect(parseProfiles("default, backtrader")).toEqual(["default", "backtrader"]);
    expect(parseProfiles("backtrader,vectorbt,default")).toEqual(["backtrader", "vectorbt", "default"]);
  });
});

function goldenTimes(name: string): ArrayLike<number> {
  return backtraderInput(name).panel.times;
}
