// docs/distributed.md as real files: the GitHub Actions workflows and the Kubernetes Jobs of
// `assay check` and `assay stress`, parsed; their shard and merge commands checked (one seed and
// budget, the index variable in --shard, a distinct --out per shard, a merge that waits for every
// shard and names their files); the workflows' commands run on a small budget and merged.
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin", "assay.mjs");
const SEED = "20261101";

/**
 * A command's files, what its shards are given, and what its merge writes. `small` is appended
 * to the file's shard command when the test runs it: a flag given twice takes its last value.
 */
const COMMANDS = [
  {
    command: "check",
    budget: { flag: "--runs", env: "RUNS", input: "runs" },
    report: "check",
    workflow: ".github/workflows/check.yml",
    kubernetes: "deploy/kubernetes/check-job.yaml",
    job: "assay-check",
    // Small: one cheap property, one worker, chunks of 2 (so every shard gets a chunk of the 8 cases).
    small: "--properties reference-invariants --workers 1 --chunk-size 2",
  },
  {
    command: "stress",
    budget: { flag: "--paths", env: "PATHS", input: "paths" },
    report: "stress",
    workflow: ".github/workflows/stress.yml",
    kubernetes: "deploy/kubernetes/stress-job.yaml",
    job: "assay-stress",
    small: "--bars 20 --workers 1 --chunk-size 2",
  },
] as const;

