// Issue 11: the fast engine's declarative intake (MarketIntake) skips what it knows is no order
// and builds no request; each bug below, planted there, makes the declarative property (the
// same sizes as onBar order objects, on both engines) fail within the CI budget.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { declarativeEqualsOnBar } from "../../properties/declarative.ts";
import { asFastCheck } from "../../properties/property.ts";
import { MarketIntake } from "../../src/engine/market-intake.ts";
import type { MarketTerms } from "../../src/model/index.ts";

// biome-ignore lint/suspicious/noExplicitAny: patching a private method of the engine's class
type Patchable = Record<string, any>;
const prototype = MarketIntake.prototype as unknown as Patchable;
const originals = { isNoOrder: prototype.isNoOrder, take: prototype.take };

afterEach(() => {
  prototype.isNoOrder = originals.isNoOrder;
  prototype.take = originals.take;
});

/** Runs the declarative property; returns the failure it found, or null. */
function findDivergence(runs = 300): string | null {
  const result = fc.check(asFastCheck(declarativeEqualsOnBar), {
    numRuns: runs,
    seed: 20_261_206,
    endOnFailure: true,
  });
  return result.failed ? String((result.errorInstance as Error | undefined)?.message ?? "failed") : null;
}

describe("planted bugs in the fast engine's declarative intake are caught", () => {
  it("the unpatched engine passes the same budget", () => {
    expect(findDivergence()).toBeNull();
  });

  it("a target of 0 skipped although the asset is held (the position is never closed)", () => {
    prototype.isNoOrder = (_asset: number, size: number) => size === 0;
    expect(findDivergence()).toMatch(/fast engine: .*onBar .* vs declarative/);
  });

  it("a priced target of 0 skipped before the asset's first close (submit() refuses it)", () => {
    prototype.isNoOrder = function (this: Patchable, asset: number, size: number) {
      return size === 0 && this.s.lots[asset] === 0;
    };
    expect(findDivergence()).toMatch(/fast engine: /);
  });

  it("the terms' onInsufficient dropped (the run's policy used instead)", () => {
    // take() resolves the terms for a row (submitRow) or one order (submitMarket).
    prototype.take = function (this: Patchable, terms: MarketTerms) {
      const { onInsufficient: _dropped, ...rest } = terms;
      return originals.take.call(this, rest);
    };
    expect(findDivergence()).toMatch(/fast engine: /);
  });
});
