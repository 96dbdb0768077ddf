import { describe, expect, it } from "vitest";
import { mergeReports, type ShardFile } from "../../src/harness/merge.ts";
import { type CheckReport, withoutMeta } from "../../src/harness/report.ts";
import { runCheck } from "../../src/harness/runner.ts";

const options = { properties: "reference-invariants", runs: 60, seed: 77, chunkSize: 10, workers: 1 };

async function shards(count: number): Promise<ShardFile[]> {
  const reports = await Promise.all(
    Array.from({ length: count }, (_, index) => runCheck({ ...options, shard: { index, count } })),
  );
  return reports.map((report, k) => ({ file: `shard-${k}.json`, report }));
}

describe("mergeReports()", () => {
  it("merges the 3 shard reports of a run into a report equal, outside meta, to the run done whole", async () => {
    const [whole, parts] = await Promise.all([runCheck(options), shards(3)]);
    expect(parts.map((p) => p.report.shard)).toEqual(["0/3", "1/3", "2/3"]);
    expect(parts.map((p) => p.report.properties[0].chunks)).toEqual([2, 2, 2]);
    // Any order of the files.
    const merged = mergeReports([parts[2], parts[0], parts[1]]);
    expect(withoutMeta(merged)).toEqual(withoutMeta(whole));
    expect(JSON.stringify(withoutMeta(merged))).toBe(JSON.stringify(withoutMeta(whole)));
    expect(merged.meta).toMatchObject({ shard: "0/1", workers: 3 });
    expect(merged.meta.shards?.map((s) => [s.file, s.shard])).toEqual([
      ["shard-0.json", "0/3"],
      ["shard-1.json", "1/3"],
      ["shard-2.json", "2/3"],
    ]);
  });

  describe("refuses what is not exactly the N shards of one run", () => {
    const fake = (shard: string, changes: Partial<CheckReport> = {}): ShardFile => ({
      file: `r-${shard.replace("/", "of")}.json`,
      report: {
        format: "assay-check/1",
        meta: { createdAt: "", host: "h", durationMs: 1, workers: 1, shard, node: "v20", ms: {} },
        seed: 1,
        runs: 10,
        chunkSize: 5,
        shard,
        failures: 0,
        properties: [],
        coverage: {},
        ...changes,
      },
    });

    it("a missing shard", () => {
      expect(() => mergeReports([fake("0/3"), fake("2/3")])).toThrow("merge: missing shard(s) 1/3 of 3");
    });
    it("a shard given twice", () => {
      expect(() => mergeReports([fake("0/2"), fake("0/2"), fake("1/2")])).toThrow(
        "merge: shard 0/2 twice: r-0of2.json and r-0of2.json",
      );
    });
    it("shards of different splits", () => {
      expect(() => mergeReports([fake("0/2"), fake("1/3")])).toThrow(
        "merge: r-1of3.json is shard 1/3 but r-0of2.json is of 2 shards",
      );
    });
    it("another seed, budget or chunk size", () => {
      expect(() => mergeReports([fake("0/2"), fake("1/2", { seed: 2 })])).toThrow(
        "merge: r-1of2.json has seed 2 but r-0of2.json has 1: not shards of one run",
      );
      expect(() => mergeReports([fake("0/2"), fake("1/2", { runs: 20 })])).toThrow(/has runs 20 but/);
      expect(() => mergeReports([fake("0/2"), fake("1/2", { chunkSize: 10 })])).toThrow(
        /has chunkSize 10 but/,
      );
    });
  });
});
