import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/index.ts";
import { goldenConfigInput, goldenConfigSource, goldenRun } from "../../src/golden/adapt.ts";
import { parseGolden, readGoldenFile } from "../../src/golden/format.ts";
import { tinyGolden } from "./fixtures.ts";

function run(edit: (g: ReturnType<typeof tinyGolden>) => void = () => {}) {
  const golden = tinyGolden();
  edit(golden);
  return goldenRun(parseGolden(golden, "tiny.json"));
}

function config(edit: (g: ReturnType<typeof tinyGolden>) => void) {
  const golden = tinyGolden();
  edit(golden);
  return () => goldenConfigInput(parseGolden(golden, "realism-03.json"));
}

describe("goldenRun() panel", () => {
  it("builds the calendar, symbol order and UTC midnight times", () => {
    const { panel, dates } = run();
    expect(dates).toEqual(["2024-01-02", "2024-01-03", "2024-01-04"]);
    expect(panel.symbols).toEqual(["B", "A"]);
    expect([...panel.times]).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 4)]);
  });

  it("places bars row-major and leaves null rows and absent rows NaN", () => {
    const { panel } = run();
    // t=0: B, A
    expect([panel.close[0], panel.close[1]]).toEqual([20.5, 10.5]);
    // t=1: B present with volume 0, A null (missing bar)
    expect(panel.volume[2]).toBe(0);
    for (const field of ["open", "high", "low", "close", "volume"] as const)
      expect(panel[field][3]).toBeNaN();
    // t=2: B absent, A present
    expect(panel.close[4]).toBeNaN();
    expect(panel.open[5]).toBe(10.5);
  });

  it("puts bar fields beyond OHLCV into extra, NaN where a row lacks them", () => {
    const { panel } = run();
    expect(Object.keys(panel.extra)).toEqual(["spread"]);
    expect(panel.extra.spread[0]).toBe(0.001);
    expect(panel.extra.spread[1]).toBeNaN();
  });

  it("validates the panel and names the file", () => {
    expect(() =>
      run((g) => {
        g.input.bars[0].low = 10.8;
      }),
    ).toThrow(/^golden tiny\.json input\.bars .*asset=A.*field=low/);
  });
});

describe("goldenRun() orders", () => {
  it("maps every golden order type to an order request, by decision bar, in listed order", () => {
    const { ordersByBar } = run();
    expect([...ordersByBar.keys()]).toEqual([0, 1, 2]);
    expect(ordersByBar.get(0)).toEqual([
      { asset: "A", type: "market", sizeType: "units", size: 100 },
      { asset: "B", type: "limit", sizeType: "units", size: -50, limitPrice: 21.5, timeInForce: "day" },
      { asset: "A", type: "stop", sizeType: "units", size: -10, stopPrice: 9.5 },
    ]);
    expect(ordersByBar.get(1)).toEqual([
      { asset: "B", type: "stop-limit", sizeType: "units", size: 5, stopPrice: 21.5, limitPrice: 22 },
      { asset: "A", type: "market", sizeType: "value", size: -2000, onInsufficient: "partial" },
      { asset: "B", type: "market", sizeType: "targetUnits", size: 0 },
    ]);
    expect(ordersByBar.get(2)).toEqual([
      { asset: "B", type: "market", sizeType: "targetValue", size: 5000 },
      { asset: "A", type: "market", sizeType: "targetPercent", size: -0.25 },
    ]);
  });
});

