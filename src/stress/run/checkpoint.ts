// `assay stress --resume`: each finished chunk is appended to a checkpoint file as one JSON line
// (its typed arrays base64, bit for bit), after a header line naming the run it belongs to. A run
// killed at any moment leaves whole lines and at most one torn last line, which resume drops.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import type { OutcomeChunk } from "../chunk.ts";
import { decodeChunk, type EncodedChunk, encodeChunk } from "./chunk-codec.ts";

interface Header {
  readonly checkpoint: "assay stress";
  /** The run's identity: its setup, plan and shard; a checkpoint of another run is refused. */
  readonly run: string;
}

/** The chunks already in `path` for run `run`, by plan index; none when there is no file yet. */
export function readCheckpoint(path: string, run: string): Map<number, OutcomeChunk> {
  const done = new Map<number, OutcomeChunk>();
  if (!existsSync(path)) return done;
  const lines = readFileSync(path, "utf8").split("\n");
  // A line without its newline was being written when the run stopped: it is dropped.
  const whole = lines.slice(0, -1);
  if (whole.length === 0) return done;
  const header = parse(path, 1, whole[0]) as Partial<Header>;
  if (header.checkpoint !== "assay stress" || header.run !== run)
    throw new Error(
      `--resume: ${path} is the checkpoint of another run (another model, strategy, config, paths, seed or shard); remove it or run without --resume`,
    );
  whole.slice(1).forEach((text, i) => {
    const line = parse(path, i + 2, text) as EncodedChunk & { readonly chunk: number };
    done.set(line.chunk, decodeChunk(line));
  });
  return done;
}

/** Starts the checkpoint of `run` afresh (a run without --resume overwrites an old one). */
export function startCheckpoint(path: string, run: string): void {
  const header: Header = { checkpoint: "assay stress", run };
  writeFileSync(path, `${JSON.stringify(header)}\n`);
}

export function appendChunk(path: string, index: number, chunk: OutcomeChunk): void {
  appendFileSync(path, `${JSON.stringify({ chunk: index, ...encodeChunk(chunk) })}\n`);
}

function parse(path: string, lineNumber: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`--resume: ${path}:${lineNumber} is not a checkpoint line (${(error as Error).message})`);
  }
}
