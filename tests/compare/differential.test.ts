// The differential check of the fast engine against the reference: every golden file and every
// scenario, and the seed study, with 0 divergences (discrete fields exactly, money within 1e-9
// relative with a 1e-6 floor, SPEC 9).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { diffRecords, renderRecordDivergence } from "../../src/compare/index.ts";
import { resolveConfig } from "../../src/config/index.ts";
import { loadCsvPanel } from "../../src/data/index.ts";
import { fastEngine } from "../../src/engine/index.ts";
import { rankLongShort } from "../../src/strategy/rank-long-short.ts";
import { runGoldenFile } from "./run.ts";

function goldenFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".json"))
    .map((name) => join(folder, name))
    .sort();
}

const files = [
  ...goldenFiles(fileURLToPath(new URL("../../../shared/golden/assay-spec/", import.meta.url))),
  ...goldenFiles(fileURLToPath(new URL("../../scenarios/", import.meta.url))),
];

describe("fast engine == reference engine", () => {
  it("finds the golden files and scenarios", () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  for (const path of files) {
    it(path.split("/").slice(-2).join("/"), () => {
      const reference = runGoldenFile(path, referenceEngine);
      const fast = runGoldenFile(path, fastEngine);
      const divergence = diffRecords(reference.records, fast.records, { names: ["reference", "fast"] });
      expect(divergence === null ? null : renderRecordDivergence(divergence)).toBeNull();
    });
  }

  it("on the seed study (bench250: 17,217 orders)", () => {
    const panel = loadCsvPanel(
      fileURLToPath(new URL("../../../shared/golden/bench250/bars.csv", import.meta.url)),
    );
    const config = resolveConfig(
      {
        initialCash: 1_000_000,
        account: "margin",
        commission: { model: "percent", rate: 0.001 },
        slippage: { model: "fixedBps", bps: 5 },
      },
      panel.symbols,
    );
    const strategy = () => rankLongShort({ signal: "score", longs: 25, shorts: 25, targetValue: 20_000 });
    const divergence = diffRecords(
      referenceEngine.run(panel, config, strategy()),
      fastEngine.run(panel, config, strategy()),
      { names: ["reference", "fast"] },
    );
    expect(divergence === null ? null : renderRecordDivergence(divergence)).toBeNull();
  });
});
