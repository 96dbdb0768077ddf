import { describe, expect, it } from "vitest";
import { benchCase, CASE_NAMES, skipReason } from "../../bench/cases.ts";
import { type Measurement, measureCase, median, min } from "../../bench/measure.ts";
import {
  alignTable,
  assetBarsPerSecond,
  type BenchReport,
  formatRate,
  markTargets,
  renderMarkdown,
  renderText,
  seedRatios,
  toJson,
} from "../../bench/report.ts";
import { momentumLongShort, noOrders, sparseOrders, topK } from "../../bench/strategies.ts";
import { loadEngine } from "../../src/cli/engines.ts";
import { diffRecords, renderRecordDivergence } from "../../src/compare/index.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type { BarContext, OrderRequest } from "../../src/model/index.ts";

// The benchmark's pure parts on fake measurements. No timing is asserted anywhere: performance
// is measured by `npm run bench` only.

const fake = (over: Partial<Measurement> & Pick<Measurement, "name" | "engine">): Measurement => ({
  assets: 250,
  bars: 252,
  orders: 17_217,
  medianMs: 10,
  minMs: 9,
  runs: 9,
  peakRssMB: 200,
  ...over,
});

const FULL = [
  fake({ name: "seed-study", engine: "fast", medianMs: 3.2, minMs: 3 }),
  fake({ name: "seed-study", engine: "reference", medianMs: 2000, minMs: 1900 }),
  fake({
    name: "rebalance-2000x2520",
    engine: "fast",
    assets: 2000,
    bars: 2520,
    orders: 250_000,
    medianMs: 450,
    peakRssMB: 800,
    runs: 3,
  }),
  fake({
    name: "sparse-500x100k",
    engine: "fast",
    assets: 500,
    bars: 100_000,
    orders: 400,
    medianMs: 600,
    peakRssMB: 2500,
    runs: 3,
  }),
  fake({ name: "floor", engine: "fast", assets: 500, bars: 20_000, orders: 0, medianMs: 50, minMs: 48 }),
];

const machine = {
  cpu: "Test CPU",
  cores: 2,
  memoryGB: 8,
  platform: "linux x64",
  node: "v20.0.0",
  load: 0.5,
  date: "2025-01-01T00:00:00.000Z",
};

const report = (measurements: Measurement[], quick = false): BenchReport => ({
  machine,
  quick,
  cases: CASE_NAMES.map((name) => {
    const { assets, bars, warmup, runs, description } = benchCase(name, { quick });
    return { name, assets, bars, warmup, runs, description };
  }),
  outcomes: [
    ...measurements.map((measurement) => ({ kind: "measured" as const, measurement })),
    { kind: "skipped", name: "floor", engine: "reference", note: "reference: seed-study only" },
  ],
});

describe("bench statistics", () => {
  it("median of odd and even counts, min", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(min([5, 1, 3])).toBe(1);
    expect(() => median([])).toThrow();
    expect(() => min([])).toThrow();
  });

  it("asset-bars per second and rate formatting", () => {
    expect(assetBarsPerSecond(FULL[4])).toBe(200e6);
    expect(formatRate(200e6)).toBe("200.0M");
    expect(formatRate(1.5e9)).toBe("1.50G");
    expect(formatRate(12_345)).toBe("12.3k");
  });
});

