// reports/mutation-ledger.json: each module's last Stryker result, kept across runs. A whole run
// of reference/ and src/engine/ is hours on 2 cores, so runs measure some modules (--mutate); the
// ledger keeps every other module's result from its own last run, with the hash of the source it
// was measured on. reports/MUTATION.md then scores the modules whose source is unchanged since
// (current), and names the ones changed since (stale) and the ones never measured.
import { createHash } from "node:crypto";
import { minimatch } from "minimatch";
import type { MutantEntry, MutationReport } from "./score.ts";

export interface LedgerEntry {
  /** sha256 of the module's source as Stryker mutated it. */
  readonly sourceSha256: string;
  /** The run that measured it: ledger.runs[run]. */
  readonly run: number;
  readonly mutants: readonly MutantEntry[];
}

export interface LedgerRun {
  /** ISO time the run ended. */
  readonly measuredAt: string;
  /** The commit whose code it mutated (short hash). */
  readonly commit: string;
  readonly minutes: number;
  readonly modules: readonly string[];
}

export interface Ledger {
  readonly runs: readonly LedgerRun[];
  readonly modules: Readonly<Record<string, LedgerEntry>>;
}

/** A Stryker JSON report, with the source of each file it mutated. */
export interface SourcedReport {
  readonly files: Readonly<
    Record<string, { readonly source: string; readonly mutants: readonly MutantEntry[] }>
  >;
}

export const EMPTY_LEDGER: Ledger = { runs: [], modules: {} };

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The ledger with `measured` (the report's modules this run mutated; by default all of them)
 * measured anew: their entries replaced. Stryker's report also carries the files of earlier
 * runs from its incremental file, which this run did not measure.
 */
export function recordRun(
  ledger: Ledger,
  report: SourcedReport,
  run: Omit<LedgerRun, "modules">,
  measured: readonly string[] = Object.keys(report.files),
): Ledger {
  const index = ledger.runs.length;
  const modules: Record<string, LedgerEntry> = { ...ledger.modules };
  for (const module of measured) {
    const file = report.files[module];
    if (file === undefined) throw new Error(`mutation ledger: the report has no results for ${module}`);
    const { source, mutants } = file;
    modules[module] = {
      sourceSha256: sha256(source),
      run: index,
      // What MUTATION.md reads of a mutant; Stryker's test ids and coverage stay in its own files.
      mutants: mutants.map(({ id, mutatorName, status, replacement, location }) => ({
        id,
        mutatorName,
        status,
        replacement,
        location: { start: { line: location.start.line, column: location.start.column } },
      })),
    };
  }
  return { runs: [...ledger.runs, { ...run, modules: [...measured].sort() }], modules };
}

/**
 * The report's modules a run's Stryker arguments mutated: those `--mutate` names (paths or globs,
 * matched by minimatch, as Stryker matches them), or every one without it.
 */
export function mutatedBy(args: readonly string[], modules: readonly string[]): string[] {
  const at = args.findIndex((arg) => arg === "--mutate" || arg.startsWith("--mutate="));
  if (at < 0) return [...modules];
  const value = args[at].startsWith("--mutate=") ? args[at].slice("--mutate=".length) : args[at + 1];
  if (value === undefined) throw new Error("mutation: --mutate needs a list of modules");
  const globs = value.split(",");
  return modules.filter((module) => globs.some((glob) => minimatch(module, glob)));
}

export interface Standing {
  /** The modules measured on their present source, as a report to score. */
  readonly current: MutationReport;
  /** Measured, then changed: their last result no longer describes them. */
  readonly stale: readonly string[];
  readonly unmeasured: readonly string[];
}

/** Where each of `modules` stands in the ledger, given its present source. */
export function standing(
  ledger: Ledger,
  modules: readonly string[],
  sourceOf: (module: string) => string,
): Standing {
  const files: Record<string, { mutants: readonly MutantEntry[] }> = {};
  const stale: string[] = [];
  const unmeasured: string[] = [];
  for (const module of [...modules].sort()) {
    const entry = ledger.modules[module];
    if (entry === undefined) unmeasured.push(module);
    else if (entry.sourceSha256 !== sha256(sourceOf(module))) stale.push(module);
    else files[module] = { mutants: entry.mutants };
  }
  return { current: { files }, stale, unmeasured };
}
