import { describe, expect, it } from "vitest";
import { simulate, spec } from "../helpers.ts";

// Calm sigma 0.1, crisis 0.5: each bar's intraday variance tells its state.
const model = spec({
  model: "regime",
  symbols: ["A"],
  calm: { mu: 0.08, sigma: 0.1 },
  crisis: { mu: -0.3, sigma: 0.5 },
  calmToCrisis: 0.02,
  crisisToCalm: 0.1,
});
const CRISIS_VARIANCE = (0.25 * 0.8) / 252; // sigma^2 x (1 - overnight share 0.2) / 252
const inCrisis = (v: number) => Math.abs(v - CRISIS_VARIANCE) < 1e-15;

describe("regime model", () => {
  it("regime spends the stationary share 0.02 / 0.12 = 1/6 of bars in crisis, in spells of mean 1 / 0.1 = 10 bars", () => {
    // 100,000 bars. The state's autocorrelation is 1 - 0.02 - 0.1 = 0.88, so the crisis share has
    // SE sqrt((1/6)(5/6) / 1e5 x 1.88 / 0.12) = 4.66e-3. About 1e5 x (1/6) x 0.1 = 1,667 spells,
    // geometric with sd sqrt(0.9) / 0.1 = 9.49: the mean spell has SE 9.49 / sqrt(1667) = 0.232. 4 SE.
    const r = simulate(model, 100_000, 3);
    const crisis = Array.from(r.intradayVariance, inCrisis);
    const share = crisis.filter(Boolean).length / crisis.length;
    let spells = 0;
    for (let t = 0; t < crisis.length; t++) if (crisis[t] && (t === 0 || !crisis[t - 1])) spells++;
    expect(Math.abs(share - 1 / 6)).toBeLessThan(4 * 4.66e-3);
    expect(Math.abs((share * crisis.length) / spells - 10)).toBeLessThan(4 * 0.232);
  });

  it("regime starts each path in the stationary distribution: P(crisis at bar 0) = 1/6", () => {
    // 3,000 paths: binomial SE sqrt((1/6)(5/6) / 3000) = 6.8e-3; tolerance 4 SE.
    let starts = 0;
    for (let path = 0; path < 3000; path++)
      if (inCrisis(simulate(model, 1, 9, path).intradayVariance[0])) starts++;
    expect(Math.abs(starts / 3000 - 1 / 6)).toBeLessThan(4 * 6.8e-3);
  });
});
