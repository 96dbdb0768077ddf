import { describe, expect, it } from "vitest";
import { flatPanel } from "../../properties/cases/flat-panel.ts";
import { goldenRun } from "../../src/golden/adapt.ts";
import { readInput } from "../../src/golden/parse.ts";
import { ShapeReader } from "../../src/golden/shape.ts";
import { isRunCase, scenarioInput } from "../../src/harness/scenario.ts";
import type { OrderRequest } from "../../src/model/index.ts";

const panel = flatPanel(["A", "B"], "2024-01-02", 3, 10);
panel.close[2] = Number.NaN; // t=1, A missing: the whole bar
for (const field of ["open", "high", "low", "volume"] as const) panel[field][2] = Number.NaN;

const orders: OrderRequest[] = [
  { asset: "A", size: 5 },
  { asset: "A", type: "limit", size: -5, limitPrice: 9.5, timeInForce: "day" },
  { asset: "B", type: "stop", size: 5, stopPrice: 11, onInsufficient: "partial" },
  { asset: "B", type: "stop-limit", size: 5, stopPrice: 11, limitPrice: 12 },
  { asset: "A", sizeType: "value", size: 1_000 },
  { asset: "A", sizeType: "targetUnits", size: 0 },
  { asset: "A", sizeType: "targetValue", size: -500 },
  { asset: "B", sizeType: "targetPercent", size: 0.25 },
  { asset: "B", sizeType: "percent", size: 0.1 },
  { asset: "?unknown", size: 10 },
  { asset: "A", size: Number.NaN },
  { asset: "A", type: "limit", size: 10 },
  { asset: "A", type: "limit", sizeType: "value", size: 100, limitPrice: 9 },
  { asset: "A", type: "limit", sizeType: "percent", size: 0.001, limitPrice: 9 },
  { asset: "B", type: "stop", sizeType: "targetUnits", size: -5, stopPrice: 9 },
  { asset: "A", type: "limit", sizeType: "targetPercent", size: 0, limitPrice: 9 },
  { asset: "B", type: "stop-limit", sizeType: "targetValue", size: -300, stopPrice: 9, limitPrice: 8 },
  { asset: "A", type: "limit", sizeType: "value", size: 5, limitPrice: 9 },
];
const runCase = {
  panel,
  configInput: { initialCash: 50_000, account: "cash", fillAt: "close", maxParticipation: null },
  ordersByBar: new Map([[0, orders]]),
};

/** The account at each decision: equity 40000, 10 A and -20 B held. */
const DECISIONS = new Map([0, 1, 2].map((t) => [t, { equity: 40_000, positions: [10, -20] }]));

describe("scenarioInput()", () => {
  it("writes cash, assets, a row per (date, asset) with nulls for a missing bar, and the config as options", () => {
    const { golden, dates } = scenarioInput(runCase);
    expect(dates).toEqual(["2024-01-02", "2024-01-03", "2024-01-04"]);
    expect(golden).toMatchObject({
      cash: 50_000,
      assets: ["A", "B"],
      options: { account: "cash", fillAt: "close", maxParticipation: null },
    });
    expect((golden.bars as unknown[]).slice(1, 3)).toEqual([
      { date: "2024-01-02", asset: "B", open: 10, high: 10, low: 10, close: 10, volume: 1_000 },
      { date: "2024-01-03", asset: "A", open: null, high: null, low: null, close: null, volume: null },
    ]);
  });

  it("maps every request the golden format holds, a percent as a value given the equity, and names what it leaves out", () => {
    const { golden, omitted, rewritten } = scenarioInput(runCase, DECISIONS);
    const date = "2024-01-02";
    expect(golden.orders).toEqual([
      { date, asset: "A", type: "market", size: 5 },
      { date, asset: "A", type: "limit", size: -5, limitPrice: 9.5, timeInForce: "day" },
      { date, asset: "B", type: "stop", size: 5, stopPrice: 11, onInsufficient: "partial" },
      { date, asset: "B", type: "stop-limit", size: 5, stopPrice: 11, limitPrice: 12 },
      { date, asset: "A", type: "value", value: 1_000 },
      { date, asset: "A", type: "target-size", size: 0 },
      { date, asset: "A", type: "target-value", value: -500 },
      { date, asset: "B", type: "target-percent", percent: 0.25 },
      { date, asset: "B", type: "value", value: 4_000 },
      { date, asset: "A", type: "limit", size: 10, limitPrice: 9 },
      { date, asset: "A", type: "limit", size: 4, limitPrice: 9 },
      { date, asset: "B", type: "stop", size: 15, stopPrice: 9 },
      { date, asset: "A", type: "limit", size: -10, limitPrice: 9 },
      { date, asset: "B", type: "stop-limit", size: -10, stopPrice: 9, limitPrice: 8 },
    ]);
    expect(rewritten).toEqual([
      'written as a value order of 4000 (percent 0.1 x equity 40000 at the decision): t=0 {"asset":"B","sizeType":"percent","size":0.1}',
      'written as a limit order of 10 units (its value 100 at close 10, position 10, equity 40000): t=0 {"asset":"A","type":"limit","sizeType":"value","size":100,"limitPrice":9}',
      'written as a limit order of 4 units (its percent 0.001 at close 10, position 10, equity 40000): t=0 {"asset":"A","type":"limit","sizeType":"percent","size":0.001,"limitPrice":9}',
      'written as a stop order of 15 units (its targetUnits -5 at close 10, position -20, equity 40000): t=0 {"asset":"B","type":"stop","sizeType":"targetUnits","size":-5,"stopPrice":9}',
      'written as a limit order of -10 units (its targetPercent 0 at close 10, position 10, equity 40000): t=0 {"asset":"A","type":"limit","sizeType":"targetPercent","size":0,"limitPrice":9}',
      'written as a stop-limit order of -10 units (its targetValue -300 at close 10, position -20, equity 40000): t=0 {"asset":"B","type":"stop-limit","sizeType":"targetValue","size":-300,"stopPrice":9,"limitPrice":8}',
    ]);
    expect(omitted).toEqual([
      'left out: t=0 {"asset":"?unknown","size":10}: asset "?unknown" is not in the panel',
      'left out: t=0 {"asset":"A","size":null}: size is not a finite number',
      'left out: t=0 {"asset":"A","type":"limit","size":10}: a limit order without a limitPrice',
      'left out: t=0 {"asset":"A","type":"limit","sizeType":"value","size":5,"limitPrice":9}: resolves to 0 units at the decision (the engine sends no order)',
    ]);
    // Without the decisions (the run never reached them), such requests are left out.
    expect(scenarioInput(runCase).omitted[0]).toBe(
      'left out: t=0 {"asset":"B","sizeType":"percent","size":0.1}: never decided: the run stopped before this bar',
    );
  });

  it("reads back through the golden reader into the same panel, config and (written) orders", () => {
    const { golden } = scenarioInput(runCase, DECISIONS);
    const input = readInput(new ShapeReader("t.json"), golden);
    const run = goldenRun({
      source: "t.json",
      name: "t",
      peer: "assay-spec regression",
      input,
      expected: {},
    });
    expect(run.panel).toEqual(panel);
    expect(run.configInput).toEqual(runCase.configInput);
    expect(run.ordersByBar.get(0)?.length).toBe(14);
  });

  it("isRunCase() tells a generated case from other values", () => {
    expect(isRunCase(runCase)).toBe(true);
    expect(isRunCase(42)).toBe(false);
    expect(isRunCase({ panel, configInput: {}, ordersByBar: {} })).toBe(false);
  });
});
