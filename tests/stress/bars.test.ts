import { describe, expect, it } from "vitest";
import { type OhlcvOptions, writeBars } from "../../src/stress/bars.ts";
import { pathReturns } from "../../src/stress/path-model.ts";
import { pathStream } from "../../src/stress/stream.ts";

const options = (over: Partial<OhlcvOptions> = {}): OhlcvOptions => ({
  startPrice: Float64Array.of(100),
  meanVolume: Float64Array.of(1e6),
  volumeSdLog: 0.5,
  volLink: 0,
  zeroVolumeRate: 0,
  missingRate: 0,
  tickSize: null,
  ...over,
});

/** `bars` bars of one asset, each opening at 100 and closing at 100 e^0.01, bridge variance 0.0004. */
function flatBars(bars: number, over: Partial<OhlcvOptions> = {}, referenceVariance = 0.0004) {
  const returns = pathReturns(bars, 1);
  returns.intraday.fill(0.01);
  returns.overnight.fill(-0.01); // back to log 100 at each open
  returns.overnight[0] = 0;
  returns.intradayVariance.fill(0.0004);
  const columns = ["open", "high", "low", "close", "volume"].map(() => new Float64Array(bars));
  const [open, high, low, close, volume] = columns;
  writeBars(returns, Float64Array.of(referenceVariance), options(over), pathStream(3, 0), {
    open,
    high,
    low,
    close,
    volume,
  });
  return { open, high, low, close, volume };
}

describe("writeBars()", () => {
  it("writeBars() draws the low and high as a Brownian bridge's extremes: P(min < B) = exp(-2 (a - B)(b - B) / v)", () => {
    // a = log 100, b = a + 0.01, v = sigma^2 dt = 0.0004. Barrier B = a - 0.02:
    // P(min < B) = exp(-2 x 0.02 x 0.03 / 0.0004) = exp(-3) = 0.049787. Likewise the high over
    // a + 0.03: exp(-2 x 0.03 x 0.02 / 0.0004) = exp(-3). 200,000 bars: binomial SE
    // sqrt(0.049787 x 0.950213 / 2e5) = 4.864e-4; tolerance 4 SE.
    const bars = 200_000;
    const { open, high, low, close } = flatBars(bars);
    expect(open[0]).toBeCloseTo(100, 9);
    expect(close[0]).toBeCloseTo(100 * Math.exp(0.01), 9);
    let below = 0;
    let above = 0;
    const lowBarrier = 100 * Math.exp(-0.02);
    const highBarrier = 100 * Math.exp(0.03);
    for (let t = 0; t < bars; t++) {
      if (low[t] < lowBarrier) below++;
      if (high[t] > highBarrier) above++;
    }
    expect(Math.abs(below / bars - Math.exp(-3))).toBeLessThan(4 * 4.864e-4);
    expect(Math.abs(above / bars - Math.exp(-3))).toBeLessThan(4 * 4.864e-4);
  });

  it("writeBars() rounds to the tick grid with the high up and the low down, keeping the bar valid", () => {
    const { open, high, low, close } = flatBars(1000, { tickSize: 0.25 });
    for (let t = 0; t < 1000; t++) {
      expect(open[t]).toBe(100); // 100 rounds to itself
      expect(close[t]).toBe(101); // 100 e^0.01 = 101.005 rounds to 101.00
      expect(high[t]).toBeGreaterThanOrEqual(101);
      expect(low[t]).toBeLessThanOrEqual(100);
      for (const price of [high[t], low[t]]) expect(Number.isInteger(price * 4)).toBe(true);
    }
  });

  it("writeBars() makes bars missing and zero-volume at their rates, volume lognormal around the mean", () => {
    // missingRate 0.1, zeroVolumeRate 0.2 of present bars, 100,000 bars. SE of the missing share
    // sqrt(0.09 / 1e5) = 9.5e-4; of the zero share among ~9e4 present sqrt(0.16 / 9e4) = 1.33e-3.
    // Mean volume 1e6 with sd of log 0.5: the mean of the nonzero volumes has SE
    // 1e6 sqrt((e^0.25 - 1) / 7.2e4) = 1.99e3. Tolerances 4 SE.
    const bars = 100_000;
    const { open, volume } = flatBars(bars, { missingRate: 0.1, zeroVolumeRate: 0.2 });
    const present = [...open.keys()].filter((t) => !Number.isNaN(open[t]));
    const nonzero = present.filter((t) => volume[t] > 0);
    expect(Math.abs(1 - present.length / bars - 0.1)).toBeLessThan(4 * 9.5e-4);
    expect(Math.abs(1 - nonzero.length / present.length - 0.2)).toBeLessThan(4 * 1.33e-3);
    const meanVolume = nonzero.reduce((sum, t) => sum + volume[t], 0) / nonzero.length;
    expect(Math.abs(meanVolume - 1e6)).toBeLessThan(4 * 1.99e3);
    expect(present.every((t) => Number.isInteger(volume[t]))).toBe(true);
  });

  it("writeBars() links volume to the bar's vol: (v / vRef)^(volLink / 2) = (4)^(1/2) doubles the mean", () => {
    // v = 0.0004 against vRef = 0.0001, volLink 1: mean volume 2e6. 50,000 bars, sd of log 0.5:
    // SE 2e6 sqrt((e^0.25 - 1) / 5e4) = 4.77e3; tolerance 4 SE.
    const { volume } = flatBars(50_000, { volLink: 1 }, 0.0001);
    expect(Math.abs(volume.reduce((x, y) => x + y, 0) / 50_000 - 2e6)).toBeLessThan(4 * 4.77e3);
  });
});
