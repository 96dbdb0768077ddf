import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { BARE_LOOP, measureBareLoop, SEED_STUDY_FILLS } from "../../bench/bare-loop.ts";
import { benchCase, CASE_NAMES, seedStudyTargetValues, skipReason } from "../../bench/cases.ts";
import { type Measurement, measureCase, median, min, readEveryRecord } from "../../bench/measure.ts";
import {
  assetBarsPerSecond,
  type BenchReport,
  bareLoopRatio,
  formatRate,
  formatShare,
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
import { alignTable } from "../../src/report/format.ts";
import { tempDir } from "../helpers/temp-dir.ts";

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
  gcShare: 0.02,
  ...over,
});

// Seed study: bare loop 3 ms; the rank strategy 9 ms = 3.00x (<= 4: met), the targets API
// 7.5 ms = 2.50x (> 2: missed), reading every record 24 ms = 9 + 15, adds 15 / 9 = 1.67x (<= 2: met).
const BARE = fake({
  name: "seed-study",
  engine: BARE_LOOP,
  medianMs: 3,
  minMs: 2.9,
  runs: 300,
  peakRssMB: null,
  gcShare: null,
});
const RANK = fake({ name: "seed-study", engine: "fast", medianMs: 9, minMs: 8.5, gcShare: 0.031 });
const FROM_TARGETS = fake({
  name: "seed-study-from-targets",
  engine: "fast",
  medianMs: 7.5,
  minMs: 7,
  gcShare: 0.012,
});
const READ_RECORDS = fake({
  name: "seed-study-read-records",
  engine: "fast",
  medianMs: 24,
  minMs: 22,
  gcShare: 0.1,
});

const FULL = [
  BARE,
  RANK,
  FROM_TARGETS,
  READ_RECORDS,
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
  v8Flags: ["--max-inlined-bytecode-size=2000"],
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

  it("asset-bars per second, rate and share formatting", () => {
    expect(assetBarsPerSecond(FULL[7])).toBe(200e6);
    expect(formatRate(200e6)).toBe("200.0M");
    expect(formatRate(1.5e9)).toBe("1.50G");
    expect(formatRate(12_345)).toBe("12.3k");
    expect(formatShare(0.0314)).toBe("3.1");
    expect(formatShare(null)).toBe("-");
  });

  it("a seed-study row's ratio to the bare loop, none for the bare loop itself or other cases", () => {
    expect(bareLoopRatio(RANK, FULL)).toBe(3);
    expect(bareLoopRatio(FROM_TARGETS, FULL)).toBe(2.5);
    expect(bareLoopRatio(FULL[4], FULL)).toBeCloseTo(2000 / 3, 12); // the reference's too
    expect(bareLoopRatio(BARE, FULL)).toBeNull();
    expect(bareLoopRatio(FULL[5], FULL)).toBeNull(); // rebalance
    expect(bareLoopRatio(RANK, [RANK])).toBeNull(); // no probe ran
  });
});

