import { describe, expect, it } from "vitest";
import { BYTES_PER_CELL, refuseOversizedRun } from "../../src/cli/run-memory.ts";
import { runCli as run } from "../helpers/cli.ts";

const small = ["--assets", "12", "--bars", "40", "--engine", "fast"];

describe("assay run refuses flags that cannot give a meaningful run", () => {
  it.each([
    [["--signal", "momentum:0"], "--signal momentum:0: the lookback must be >= 1"],
    [
      ["--bars", "1"],
      "--signal momentum:20 needs at least 22 bars (20 bars of history, a decision bar and a bar to fill on), but the data has 1",
    ],
    [
      ["--longs", "30", "--shorts", "30", "--assets", "10"],
      "--longs 30 + --shorts 30 = 60 positions, but the data has 10 assets; ask for at most 10",
    ],
    [["--assets", "0"], '--assets: expected a whole number >= 1, got "0"'],
    [["--bars", "0"], '--bars: expected a whole number >= 1, got "0"'],
    [
      ["--data", "data.csv", "--assets", "3"],
      "--assets with --data data.csv: --assets, --bars and --seed shape the synthetic data, which --data replaces; give one or the other",
    ],
  ])("assay run %j is an error naming the flags and the numbers", async (args, message) => {
    const { code, err } = await run(["run", ...args]);
    expect(code).toBe(1);
    expect(err).toContain(message);
  });

  it("assay run --assets 100000000 is refused up front with the estimate and the limit", async () => {
    const started = performance.now();
    const { code, err } = await run(["run", "--assets", "100000000"]);
    expect(code).toBe(1);
    expect(err).toMatch(
      /--assets 100000000 x --bars 504: the run would need about 9387\.7 GB \(200 bytes per bar x asset\), over the limit of [\d.]+ GB \(50% of this machine's [\d.]+ GB\)/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuseOversizedRun() allows a run up to half the machine's memory", () => {
    const machine = 2 * 1000 * 504 * BYTES_PER_CELL;
    expect(() => refuseOversizedRun(1000, 504, machine)).not.toThrow();
    expect(() => refuseOversizedRun(1001, 504, machine)).toThrow(/over the limit of/);
  });

  it("assay run runs with the fewest bars momentum:20 needs", async () => {
    const { code, out } = await run(["run", "--assets", "12", "--bars", "22", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out).fills).toBeGreaterThan(0);
  });
});

describe("assay run prints warnings on stderr", () => {
  it("assay run prints the config's warnings: an ignored cash-account option, a 500%/year rate", async () => {
    const { code, err } = await run(["run", ...small, "--set", "debitRate=5", "--set", "gfvLimit=1"]);
    expect(code).toBe(0);
    expect(err.split("\n")).toStrictEqual([
      'warning: config + --set gfvLimit: 1 has no effect: it applies to account "cash" only (account is "margin")',
      "warning: config + --set debitRate: 5 is 500% a year; rates are fractions per year (0.05 is 5%)",
    ]);
  });

  it("assay run prints the run's warnings: settlement without holidays", async () => {
    const args = ["run", ...small, "--shorts", "0", "--set", "account=cash", "--set", "settlement=2"];
    const { code, err } = await run(args);
    expect(code).toBe(0);
    expect(err).toBe(
      "warning: no holidays given: settlement dates count weekdays only and may be early on exchange holidays [SPEC 1]",
    );
  });
});