const workspaces: string[] = [];
afterAll(() => {
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

describe.each(COMMANDS)("assay $command on GitHub Actions", (spec) => {
  const workflow = parse(read(spec.workflow)) as Workflow;
  const shards = Number(workflow.env.SHARDS);
  const shardRun = onlyStep(workflow.jobs.shard.steps, `npm run assay -- ${spec.command} `).run as string;
  const mergeRun = onlyStep(workflow.jobs.merge.steps, "npm run assay -- merge ").run as string;

  it(`${spec.workflow} runs a matrix of shards 0..SHARDS-1, each --shard <matrix.shard>/$SHARDS`, () => {
    expect(Number.isInteger(shards) && shards >= 2, `env SHARDS ${workflow.env.SHARDS}`).toBe(true);
    expect(workflow.jobs.shard.strategy.matrix.shard).toEqual(range(shards));
    // One failing shard must not cancel the others: the merge needs every report.
    expect(workflow.jobs.shard.strategy["fail-fast"]).toBe(false);
    expect(flag(words(shardRun, null), "--shard")).toBe(`${gh("matrix.shard")}/$SHARDS`);
  });

  it(`${spec.workflow} gives every shard the run's seed and budget, and its own --out and artifact`, () => {
    const inputs = workflow.on.workflow_dispatch.inputs;
    // A scheduled run has no inputs: its budget is the fallback, the same as the dispatch default.
    const scheduled = workflowEnv(workflow, { runId: "RUN_ID", inputs: {} });
    expect(scheduled[spec.budget.env]).toBe(inputs[spec.budget.input].default);
    expect(workflow.env.SEED).toBe(gh("github.run_id"));
    const env = workflowEnv(workflow, { runId: "RUN_ID", inputs: { [spec.budget.input]: "123" } });
    const upload = stepAfter(workflow.jobs.shard.steps, shardRun, "actions/upload-artifact@");
    expect(upload.if).toBe("always()");
    const perShard = range(shards).map((k) => {
      const context = { runId: "RUN_ID", inputs: {}, shard: k, env };
      const ws = words(expression(shardRun, context), env);
      expect(flag(ws, "--shard")).toBe(`${k}/${shards}`);
      expect(expression(String(upload.with?.path), context)).toBe(flag(ws, "--out"));
      return {
        seed: flag(ws, "--seed"),
        budget: flag(ws, spec.budget.flag),
        out: flag(ws, "--out"),
        artifact: expression(String(upload.with?.name), context),
      };
    });
    expect(new Set(perShard.map((s) => s.seed))).toEqual(new Set(["RUN_ID"]));
    expect(new Set(perShard.map((s) => s.budget))).toEqual(new Set(["123"]));
    expect(new Set(perShard.map((s) => s.out)).size).toBe(shards);
    expect(new Set(perShard.map((s) => s.artifact)).size).toBe(shards);

    // The merge: after every shard, whatever their outcome, on every shard's artifact and file.
    const merge = workflow.jobs.merge;
    expect([merge.needs].flat()).toContain("shard");
    expect(merge.if).toBe("always()");
    const download = onlyStep(merge.steps, null, "actions/download-artifact@");
    expect(download.with?.["merge-multiple"]).toBe(true);
    for (const { artifact } of perShard)
      expect(globMatches(String(download.with?.pattern), artifact)).toBe(true);
    const ws = words(mergeRun, env);
    const globs = mergeInputs(ws);
    for (const { out } of perShard)
      expect(
        globs.some((g) => globMatches(g, out)),
        out,
      ).toBe(true);
    expect(flag(ws, "--out")).toBe(`${spec.report}.json`);
    const summary = onlyStep(merge.steps, `cat ${spec.report}.md >> "$GITHUB_STEP_SUMMARY"`);
    expect(summary.if).toBe("always()");
    const kept = stepAfter(merge.steps, mergeRun, "actions/upload-artifact@");
    expect(kept.if).toBe("always()");
    expect(String(kept.with?.path)).toContain(`${spec.report}.json`);
  });

  it(`${spec.workflow}: its shard commands, run on a small budget, merge into the whole run`, async () => {
    const workspace = checkout();
    const budget = "8";
    const env = workflowEnv(workflow, { runId: SEED, inputs: { [spec.budget.input]: budget } });
    const results = await Promise.all(
      range(shards).map((k) =>
        bash(`${asNode(expression(shardRun, { runId: SEED, inputs: {}, shard: k, env }))} ${spec.small}`, {
          cwd: workspace,
          env,
        }),
      ),
    );
    for (const [k, result] of results.entries()) expect(result.code, `shard ${k}: ${result.stderr}`).toBe(0);
    const merged = await bash(asNode(mergeRun), { cwd: workspace, env });
    expect(merged.code, merged.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(workspace, `${spec.report}.json`), "utf8"));
    expect(existsSync(join(workspace, `${spec.report}.md`))).toBe(true);
    if (spec.command === "check") {
      expect(report.runs).toBe(Number(budget));
      expect(report.seed).toBe(Number(SEED));
      expect(report.failures).toBe(0);
      expect(report.meta.workers).toBe(shards); // one each: `small`'s --workers 1 over the file's
      expect(report.meta.shards.map((s: { shard: string }) => s.shard)).toEqual(
        range(shards).map((k) => `${k}/${shards}`),
      );
      expect(report.meta.shards.map((s: { file: string }) => basename(s.file))).toEqual(
        range(shards).map((k) => `shard-${k}.json`),
      );
      const [property] = report.properties;
      expect(property.name).toBe("reference-invariants");
      expect(property.runs + property.skipped).toBe(Number(budget));
    } else {
      expect(report.plannedPaths).toBe(Number(budget));
      expect(report.paths).toBe(Number(budget));
      expect(report.meta.shard).toBe(`merged ${shards} shards`);
      expect(report.setup.seed).toBe(Number(SEED));
      expect(report.setup.bars).toBe(20);
      expect(existsSync(join(workspace, `${spec.report}.html`))).toBe(true);
    }
  });
});

describe.each(COMMANDS)("assay $command on Kubernetes", (spec) => {
  const manifests = parseAllDocuments(read(spec.kubernetes)).map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as Manifest;
  });
  const claim = manifests.find((m) => m.kind === "PersistentVolumeClaim") as Manifest;
  const shardJob = job(manifests, spec.job);
  const mergeJob = job(manifests, `${spec.job}-merge`);
  const shardPod = pod(shardJob);
  const mergePod = pod(mergeJob);
  const shards = Number(shardPod.env.SHARDS);

  it(`${spec.kubernetes} is an Indexed Job of SHARDS pods, each --shard $JOB_COMPLETION_INDEX/$SHARDS`, () => {
    expect(manifests.map((m) => m.kind)).toEqual(["PersistentVolumeClaim", "Job", "Job"]);
    expect(Number.isInteger(shards) && shards >= 2, `env SHARDS ${shardPod.env.SHARDS}`).toBe(true);
    // JOB_COMPLETION_INDEX runs over 0..completions-1: the shards 0..SHARDS-1, all at once.
    expect(shardJob.spec.completionMode).toBe("Indexed");
    expect(shardJob.spec.completions).toBe(shards);
    expect(shardJob.spec.parallelism).toBe(shards);
    expect(shardJob.spec.template.spec.restartPolicy).toBe("Never");
    const { line } = commandLine(shardPod.script, `node bin/assay.mjs ${spec.command} `);
    expect(flag(words(line, null), "--shard")).toBe("$JOB_COMPLETION_INDEX/$SHARDS");
    for (const { script } of [shardPod, mergePod]) expect(shellSyntax(script)).toBe("");
  });

  it(`${spec.kubernetes} gives every pod the run's seed and budget and its own --out in the run folder`, () => {
    const folder = `${shardPod.mountPath}/${shardPod.env.RUN}/`;
    const outs = range(shards).map((k) => {
      const vars = { ...shardPod.env, JOB_COMPLETION_INDEX: String(k) };
      const { line, assigned } = commandLine(shardPod.script, `node bin/assay.mjs ${spec.command} `, vars);
      const ws = words(line, assigned);
      expect(flag(ws, "--shard")).toBe(`${k}/${shards}`);
      expect(flag(ws, "--seed")).toBe(shardPod.env.SEED);
      expect(flag(ws, spec.budget.flag)).toBe(shardPod.env[spec.budget.env]);
      const out = flag(ws, "--out");
      expect(out.startsWith(folder), out).toBe(true);
      return out;
    });
    expect(new Set(outs).size).toBe(shards);
    expect(claim.metadata.name).toBe(shardPod.claimName);

    // The merge Job: the same volume and run folder, waiting for SHARDS files past the shards' deadline.
    expect(mergePod.claimName).toBe(shardPod.claimName);
    expect(mergePod.mountPath).toBe(shardPod.mountPath);
    expect(mergePod.env.RUN).toBe(shardPod.env.RUN);
    expect(mergePod.env.SHARDS).toBe(shardPod.env.SHARDS);
    expect(mergePod.script).toContain('-ge "$SHARDS"');
    expect(Number(mergePod.env.WAIT_SECONDS)).toBeGreaterThan(Number(shardJob.spec.activeDeadlineSeconds));
    expect(mergeJob.spec.template.spec.restartPolicy).toBe("Never");
    const { line } = commandLine(mergePod.script, "node bin/assay.mjs merge ");
    const ws = words(line, mergePod.env);
    const globs = mergeInputs(ws);
    for (const out of outs)
      expect(
        globs.some((g) => globMatches(g, out)),
        out,
      ).toBe(true);
    expect(flag(ws, "--out")).toBe(`${folder}${spec.report}.json`);
  });
});