describe("bench report", () => {
  it("JSON records carry exactly the documented keys, in order", () => {
    const json = toJson(FULL);
    expect(json).toHaveLength(8);
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
        "gcShare",
      ]);
    expect(
      toJson([
        fake({
          name: "floor",
          engine: "fast",
          medianMs: 1.23456,
          minMs: 1.0004,
          peakRssMB: 99.96,
          gcShare: 0.012345,
        }),
      ])[0],
    ).toMatchObject({
      medianMs: 1.235,
      minMs: 1,
      peakRssMB: 100,
      gcShare: 0.0123,
    });
    expect(json[0]).toMatchObject({ engine: BARE_LOOP, peakRssMB: null, gcShare: null });
    expect(json[5]).toEqual({
      name: "rebalance-2000x2520",
      engine: "fast",
      assets: 2000,
      bars: 2520,
      orders: 250_000,
      medianMs: 450,
      minMs: 9,
      runs: 3,
      peakRssMB: 800,
      gcShare: 0.02,
    });
  });

  it("marks each of the issue's targets met or missed, with the measured value", () => {
    expect(markTargets(FULL).map((t) => [t.label, t.measured, t.status])).toEqual([
      ["seed study through the targets API <= 2.0x the bare loop", "2.50x (7.500 / 3.000 ms)", "missed"],
      [
        "seed study through the event-driven rank strategy <= 4.0x the bare loop",
        "3.00x (9.000 / 3.000 ms)",
        "met",
      ],
      ["rebalance 2000 x 2520 <= 300 ms and <= 1 GB peak RSS", "450.0 ms, 800 MB", "missed"],
      ["no-order floor >= 150 M asset-bars/s", "200.0M asset-bars/s", "met"],
      ["GC under 5% of the seed study's run time", "3.1% (rank), 1.2% (targets API)", "met"],
      ["reading every record adds <= 2x the run's time", "+1.67x (24.0 vs 9.000 ms)", "met"],
    ]);
  });

  it("a target misses on either bound: RSS over 1 GB, GC of either seed-study case at 5%, records over 2x", () => {
    const marks = markTargets([
      fake({
        name: "rebalance-2000x2520",
        engine: "fast",
        assets: 2000,
        bars: 2520,
        medianMs: 250,
        peakRssMB: 1100,
      }),
      { ...RANK, gcShare: 0.05 },
      FROM_TARGETS,
      { ...READ_RECORDS, medianMs: 27.1 }, // adds 18.1 / 9 = 2.01x
    ]);
    expect(marks.map((t) => t.status)).toEqual([
      "not run",
      "not run",
      "missed",
      "not run",
      "missed",
      "missed",
    ]);
    expect(marks[2].measured).toBe("250.0 ms, 1100 MB");
    expect(markTargets([{ ...FROM_TARGETS, medianMs: 6 }, BARE])[0]).toMatchObject({
      measured: "2.00x (6.000 / 3.000 ms)",
      status: "met",
    });
  });

  it("a target is n/a at other sizes and not run when any measurement it reads is missing", () => {
    const quick = markTargets([
      fake({ name: "rebalance-2000x2520", engine: "fast", assets: 500, bars: 504, medianMs: 10 }),
    ]);
    expect(quick.map((t) => t.status)).toEqual([
      "not run",
      "not run",
      "n/a",
      "not run",
      "not run",
      "not run",
    ]);
    expect(quick[2].note).toBe("measured at 500 x 504");
    // Without the bare loop no ratio target runs; without from-targets no GC target.
    const rankOnly = markTargets([RANK, READ_RECORDS]);
    expect(rankOnly.map((t) => t.status)).toEqual([
      "not run",
      "not run",
      "not run",
      "not run",
      "not run",
      "met",
    ]);
    expect(markTargets([FULL[4]]).every((t) => t.status === "not run")).toBe(true);
  });

  it("the seed study ratio needs both engines", () => {
    expect(seedRatios([RANK, FULL[4]])).toEqual([{ engine: "fast", ratio: 9 / 2000, speedup: 2000 / 9 }]);
    expect(seedRatios([RANK])).toEqual([]);
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

  it("renders the console table with machine, sizes, medians, bare-loop ratios, GC, skips and targets", () => {
    const text = renderText(report(FULL));
    expect(text).toContain(
      "machine: Test CPU, 2 cores, 8.0 GB RAM, linux x64, load average 0.50 at start; Node v20.0.0",
    );
    expect(text).toMatch(/x bare loop\s+GC %\s+note/);
    expect(text).toMatch(
      /seed-study\s+bare-loop\s+250 x 252\s+17217\s+3\.000\s+2\.900\s+300\s+-\s+21\.0M\s+-\n/,
    );
    expect(text).toMatch(
      /seed-study\s+fast\s+250 x 252\s+17217\s+9\.000\s+8\.500\s+9\s+200\s+7\.0M\s+3\.00\s+3\.1\n/,
    );
    expect(text).toMatch(
      /seed-study-from-targets\s+fast\s+250 x 252\s+17217\s+7\.500\s+7\.000\s+9\s+200\s+8\.4M\s+2\.50\s+1\.2\n/,
    );
    expect(text).toMatch(
      /seed-study-read-records\s+fast\s+250 x 252\s+17217\s+24\.0\s+22\.0\s+9\s+200\s+2\.6M\s+8\.00\s+10\.0\n/,
    );
    expect(text).toMatch(/floor\s+fast\s+500 x 20000\s+0\s+50\.0\s+48\.0\s+9\s+200\s+200\.0M\s+2\.0\n/);
    expect(text).toMatch(/floor\s+reference\s+500 x 20000\s+skipped \(reference: seed-study only\)/);
    expect(text).toContain("seed-study fast/reference median ratio: 0.00450 (fast 222x faster)");
    expect(text).toMatch(
      /seed study through the targets API <= 2\.0x the bare loop\s+2\.50x \(7\.500 \/ 3\.000 ms\)\s+missed/,
    );
    expect(text).toMatch(
      /reading every record adds <= 2x the run's time\s+\+1\.67x \(24\.0 vs 9\.000 ms\)\s+met/,
    );
  });

  it("renders the Markdown report with method, cases, results and targets", () => {
    const md = renderMarkdown(report(FULL));
    expect(md).toContain("# Benchmarks");
    expect(md).toContain("on 2025-01-01T00:00:00.000Z.");
    expect(md).toContain("- Node: v20.0.0");
    expect(md).toContain("| sparse-500x100k | 500 x 100000 | 1 + 3 |");
    expect(md).toContain(
      "| case | engine | assets x bars | orders | median ms | min ms | runs | peak RSS MB | asset-bars/s | x bare loop | GC % | note |",
    );
    expect(md).toContain(
      "| seed-study | bare-loop | 250 x 252 | 17217 | 3.000 | 2.900 | 300 | - | 21.0M |  | - |  |",
    );
    expect(md).toContain(
      "| seed-study | fast | 250 x 252 | 17217 | 9.000 | 8.500 | 9 | 200 | 7.0M | 3.00 | 3.1 |  |",
    );
    expect(md).toContain("| seed-study-from-targets | 250 x 252 | 30 + 31 |");
    expect(md).toContain("| no-order floor >= 150 M asset-bars/s | 200.0M asset-bars/s | met |");
    expect(md).toContain(
      "| GC under 5% of the seed study's run time | 3.1% (rank), 1.2% (targets API) | met |",
    );
    expect(md).toContain("(`node:perf_hooks` PerformanceObserver, entry type\n  `gc`)");
    expect(md).toContain("`node ../shared/probes/bench250-bare-loop.mjs bars.csv --json`");
    const quick = renderMarkdown(
      report([fake({ name: "rebalance-2000x2520", engine: "fast", assets: 500, bars: 504 })], true),
    );
    expect(quick).toContain("`npm run bench -- --quick`");
    expect(quick).toContain("| rebalance-2000x2520 | 500 x 504 | 2 + 5 |");
    expect(quick).toContain("| 10.0 ms, 200 MB | n/a (measured at 500 x 504) |");
  });
});