describe("bench report", () => {
  it("JSON records carry exactly the documented keys, in order", () => {
    const json = toJson(FULL);
    expect(json).toHaveLength(5);
    for (const record of json)
      expect(Object.keys(record)).toEqual([
        "name",
        "engine",
        "assets",
        "bars",
        "orders",
        "medianMs",
        "minMs",
        "runs",
        "peakRssMB",
      ]);
    expect(
      toJson([
        fake({ name: "floor", engine: "fast", medianMs: 1.23456, minMs: 1.0004, peakRssMB: 99.96 }),
      ])[0],
    ).toMatchObject({
      medianMs: 1.235,
      minMs: 1,
      peakRssMB: 100,
    });
    expect(json[2]).toEqual({
      name: "rebalance-2000x2520",
      engine: "fast",
      assets: 2000,
      bars: 2520,
      orders: 250_000,
      medianMs: 450,
      minMs: 9,
      runs: 3,
      peakRssMB: 800,
    });
  });

  it("marks each target met, missed, n/a at other sizes or not run", () => {
    const marks = markTargets(FULL);
    expect(marks.map((t) => [t.label, t.status])).toEqual([
      ["seed study median <= 4 ms", "met"],
      ["rebalance 2000 x 2520 median <= 300 ms", "missed"],
      ["rebalance 2000 x 2520 peak RSS <= 1 GB", "met"],
      ["floor >= 100M asset-bars/s", "met"],
    ]);
    const quick = markTargets([
      fake({ name: "rebalance-2000x2520", engine: "fast", assets: 500, bars: 504, medianMs: 10 }),
    ]);
    expect(quick.map((t) => t.status)).toEqual(["not run", "n/a", "n/a", "not run"]);
    expect(quick[1].note).toBe("measured at 500 x 504");
    expect(markTargets([FULL[1]]).every((t) => t.status === "not run")).toBe(true);
  });

  it("the seed study ratio needs both engines", () => {
    expect(seedRatios(FULL)).toEqual([{ engine: "fast", ratio: 3.2 / 2000, speedup: 625 }]);
    expect(seedRatios([FULL[0]])).toEqual([]);
  });

  it("aligns a text table, numbers right", () => {
    expect(
      alignTable(
        ["a", "n"],
        [
          ["xyz", "1"],
          ["b", "100"],
        ],
        [false, true],
      ),
    ).toBe(["a      n", "---  ---", "xyz    1", "b    100"].join("\n"));
  });

  it("renders the console table with machine, sizes, medians, skips, ratio and targets", () => {
    const text = renderText(report(FULL));
    expect(text).toContain(
      "machine: Test CPU, 2 cores, 8.0 GB RAM, linux x64, load average 0.50 at start; Node v20.0.0",
    );
    expect(text).toMatch(/seed-study\s+fast\s+250 x 252\s+17217\s+3\.200\s+3\.000\s+9\s+200/);
    expect(text).toMatch(/floor\s+fast\s+500 x 20000\s+0\s+50\.0\s+48\.0\s+9\s+200\s+200\.0M/);
    expect(text).toMatch(/floor\s+reference\s+500 x 20000\s+skipped \(reference: seed-study only\)/);
    expect(text).toContain("seed-study fast/reference median ratio: 0.00160 (fast 625x faster)");
    expect(text).toMatch(/rebalance 2000 x 2520 median <= 300 ms\s+fast\s+450\.0 ms\s+missed/);
  });

  it("renders the Markdown report with method, cases, results and targets", () => {
    const md = renderMarkdown(report(FULL));
    expect(md).toContain("# Benchmarks");
    expect(md).toContain("on 2025-01-01T00:00:00.000Z.");
    expect(md).toContain("- Node: v20.0.0");
    expect(md).toContain("| sparse-500x100k | 500 x 100000 | 1 + 3 |");
    expect(md).toContain("| seed-study | fast | 250 x 252 | 17217 | 3.200 | 3.000 | 9 | 200 | 19.7M |  |");
    expect(md).toContain("| floor >= 100M asset-bars/s | fast | 200.0M asset-bars/s | met |");
    const quick = renderMarkdown(
      report([fake({ name: "rebalance-2000x2520", engine: "fast", assets: 500, bars: 504 })], true),
    );
    expect(quick).toContain("`npm run bench -- --quick`");
    expect(quick).toContain("| rebalance-2000x2520 | 500 x 504 | 2 + 5 |");
    expect(quick).toContain("| n/a (measured at 500 x 504) |");
  });
});

