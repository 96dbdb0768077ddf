import { describe, expect, it } from "vitest";
import { firstChange } from "../../src/lookahead/compare.ts";
import type { DecidedOrder, Decision } from "../../src/lookahead/decisions.ts";

const SYMBOLS = ["A", "B", "C"];

const orderOf = (asset: string, size: number): DecidedOrder => ({
  asset,
  type: "market",
  sizeType: "units",
  size,
  limitPrice: null,
  stopPrice: null,
  timeInForce: null,
  onInsufficient: null,
});

const buy = (t: number, asset: string, size = 10): Decision => ({
  kind: "submit",
  t,
  order: orderOf(asset, size),
});

describe("firstChange()", () => {
  const base = [buy(1, "A"), buy(3, "B"), buy(3, "C"), buy(6, "A")];

  it("is null for the same decisions, and ignores those after `through`", () => {
    expect(firstChange(base, [...base], 9, SYMBOLS)).toBeNull();
    expect(firstChange(base, base.slice(0, 3), 5, SYMBOLS)).toBeNull();
  });

  it("names the first bar that differs and its assets in column order, with their decisions", () => {
    const perturbed = [buy(1, "A"), buy(3, "B", 20), buy(3, "C", 30), buy(6, "A", 5)];
    expect(firstChange(base, perturbed, 9, SYMBOLS)).toEqual({
      t: 3,
      asset: "B",
      otherAssets: ["C"],
      base: [buy(3, "B")],
      perturbed: [buy(3, "B", 20)],
    });
  });

  it("finds a decision one run made and the other did not, at the earlier bar of the two", () => {
    // The perturbed run skipped t3 and decided at t4: the runs part at t3.
    expect(firstChange(base, [buy(1, "A"), buy(4, "B")], 9, SYMBOLS)).toMatchObject({
      t: 3,
      asset: "B",
      base: [buy(3, "B")],
      perturbed: [],
    });
  });

  it("reports the same decisions in another order as a change of the whole bar (asset null)", () => {
    const swapped = [buy(1, "A"), buy(3, "C"), buy(3, "B"), buy(6, "A")];
    expect(firstChange(base, swapped, 9, SYMBOLS)).toEqual({
      t: 3,
      asset: null,
      otherAssets: [],
      base: [buy(3, "B"), buy(3, "C")],
      perturbed: [buy(3, "C"), buy(3, "B")],
    });
  });

  it("compares cancels and every order field", () => {
    const cancel: Decision = { kind: "cancel", t: 3, orderId: 1, asset: "A" };
    expect(firstChange([...base.slice(0, 3), cancel], base.slice(0, 3), 5, SYMBOLS)?.base).toEqual([cancel]);
    const limited: Decision = { kind: "submit", t: 1, order: { ...orderOf("A", 10), limitPrice: 99.5 } };
    expect(firstChange(base, [limited, ...base.slice(1)], 9, SYMBOLS)).toMatchObject({ t: 1, asset: "A" });
  });
});
