// kthLargest against a sort: the k-th of the values sorted descending, for any values (ties,
// signed zeros aside: -0 and 0 compare equal, so either may come back), any count and k.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../properties/replay.ts";
import { kthLargest } from "../../src/strategy/select.ts";

const CI_SEED = 20_261_207;

describe("kthLargest()", () => {
  it("is the k-th of the first count values sorted descending", () => {
    const values = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true })), {
      minLength: 1,
      maxLength: 60,
    });
    const input = values.chain((all) =>
      fc.integer({ min: 1, max: all.length }).chain((count) =>
        fc.record({
          all: fc.constant(all),
          count: fc.constant(count),
          k: fc.integer({ min: 1, max: count }),
        }),
      ),
    );
    fc.assert(
      fc.property(input, ({ all, count, k }) => {
        const sorted = all.slice(0, count).sort((a, b) => b - a);
        const got = kthLargest(Float64Array.from(all), count, k, new Float64Array(k));
        // == : -0 and 0 are one value to a ranking.
        expect(got === sorted[k - 1] || (got === 0 && sorted[k - 1] === 0)).toBe(true);
      }),
      propertyParams(CI_SEED, undefined, 2000),
    );
  });

  it("leaves the values as they were", () => {
    const values = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(kthLargest(values, 8, 3, new Float64Array(3))).toBe(5);
    expect([...values]).toEqual([3, 1, 4, 1, 5, 9, 2, 6]);
  });

  it("refuses a k outside 1..count", () => {
    const values = Float64Array.from([1, 2]);
    for (const k of [0, 3, 1.5])
      expect(() => kthLargest(values, 2, k, new Float64Array(3))).toThrow(
        /k must be a whole number in 1\.\.2/,
      );
  });
});
