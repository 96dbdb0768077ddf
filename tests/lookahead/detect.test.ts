import { describe, expect, it } from "vitest";
import { runConfigFor } from "../../src/api/run.ts";
import { fastEngine } from "../../src/engine/index.ts";
import { checkBar, decisionsOf, detectLookahead, type LookaheadInput } from "../../src/lookahead/detect.ts";
import type { Panel, Strategy } from "../../src/model/index.ts";
import { testPanel } from "../helpers/panel.ts";
import peeksAhead, { type PeekParams } from "./fixtures/peeks-ahead.ts";

const DATES = [
  "2024-01-02",
  "2024-01-03",
  "2024-01-04",
  "2024-01-05",
  "2024-01-08",
  "2024-01-09",
  "2024-01-10",
];

/** One asset A with these closes (flat bars: open = high = low = close). */
function closes(values: readonly number[]): Panel {
  return testPanel(DATES.slice(0, values.length), { A: values.map((c) => [c, c, c, c] as const) });
}

function inputFor(panel: Panel, build: (data: Panel) => Strategy, bars: number[] = []): LookaheadInput {
  const config = runConfigFor(panel, { tickSize: 0.01 }, { config: "config", data: "test panel" });
  return { panel, config, build, engine: fastEngine, bars, seed: 1 };
}

const peeking = (params: PeekParams) => (data: Panel) => peeksAhead(params, data);

const order = (t: number, size: number) => ({
  kind: "submit",
  t,
  order: {
    asset: "A",
    type: "market",
    sizeType: "targetUnits",
    size,
    limitPrice: null,
    stopPrice: null,
    timeInForce: null,
    onInsufficient: null,
  },
});

