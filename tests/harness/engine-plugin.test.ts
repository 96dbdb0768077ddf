import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/harness/runner.ts";
import { tempDir } from "../helpers/temp-dir.ts";

// Issue 15: `assay check --engine <module>` runs the engine properties on a user's engine, loaded
// from a file in every worker. A plugin with a planted bug (the fast engine with commission left
// out, examples/engines/) must be caught; the fast engine behind the same plugin path must pass.
const SRC = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
const BUGGY = fileURLToPath(new URL("../../examples/engines/fast-without-commission.ts", import.meta.url));

function pluginFile(source: string): string {
  const file = join(tempDir("engine-plugin-"), "engine.mts");
  writeFileSync(file, source);
  return file;
}

const check = (engine: string, properties: string) =>
  runCheck({ properties, runs: 200, workers: 2, seed: 20_261_207, engine, chunkSize: 100 });

describe("assay check --engine", () => {
  it("catches the planted bug of examples/engines/fast-without-commission.ts, naming the engine", async () => {
    const report = await check(BUGGY, "engine-equals-reference");
    expect(report.failures).toBeGreaterThan(0);
    const [property] = report.properties;
    expect(property.title).toContain("fast-without-commission");
    const [failure] = property.counterexamples;
    expect(failure.error).toMatch(/differential: .*commission/);
    // The replay line names the engine, so the shrunk case reproduces on it.
    expect(failure.replay).toContain(`--engine ${BUGGY}`);
  }, 120_000);

  it("passes the fast engine behind a plugin module (named export `engine`) on every engine property", async () => {
    const file = pluginFile(
      `import { fastEngine } from ${JSON.stringify(SRC)};\nexport const engine = { ...fastEngine, name: "fast-as-plugin" };\n`,
    );
    const report = await check(file, "engine-*");
    expect(report.properties.map((p) => p.name)).toEqual([
      "engine-equals-reference",
      "engine-record-checks",
      "engine-determinism",
    ]);
    expect(report.failures).toBe(0);
  }, 120_000);

  it("refuses a module that exports no Engine, and a missing file, before any case runs", async () => {
    const file = pluginFile("export const speed = 3;\n");
    await expect(check(file, "engine-equals-reference")).rejects.toThrow(
      /--engine .*engine\.mts: the module must export an Engine .* it exports speed/,
    );
    await expect(check("no/such/engine.ts", "engine-equals-reference")).rejects.toThrow(
      /--engine no\/such\/engine\.ts: no such file/,
    );
  }, 60_000);
});
