import { describe, expect, it } from "vitest";
import { canonicalJson, manifestHash } from "../../src/compare/index.ts";
import { resolveConfig } from "../../src/config/index.ts";
import type { FillRecord, Panel, Records, RunConfig } from "../../src/model/index.ts";
import { testPanel } from "../helpers/panel.ts";
import { type Mutable, tinyRecords } from "./fixtures.ts";
import { runScenario } from "./run.ts";

const DATES = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"];

function inputs(): { panel: Panel; config: RunConfig } {
  const spy = [100, 101, 99, 100.5] as const;
  const bkng = [3500, 3520, 3490, 3512.5] as const;
  const panel = testPanel(DATES, {
    SPY: DATES.map(() => spy),
    BKNG: DATES.map((_, t) => (t === 2 ? null : bkng)),
  });
  return { panel, config: resolveConfig({ initialCash: 30000 }, panel.symbols, "test") };
}

const HASH = manifestHash(tinyRecords(), inputs());

describe("manifestHash()", () => {
  it("is a hex SHA-256, the same for the same inputs and records built afresh", () => {
    expect(HASH).toMatch(/^[0-9a-f]{64}$/);
    expect(manifestHash(tinyRecords(), inputs())).toBe(HASH);
    expect(manifestHash(structuredClone(tinyRecords()), inputs())).toBe(HASH);
  });

  it("changes with any record field, however small the change", () => {
    const edits: ((r: Records) => void)[] = [
      (r) => {
        (r.fills[1] as Mutable<FillRecord>).fillPrice = 3512.25 * (1 + 1e-15);
      },
      (r) => {
        r.series.positions[5][1] = -2;
      },
      (r) => {
        r.orders[1].status = "cancelled";
      },
      (r) => {
        r.warnings.pop();
      },
      (r) => {
        (r as Mutable<Records>).sameBarFills = true;
      },
      (r) => {
        r.events.push({ kind: "restricted", t: 5, step: 1, until: "2024-04-08", violations: 3 });
      },
    ];
    const hashes = new Set([HASH]);
    for (const edit of edits) {
      const records = tinyRecords();
      edit(records);
      hashes.add(manifestHash(records, inputs()));
    }
    expect(hashes.size).toBe(edits.length + 1);
  });

  it("changes with any panel value or config field", () => {
    const price = inputs();
    price.panel.close[7] = 3512.5000000001;
    const missing = inputs();
    missing.panel.volume[0] = Number.NaN;
    const extra = inputs();
    (extra.panel as Mutable<Panel>).extra = { score: new Float64Array(12) };
    const config = inputs();
    config.config = { ...config.config, initialRate: 0.25 };
    const hashes = [price, missing, extra, config].map((i) => manifestHash(tinyRecords(), i));
    expect(new Set([HASH, ...hashes]).size).toBe(5);
  });

  it("ignores the engine's name and the key order of objects", () => {
    expect(manifestHash(tinyRecords("fast"), inputs())).toBe(HASH);
    const reordered = inputs();
    reordered.config = Object.fromEntries(Object.entries(reordered.config).reverse()) as unknown as RunConfig;
    expect(manifestHash(tinyRecords(), reordered)).toBe(HASH);
  });

  it("hashes every NaN of the panel alike", () => {
    const other = inputs();
    const bits = new DataView(other.panel.close.buffer);
    // t=2, BKNG (index 5): a NaN with another payload.
    bits.setUint32(5 * 8, 1, true);
    bits.setUint32(5 * 8 + 4, 0x7ff80000, true);
    expect(Number.isNaN(other.panel.close[5])).toBe(true);
    expect(manifestHash(tinyRecords(), other)).toBe(HASH);
  });

  it("agrees for two runs of a scenario and differs from another scenario", () => {
    const a = runScenario("seed-100k-scale");
    const b = runScenario("seed-100k-scale");
    const c = runScenario("seed-100k-reject");
    expect(manifestHash(a.records, a)).toBe(manifestHash(b.records, b));
    expect(manifestHash(c.records, c)).not.toBe(manifestHash(a.records, a));
  });
});

describe("canonicalJson()", () => {
  it("sorts keys, drops undefined members and writes numbers in their shortest form", () => {
    expect(canonicalJson({ b: 1, a: [0.1, -0, null], c: undefined, d: { z: true, y: "x" } })).toBe(
      '{"a":[0.1,0,null],"b":1,"d":{"y":"x","z":true}}',
    );
  });

  it("writes non-finite numbers as bare words, distinct from strings", () => {
    expect(canonicalJson([Number.NaN, Number.POSITIVE_INFINITY, "NaN"])).toBe('[NaN,Infinity,"NaN"]');
    expect(canonicalJson({ b: Number.NEGATIVE_INFINITY, a: { d: -0, c: undefined } })).toBe(
      '{"a":{"d":0},"b":-Infinity}',
    );
  });

  it("refuses what is not plain data", () => {
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/cannot serialise a function/);
  });
});
