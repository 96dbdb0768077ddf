// The planted look-ahead tests depend on both halves of the detector: with a perturbation that
// changes nothing, or a comparison that compares nothing, the planted strategy would pass. A
// detector test that could not tell these bugs from the real thing would be decoration.
import { afterEach, describe, expect, it, vi } from "vitest";
import { runConfigFor } from "../../src/api/run.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type * as Compare from "../../src/lookahead/compare.ts";
import { detectLookahead } from "../../src/lookahead/detect.ts";
import type * as Perturb from "../../src/lookahead/perturb.ts";
import type { Panel } from "../../src/model/index.ts";
import { testPanel } from "../helpers/panel.ts";
import peeksAhead from "./fixtures/peeks-ahead.ts";

const planted = vi.hoisted(() => ({ perturbNothing: false, compareNothing: false }));

vi.mock("../../src/lookahead/perturb.ts", async (importOriginal) => {
  const real = await importOriginal<typeof Perturb>();
  return {
    ...real,
    perturbAfter: (...args: Parameters<typeof real.perturbAfter>) =>
      planted.perturbNothing ? args[0] : real.perturbAfter(...args),
  };
});

vi.mock("../../src/lookahead/compare.ts", async (importOriginal) => {
  const real = await importOriginal<typeof Compare>();
  return {
    ...real,
    firstChange: (...args: Parameters<typeof real.firstChange>) =>
      planted.compareNothing ? null : real.firstChange(...args),
  };
});

afterEach(() => {
  planted.perturbNothing = false;
  planted.compareNothing = false;
});

/** The detector on the planted close[t+1] reader of detect.test.ts: closes 10 11 12 11 12 13, t = 2. */
async function findings(): Promise<number[]> {
  const dates = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"];
  const panel = testPanel(dates, { A: [10, 11, 12, 11, 12, 13].map((c) => [c, c, c, c] as const) });
  const config = runConfigFor(panel, {}, { config: "config", data: "test panel" });
  const report = await detectLookahead({
    panel,
    config,
    build: (data: Panel) => peeksAhead({}, data),
    engine: fastEngine,
    bars: [1, 2, 3],
    seed: 1,
  });
  return report.findings.map((finding) => finding.t);
}

describe("planted bugs in the detector make the planted look-ahead pass", () => {
  it("the real detector flags it at every sampled bar", async () => {
    expect(await findings()).toEqual([1, 2, 3]);
  });

  it("a perturbation that changes nothing", async () => {
    planted.perturbNothing = true;
    expect(await findings()).toEqual([]);
  });

  it("a comparison that compares nothing", async () => {
    planted.compareNothing = true;
    expect(await findings()).toEqual([]);
  });
});
