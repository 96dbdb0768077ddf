// `assay check --engine-cmd "<command>"` (issue 15): an engine in any language, as a process that
// reads one JSON line per case on stdin (a golden file's `input`, ../shared/golden/README.md) and
// prints one JSON line back (an `expected` object). One process per worker thread, started on the
// first case and again after it dies or hangs; `<command> --describe` prints what it supports.
import { spawnSync } from "node:child_process";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { HostReply } from "./host.ts";

const HOST = new URL("./host.mjs", import.meta.url);
/** Shown of a reply that is not a JSON object. */
const SHOWN_CHARS = 200;

/** How `assay check --engine-cmd` reaches an engine process (plain data: it goes to every worker). */
export interface EngineCommand {
  /** A shell command line, started once per worker thread. */
  readonly command: string;
  /** A case's reply taking longer fails it (the process is killed and started again). */
  readonly timeoutMs: number;
  /** Ask `<command> --describe` for its capabilities and draw cases within them. */
  readonly capabilities: boolean;
}

export const DEFAULT_ENGINE_TIMEOUT_MS = 10_000;
/**
 * The first case after a (re)start also waits for the host thread and the engine's own start (an
 * interpreter, its imports), which a loaded machine can make slow: it gets this much longer.
 */
export const START_ALLOWANCE_MS = 10_000;

export class EngineProcessError extends Error {
  override readonly name = "EngineProcessError";
}

/** A running engine process, asked synchronously: `ask(request)` returns its parsed reply or throws. */
export class EngineProcess {
  private host: { readonly worker: Worker; readonly port: MessagePort; readonly signal: Int32Array } | null =
    null;

  constructor(
    readonly command: string,
    /** A reply that takes longer fails the case, and the process is killed (and started again). */
    readonly timeoutMs: number,
    /** What the first case after a start may take longer. */
    readonly startAllowanceMs = START_ALLOWANCE_MS,
  ) {}

  /** Sends one JSON line and returns the JSON object printed back. */
  ask(request: unknown): Record<string, unknown> {
    const starting = this.host === null;
    const host = this.host ?? this.start();
    Atomics.store(host.signal, 0, 0);
    host.port.postMessage(JSON.stringify(request));
    const limit = starting ? this.timeoutMs + this.startAllowanceMs : this.timeoutMs;
    if (Atomics.wait(host.signal, 0, 0, limit) === "timed-out") {
      this.stop();
      const start = starting ? ` (+ ${this.startAllowanceMs} ms to start)` : "";
      throw new EngineProcessError(
        `engine "${this.command}" gave no reply within ${this.timeoutMs} ms${start} (killed)`,
      );
    }
    const reply = receiveMessageOnPort(host.port)?.message as HostReply | undefined;
    if (reply === undefined) throw new EngineProcessError(`engine "${this.command}": no reply was posted`);
    if (reply.kind === "exit") {
      this.stop();
      const how = reply.signal === null ? `exit code ${reply.code}` : `signal ${reply.signal}`;
      const said = reply.stderr.trim() === "" ? "" : `; its stderr ends: ${reply.stderr.trim().slice(-500)}`;
      throw new EngineProcessError(`engine "${this.command}" died (${how}) on this case${said}`);
    }
    try {
      return parseReply(this.command, reply.line);
    } catch (error) {
      // What else it printed may still be on its way: the next case gets a new process.
      this.stop();
      throw error;
    }
  }

  /** Kills the process and its host thread; the next ask starts them again. */
  stop(): void {
    const host = this.host;
    if (host === null) return;
    this.host = null;
    const pid = Atomics.load(host.signal, 1);
    if (pid > 0) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    host.port.close();
    void host.worker.terminate();
  }

  private start() {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(HOST, {
      workerData: { command: this.command, port: port2, signal },
      transferList: [port2],
    });
    worker.unref();
    port1.unref();
    this.host = { worker, port: port1, signal };
    return this.host;
  }
}

/** `<command> --describe`: the one JSON object it prints (its name and capabilities). */
export function describeEngine(command: string, timeoutMs: number): Record<string, unknown> {
  const run = spawnSync(`${command} --describe`, { shell: true, encoding: "utf8", timeout: timeoutMs });
  if (run.error !== undefined)
    throw new EngineProcessError(`engine "${command} --describe" could not run: ${run.error.message}`);
  if (run.status !== 0)
    throw new EngineProcessError(
      `engine "${command} --describe" exited with ${run.status ?? run.signal}: ${run.stderr.trim().slice(-500)}`,
    );
  return parseReply(`${command} --describe`, run.stdout.trim().split("\n")[0] ?? "");
}

function parseReply(command: string, line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    value = undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new EngineProcessError(
      `engine "${command}" printed something that is not a JSON object: ${JSON.stringify(line.slice(0, SHOWN_CHARS))}`,
    );
  return value as Record<string, unknown>;
}
