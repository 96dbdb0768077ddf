import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../../src/stress/estimate/proportion.ts";
import { untilWidth } from "../../../src/stress/estimate/until-width.ts";
import { quietChunk } from "../fixtures.ts";

describe("untilWidth()", () => {
  // Chunks of 100 paths; one ruin in chunk 0, none in chunk 1, ten in chunk 2.
  const chunk = (k: number, ruins: number) =>
    quietChunk(100, Object.fromEntries(Array.from({ length: ruins }, (_, i) => [i, { bankruptBar: 5 }])), {
      firstPath: 100 * k,
    });
  const plan = [chunk(0, 1), chunk(1, 0), chunk(2, 10)];

  it("untilWidth() stops at the first boundary where the Wilson width of P(ruin) is under w", () => {
    // 1 of 100: width 2 x 1.959964 x sqrt(0.99 + 0.960365) / 103.841459 = 0.052719 >= 0.03;
    // 1 of 200: 2 x 1.959964 x sqrt(0.995 + 0.960365) / 203.841459 = 0.026891 < 0.03: keep 2 chunks
    expect(untilWidth(plan, 0.03)).toEqual({ chunks: 2, ruin: wilsonInterval(1, 200) });
    expect(untilWidth(plan, 0.06)).toEqual({ chunks: 1, ruin: wilsonInterval(1, 100) });
  });

  it("untilWidth() depends on the chunks in plan order only: what comes after the boundary changes nothing", () => {
    const otherThird = chunk(2, 90);
    expect(untilWidth([plan[0], plan[1], otherThird], 0.03)).toEqual(untilWidth(plan, 0.03));
    expect(untilWidth(plan.slice(0, 2), 0.03)).toEqual(untilWidth(plan, 0.03));
  });

  it("untilWidth() is null while no boundary is narrow enough, and for no chunks yet", () => {
    // 11 of 300: width 2 x 1.959964 x sqrt(11 x 289 / 300 + 0.960365) / 303.841459 = 0.0439 > 0.01
    expect(untilWidth(plan, 0.01)).toBeNull();
    expect(untilWidth([], 0.01)).toBeNull();
  });

  it("untilWidth() refuses chunks out of plan order, weighted paths and a width outside (0, 1]", () => {
    expect(() => untilWidth([plan[0], plan[2]], 0.03)).toThrow(
      "--until-width: chunk 1 starts at path 200, expected 100; give the chunks in plan order without gaps",
    );
    expect(() => untilWidth([quietChunk(3, { 2: { weight: 3 } })], 0.03)).toThrow(
      "--until-width: path 2 is importance-weighted; the Wilson rule needs plain paths",
    );
    expect(() => untilWidth(plan, 0)).toThrow(
      "--until-width: must be in (0, 1] (a width of probability), got 0",
    );
  });
});