describe("the look-ahead detector", () => {
  it("checkBar() finds the decision at t that read close[t+1], with both runs' orders", async () => {
    // Closes 10 11 12 11 12 13. Base: each bar holds +10 where the next close is higher, -10 where
    // lower: t0 (11 > 10) +10, t1 +10, t2 (11 < 12) -10, t3 +10, t4 +10; t5 has no next bar.
    const input = inputFor(closes([10, 11, 12, 11, 12, 13]), peeking({}));
    const base = decisionsOf(input, input.panel, peeksAhead({}, input.panel));
    expect(base).toEqual([order(0, 10), order(1, 10), order(2, -10), order(3, 10), order(4, 10)]);
    // After t=2 the path moves against the real one: the real close fell 12 -> 11 at t=3, so the
    // perturbed one rises from 12, and the decision at t=2 turns from -10 to +10.
    expect(await checkBar(input, base, 2)).toEqual({
      t: 2,
      asset: "A",
      otherAssets: [],
      base: [order(2, -10)],
      perturbed: [order(2, 10)],
    });
  });

  it("a strategy that peeks at one bar only is flagged when that bar is sampled, and not by its neighbours", async () => {
    const input = inputFor(closes([10, 11, 12, 11, 12, 13]), peeking({ onlyAt: 3 }));
    const base = decisionsOf(input, input.panel, peeksAhead({ onlyAt: 3 }, input.panel));
    expect(base).toEqual([order(3, 10)]); // t3: 12 > 11
    expect(await checkBar(input, base, 2)).toBeNull(); // the decision at 3 is after t: not compared
    expect(await checkBar(input, base, 4)).toBeNull(); // close[4] is real data when t = 4
    expect((await checkBar(input, base, 3))?.t).toBe(3);
    const report = await detectLookahead({ ...input, bars: [2, 3, 4] });
    expect(report.findings.map((finding) => [finding.after, finding.t])).toEqual([[3, 3]]);
  });

  it("the first changed decision can lie before the sampled bar: a peek 3 bars ahead changes at t - 2", async () => {
    // Closes 11 11 12 12.5 12 20 21, t = 4. Base at t2: close[5] 20 > 12: +10. Perturbed: the real
    // close rose 12 -> 20 at t5, so the path falls from 12 by a move up to t4 (ln(12/11) = 0.087 or
    // ln(12.5/12) = 0.041): close[5] <= 12 x exp(-0.041) = 11.52 < 12: -10. The decisions at t0 and
    // t1 read closes 3 and 4, real data.
    const input = inputFor(closes([11, 11, 12, 12.5, 12, 20, 21]), peeking({ ahead: 3 }));
    const base = decisionsOf(input, input.panel, peeksAhead({ ahead: 3 }, input.panel));
    const change = await checkBar(input, base, 4);
    expect(change).toMatchObject({ t: 2, asset: "A", base: [order(2, 10)], perturbed: [order(2, -10)] });
  });

  it("a read of an extra column after t is flagged: extra values after t are perturbed too", async () => {
    // signal 1 -1 1 -1 1 -1; the strategy holds sign(signal[t+1]) x 10. After t=2 the signal at
    // t3 (-1) becomes the other value it took up to t2, 1: the decision at t2 turns -10 -> +10.
    const panel = closes([10, 10, 10, 10, 10, 10]);
    const withSignal = { ...panel, extra: { signal: Float64Array.from([1, -1, 1, -1, 1, -1]) } };
    const readsNextSignal = (data: Panel): Strategy => ({
      name: "reads-next-signal",
      onBar(ctx) {
        if (ctx.t + 1 < ctx.bars)
          ctx.submit({ asset: "A", sizeType: "targetUnits", size: 10 * data.extra.signal[ctx.t + 1] });
      },
    });
    const input = inputFor(withSignal, readsNextSignal);
    const base = decisionsOf(input, withSignal, readsNextSignal(withSignal));
    expect(await checkBar(input, base, 2)).toMatchObject({
      t: 2,
      base: [order(2, -10)],
      perturbed: [order(2, 10)],
    });
  });

  it("a throw at or before t on the perturbed bars is a change (the future made the strategy fail)", async () => {
    const panel = closes([10, 11, 12, 11, 12, 13]);
    const failsOnFall = (data: Panel): Strategy => ({
      name: "fails-on-fall",
      onBar(ctx) {
        if (ctx.t === 2 && data.close[3] > data.close[2]) throw new Error("no fall ahead");
      },
    });
    const input = inputFor(panel, failsOnFall);
    expect(await checkBar(input, [], 2)).toEqual({
      t: 2,
      asset: null,
      otherAssets: [],
      base: [],
      perturbed: [{ kind: "threw", t: 2, message: "no fall ahead" }],
    });
  });

  it("a cancel decided on the future is a change, named by the cancelled order's id and asset", async () => {
    // t0: a buy limit at 1 that never fills (order #1). t2: cancel it if close[3] < close[2]: the
    // real 11 < 12 cancels; the perturbed close[3] rises from 12, so that run keeps the order.
    const cancelsOnFall = (data: Panel): Strategy => ({
      name: "cancels-on-fall",
      onBar(ctx) {
        if (ctx.t === 0) ctx.submit({ asset: "A", type: "limit", size: 1, limitPrice: 1 });
        if (ctx.t === 2 && data.close[3] < data.close[2]) ctx.cancel(1);
      },
    });
    const input = inputFor(closes([10, 11, 12, 11, 12, 13]), cancelsOnFall);
    const base = decisionsOf(input, input.panel, cancelsOnFall(input.panel));
    expect(await checkBar(input, base, 2)).toEqual({
      t: 2,
      asset: "A",
      otherAssets: [],
      base: [{ kind: "cancel", t: 2, orderId: 1, asset: "A" }],
      perturbed: [],
    });
  });

  it("passes a causal strategy on every bar, and counts the decisions it compared", async () => {
    // Holds +10 after an up close, -10 after a down one: reads bars 0..t only, through ctx.
    const causal = (): Strategy => ({
      name: "follows-last-move",
      onBar(ctx) {
        const move = ctx.bar("close", 0) - ctx.bar("close", 0, 1);
        if (move !== 0 && !Number.isNaN(move))
          ctx.submit({ asset: "A", sizeType: "targetUnits", size: Math.sign(move) * 10 });
      },
    });
    const progress: number[][] = [];
    const report = await detectLookahead({
      ...inputFor(closes([10, 11, 12, 11, 12, 13]), causal, [0, 1, 2, 3, 4]),
      onProgress: (runs, found) => progress.push([runs, found]),
    });
    expect(report.findings).toEqual([]);
    // Two runs on the real data, then one per bar tested.
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7].map((runs) => [runs, 0]));
    // Decisions at t1..t5 (t0 has no move); bars <= t: 0 + 1 + 2 + 3 + 4 = 10.
    expect(report).toMatchObject({ decisions: 5, compared: 10 });
  });

  it("refuses a strategy whose two runs on the same data differ, naming the bar and the decisions", async () => {
    let runs = 0;
    const shared: Strategy = {
      name: "counts-runs",
      onBar(ctx) {
        if (ctx.t === 0) ctx.submit({ asset: "A", size: ++runs });
      },
    };
    await expect(detectLookahead(inputFor(closes([10, 11, 12]), () => shared, [0]))).rejects.toThrow(
      'strategy "counts-runs": two runs on the same data decided differently at t=0 (2024-01-02): [A market units 1] vs [A market units 2]; the look-ahead test needs repeatable runs',
    );
  });
});