describe("deploy/kubernetes/check-job.yaml's scripts", () => {
  const manifests = parseAllDocuments(read("deploy/kubernetes/check-job.yaml")).map(
    (d) => d.toJS() as Manifest,
  );
  const shardPod = pod(job(manifests, "assay-check"));
  const mergePod = pod(job(manifests, "assay-check-merge"));
  // The scripts run on a folder standing for the volume, with a `node` first on the PATH that
  // writes FAKE_OUT or not and exits with FAKE_CODE.
  let volume = "";
  let path = "";
  beforeAll(() => {
    volume = checkout();
    mkdirSync(join(volume, "bin"));
    writeFileSync(
      join(volume, "bin", "node"),
      '#!/bin/sh\nif [ "$FAKE_WRITE" = 1 ]; then mkdir -p "$(dirname "$FAKE_OUT")"; echo "{}" > "$FAKE_OUT"; fi\nexit "$FAKE_CODE"\n',
    );
    chmodSync(join(volume, "bin", "node"), 0o755);
    path = `${join(volume, "bin")}:${process.env.PATH}`;
  });
  const script = (text: string) => text.replaceAll(shardPod.mountPath, volume);

  it("the shard wrapper succeeds on failures with a report, and fails without one", () => {
    const out = join(volume, shardPod.env.RUN, "shard-3.json");
    const runShard = (code: number, write: boolean) =>
      spawnSync("sh", ["-c", script(shardPod.script)], {
        env: {
          ...shardPod.env,
          PATH: path,
          JOB_COMPLETION_INDEX: "3",
          FAKE_CODE: String(code),
          FAKE_WRITE: write ? "1" : "0",
          FAKE_OUT: out,
        },
      }).status;
    expect(runShard(0, true)).toBe(0);
    expect(runShard(1, true)).toBe(0); // failures found and reported: the merge reports them
    expect(runShard(1, false)).toBe(1); // no report: the pod fails and is retried
    expect(runShard(2, true)).toBe(2);
    // A retried pod removes its predecessor's report first: only its own counts.
    writeFileSync(out, "{}");
    expect(runShard(1, false)).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it("the merge Job merges at once when the run folder holds every shard's report", () => {
    const folder = join(volume, mergePod.env.RUN);
    mkdirSync(folder, { recursive: true });
    for (const k of range(Number(mergePod.env.SHARDS))) writeFileSync(join(folder, `shard-${k}.json`), "{}");
    const started = Date.now();
    const { status } = spawnSync("sh", ["-c", script(mergePod.script)], {
      env: { ...mergePod.env, PATH: path, FAKE_CODE: "0" },
      timeout: 20_000,
    });
    expect(status).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000); // its wait loop sleeps 30 s a round
  });
});

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  on: { workflow_dispatch: { inputs: Record<string, { default: string }> } };
  env: Record<string, string | number>;
  jobs: {
    shard: { strategy: { "fail-fast": boolean; matrix: { shard: number[] } }; steps: Step[] };
    merge: { needs: string | string[]; if?: string; steps: Step[] };
  };
}

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: {
    completionMode?: string;
    completions?: number;
    parallelism?: number;
    activeDeadlineSeconds?: number;
    template: {
      spec: {
        restartPolicy: string;
        containers: {
          env: { name: string; value: string }[];
          command: string[];
          args: string[];
          volumeMounts: { name: string; mountPath: string }[];
        }[];
        volumes: { name: string; persistentVolumeClaim: { claimName: string } }[];
      };
    };
  };
}

