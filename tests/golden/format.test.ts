import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GoldenError, parseGolden, readGoldenFile } from "../../src/golden/format.ts";
import { tempDir } from "../helpers/temp-dir.ts";
import { tinyExpected, tinyGolden } from "./fixtures.ts";

function parseEdited(edit: (g: ReturnType<typeof tinyGolden>) => void): () => unknown {
  const golden = tinyGolden();
  edit(golden);
  return () => parseGolden(golden, "spec-03.json");
}

/** A real golden file, where the workspace has the shared folder. */
// ../shared sits beside the repository, in development and in CI alike.
const SPEC_03 = fileURLToPath(
  new URL("../../../shared/golden/assay-spec/spec-03-margin-samebar.json", import.meta.url),
);

describe("readGoldenFile()", () => {
  it("reads a real assay-spec file", () => {
    const file = readGoldenFile(SPEC_03);
    expect(file.source).toBe("spec-03-margin-samebar.json");
    expect(file.peer.startsWith("assay-spec")).toBe(true);
    expect(file.input.orders[0]).toEqual({
      date: "2024-01-03",
      asset: "MSFT",
      type: "limit",
      size: 187,
      limitPrice: 77.49,
    });
    expect(file.expected.orders?.[9].reasonDetail).toEqual({
      required: 270247.4985925,
      available: 191411.23278796376,
    });
  });

  it("reads a file written from the tiny fixture", () => {
    const dir = tempDir("golden-");
    writeFileSync(join(dir, "tiny.json"), JSON.stringify(tinyGolden()));
    expect(readGoldenFile(join(dir, "tiny.json"))).toMatchObject({ source: "tiny.json", name: "tiny" });
  });

  it("names the file for unreadable or invalid JSON", () => {
    const dir = tempDir("golden-");
    writeFileSync(join(dir, "broken.json"), "{ not json");
    expect(() => readGoldenFile(join(dir, "broken.json"))).toThrow(/^golden broken\.json: not valid JSON/);
    expect(() => readGoldenFile(join(dir, "absent.json"))).toThrow(/^golden absent\.json: cannot read/);
  });
});

describe("parseGolden()", () => {
  it("accepts the tiny file with every order type and a full expected section", () => {
    const golden = tinyGolden();
    golden.expected = tinyExpected();
    const file = parseGolden(golden, "tiny.json");
    expect(file.input.orders.map((o) => o.type)).toEqual([
      "market",
      "limit",
      "stop",
      "stop-limit",
      "value",
      "target-size",
      "target-value",
      "target-percent",
    ]);
    expect(file.input.bars[1].spread).toBe(0.001);
  });

  it("rejects an unknown order type with file and JSON path", () => {
    const run = parseEdited((g) => {
      g.input.orders[4].type = "twap";
    });
    expect(run).toThrow(GoldenError);
    expect(run).toThrow('golden spec-03.json input.orders[4].type: unknown order type "twap"');
  });

  it("rejects a field the order type does not use", () => {
    expect(
      parseEdited((g) => {
        g.input.orders[0].limitPrice = 10;
      }),
    ).toThrow('golden spec-03.json input.orders[0].limitPrice: not used by a "market" order');
  });

  it("rejects a missing price of a limit order", () => {
    expect(
      parseEdited((g) => {
        delete g.input.orders[1].limitPrice;
      }),
    ).toThrow("golden spec-03.json input.orders[1].limitPrice: must be a finite number, got nothing");
  });

  it("accepts `price` for the price of a limit order", () => {
    const golden = tinyGolden();
    golden.input.orders[1] = { date: "2024-01-02", asset: "B", type: "limit", size: -50, price: 21.5 };
    expect(parseGolden(golden, "x.json").input.orders[1]).toMatchObject({ limitPrice: 21.5 });
  });

  it("rejects a partly null bar", () => {
    expect(
      parseEdited((g) => {
        g.input.bars[0].close = null;
      }),
    ).toThrow(
      "golden spec-03.json input.bars[0]: close null but not all of open, high, low, close, volume (a missing bar nulls all five)",
    );
  });

  it("rejects an asset not listed, a duplicate row and a bad date", () => {
    expect(
      parseEdited((g) => {
        g.input.bars[2].asset = "C";
      }),
    ).toThrow('golden spec-03.json input.bars[2].asset: "C" is not in input.assets');
    expect(
      parseEdited((g) => {
        g.input.bars[4].date = "2024-01-03";
      }),
    ).toThrow("golden spec-03.json input.bars[4]: second row for A on 2024-01-03");
    expect(
      parseEdited((g) => {
        g.input.orders[2].date = "2024-02-30";
      }),
    ).toThrow('golden spec-03.json input.orders[2].date: must be an ISO date YYYY-MM-DD, got "2024-02-30"');
    expect(
      parseEdited((g) => {
        g.input.orders[2].date = "2024-01-05";
      }),
    ).toThrow("golden spec-03.json input.orders[2].date: 2024-01-05 is not a date of input.bars");
  });

  it("rejects unknown cost kinds, option-less bad values and unknown expected sections", () => {
    expect(
      parseEdited((g) => {
        g.input.costs.slippage = { kind: "perShare", amount: 0.01 };
      }),
    ).toThrow(
      'golden spec-03.json input.costs.slippage.kind: must be one of "percent", "bps", got "perShare"',
    );
    expect(
      parseEdited((g) => {
        g.input.fillAt = "next-close";
      }),
    ).toThrow(
      'golden spec-03.json input.fillAt: must be one of "next-open", "close", "open", got "next-close"',
    );
    expect(
      parseEdited((g) => {
        g.expected = { metrics: {} };
      }),
    ).toThrow(/^golden spec-03\.json expected\.metrics: unknown field/);
  });

  it("checks expected rows: flags, statuses and ids", () => {
    expect(
      parseEdited((g) => {
        g.expected = tinyExpected();
        g.expected.fills[0].flags = ["partial"];
      }),
    ).toThrow(
      'golden spec-03.json expected.fills[0].flags[0]: must be one of "forced", "zeroVolume", "noImpactHistory", got "partial"',
    );
    expect(
      parseEdited((g) => {
        g.expected = tinyExpected();
        g.expected.orders[1].status = "done";
      }),
    ).toThrow(/^golden spec-03\.json expected\.orders\[1\]\.status: must be one of "working", .*got "done"$/);
    expect(
      parseEdited((g) => {
        g.expected = tinyExpected();
        g.expected.rejected[0].orderId = 0;
      }),
    ).toThrow("golden spec-03.json expected.rejected[0].orderId: must be a whole number >= 1, got 0");
  });

  it("checks expected trades: a null or ISO exit date, a signed non-zero qty, known fields", () => {
    expect(
      parseEdited((g) => {
        g.expected = tinyExpected();
        g.expected.trades[1].exitDate = "open";
      }),
    ).toThrow('golden spec-03.json expected.trades[1].exitDate: must be an ISO date YYYY-MM-DD, got "open"');
    expect(
      parseEdited((g) => {
        g.expected = tinyExpected();
        g.expected.trades[0].qty = 0;
      }),
    ).toThrow("golden spec-03.json expected.trades[0].qty: must not be 0 (a trade opens some units)");
    expect(
      parseEdited((g) => {
        g.expected = tinyExpected();
        g.expected.trades[0].side = 1;
      }),
    ).toThrow(/^golden spec-03\.json expected\.trades\[0\]\.side: unknown field/);
  });
});
