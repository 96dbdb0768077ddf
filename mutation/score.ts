// Mutation scores from Stryker's JSON report (mutation-testing-report-schema): per module and in
// all, as Stryker counts them: killed and timed-out mutants detected; survived and uncovered
// ones not; compile and runtime errors and ignored mutants left out of the score.

export type MutantStatus =
  | "Killed"
  | "Survived"
  | "NoCoverage"
  | "Timeout"
  | "CompileError"
  | "RuntimeError"
  | "Ignored"
  | "Pending";

export interface MutantEntry {
  readonly id: string;
  readonly mutatorName: string;
  readonly status: MutantStatus;
  readonly replacement?: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}

export interface MutationReport {
  readonly files: Readonly<Record<string, { readonly mutants: readonly MutantEntry[] }>>;
}

export interface ModuleScore {
  readonly module: string;
  readonly killed: number;
  readonly timeout: number;
  readonly survived: number;
  readonly noCoverage: number;
  /** Detected over valid mutants, or null for a module with none. */
  readonly score: number | null;
  readonly survivors: readonly {
    readonly line: number;
    readonly mutator: string;
    readonly replacement: string;
  }[];
}

export function moduleScores(report: MutationReport): ModuleScore[] {
  return Object.entries(report.files)
    .map(([module, { mutants }]) => scoreOf(module, mutants))
    .sort((a, b) => a.module.localeCompare(b.module));
}

export function totalScore(modules: readonly ModuleScore[]): ModuleScore {
  const sum = (key: "killed" | "timeout" | "survived" | "noCoverage") =>
    modules.reduce((total, m) => total + m[key], 0);
  const counts = {
    killed: sum("killed"),
    timeout: sum("timeout"),
    survived: sum("survived"),
    noCoverage: sum("noCoverage"),
  };
  return { module: "all", ...counts, score: score(counts), survivors: modules.flatMap((m) => m.survivors) };
}

function scoreOf(module: string, mutants: readonly MutantEntry[]): ModuleScore {
  const count = (status: MutantStatus) => mutants.filter((m) => m.status === status).length;
  const counts = {
    killed: count("Killed"),
    timeout: count("Timeout"),
    survived: count("Survived"),
    noCoverage: count("NoCoverage"),
  };
  const survivors = mutants
    .filter((m) => m.status === "Survived" || m.status === "NoCoverage")
    .map((m) => ({ line: m.location.start.line, mutator: m.mutatorName, replacement: m.replacement ?? "" }))
    .sort((a, b) => a.line - b.line);
  return { module, ...counts, score: score(counts), survivors };
}

function score(c: { killed: number; timeout: number; survived: number; noCoverage: number }): number | null {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid === 0 ? null : (c.killed + c.timeout) / valid;
}
