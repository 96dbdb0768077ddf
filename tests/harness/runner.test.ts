import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asFastCheck } from "../../properties/property.ts";
import { NO_COVERAGE } from "../../properties/registry.ts";
import { chunkSeed } from "../../src/harness/plan.ts";
import { withoutMeta } from "../../src/harness/report.ts";
import { type Progress, runCheck } from "../../src/harness/runner.ts";

const registry = fileURLToPath(new URL("./fixtures/registry.ts", import.meta.url));

describe("runCheck()", () => {
  it("runs 40 reference-invariants cases on 2 workers: the report's shape, and the same report on 1 worker", async () => {
    const progress: Progress[] = [];
    const options = { properties: "reference-invariants", runs: 40, seed: 5, chunkSize: 10 };
    const two = await runCheck({ ...options, workers: 2, onProgress: (p) => progress.push(p) });
    expect(two).toMatchObject({
      format: "assay-check/1",
      seed: 5,
      runs: 40,
      chunkSize: 10,
      shard: "0/1",
      failures: 0,
      meta: { workers: 2, shard: "0/1", host: expect.any(String), durationMs: expect.any(Number) },
    });
    expect(Date.parse(two.meta.createdAt)).not.toBeNaN();
    expect(two.meta.ms["reference-invariants"]).toBeGreaterThan(0);
    const [p] = two.properties;
    expect(p).toMatchObject({
      name: "reference-invariants",
      chunks: 4,
      failures: 0,
      counterexamples: [],
      crashed: [],
    });
    expect(p.title).toMatch(/^reference: every accounting invariant holds/);
    expect(p.runs + p.skipped).toBeGreaterThanOrEqual(40);
    // Coverage: each generated case has one account, and the records' classes are there.
    const accounts = ["cash", "margin", "futures"].map((a) => two.coverage[`config.account.${a}`] ?? 0);
    expect(accounts.reduce((sum, count) => sum + count, 0)).toBe(p.runs + p.skipped);
    expect(two.coverage.fills).toBeGreaterThan(0);
    expect(Object.keys(two.coverage)).toEqual(Object.keys(two.coverage).sort());
    expect(progress.map((x) => x.done)).toEqual([1, 2, 3, 4]);
    expect(progress.at(-1)).toMatchObject({ total: 4, propertyDone: 4, propertyTotal: 4, failures: 0 });

    const one = await runCheck({ ...options, workers: 1 });
    expect(one.meta.workers).toBe(1);
    expect(withoutMeta(one)).toEqual(withoutMeta(two));
    expect(JSON.stringify(withoutMeta(one))).toBe(JSON.stringify(withoutMeta(two)));
  });

  it("reports a chunk whose worker exits or whose generator throws as crashed with its seed; nothing is dropped", async () => {
    const report = await runCheck({
      properties: "exits-worker,throws-while-generating",
      runs: 20,
      chunkSize: 10,
      workers: 2,
      seed: 9,
      registry,
    });
    expect(report.failures).toBe(4);
    const [exits, throws] = report.properties;
    expect(exits.crashed).toEqual(
      [0, 1].map((chunk) => ({
        chunk,
        seed: chunkSeed(9, "exits-worker", chunk),
        runs: 10,
        error: "worker exited with code: 7",
        replay: `npm run assay -- replay --seed ${chunkSeed(9, "exits-worker", chunk)} --runs 10 --property exits-worker --registry ${registry}`,
      })),
    );
    expect(throws.crashed.map((c) => [c.chunk, c.seed, c.error])).toEqual(
      [0, 1].map((chunk) => [
        chunk,
        chunkSeed(9, "throws-while-generating", chunk),
        "TypeError: fixture: generator broke",
      ]),
    );
    expect(exits.chunks + throws.chunks).toBe(4);
  });

  it("stops a chunk that runs past its timeout and reports it crashed", async () => {
    const report = await runCheck({
      properties: "hangs",
      runs: 5,
      chunkSize: 5,
      workers: 1,
      seed: 1,
      registry,
      chunkTimeoutMs: 200,
    });
    expect(report.properties[0].crashed).toEqual([
      expect.objectContaining({
        chunk: 0,
        seed: chunkSeed(1, "hangs", 0),
        error: "no result after 200 ms (worker stopped)",
      }),
    ]);
  });

  it("counts coverage over the cases run, not over fast-check's shrinks; a failure carries seed, path, error and replay", async () => {
    const report = await runCheck({
      properties: "holds,counts-then-fails",
      runs: 60,
      chunkSize: 20,
      workers: 2,
      seed: 3,
      registry,
    });
    const [holds, fails] = report.properties;
    expect(holds.coverage).toEqual({ "parity.even": expect.any(Number), "parity.odd": expect.any(Number) });
    expect(holds.coverage["parity.even"] + holds.coverage["parity.odd"]).toBe(60);
    expect(fails.coverage.cases).toBe(fails.runs);
    expect(fails.failures).toBe(fails.counterexamples.length);
    expect(fails.failures).toBeGreaterThan(0);
    for (const c of fails.counterexamples) {
      expect(c.seed).toBe(chunkSeed(3, "counts-then-fails", c.chunk));
      expect(c.error).toBe('property "fixture: n < 90" failed: Error: fixture: 90 >= 90');
      expect(c.case).toBe("90");
      expect(c.replay).toBe(
        `npm run assay -- replay --seed ${c.seed} --path ${c.path} --property counts-then-fails --registry ${registry}`,
      );
    }
    expect(report.coverage).toEqual({ ...fails.coverage, ...holds.coverage });
  });

  it("bounds shrinking by fast-check's time limit and reports the smallest case found by then, not a crash", async () => {
    // Chunk timeout 1500 ms: fast-check stops at 0.8 x 1500 = 1200 ms; slow-shrink needs ~475
    // shrinks of >= 20 ms each (over 9 s), so it is stopped mid-way.
    const report = await runCheck({
      properties: "slow-shrink",
      runs: 20,
      chunkSize: 20,
      workers: 1,
      seed: 1,
      registry,
      chunkTimeoutMs: 1500,
    });
    const [slow] = report.properties;
    expect(slow.crashed).toEqual([]);
    expect(slow.counterexamples).toHaveLength(1);
    const [c] = slow.counterexamples;
    expect(c.shrinkInterrupted).toBe(true);
    expect(c.shrinks).toBeGreaterThan(0);
    expect(c.error).toMatch(
      /^property "fixture: not all of 20 integers >= 1000, slowly" failed: Error: fixture: all >= 1000/,
    );
    // Its path still replays straight to a failing case.
    const { PROPERTIES } = await import("./fixtures/registry.ts");
    const replayed = fc.check(asFastCheck(PROPERTIES["slow-shrink"](NO_COVERAGE)), {
      seed: c.seed,
      path: c.path ?? "",
      endOnFailure: true,
    });
    expect(replayed.failed).toBe(true);
    expect(fc.stringify(replayed.counterexample?.[0])).toBe(c.case);
  });

  it("reports a chunk the time limit stopped before its last case, none failing, as crashed (not a pass)", async () => {
    // 40 cases of 50 ms each = 2 s > the 1200 ms limit of a 1500 ms chunk timeout.
    const report = await runCheck({
      properties: "slow-pass",
      runs: 40,
      chunkSize: 40,
      workers: 1,
      seed: 1,
      registry,
      chunkTimeoutMs: 1500,
    });
    const [slow] = report.properties;
    expect(slow.counterexamples).toEqual([]);
    expect(slow.crashed).toEqual([
      expect.objectContaining({
        chunk: 0,
        error: expect.stringMatching(
          /^stopped at the time limit \(1200 ms\) after \d+ of 40 cases, none failing$/,
        ),
      }),
    ]);
  });

  it("refuses an unknown property before running any chunk", async () => {
    await expect(runCheck({ properties: "nope*", runs: 1, workers: 1, seed: 1, registry })).rejects.toThrow(
      /--properties: "nope\*" matches no property \(known: holds, counts-then-fails, always-fails/,
    );
  });
});
