import { describe, expect, it } from "vitest";
import { equalWeightBenchmark } from "../../src/report/benchmark.ts";
import { testPanel } from "../helpers/panel.ts";

const DATES = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"];
const at = (close: number) => [close, close, close, close] as const;

describe("equalWeightBenchmark()", () => {
  it("equalWeightBenchmark() holds equal money in each asset from bar 0's close", () => {
    // 1000 / 2 = 500 in each: A 500 x 10/10, 11/10, (missing: 11/10), 12/10 = 500, 550, 550, 600;
    // B 500 x 20/20, 18/20, 19/20, 22/20 = 500, 450, 475, 550. Sum 1000, 1000, 1025, 1150.
    const panel = testPanel(DATES, {
      A: [at(10), at(11), null, at(12)],
      B: [at(20), at(18), at(19), at(22)],
    });
    const benchmark = equalWeightBenchmark(panel, 1000);
    expect(benchmark?.equity).toEqual([1000, 1000, 1025, 1150]);
    expect(benchmark?.description).toBe(
      "Benchmark: 2 assets bought in equal money at the first bar's close and held, no costs; a missing close holds the last one; deposits and withdrawals do not enter it.",
    );
  });

  it("equalWeightBenchmark() leaves out an asset without a close at bar 0, and says so", () => {
    // All 1000 in A: 1000 x 10/10, 12/10, 9/10, 10/10.
    const panel = testPanel(DATES, { A: [at(10), at(12), at(9), at(10)], C: [null, at(50), at(60), at(70)] });
    const benchmark = equalWeightBenchmark(panel, 1000);
    expect(benchmark?.equity).toEqual([1000, 1200, 900, 1000]);
    expect(benchmark?.description).toContain("Benchmark: 1 asset bought in equal money");
    expect(benchmark?.description).toContain("(1 without a first-bar close left out)");
  });

  it("equalWeightBenchmark() is null when no asset has a close at bar 0", () => {
    expect(equalWeightBenchmark(testPanel(DATES, { A: [null, at(1), at(2), at(3)] }), 1000)).toBeNull();
  });
});
