// `assay golden <file-or-folder...> [--engine reference]`: runs golden scenario files
// (shared/golden/README.md) and compares the engine's records with them: assay-spec files under
// assay's own rules, a peer's files under its compatibility profile (src/compat/).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { Command } from "commander";
import { COMPAT_PROFILES, profileOfPeer } from "../compat/index.ts";
import { compareGolden, renderDivergence } from "../golden/compare.ts";
import { parseGolden } from "../golden/format.ts";
import { runGoldenFile } from "../golden/run-input.ts";
import type { Engine } from "../model/index.ts";
import { DEFAULT_ENGINE, engines, loadEngine } from "./engines.ts";
import type { CliIo } from "./main.ts";

/** Peers whose files run under assay's own semantics; the others under their profile. */
const ASSAY_PEER = "assay-spec";

export function registerGolden(program: Command, io: CliIo, exit: { code: number }): void {
  program
    .command("golden")
    .description(
      "run golden scenario files (or folders of them) and compare the records with their expected output",
    )
    .argument("<paths...>", "golden .json files or folders (searched recursively for *.json)")
    .option("--engine <name>", `engine to run: ${Object.keys(engines).join(", ")}, or "both"`, DEFAULT_ENGINE)
    .action(async (paths: string[], options: { engine: string }) => {
      const names = options.engine === "both" ? Object.keys(engines) : [options.engine];
      const unknown = names.find((name) => engines[name] === undefined);
      if (unknown !== undefined) {
        io.err(`assay golden: unknown engine "${unknown}" (known: ${Object.keys(engines).join(", ")}, both)`);
        exit.code = 1;
        return;
      }
      // "both": every file must pass under every engine.
      let code = 0;
      for (const name of names) {
        if (names.length > 1) io.out(`engine ${name}:`);
        code = Math.max(code, await runGolden(paths, () => loadEngine(name), io));
      }
      exit.code = code;
    });
}

export type GoldenVerdict =
  | { readonly name: string; readonly status: "pass" }
  | { readonly name: string; readonly status: "fail" | "skip"; readonly detail: string };

/**
 * Runs every golden file under `paths` and prints one line per file (PASS / FAIL / SKIP) and a
 * summary. The engine is loaded once, when the first file needs it. Resolves to the exit code:
 * 1 if any file failed or none was found.
 */
export async function runGolden(
  paths: readonly string[],
  engine: () => Promise<Engine>,
  io: CliIo,
): Promise<number> {
  const verdicts = await goldenVerdicts(paths, engine);
  const counts = { pass: 0, fail: 0, skip: 0 };
  for (const verdict of verdicts) {
    counts[verdict.status]++;
    io.out(renderVerdict(verdict));
  }
  if (verdicts.length === 0) {
    io.err(`assay golden: no golden files in ${paths.join(", ")}`);
    return 1;
  }
  io.out(`golden: ${counts.pass} passed, ${counts.fail} failed, ${counts.skip} skipped`);
  return counts.fail > 0 ? 1 : 0;
}

/** The verdict on every golden file under `paths`, in order; the engine is loaded once, when the first file needs it. */
export async function goldenVerdicts(
  paths: readonly string[],
  engine: () => Promise<Engine>,
): Promise<GoldenVerdict[]> {
  let loaded: Promise<Engine> | null = null;
  const verdicts: GoldenVerdict[] = [];
  for (const entry of paths.flatMap((path) => expandPath(path))) {
    const verdict = await judgeFile(entry, () => {
      loaded ??= engine();
      return loaded;
    });
    if (verdict !== null) verdicts.push(verdict);
  }
  return verdicts;
}

/** `PASS name`, `FAIL name: <why>`, `SKIP name (<why>)`. */
export function renderVerdict(verdict: GoldenVerdict): string {
  switch (verdict.status) {
    case "pass":
      return `PASS ${verdict.name}`;
    case "fail":
      return `FAIL ${verdict.name}: ${verdict.detail}`;
    case "skip":
      return `SKIP ${verdict.name} (${verdict.detail})`;
  }
}

interface Entry {
  readonly path: string;
  /** File name without .json, prefixed by its subfolder when found inside a folder argument. */
  readonly name: string;
  /** Named on the command line: never ignored, even when it is not a golden file. */
  readonly explicit: boolean;
}

/** A file stays as given; a folder becomes its *.json files, recursively, sorted by name. */
export function expandPath(path: string): Entry[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    return [{ path, name: basename(path, ".json"), explicit: true }];
  }
  if (!isFolder) return [{ path, name: basename(path, ".json"), explicit: true }];
  const walk = (folder: string, prefix: string): Entry[] =>
    readdirSync(folder, { withFileTypes: true })
      .map((d) => d.name)
      .sort()
      .flatMap((name) => {
        const full = join(folder, name);
        if (statSync(full).isDirectory()) return walk(full, `${prefix}${name}/`);
        return name.endsWith(".json")
          ? [{ path: full, name: `${prefix}${basename(name, ".json")}`, explicit: false }]
          : [];
      });
  return walk(path, "");
}

/** The verdict on one file, or null for a JSON file in a folder that is not a golden file. */
async function judgeFile(entry: Entry, engine: () => Promise<Engine>): Promise<GoldenVerdict | null> {
  const { name } = entry;
  const source = basename(entry.path);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(entry.path, "utf8"));
  } catch (error) {
    const what = error instanceof SyntaxError ? "not valid JSON" : `cannot read ${entry.path}`;
    return { name, status: "fail", detail: `golden ${source}: ${what}: ${(error as Error).message}` };
  }
  if (!entry.explicit && !looksGolden(json)) return null;
  try {
    const file = parseGolden(json, source);
    const profile = profileOfPeer(file.peer);
    if (!file.peer.startsWith(ASSAY_PEER) && profile === null) {
      return { name, status: "skip", detail: `peer ${file.peer}: no compatibility profile for it yet` };
    }
    const { records, dates } = runGoldenFile(await engine(), file);
    const peer = profile === null ? undefined : COMPAT_PROFILES[profile];
    const divergence = compareGolden(file.expected, records, dates, peer);
    return divergence === null
      ? { name, status: "pass" }
      : { name, status: "fail", detail: renderDivergence(divergence) };
  } catch (error) {
    return { name, status: "fail", detail: (error as Error).message };
  }
}

/** A golden file has `input` or `expected`; other JSON in a folder (peer summaries...) is not one. */
function looksGolden(json: unknown): boolean {
  return typeof json === "object" && json !== null && ("input" in json || "expected" in json);
}