/** What the values of `${{ ... }}` come from: the run, the dispatch inputs, the matrix, the env. */
interface Context {
  runId: string;
  inputs: Record<string, string>;
  shard?: number;
  env?: Record<string, string>;
}

function read(path: string): string {
  return readFileSync(join(ROOT, path), "utf8");
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}

/** The one step whose `run:` starts with `run` (or, with `run` null, whose `uses:` starts with `uses`). */
function onlyStep(steps: Step[], run: string | null, uses?: string): Step {
  const found = steps.filter((s) =>
    run === null ? s.uses?.startsWith(uses as string) : s.run?.startsWith(run),
  );
  expect(found, `one step ${run ?? uses}`).toHaveLength(1);
  return found[0];
}

/** The first step after the step running `run` that uses `uses`. */
function stepAfter(steps: Step[], run: string, uses: string): Step {
  const step = steps.slice(steps.findIndex((s) => s.run === run) + 1).find((s) => s.uses?.startsWith(uses));
  expect(step, `a step ${uses} after ${run}`).toBeDefined();
  return step as Step;
}

/** A GitHub Actions expression as a workflow writes it. */
function gh(expr: string): string {
  return `\${{ ${expr} }}`;
}

/** The text with its `${{ ... }}` expressions replaced, as the runner does before the shell sees it. */
function expression(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    const input = /^inputs\.(\w+) \|\| '([^']*)'$/.exec(expr);
    if (input !== null) return context.inputs[input[1]] ?? input[2];
    if (expr === "github.run_id") return context.runId;
    if (expr === "matrix.shard" && context.shard !== undefined) return String(context.shard);
    const env = /^env\.(\w+)$/.exec(expr);
    if (env !== null && context.env?.[env[1]] !== undefined) return context.env[env[1]];
    throw new Error(`\${{ ${expr} }}: no value for this expression in the test`);
  });
}

/** The workflow's `env:`, its expressions evaluated: what every step's shell gets. */
function workflowEnv(workflow: Workflow, context: Context): Record<string, string> {
  return Object.fromEntries(
    Object.entries(workflow.env).map(([name, value]) => [name, expression(String(value), context)]),
  );
}

/**
 * The words a POSIX shell makes of one command line: quotes removed, `\`-newline joined, and
 * `$NAME` / `${NAME}` expanded from `vars` (an unset name throws: a typo is no empty string);
 * with `vars` null, kept as written. Enough for these files' commands: no globbing, no `$(...)`.
 */
