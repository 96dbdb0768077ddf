// scenarios/*.json: hand-computed golden files (the golden format plus `spec` and `why`), run through
// the same runner as `assay golden` against the reference engine. Expected numbers come from SPEC
// by hand (the `why` lines), never from an engine's output.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { resolveConfig } from "../../src/config/index.ts";
import { goldenConfigSource, goldenRun } from "../../src/golden/adapt.ts";
import { goldenDivergences, renderDivergence } from "../../src/golden/compare.ts";
import { readGoldenFile } from "../../src/golden/format.ts";
import { scheduledOrders } from "../../src/strategy/declarative.ts";

const folder = fileURLToPath(new URL("../../scenarios/", import.meta.url));
const files = readdirSync(folder)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => join(folder, name));

/** Options every scenario pins in input.options, so that no default decides its numbers unseen. */
const PINNED = ["account", "fillAt", "maxParticipation", "onZeroVolume"];

interface ScenarioExtras {
  readonly name?: unknown;
  readonly peer?: unknown;
  readonly spec?: unknown;
  readonly why?: unknown;
  readonly input?: { readonly options?: Record<string, unknown> };
}

function extras(path: string): ScenarioExtras {
  return JSON.parse(readFileSync(path, "utf8")) as ScenarioExtras;
}

/** Every divergence between the file's expected records and the reference engine's, rendered. */
function divergences(path: string): string[] {
  const file = readGoldenFile(path);
  const run = goldenRun(file);
  const config = resolveConfig(run.configInput, run.panel.symbols, goldenConfigSource(file));
  const records = referenceEngine.run(run.panel, config, scheduledOrders(run.ordersByBar, file.name));
  return goldenDivergences(file.expected, records, run.dates).map(renderDivergence);
}

describe("scenarios/", () => {
  it("holds at least 13 scenario files", () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });

  for (const path of files) {
    const name = basename(path, ".json");
    describe(name, () => {
      it("is a hand-computed golden file named after itself, with its SPEC sections and arithmetic", () => {
        const raw = extras(path);
        expect(raw.name).toBe(name);
        expect(raw.peer).toBe("assay-spec hand-computed");
        expect(Array.isArray(raw.spec) && raw.spec.length > 0).toBe(true);
        expect(Array.isArray(raw.why) && raw.why.length > 0).toBe(true);
        for (const line of raw.why as unknown[]) {
          expect(typeof line === "string" && line.trim().length > 0).toBe(true);
        }
      });

      it("pins account, fillAt, maxParticipation and onZeroVolume in input.options", () => {
        const options = extras(path).input?.options ?? {};
        for (const key of PINNED) expect(Object.keys(options)).toContain(key);
      });

      it("the reference engine reproduces every expected record", () => {
        expect(divergences(path)).toEqual([]);
      });
    });
  }
});
