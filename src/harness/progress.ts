// SPEC 10: how `assay check` shows its progress: a bar (cli-progress) on a terminal, else one
// plain line per property when its last chunk is done (CI logs stay short). terminalBar is the
// bar every long command (check, lookahead, sweep) draws; rateBar, lookahead's and sweep's.
import cliProgress from "cli-progress";
import type { Progress } from "./runner.ts";

export interface ProgressView {
  readonly onStart: (chunks: number) => void;
  readonly onProgress: (progress: Progress) => void;
  /** Ends the bar (call once, also after a failure). */
  stop(): void;
}

/** A bar on `stream` when it is a TTY, else lines through `line`. */
export function progressView(stream: NodeJS.WriteStream, line: (text: string) => void): ProgressView {
  if (stream.isTTY !== true) {
    return {
      onStart() {},
      onProgress(p) {
        if (p.propertyDone === p.propertyTotal)
          line(
            `${p.property}: ${p.propertyRuns} runs in ${p.propertyTotal} chunks, ${p.propertyFailures} failing (${p.done}/${p.total} chunks done)`,
          );
      },
      stop() {},
    };
  }
  const bar = terminalBar(
    stream,
    "check |{bar}| {value}/{total} chunks | {runs} runs | {failures} failing | {property}",
  );
  let started = false;
  return {
    onStart(chunks) {
      bar.start(chunks, 0, { runs: 0, failures: 0, property: "" });
      started = true;
    },
    onProgress(p) {
      bar.update(p.done, { runs: p.runs, failures: p.failures, property: p.property });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** A cli-progress bar on `stream` (a TTY) in `format`, as assay's long commands show theirs. */
export function terminalBar(stream: NodeJS.WriteStream, format: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    {
      stream,
      format,
      hideCursor: true,
      // The bar crops itself to the width. cli-progress's default instead turns the terminal's
      // line wrapping off while it runs (ESC[?7l), and a terminal left so (a run killed before
      // stop()) cuts every later long line at its right edge: check's replay lines above all.
      linewrap: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
}

/**
 * A bar of `total` units of work with the rate and the time left, and, when `counted` names it,
 * one running count (found, failed), on a terminal; nothing elsewhere (the command's report
 * follows).
 */
export function rateBar(
  stream: NodeJS.WriteStream,
  command: string,
  total: number,
  unit: string,
  counted?: string,
): { update: (done: number, count?: number) => void; stop: () => void } {
  if (stream.isTTY !== true) return { update() {}, stop() {} };
  const count = counted === undefined ? "" : ` | {count} ${counted}`;
  const bar = terminalBar(
    stream,
    `${command} |{bar}| {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}${count}`,
  );
  const started = performance.now();
  bar.start(total, 0, { rate: "0.0", count: 0 });
  return {
    update(done, count = 0) {
      bar.update(done, { rate: ((done * 1000) / (performance.now() - started)).toFixed(1), count });
    },
    stop: () => bar.stop(),
  };
}
