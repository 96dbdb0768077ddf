// SPEC 6.1 "scale": the fast engine finds a group's k by false position (a few checks) where the
// rules' room is monotone in k, and by halving otherwise. Both searches must give the j a plain
// binary search gives, on every scaled group: here a 2x levered book at Reg T's 50% initial margin
// (every rebalance's entries scale), with each commission model and with the net leverage cap.
import { afterEach, describe, expect, it } from "vitest";
import { leveredLongShort } from "../../examples/built-ins/levered-long-short.ts";
import { resolveConfig } from "../../src/config/index.ts";
import { syntheticPanel } from "../../src/data/index.ts";
import { Batch } from "../../src/engine/batch.ts";
import { fastEngine } from "../../src/engine/index.ts";
import type { Records } from "../../src/model/index.ts";

/** Config keys on top of a $1M margin account (resolveConfig checks them). */
type ConfigInput = Record<string, unknown>;

// biome-ignore lint/suspicious/noExplicitAny: patching a private method of the engine's class
type Patchable = Record<string, any>;
const prototype = Batch.prototype as unknown as Patchable;
const original = prototype.largestScaledFit;

afterEach(() => {
  prototype.largestScaledFit = original;
});

/** largestScaledFit as a plain binary search over j = 0 .. 9999 (what the reference engine runs). */
function binarySearchOnly(this: Patchable, members: number): number {
  let lo = 0;
  let hi = 9_999;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (this.scaledFit(members, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const panel = syntheticPanel({ assets: 30, bars: 160, seed: 7 });

function run(input: ConfigInput): Records {
  const config = resolveConfig({ initialCash: 1_000_000, account: "margin", ...input }, panel.symbols);
  return fastEngine.run(panel, config, leveredLongShort({ lookback: 10, longs: 6, shorts: 6 }, panel));
}

/** The scaled orders' k values, in order. */
function scaledKs(records: Records): number[] {
  return records.orders.flatMap((order) => (order.reason?.kind === "scaled" ? [order.reason.k] : []));
}

const CASES: readonly [string, ConfigInput][] = [
  ["no commission", {}],
  [
    "percent commission and slippage",
    { commission: { model: "percent", rate: 0.001 }, slippage: { model: "fixedBps", bps: 5 } },
  ],
  [
    "per-share commission with a minimum",
    { commission: { model: "perShare", rate: 0.005, min: 1, max: null } },
  ],
  ["fixed commission per order", { commission: { model: "fixedPerOrder", amount: 5 } }],
  [
    "tiered commission (halving only)",
    {
      commission: {
        model: "tiered",
        bands: [
          { upTo: 50_000, rate: 0.01 },
          { upTo: null, rate: 0.002 },
        ],
      },
    },
  ],
  ["a gross leverage cap", { maxGrossLeverage: 1.9 }],
  ["a net leverage cap (halving only)", { maxNetLeverage: 0.05 }],
];

describe("the scale group's search", () => {
  it.each(CASES)("with %s, gives the binary search's k on every scaled group", (_name, input) => {
    const fast = run(input);
    prototype.largestScaledFit = binarySearchOnly;
    const halving = run(input);
    const ks = scaledKs(halving);
    // The book must really scale (else the comparison proves nothing): dozens of groups.
    expect(ks.length).toBeGreaterThan(30);
    expect(ks.some((k) => k < 0.999)).toBe(true);
    expect(scaledKs(fast)).toEqual(ks);
    expect(fast.fills).toEqual(halving.fills);
    expect(fast.series.equity).toEqual(halving.series.equity);
  });

  it("a search that stops one j short of the boundary is caught by the comparison", () => {
    prototype.largestScaledFit = function (this: Patchable, members: number) {
      const j = original.call(this, members);
      return j > 0 ? j - 1 : j;
    };
    const shortOfBoundary = scaledKs(run({}));
    prototype.largestScaledFit = binarySearchOnly;
    expect(shortOfBoundary).not.toEqual(scaledKs(run({})));
  });
});
