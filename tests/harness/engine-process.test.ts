import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EngineProcess, EngineProcessError } from "../../src/protocol/engine-process.ts";
import { tempDir } from "../helpers/temp-dir.ts";

// Issue 15: the engine process protocol's transport. One JSON line out, one back; a process that
// dies, hangs or prints something that is not a JSON object is an error naming what happened, and
// the next case starts a new process (nothing else is lost).
function script(body: string): string {
  const file = join(tempDir("engine-process-"), "engine.mjs");
  writeFileSync(file, body);
  return `node ${file}`;
}

/** Answers each line with {echo: <the request>, n: <its count in this process>}; dies on {die}, hangs on {hang}. */
const ECHO = script(`
import { createInterface } from "node:readline";
let n = 0;
for await (const line of createInterface({ input: process.stdin })) {
  const request = JSON.parse(line);
  n++;
  if (request.die) { process.stderr.write("engine: cannot go on\\n"); process.exit(3); }
  if (request.hang) await new Promise(() => setInterval(() => {}, 1000));
  if (request.garbage) { process.stdout.write("Traceback (most recent call last):\\n"); continue; }
  process.stdout.write(JSON.stringify({ echo: request, n }) + "\\n");
}
`);

describe("EngineProcess", () => {
  it("keeps one process for every case, each reply read in order", () => {
    const engine = new EngineProcess(ECHO, 5_000);
    try {
      expect(engine.ask({ a: 1 })).toEqual({ echo: { a: 1 }, n: 1 });
      expect(engine.ask({ b: [2] })).toEqual({ echo: { b: [2] }, n: 2 });
    } finally {
      engine.stop();
    }
  });

  it("reports a death with its exit code and stderr, then starts again", () => {
    const engine = new EngineProcess(ECHO, 5_000);
    try {
      expect(() => engine.ask({ die: true })).toThrow(
        /engine "node .*" died \(exit code 3\) on this case; its stderr ends: engine: cannot go on/,
      );
      expect(engine.ask({ a: 1 })).toEqual({ echo: { a: 1 }, n: 1 });
    } finally {
      engine.stop();
    }
  });

  it("kills a process that hangs past the timeout, then starts again", () => {
    const engine = new EngineProcess(ECHO, 500);
    try {
      // The first case after a start has START_ALLOWANCE_MS more (the process starts in it).
      expect(engine.ask({ a: 0 })).toEqual({ echo: { a: 0 }, n: 1 });
      expect(() => engine.ask({ hang: true })).toThrow(/gave no reply within 500 ms \(killed\)/);
      expect(engine.ask({ a: 1 })).toEqual({ echo: { a: 1 }, n: 1 });
    } finally {
      engine.stop();
    }
  });

  it("gives the first case after a start its start allowance, and says so when it hangs", () => {
    const engine = new EngineProcess(ECHO, 200, 300);
    try {
      expect(() => engine.ask({ hang: true })).toThrow(
        /gave no reply within 200 ms \(\+ 300 ms to start\) \(killed\)/,
      );
    } finally {
      engine.stop();
    }
  });

  it("names a reply that is not a JSON object, quoting it", () => {
    const engine = new EngineProcess(ECHO, 5_000);
    try {
      let thrown: unknown;
      try {
        engine.ask({ garbage: true });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(EngineProcessError);
      expect(String(thrown)).toContain(
        'printed something that is not a JSON object: "Traceback (most recent call last):"',
      );
    } finally {
      engine.stop();
    }
  });

  it("reports a command that does not start", () => {
    const engine = new EngineProcess("no-such-engine-command-15", 5_000);
    try {
      expect(() => engine.ask({ a: 1 })).toThrow(/engine "no-such-engine-command-15" died \(exit code 127\)/);
    } finally {
      engine.stop();
    }
  });
});
