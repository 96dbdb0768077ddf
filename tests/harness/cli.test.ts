import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../reference/engine.ts";
import { runGolden } from "../../src/cli/golden.ts";
import { main } from "../../src/cli/main.ts";
import { readGoldenFile } from "../../src/golden/format.ts";
import type { CheckReport } from "../../src/harness/report.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const registry = fileURLToPath(new URL("./fixtures/registry.ts", import.meta.url));

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

const json = (path: string) => JSON.parse(readFileSync(path, "utf8")) as CheckReport;

describe("assay check", () => {
  it("writes reports/check-<timestamp>.json and .md and --out, prints each failure's replay line, exits 1", async () => {
    const dir = tempDir("assay-check-");
    const out = join(dir, "out", "shard.json");
    const { code, out: lines } = await run([
      "check",
      ...["--properties", "holds,always-fails", "--runs", "20", "--chunk-size", "10", "--workers", "2"],
      ...["--seed", "4", "--registry", registry, "--reports", join(dir, "reports"), "--out", out],
    ]);
    expect(code).toBe(1);
    const written = readdirSync(join(dir, "reports")).sort();
    expect(written).toEqual([
      expect.stringMatching(/^check-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/),
      expect.stringMatching(/\.md$/),
    ]);
    const report = json(out);
    expect(json(join(dir, "reports", written[0]))).toEqual(report);
    expect(report.properties.map((p) => [p.name, p.failures])).toEqual([
      ["holds", 0],
      ["always-fails", 2],
    ]);
    expect(lines[0]).toMatch(
      /^check: seed 4, 20 runs per property \(chunks of 10\), shard 0\/1, 2 worker\(s\), /,
    );
    expect(lines).toContain("PASS holds: 20 runs, 0 failing chunk(s)");
    expect(lines).toContain("FAIL always-fails: 2 runs, 2 failing chunk(s)");
    for (const c of report.properties[1].counterexamples) expect(lines).toContain(`  replay: ${c.replay}`);
    const md = readFileSync(join(dir, "reports", written[1]), "utf8");
    expect(md).toContain("| always-fails | 2 | 0 | 2 | 0 | 2 |");
    const even = report.coverage["parity.even"];
    expect(md).toContain(`| parity.even | ${even} | 0 | ${even} |`);
    expect(existsSync(`${out}.${process.pid}.tmp`)).toBe(false);
  });

  it("prints a long replay line whole on its own line, through the real process's stdout, and it replays", async () => {
    const dir = tempDir("assay-check-");
    const out = join(dir, "report.json");
    const child = spawnSync(
      process.execPath,
      [
        fileURLToPath(new URL("../../bin/assay.mjs", import.meta.url)),
        "check",
        ...[
          "--properties",
          "long-shrink",
          "--runs",
          "20",
          "--chunk-size",
          "20",
          "--workers",
          "1",
          "--seed",
          "1",
        ],
        ...["--registry", registry, "--reports", dir, "--out", out],
      ],
      { encoding: "utf8" },
    );
    expect(child.status).toBe(1);
    const [failure] = json(out).properties[0].counterexamples;
    // Longer than any terminal line: the path alone is hundreds of characters.
    expect(failure.path?.length).toBeGreaterThan(500);
    const lines = child.stdout.split("\n");
    const printed = lines.filter((line) => line.startsWith("  replay: "));
    expect(printed).toEqual([`  replay: ${failure.replay}`]);
    // The path is printed once, in the replay line: nothing else to copy a cut path from.
    expect(lines.filter((line) => line.includes(failure.path as string))).toEqual(printed);
    // The printed line's arguments replay the failure (no "invalid path").
    const args = printed[0].replace(/^ {2}replay: npm run assay -- /, "").split(" ");
    const replayed = await run(args);
    expect(replayed.out[0]).toMatch(/^replay long-shrink: seed \d+, path [\d:]+$/);
    expect(replayed.out[1]).toBe("FAIL fixture: not all of 20 integers >= 1000");
  });

  it("refuses --shard without --seed (the shards would draw different cases)", async () => {
    const { code, err } = await run(["check", "--shard", "0/2", "--registry", registry]);
    expect(code).toBe(1);
    expect(err).toEqual([
      "assay check: --shard needs --seed: every shard of a run must draw from the same seed",
    ]);
  });

  it("refuses --runs 0, a missing --registry file, a module without PROPERTIES and a directory --out, before running", async () => {
    const dir = tempDir("assay-check-");
    const base = ["check", "--workers", "1", "--seed", "1", "--reports", join(dir, "reports")];
    const refusal = async (args: string[]) => {
      const { code, out, err } = await run([...base, ...args]);
      expect([code, out]).toEqual([1, []]);
      return err;
    };
    expect(await refusal(["--runs", "0", "--registry", registry])).toEqual([
      'assay check: --runs must be an integer >= 1, got "0"',
    ]);
    const missing = join(dir, "nope.ts");
    expect(await refusal(["--runs", "1", "--registry", missing])).toEqual([
      `assay check: --registry ${missing}: no such file (${missing})`,
    ]);
    const empty = fileURLToPath(new URL("./fixtures/no-properties.ts", import.meta.url));
    expect(await refusal(["--runs", "1", "--registry", empty])).toEqual([
      `assay check: module ${empty} exports no PROPERTIES (a record of name -> property factory)`,
    ]);
    expect(await refusal(["--runs", "1", "--registry", registry, "--out", dir])).toEqual([
      `assay check: --out ${dir} is a directory; give a file path`,
    ]);
    expect(existsSync(join(dir, "reports"))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("says a shard that gets no cases of a property ran none, not PASS", async () => {
    const dir = tempDir("assay-check-");
    const { code, out } = await run([
      "check",
      ...["--properties", "holds", "--runs", "10", "--chunk-size", "10", "--workers", "1"],
      ...["--seed", "4", "--shard", "1/2", "--registry", registry, "--reports", dir],
    ]);
    expect(code).toBe(0);
    expect(out).toContain("NONE holds: 0 runs in shard 1/2 (its chunks are in other shards)");
    expect(out.some((line) => line.startsWith("PASS"))).toBe(false);
  });

  it("assay merge: shard reports written by check --shard k/N --out merge into the whole run's report", async () => {
    const dir = tempDir("assay-merge-");
    const common = [
      "--properties",
      "holds",
      "--runs",
      "30",
      "--chunk-size",
      "10",
      "--workers",
      "1",
      "--seed",
      "8",
    ];
    const flags = [...common, "--registry", registry, "--reports", join(dir, "reports")];
    for (const k of [0, 1])
      expect(
        (await run(["check", ...flags, "--shard", `${k}/2`, "--out", join(dir, `shard-${k}.json`)])).code,
      ).toBe(0);
    await run(["check", ...flags, "--out", join(dir, "whole.json")]);
    const merged = join(dir, "merged.json");
    const { code, out } = await run([
      "merge",
      join(dir, "shard-1.json"),
      join(dir, "shard-0.json"),
      "--out",
      merged,
    ]);
    expect(code).toBe(0);
    expect(out.at(-1)).toBe(`report: ${merged}, ${join(dir, "merged.md")}`);
    const { meta: _a, ...whole } = json(join(dir, "whole.json"));
    const { meta: _b, ...both } = json(merged);
    expect(both).toEqual(whole);
    const missing = await run(["merge", join(dir, "shard-1.json"), "--out", merged]);
    expect(missing).toMatchObject({ code: 1, err: ["assay merge: merge: missing shard(s) 0/2 of 2"] });
  });
});

describe("assay replay", () => {
  it("reproduces a check failure from its report's replay line and writes it as a regression scenario", async () => {
    const dir = tempDir("assay-replay-");
    const out = join(dir, "report.json");
    const flags = ["--runs", "10", "--chunk-size", "10", "--workers", "1", "--seed", "12"];
    await run([
      "check",
      "--properties",
      "fails-on-a-fill",
      ...flags,
      "--registry",
      registry,
      "--reports",
      dir,
      "--out",
      out,
    ]);
    const [failure] = json(out).properties[0].counterexamples;
    expect(failure.replay).toBe(
      `npm run assay -- replay --seed ${failure.seed} --path ${failure.path} --property fails-on-a-fill --registry ${registry}`,
    );
    const args = failure.replay.replace(/^npm run assay -- /, "").split(" ");
    const { code, out: lines } = await run([...args, "--out", join(dir, "regressions")]);
    expect(code).toBe(0);
    const file = join(dir, "regressions", `fails-on-a-fill-${failure.seed}.json`);
    expect(lines).toContain(`error: ${failure.error}`);
    expect(lines).toContain(`wrote ${file}`);
    expect(lines).toContain(
      `  the written input fails the property too: ${failure.error.replace(/^property "[^"]*" failed: Error: /, "")}`,
    );
    const scenario = JSON.parse(readFileSync(file, "utf8"));
    expect(scenario).toMatchObject({
      name: `fails-on-a-fill-${failure.seed}`,
      peer: "assay-spec regression",
      spec: ["10"],
    });
    expect(scenario.expected.fills.length).toBeGreaterThan(0);
    // A golden file that the reference engine passes (its expected is the reference's output).
    expect(readGoldenFile(file).name).toBe(scenario.name);
    const golden: string[] = [];
    expect(
      await runGolden([file], async () => referenceEngine, {
        out: (l) => golden.push(l),
        err: (l) => golden.push(l),
      }),
    ).toBe(0);
    expect(golden[0]).toBe(`PASS fails-on-a-fill-${failure.seed}`);
  });

  it("writes an always-failing property's shrunk case, and exits 1 on a seed and path where the property holds", async () => {
    const dir = tempDir("assay-replay-");
    const { code, out } = await run([
      "replay",
      "--seed",
      "1",
      "--runs",
      "5",
      "--property",
      "always-fails",
      "--registry",
      registry,
      "--out",
      dir,
    ]);
    expect(code).toBe(0);
    expect(out).toContain(
      'error: property "fixture: fails on every case" failed: Error: fixture: always fails',
    );
    expect(readdirSync(dir)).toEqual(["always-fails-1.json"]);
    const holds = await run([
      "replay",
      "--seed",
      "1",
      "--path",
      "0",
      "--property",
      "holds",
      "--registry",
      registry,
    ]);
    expect(holds).toMatchObject({
      code: 1,
      out: ["replay holds: holds on seed 1 (path 0): nothing to reproduce"],
    });
  });
});
