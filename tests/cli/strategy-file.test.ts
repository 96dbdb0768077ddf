import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import breakout from "../../examples/own-strategy.ts";
import { backtest, fromSignals, syntheticPanel } from "../../src/index.ts";
import { runCli } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp-dir.ts";
import { upDaysSignals } from "./fixtures/up-days-spec.ts";

const run = runCli;

const small = ["--assets", "8", "--bars", "90", "--engine", "fast"];

describe("assay run <strategy file>", () => {
  it("runs a TypeScript factory with --param values (JSON-parsed), as backtest() does", async () => {
    const { code, out } = await run([
      "run",
      "examples/own-strategy.ts",
      "--param",
      "lookback=5",
      "--param",
      "holdBars=3",
      ...small,
      "--json",
    ]);
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary.strategy).toBe("breakout(5, hold 3)");
    const direct = backtest({
      data: syntheticPanel({ assets: 8, bars: 90, seed: 42 }),
      strategy: breakout({ lookback: 5, holdBars: 3 }),
    });
    expect(summary.fills).toBeGreaterThan(0);
    expect(summary.finalEquity).toBe(direct.summary.finalEquity);
  });

  it("runs a JavaScript module whose default export is a Strategy", async () => {
    const { code, out } = await run(["run", "tests/cli/fixtures/buy-first.mjs", ...small, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ strategy: "buy-first", orders: 1, fills: 1 });
  });

  it("a strategy that throws stops the run with its name, the bar's t and date, and the message", async () => {
    const { code, err } = await run(["run", "tests/cli/fixtures/throws-at-bar-5.ts", ...small]);
    expect(code).toBe(1);
    expect(err).toBe('assay: strategy "throws-at-bar-5" threw at t=5 (2022-01-10): no signal for S000');
  });

  it("bad --param syntax is an error quoting it", async () => {
    const { code, err } = await run(["run", "examples/own-strategy.ts", "--param", "lookback", ...small]);
    expect(code).toBe(1);
    expect(err).toBe('assay: --param: expected key=value, got "lookback"');
  });

  it("--param on a Strategy (not a factory), or one a built-in does not take, is an error", async () => {
    const onStrategy = await run(["run", "tests/cli/fixtures/buy-first.mjs", "--param", "a=1", ...small]);
    expect(onStrategy.err).toContain(
      "--param a: the default export of tests/cli/fixtures/buy-first.mjs is a Strategy",
    );
    const onBuiltIn = await run(["run", "rank-long-short", "--param", "a=1", ...small]);
    expect(onBuiltIn.err).toContain(
      'assay: --param a: rank-long-short takes no param "a"; its params: signal, longs, shorts, targetValue',
    );
    const both = await run(["run", "rank-long-short", "--param", "longs=2", "--shorts", "2", ...small]);
    expect(both.err).toContain("assay: --param with --shorts: give rank-long-short its settings one way");
  });

  it("rank-long-short takes --param as it takes its flags: the same run", async () => {
    const viaParams = await run([
      "run",
      "rank-long-short",
      "--param",
      "longs=2",
      "--param",
      "shorts=1",
      "--json",
      ...small,
    ]);
    const viaFlags = await run([
      "run",
      "rank-long-short",
      "--longs",
      "2",
      "--shorts",
      "1",
      "--json",
      ...small,
    ]);
    const summary = (out: string) => {
      const { ms: _ms, ...rest } = JSON.parse(out);
      return rest;
    };
    expect(viaParams.code).toBe(0);
    expect(summary(viaParams.out)).toEqual(summary(viaFlags.out));
    expect(summary(viaParams.out).fills).toBeGreaterThan(0);
  });

  it("a missing file, or a module without a strategy, is an error naming the file", async () => {
    const missing = await run(["run", "nosuch.ts", ...small]);
    expect(missing.err).toBe(
      "assay: strategy file nosuch.ts: not found, and not a built-in (rank-long-short, ma-crossover, target-weights, futures-trend, buy-and-hold, levered-long-short)",
    );
    const notStrategy = await run(["run", "tests/helpers/panel.ts", ...small]);
    expect(notStrategy.err).toBe(
      "assay: strategy file tests/helpers/panel.ts: the default export must be a Strategy { name, onBar(ctx) }, a spec { fromSignals | fromOrders | fromTargets: options } or a factory (params, data) => either, got nothing (no default export)",
    );
  });

  it("the built-in keeps its name and is the default", async () => {
    const byName = await run(["run", "rank-long-short", ...small, "--json"]);
    const byDefault = await run(["run", ...small, "--json"]);
    expect(JSON.parse(byName.out).strategy).toMatch(/^rank-long-short\(/);
    expect(JSON.parse(byName.out).finalEquity).toBe(JSON.parse(byDefault.out).finalEquity);
  });
  it("runs a declarative spec { fromSignals: options } a factory of (params, data) made, as backtest() does", async () => {
    const { code, out, err } = await run([
      "run",
      "tests/cli/fixtures/up-days-spec.ts",
      "--param",
      "size=7",
      ...small,
      "--json",
    ]);
    expect(code, err).toBe(0);
    const summary = JSON.parse(out);
    const data = syntheticPanel({ assets: 8, bars: 90, seed: 42 });
    const direct = backtest({ data, strategy: fromSignals({ ...upDaysSignals(data), size: 7 }) });
    expect(summary.fills).toBeGreaterThan(0);
    expect(summary.fills).toBe(direct.summary.fills);
    expect(summary.finalEquity).toBe(direct.summary.finalEquity);
  });

  it("a spec with a bad option stops the run naming the API and the argument", async () => {
    const dir = tempDir("assay-spec-");
    const file = join(dir, "bad-spec.mjs");
    writeFileSync(file, "export default { fromOrders: { size: 'ten' } };\n");
    const { code, err } = await run(["run", file, ...small]);
    expect(code).not.toBe(0);
    // The arrays are checked against the panel when the run starts.
    expect(err).toContain(
      'threw at t=0 (2022-01-03): fromOrders size: expected a matrix or a symbol-keyed object, got "ten"',
    );
  });
});
