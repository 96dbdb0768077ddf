// `assay stress` runs each path as an outcome run (runOutcome: no order, fill or trade records).
// A strategy that reads those records makes the worker fall back to full runs, with the same
// outcomes; the outcome run itself refuses, naming what it does not keep.
import { describe, expect, it } from "vitest";
import { StrategyError } from "../../src/api/guard.ts";
import { runConfigFor, runOutcomeBacktest } from "../../src/api/run.ts";
import { RecordsNotKept } from "../../src/engine/logs.ts";
import { pathPanel } from "../../src/stress/path.ts";
import { runChunk } from "../../src/stress/run/chunk-task.ts";
import { resolveStressModel } from "../../src/stress/spec.ts";
import { twoAssetSetup } from "./helpers.ts";
import readsRecords from "./reads-records-strategy.ts";

const STRATEGY_FILE = new URL("./reads-records-strategy.ts", import.meta.url).pathname;

const setup = twoAssetSetup({
  strategy: STRATEGY_FILE,
  params: {},
  labels: { config: "outcome-run config", model: "outcome-run model" },
  bars: 30,
  seed: 5,
  fanBars: [0, 29],
  crossCheck: 0,
});

describe("outcome runs", () => {
  it("refuse a strategy's read of the records they do not keep, naming them", () => {
    const { panel } = pathPanel(resolveStressModel(setup.model, { source: "test" }), {
      path: 0,
      seed: 5,
      bars: 30,
      start: "2024-01-02",
    });
    const config = runConfigFor(panel, setup.config, { config: "test", data: "test" });
    let thrown: unknown;
    try {
      runOutcomeBacktest(panel, config, readsRecords());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StrategyError);
    expect((thrown as Error).cause).toBeInstanceOf(RecordsNotKept);
    expect((thrown as Error).message).toMatch(
      /threw at t=0 .*this run keeps no fill records \(ctx\.fills\): it is an outcome run/,
    );
  });

  it("give way to full runs for such a strategy in a stress chunk, with the outcomes of full runs", async () => {
    // crossCheck 1: every path runs in full (and on the reference); crossCheck 0: outcome runs first.
    const full = await runChunk({ setup: { ...setup, crossCheck: 1 }, firstPath: 0, paths: 4 });
    const fallback = await runChunk({ setup, firstPath: 0, paths: 4 });
    expect(fallback).toEqual(full);
    // The strategy traded: 10 A a bar, the fills it read adding B.
    expect(full.finalEquity.every((equity) => equity !== 100_000)).toBe(true);
  });
});
