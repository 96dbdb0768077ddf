import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { progressView } from "../../src/harness/progress.ts";

/** A terminal 40 columns wide that records what is written to it. */
function fakeTerminal(): { stream: NodeJS.WriteStream; written: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY: true, columns: 40 });
  return { stream, written: () => chunks.join("") };
}

describe("progressView() on a terminal", () => {
  it("never turns the terminal's line wrapping off (a long replay line printed later stays whole)", () => {
    const { stream, written } = fakeTerminal();
    const view = progressView(stream, () => {});
    view.onStart(2);
    for (const done of [1, 2]) {
      view.onProgress({
        done,
        total: 2,
        runs: done * 100,
        failures: 0,
        property: "metamorphic-split",
        propertyDone: done,
        propertyTotal: 2,
        propertyRuns: done * 100,
        propertyFailures: 0,
      });
    }
    view.stop();
    const text = written();
    expect(text).toContain("check |");
    expect(text).not.toContain("\x1b[?7l");
    // The bar crops itself to the terminal's 40 columns instead.
    for (const drawn of text.split("\x1b[1G").filter((part) => part.startsWith("check |"))) {
      expect(drawn.split("\x1b")[0].length).toBeLessThanOrEqual(40);
    }
  });
});
