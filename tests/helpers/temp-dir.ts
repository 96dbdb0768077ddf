import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, onTestFinished, TestRunner } from "vitest";

/**
 * A fresh folder `<tmpdir>/<prefix>XXXXXX`, removed once it is done with: after the test that
 * made it, pass or fail, or, made while collecting a file or `describe` block, after that suite.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (TestRunner.getCurrentTest()) onTestFinished(remove, REMOVE_TIMEOUT_MS);
  else afterAll(remove, REMOVE_TIMEOUT_MS);
  return dir;
}

/**
 * Removing a folder is no test, and one holding an installed package (tests/package) took over
 * vitest's 10 s hook limit on a busy 2-core machine.
 */
const REMOVE_TIMEOUT_MS = 120_000;