describe("bench cases", () => {
  it("quick sizes are smaller, names unchanged; reference runs the rank seed study only", () => {
    expect(benchCase("rebalance-2000x2520", { quick: true })).toMatchObject({ assets: 500, bars: 504 });
    expect(benchCase("sparse-500x100k")).toMatchObject({ assets: 500, bars: 100_000, runs: 3 });
    expect(skipReason("reference", "seed-study")).toBeNull();
    expect(skipReason("reference", "floor")).toBe("reference: seed-study only");
    expect(skipReason("reference", "seed-study-from-targets")).toBe("reference: seed-study only");
    expect(benchCase("seed-study-read-records").timed).toBe("runAndReadRecords");
    expect(benchCase("seed-study").timed).toBe("run");
    expect(skipReason("fast", "floor")).toBeNull();
  });

  it("the seed study through fromTargets makes the rank strategy's 17217 orders and final equity", () => {
    const [rank, fromTargets, readRecords] = (
      ["seed-study", "seed-study-from-targets", "seed-study-read-records"] as const
    ).map((name) => {
      const { panel, config, strategy } = benchCase(name).build();
      return fastEngine.run(panel, config, strategy());
    });
    expect(rank.orders.length).toBe(17_217);
    expect(rank.series.equity.at(-1)).toBeCloseTo(652_072.6267867, 6);
    expect(fromTargets.orders.length).toBe(17_217);
    expect(fromTargets.fills.length).toBe(17_217);
    expect(fromTargets.series.equity.at(-1)).toBe(rank.series.equity.at(-1));
    // The read-records case runs the rank case; reading counts every record the run made.
    expect(readRecords.series.equity).toEqual(rank.series.equity);
    expect(readEveryRecord(readRecords)).toBe(
      17_217 + 17_217 + readRecords.trades.length + readRecords.series.positions.length,
    );
  });

  it("the seed study's target values: a decision day's listed assets at +-20k, the rest 0, the last bar NaN", () => {
    const { panel } = benchCase("seed-study").build();
    const values = seedStudyTargetValues(panel);
    const n = panel.symbols.length;
    const day = (t: number) => Array.from(values.subarray(t * n, (t + 1) * n));
    // targets.csv: 2023-01-02 (t=0) lists A006 +20000 and A013 -20000 among its 50 rows.
    expect(day(0)[panel.symbols.indexOf("A006")]).toBe(20_000);
    expect(day(0)[panel.symbols.indexOf("A013")]).toBe(-20_000);
    for (let t = 0; t < 251; t++) {
      expect(day(t).filter((v) => v === 20_000)).toHaveLength(25);
      expect(day(t).filter((v) => v === -20_000)).toHaveLength(25);
      expect(day(t).filter((v) => v === 0)).toHaveLength(200);
    }
    expect(day(251).every(Number.isNaN)).toBe(true);
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

describe("bench bare loop", () => {
  const dir = tempDir("bench-probe-");
  let probes = 0;
  const probe = (result: object) => {
    const file = join(dir, `probe-${probes++}.mjs`);
    writeFileSync(file, `console.log(${JSON.stringify(JSON.stringify(result))});\n`);
    return pathToFileURL(file);
  };
  const printed = { finalValue: 652072.63, commission: 243508.98, medianMs: 3.1, minMs: 3, runs: 300 };

  it("measureBareLoop() makes the probe's row: case seed-study, engine bare-loop, no RSS or GC", () => {
    expect(measureBareLoop(probe({ fills: SEED_STUDY_FILLS, ...printed }))).toEqual({
      kind: "measured",
      measurement: {
        name: "seed-study",
        engine: "bare-loop",
        assets: 250,
        bars: 252,
        orders: 17_217,
        medianMs: 3.1,
        minMs: 3,
        runs: 300,
        peakRssMB: null,
        gcShare: null,
      },
    });
  });

  it("measureBareLoop() fails when the probe's fills are not the seed study's 17217", () => {
    const url = probe({ fills: 17_216, ...printed });
    expect(measureBareLoop(url)).toEqual({
      kind: "failed",
      name: "seed-study",
      engine: "bare-loop",
      note: `${fileURLToPath(url)}: 17216 fills, the seed study makes 17217`,
    });
  });
});

describe("bench measurement", () => {
  it("measures the quick seed study on the reference engine in-process (orders only, no timing)", async () => {
    const measurement = await measureCase(
      benchCase("seed-study", { quick: true }),
      await loadEngine("reference"),
      {
        engineName: "reference",
        runs: 1,
        warmup: 0,
      },
    );
    expect(measurement).toMatchObject({
      name: "seed-study",
      engine: "reference",
      assets: 250,
      bars: 252,
      orders: 17_217,
      runs: 1,
    });
    expect(measurement.gcShare).toBeGreaterThanOrEqual(0);
    expect(measurement.gcShare).toBeLessThan(1);
  });
});