describe("bench cases", () => {
  it("quick sizes are smaller, names unchanged; reference runs the seed study only", () => {
    expect(benchCase("rebalance-2000x2520", { quick: true })).toMatchObject({ assets: 500, bars: 504 });
    expect(benchCase("sparse-500x100k")).toMatchObject({ assets: 500, bars: 100_000, runs: 3 });
    expect(skipReason("reference", "seed-study")).toBeNull();
    expect(skipReason("reference", "floor")).toBe("reference: seed-study only");
    expect(skipReason("fast", "floor")).toBeNull();
  });

  it("the fromTargets rebalance case makes the event-driven case's records, record by record", () => {
    const [eventDriven, declarative] = (
      ["rebalance-2000x2520", "rebalance-from-targets-2000x2520"] as const
    ).map((name) => {
      const { panel, config, strategy } = benchCase(name, { quick: true }).build();
      return fastEngine.run(panel, config, strategy());
    });
    expect(eventDriven.orders.length).toBeGreaterThan(10_000);
    const divergence = diffRecords(eventDriven, declarative, { names: ["onBar", "fromTargets"] });
    expect(divergence === null ? null : renderRecordDivergence(divergence)).toBeNull();
  });

  it("topK keeps the first k by direction * score (ties by column), skipping NaN and marked assets", () => {
    const score = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, Number.NaN]);
    const keys = [...score.keys()].filter((a) => !Number.isNaN(score[a]));
    const skip = new Int8Array(score.length);
    for (const dir of [1, -1] as const) {
      const sorted = keys.slice().sort((a, b) => dir * (score[b] - score[a]) || a - b);
      for (let k = 0; k <= keys.length; k++) {
        const heap = new Int32Array(k);
        expect(topK(score, heap, k, dir, skip)).toBe(k);
        expect([...heap].sort((a, b) => a - b)).toEqual(sorted.slice(0, k).sort((a, b) => a - b));
      }
    }
    skip[5] = 1; // one of the three 9s
    const heap = new Int32Array(3);
    expect(topK(score, heap, 3, 1, skip)).toBe(3);
    expect([...heap].sort((a, b) => a - b)).toEqual([11, 12, 14]);
    expect(topK(score, new Int32Array(40), 40, 1, skip)).toBe(15);
  });

  it("the strategies submit what they say", () => {
    const submitted: OrderRequest[] = [];
    const closes = [
      [10, 10, 10, 10, 10, 10],
      [12, 9, 11, 8, 10, 10],
    ];
    const ctx = (t: number, held: number[] = []): BarContext => ({
      t,
      tsMs: 0,
      bars: 100,
      symbols: ["A", "B", "C", "D", "E", "F"],
      bar: (_field, asset, lag = 0) => closes[t - lag]?.[asset] ?? Number.NaN,
      extra: () => Number.NaN,
      row: (_field, lag = 0) => Float64Array.from(closes[t - lag] ?? new Array(6).fill(Number.NaN)),
      account: {
        cash: 0,
        equity: 0,
        position: (a) => (held.includes(a) ? 1 : 0),
        initialMargin: 0,
        maintenanceMargin: 0,
        buyingPower: 0,
        inCall: false,
      },
      orders: [],
      fills: [],
      submit: (order) => submitted.push(order),
      submitMarket: () => {
        throw new Error("the bench strategies submit order objects");
      },
      submitRow: () => {
        throw new Error("the bench strategies submit order objects");
      },
      cancel: () => false,
    });
    const momentum = momentumLongShort({ lookback: 1, longs: 2, shorts: 1, weight: 0.01 });
    momentum.onBar(ctx(0));
    expect(submitted).toEqual([]);
    momentum.onBar(ctx(1, [4]));
    expect(submitted.map((o) => [o.asset, o.size])).toEqual([
      ["A", 0.01],
      ["C", 0.01],
      ["D", -0.01],
      ["E", 0],
    ]);
    submitted.length = 0;
    const sparse = sparseOrders({ every: 10, assets: 3, units: 100 });
    for (let t = 0; t <= 20; t++) sparse.onBar(ctx(t));
    expect(submitted.map((o) => `${o.asset}:${o.sizeType}:${o.size}`).join(" ")).toBe(
      "A:targetUnits:100 C:targetUnits:100 E:targetUnits:100 A:targetUnits:0 C:targetUnits:0 E:targetUnits:0 " +
        "A:targetUnits:100 C:targetUnits:100 E:targetUnits:100",
    );
    submitted.length = 0;
    noOrders().onBar(ctx(1));
    expect(submitted).toEqual([]);
  });
});

describe("bench measurement", () => {
  it("measures the quick seed study on the reference engine in-process (orders only, no timing)", async () => {
    const measurement = measureCase(benchCase("seed-study", { quick: true }), await loadEngine("reference"), {
      engineName: "reference",
      runs: 1,
      warmup: 0,
    });
    expect(measurement).toMatchObject({
      name: "seed-study",
      engine: "reference",
      assets: 250,
      bars: 252,
      orders: 17_217,
      runs: 1,
    });
  });
});