describe("goldenConfigInput()", () => {
  it("maps cash, fillAt, percent commission and bps slippage; passes options through", () => {
    const { configInput } = run();
    expect(configInput).toEqual({
      initialCash: 10000,
      fillAt: "next-open",
      commission: { model: "percent", rate: 0.001 },
      slippage: { model: "fixedBps", bps: 5 },
      account: "margin",
      onInsufficient: null,
      maxParticipation: null,
      settlement: 0,
      debitRate: 0,
    });
  });

  it("turns percent slippage into bps without float residue", () => {
    const input = config((g) => {
      g.input.costs.slippage = { kind: "percent", rate: 0.0015 };
    })();
    expect(input.slippage).toEqual({ model: "fixedBps", bps: 15 });
  });

  it("accepts commissionRate / slippageBps that mirror costs, and refuses ones that disagree", () => {
    const agreeing = config((g) => {
      g.input.options.commissionRate = 0.001;
      g.input.options.slippageBps = 5;
    })();
    expect(agreeing.commission).toEqual({ model: "percent", rate: 0.001 });
    expect(agreeing.slippage).toEqual({ model: "fixedBps", bps: 5 });
    expect(
      config((g) => {
        g.input.options.slippageBps = 2;
      }),
    ).toThrow(
      'golden realism-03.json input.options.slippageBps: 2 disagrees with input.costs.slippage {"kind":"bps","bps":5}',
    );
    expect(
      config((g) => {
        g.input.options.fillAt = "close";
      }),
    ).toThrow(
      /^golden realism-03\.json input\.options\.fillAt: "close" disagrees with input\.fillAt "next-open"$/,
    );
  });

  it("passes SPEC cost models of options through when costs are absent", () => {
    const input = config((g) => {
      delete g.input.costs;
      g.input.options.commission = { model: "perShare", rate: 0.005, min: 1 };
      g.input.options.slippage = { model: "perShare", amount: 0.01 };
    })();
    expect(input.commission).toEqual({ model: "perShare", rate: 0.005, min: 1 });
    expect(input.slippage).toEqual({ model: "perShare", amount: 0.01 });
  });

  it("passes checkAtSubmit through, and runs a peer's file under its profile", () => {
    expect(
      config((g) => {
        g.input.options.checkAtSubmit = true;
      })().checkAtSubmit,
    ).toBe(true);
    const peer = config((g) => {
      g.peer = "backtrader 1.9.78.123";
    })();
    expect(peer.compat).toBe("backtrader");
    expect(config(() => {})()).not.toHaveProperty("compat");
  });

  it("passes the realism options through under their SPEC names", () => {
    const options = {
      account: "futures",
      intrabarPath: "pessimistic",
      marginCheckAt: "adverse-extreme",
      cureDays: 2,
      liquidationBuffer: 0.1,
      restoreTo: "initial",
      liquidationOrder: "pro-rata",
      debitRate: 0.05,
      creditRate: 0.025,
      borrowRate: 0.02,
      shortRebateRate: 0.01,
      settlement: "us-equity",
      unsettledFunds: "forbid",
      gfvLimit: 1,
      holidays: ["2024-01-15"],
      impact: { model: "sqrtImpact", windowBars: 10, permanentFraction: 0.25 },
      slippage: { model: "halfSpread" },
      commission: { model: "tiered", bands: [{ upTo: null, rate: 0.005 }] },
      instruments: {
        A: { kind: "future", multiplier: 50, initialMargin: 6200, maintenanceMargin: 5600, borrowRate: 0 },
        B: { kind: "future", multiplier: 20, initialMargin: 18700, maintenanceMargin: 17000 },
      },
    };
    const input = config((g) => {
      delete g.input.costs;
      g.input.options = structuredClone(options);
    })();
    expect(input).toEqual({ initialCash: 10000, fillAt: "next-open", ...options });
    const resolved = resolveConfig(input, ["B", "A"]);
    expect(resolved.instruments[1]).toMatchObject({
      kind: "future",
      initialMargin: { kind: "money", amount: 6200 },
      maintenanceMargin: { kind: "money", amount: 5600 },
    });
  });

  it("passes a perContract commission through", () => {
    const input = config((g) => {
      delete g.input.costs;
      g.input.options.commission = { model: "perContract", rate: 2.25 };
    })();
    expect(input.commission).toEqual({ model: "perContract", rate: 2.25 });
  });

  it("passes cashFlows through to resolveConfig, which checks and date-orders them", () => {
    const flows = [
      { date: "2024-01-04", amount: -50 },
      { date: "2024-01-03", amount: 100 },
    ];
    const golden = tinyGolden();
    golden.input.options.cashFlows = flows;
    const file = parseGolden(golden, "tiny.json");
    const { configInput, panel } = goldenRun(file);
    expect(configInput.cashFlows).toEqual(flows);
    expect(resolveConfig(configInput, panel.symbols, goldenConfigSource(file)).cashFlows).toEqual([
      flows[1],
      flows[0],
    ]);
    golden.input.options.cashFlows = [{ date: "2024-01-03", amount: 0 }];
    const bad = goldenRun(parseGolden(golden, "tiny.json"));
    expect(() => resolveConfig(bad.configInput, bad.panel.symbols, "golden tiny.json config")).toThrow(
      "golden tiny.json config cashFlows[0] field=amount: must be finite and != 0 (> 0 a deposit, < 0 a withdrawal), got 0",
    );
  });
});

describe("goldenRun() on the shared golden files", () => {
  const folder = fileURLToPath(new URL("../../../shared/golden/assay-spec/", import.meta.url));
  const names = readdirSync(folder).filter((name) => name.endsWith(".json"));

  it.each(names)("turns %s into a config that resolveConfig accepts", (name) => {
    const file = readGoldenFile(`${folder}${name}`);
    const { panel, configInput } = goldenRun(file);
    expect(() => resolveConfig(configInput, panel.symbols, goldenConfigSource(file))).not.toThrow();
  });
});
