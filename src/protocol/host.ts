// An engine process's owner, in its own thread (`assay check --engine-cmd`): it starts the command,
// writes each request line to its stdin and posts back the first line it prints, or how it died.
// The asking thread blocks on `signal` (Atomics.wait, with its timeout) and reads the reply from
// its port synchronously, so a property's check stays a plain function.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { type MessagePort, workerData } from "node:worker_threads";

/** What the host posts back for a request: the line printed, or the process's end. */
export type HostReply =
  | { readonly kind: "line"; readonly line: string }
  | {
      readonly kind: "exit";
      readonly code: number | null;
      readonly signal: string | null;
      readonly stderr: string;
    };

interface HostData {
  readonly command: string;
  readonly port: MessagePort;
  /** Int32 cell 0: set to 1 and notified when a reply is posted; cell 1: the process's pid. */
  readonly signal: Int32Array;
}

/** The last stderr an engine printed, for the error that names its death. */
const STDERR_CHARS = 2_000;

const { command, port, signal } = workerData as HostData;
const child = spawn(command, { shell: true, stdio: ["pipe", "pipe", "pipe"] });
Atomics.store(signal, 1, child.pid ?? 0);
let stderr = "";
child.stderr.setEncoding("utf8");
child.stderr.on("data", (chunk: string) => {
  stderr = (stderr + chunk).slice(-STDERR_CHARS);
});
const lines = createInterface({ input: child.stdout });
let waiting = false;
let ended: HostReply | null = null;

function reply(message: HostReply): void {
  port.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

lines.on("line", (line) => {
  if (!waiting) return; // printed unasked: not a reply to anything
  waiting = false;
  reply({ kind: "line", line });
});
child.on("exit", (code, exitSignal) => {
  ended = { kind: "exit", code, signal: exitSignal, stderr };
  if (waiting) {
    waiting = false;
    reply(ended);
  }
});
// A write to a process that has gone is answered by its exit.
child.stdin.on("error", () => {});
port.on("message", (request: string) => {
  if (ended !== null) return reply(ended);
  waiting = true;
  child.stdin.write(`${request}\n`);
});
