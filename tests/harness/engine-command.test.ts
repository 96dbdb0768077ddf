import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGoldenFile } from "../../src/golden/format.ts";
import { replay } from "../../src/harness/replay.ts";
import { runCheck } from "../../src/harness/runner.ts";
import type { EngineCommand } from "../../src/protocol/engine-process.ts";
import { tempDir } from "../helpers/temp-dir.ts";

// Issue 15: `assay check --engine-cmd`, an engine in another language held to the reference over
// the process protocol (docs/verification.md). The Python example's deliberate bug (a cash account
// sells what it does not hold) must be found and shrunk to a sale past the position; the same
// engine with the check in place, and the fast engine behind the protocol, must pass.
const PYTHON = "python3 examples/engines/python/engine.py";
const FAST = "node --import tsx examples/engines/fast-process.ts";

const engineCommand = (command: string, capabilities: boolean): EngineCommand => ({
  command,
  timeoutMs: 10_000,
  capabilities,
});

const check = (command: string, runs: number, capabilities = true) =>
  runCheck({ runs, workers: 2, seed: 20_261_207, engineCommand: engineCommand(command, capabilities) });

describe("assay check --engine-cmd", () => {
  it("finds the Python engine's bug and shrinks it to a sale past the position on two bars, written as a golden file", async () => {
    const report = await check(PYTHON, 200);
    expect(report.failures).toBeGreaterThan(0);
    const [property] = report.properties;
    expect(property.name).toBe("engine-equals-reference");
    expect(property.title).toContain('"python example engine"');
    expect(property.title).toContain('"accounts":["cash"]');
    const [failure] = property.counterexamples;
    // The engine filled a sale the reference refused.
    expect(failure.error).toMatch(/engine process: (fills|rejected)\[\d\]/);
    expect(failure.replay).toContain(`--engine-cmd "${PYTHON}" --capabilities`);

    const out = tempDir("engine-command-");
    const outcome = await replay({
      property: "engine-equals-reference",
      seed: failure.seed,
      path: failure.path ?? undefined,
      engineCommand: engineCommand(PYTHON, true),
      outDir: out,
    });
    expect(outcome.failed).toBe(true);
    expect(outcome.reproduces).toBe(true);
    const file = readGoldenFile(outcome.file as string);
    // Shrunk: one asset, two bars, at most two orders (here: buy 1, sell 2 on one bar), and the
    // reference refuses the sale past the position.
    expect(file.input.assets).toHaveLength(1);
    expect(file.input.bars).toHaveLength(2);
    expect(file.input.orders.length).toBeLessThanOrEqual(2);
    expect(file.expected.orders?.filter((o) => o.reason !== null).map((o) => o.reason)).toEqual([
      "shortInCashAccount",
    ]);
  }, 180_000);

  it("passes the Python engine with the check in place over 1,000 cases", async () => {
    const report = await check(`${PYTHON} --without-bug`, 1_000);
    expect(report.failures).toBe(0);
    expect(report.properties[0].runs).toBe(1_000);
    // What was compared: the fields the engine returns, on every case.
    for (const field of ["fills", "rejected", "equity", "finalValue", "finalCash", "finalPositions"])
      expect(report.properties[0].coverage[`returned.${field}`]).toBe(1_000);
    expect(report.properties[0].coverage["returned.orders"]).toBeUndefined();
  }, 180_000);

  it("passes the fast engine behind the protocol with 0 divergences over 1,000 cases of the whole model", async () => {
    const report = await check(FAST, 1_000, false);
    expect(report.properties[0].counterexamples).toEqual([]);
    expect(report.properties[0].crashed).toEqual([]);
    expect(report.properties[0].runs).toBe(1_000);
    expect(report.properties[0].coverage["returned.orders"]).toBe(1_000);
  }, 300_000);

  it("runs engine-equals-reference only, and one engine under test", async () => {
    await expect(
      runCheck({
        properties: "metamorphic-*",
        runs: 10,
        workers: 1,
        seed: 1,
        engineCommand: engineCommand(FAST, false),
      }),
    ).rejects.toThrow(/--engine-cmd runs engine-equals-reference only .* not metamorphic-permutation/);
    await expect(
      runCheck({
        runs: 10,
        workers: 1,
        seed: 1,
        engine: "examples/engines/fast-without-commission.ts",
        engineCommand: engineCommand(FAST, false),
      }),
    ).rejects.toThrow(/give --engine \(a module\) or --engine-cmd \(a process\), not both/);
  }, 60_000);

  it("refuses capabilities it does not know, naming the key", async () => {
    const file = join(tempDir("engine-command-"), "describe.mjs");
    writeFileSync(
      file,
      'process.stdout.write(JSON.stringify({ name: "typo", capabilities: { acounts: ["cash"] } }) + "\\n");\n',
    );
    await expect(check(`node ${file}`, 10)).rejects.toThrow(/capabilities.*acounts/);
  }, 60_000);
});
