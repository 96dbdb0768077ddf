import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import breakout from "../../examples/own-strategy.ts";
import { referenceEngine } from "../../reference/engine.ts";
import {
  backtest,
  diffRecords,
  fastEngine,
  fromOrders,
  manifestHash,
  resolveConfig,
  type Strategy,
  StrategyError,
  scheduledOrders,
  syntheticPanel,
} from "../../src/index.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const panel = syntheticPanel({ assets: 6, bars: 80, seed: 3 });
const input = { initialCash: 200_000, commission: { model: "percent", rate: 0.001 } } as const;

describe("backtest()", () => {
  for (const [name, engine] of [
    ["fast", fastEngine],
    ["reference", referenceEngine],
  ] as const) {
    it(`on the ${name} engine gives the records of calling the engine directly`, () => {
      const result = backtest({
        data: panel,
        strategy: breakout({ lookback: 5 }),
        config: input,
        engine: name,
      });
      const config = resolveConfig(input, panel.symbols);
      const direct = engine.run(panel, config, breakout({ lookback: 5 }));
      expect(result.records.fills.length).toBeGreaterThan(10);
      expect(diffRecords(result.records, direct)).toBeNull();
      expect(result.config).toEqual(config);
      expect(result.summary.finalEquity).toBe(direct.series.equity.at(-1));
      expect(result.manifestHash).toBe(manifestHash(direct, { panel, config }));
    });
  }

  it("defaults to the fast engine and to assay's default config", () => {
    const result = backtest({ data: panel, strategy: scheduledOrders(new Map()) });
    expect(result.records.engine).toBe("fast");
    expect(result.config.initialCash).toBe(1_000_000);
  });

  it("reads a CSV path with the CSV loader", () => {
    const dir = tempDir("assay-backtest-");
    const file = join(dir, "bars.csv");
    writeFileSync(
      file,
      [
        "date,symbol,open,high,low,close,volume",
        "2024-01-02,SPY,100,101,99,100,1000",
        "2024-01-03,SPY,100,102,99,101,1000",
        "2024-01-04,SPY,101,103,100,102,1000",
      ].join("\n"),
    );
    const buy = scheduledOrders(new Map([[0, [{ asset: "SPY", size: 10 }]]]));
    const result = backtest({ data: file, strategy: buy, engine: "reference" });
    expect(result.records.fills.map((fill) => [fill.t, fill.qty, fill.fillPrice])).toEqual([[1, 10, 100]]);
    expect(result.summary.finalEquity).toBe(1_000_000 + 10 * (102 - 100));
  });

  it("toJSON() is the records, config, summary, metrics and hash as plain data", () => {
    const result = backtest({ data: panel, strategy: breakout({ lookback: 5 }), config: input });
    const json = JSON.parse(JSON.stringify(result));
    expect(Object.keys(json).sort()).toEqual(["config", "manifestHash", "metrics", "records", "summary"]);
    expect(json.manifestHash).toBe(result.manifestHash);
    expect(json.records.fills).toEqual(result.records.fills);
    expect(json.summary).toEqual(result.summary);
    expect(json.metrics).toEqual(result.metrics);
  });

  it("a config error is resolveConfig's, naming the key", () => {
    expect(() =>
      backtest({ data: panel, strategy: scheduledOrders(new Map()), config: { slipage: 3 } as never }),
    ).toThrow('unknown key "slipage"');
  });

  it("bad options are errors naming the field", () => {
    const strategy = scheduledOrders(new Map());
    expect(() => backtest({ data: panel, strategy, engine: "slow" as never })).toThrow(
      'backtest() field=engine: expected "fast" or "reference", got "slow"',
    );
    expect(() => backtest({ data: panel, strategy: {} as Strategy })).toThrow("backtest() field=strategy");
    expect(() => backtest({ data: 42 as never, strategy })).toThrow("backtest() field=data");
  });

  it("a strategy that throws stops the run with its name, t, date and message, on both engines", () => {
    const failing: Strategy = {
      name: "fails",
      onBar(ctx) {
        if (ctx.t === 7) throw new RangeError("bad window");
      },
    };
    for (const engine of ["fast", "reference"] as const) {
      const run = () => backtest({ data: panel, strategy: failing, engine });
      expect(run).toThrow(StrategyError);
      expect(run).toThrow('strategy "fails" threw at t=7 (2022-01-12): bad window');
    }
  });
  it("toCSV and toParquet write the run's tables; their fills are the records' fills", async () => {
    const result = backtest({ data: panel, strategy: breakout({ lookback: 5 }), config: input });
    const dir = tempDir("assay-result-");
    const csv = result.toCSV(join(dir, "csv"));
    const parquet = result.toParquet(join(dir, "parquet"));
    expect(csv.map((p) => p.split("/").at(-1))).toContain("fills.csv");
    expect(parquet.map((p) => p.split("/").at(-1))).toContain("fills.parquet");
    const csvRows = readFileSync(join(dir, "csv", "fills.csv"), "utf8")
      .trim()
      .split("\n");
    expect(csvRows.length - 1).toBe(result.records.fills.length);
    const bytes = readFileSync(join(dir, "parquet", "fills.parquet"));
    const rows = await parquetReadObjects({
      file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    });
    expect(rows.length).toBe(result.records.fills.length);
    expect(result.records.fills.length).toBeGreaterThan(0);
  });

  it("a declarative strategy's fill timing: used when the config names none, refused when it differs", () => {
    const size = new Float64Array(panel.times.length * panel.symbols.length).fill(Number.NaN);
    size[3 * panel.symbols.length] = 10; // bar 3, the first asset: buy 10 at the close of bar 3
    const atClose = fromOrders({ size, price: "close" });
    const result = backtest({ data: panel, strategy: atClose });
    expect(result.config.fillAt).toBe("close");
    expect(result.records.fills.map((f) => [f.t, f.qty])).toEqual([[3, 10]]);
    expect(() => backtest({ data: panel, strategy: atClose, config: { fillAt: "next-open" } })).toThrow(
      'strategy "from-orders" fills at "close", but the config has fillAt "next-open"',
    );
  });
});