function words(line: string, vars: Record<string, string> | null): string[] {
  const out: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (c === "\\") {
      if (line[i + 1] !== "\n") word = (word ?? "") + line[i + 1];
      i++;
    } else if (c === "$" && vars !== null && /^(\{\w+\}|[A-Za-z_])/.test(line.slice(i + 1))) {
      const [ref, braced, bare] = /^\$(?:\{(\w+)\}|([A-Za-z_]\w*))/.exec(line.slice(i)) as RegExpExecArray;
      const name = braced ?? bare;
      if (vars[name] === undefined) throw new Error(`$${name} is not set in: ${line}`);
      word = (word ?? "") + vars[name];
      i += ref.length - 1;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= "";
    } else if (/\s/.test(c)) {
      if (word !== null) out.push(word);
      word = null;
    } else word = (word ?? "") + c;
  }
  if (quote !== null) throw new Error(`unclosed ${quote} in: ${line}`);
  if (word !== null) out.push(word);
  return out;
}

/** The value of a flag given once. */
function flag(ws: string[], name: string): string {
  const at = ws.flatMap((w, i) => (w === name ? [i] : []));
  expect(at, `${name} once in ${ws.join(" ")}`).toHaveLength(1);
  return ws[at[0] + 1];
}

/** `assay merge`'s file arguments: the words after `merge` up to the first flag. */
function mergeInputs(ws: string[]): string[] {
  const from = ws.indexOf("merge") + 1;
  const to = ws.findIndex((w, i) => i >= from && w.startsWith("--"));
  return ws.slice(from, to < 0 ? undefined : to);
}

function globMatches(glob: string, path: string): boolean {
  const pattern = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, "[^/]*")
    .replace(/\?/g, "[^/]");
  return new RegExp(`^${pattern}$`).test(path);
}

/**
 * A script's command line starting with `prefix` (after an optional `exec`), its `\`-newlines
 * joined; with `vars`, also `vars` plus the variables that `name=value` lines before it set.
 */
function commandLine(
  script: string,
  prefix: string,
  vars: Record<string, string> | null = null,
): { line: string; assigned: Record<string, string> | null } {
  const assigned = vars === null ? null : { ...vars };
  for (const line of script.replace(/\\\n/g, " ").split("\n")) {
    const text = line.trim().replace(/^exec /, "");
    if (text.startsWith(prefix)) return { line: text, assigned };
    const assignment = /^([A-Za-z_]\w*)=(\S.*)$/.exec(text);
    if (assignment !== null && assigned !== null)
      assigned[assignment[1]] = words(assignment[2], assigned).join(" ");
  }
  throw new Error(`no line starting with ${prefix} in:\n${script}`);
}

function job(manifests: Manifest[], name: string): Manifest {
  const found = manifests.find((m) => m.kind === "Job" && m.metadata.name === name);
  expect(found, `Job ${name}`).toBeDefined();
  return found as Manifest;
}

/** A Job's one container: its env, its `sh -c` script, and the volume it mounts. */
function pod(manifest: Manifest) {
  const { containers, volumes } = manifest.spec.template.spec;
  expect(containers).toHaveLength(1);
  const [container] = containers;
  expect(container.command).toEqual(["sh", "-c"]);
  expect(container.args).toHaveLength(1);
  expect(container.volumeMounts).toHaveLength(1);
  const [mount] = container.volumeMounts;
  const volume = volumes.find((v) => v.name === mount.name);
  return {
    env: Object.fromEntries(container.env.map((e) => [e.name, e.value])) as Record<string, string>,
    script: container.args[0],
    mountPath: mount.mountPath,
    claimName: volume?.persistentVolumeClaim.claimName,
  };
}

/** `sh -n`'s complaints about a script: empty when it parses. */
function shellSyntax(script: string): string {
  return spawnSync("sh", ["-n", "-c", script], { encoding: "utf8" }).stderr;
}

/** A temporary folder standing for a job's checkout: the repository's examples are linked in. */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), "assay-distributed-"));
  workspaces.push(dir);
  symlinkSync(join(ROOT, "examples"), join(dir, "examples"));
  return dir;
}

/** `npm run assay --` as the checkout's own bin (no npm in the way, the same command). */
function asNode(run: string): string {
  return run.replaceAll("npm run assay --", `node '${BIN}'`);
}

/** A step's `run:` as GitHub's runner runs it on Linux: bash -e with pipefail, the env set. */
function bash(
  command: string,
  options: { cwd: string; env: Record<string, string> },
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", command], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
    });
    let stderr = "";
    child.stdout.resume();
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => done({ code, stderr }));
  });
}
