// `assay stress --resume`: each finished chunk is appended to a checkpoint file as one JSON line
// (its typed arrays base64, bit for bit), after a header line naming the run it belongs to. A run
// killed at any moment leaves whole lines and at most one torn last line, which resume drops.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { type ChunkColumn, checkedChunk, namedColumns, type OutcomeChunk } from "../chunk.ts";

interface Header {
  readonly checkpoint: "assay stress";
  /** The run's identity: its setup, plan and shard; a checkpoint of another run is refused. */
  readonly run: string;
}

interface ChunkLine {
  readonly chunk: number;
  readonly firstPath: number;
  readonly paths: number;
  readonly bars: number;
  readonly fanBars: number[];
  readonly columns: Record<ChunkColumn, { readonly type: "f64" | "i32"; readonly data: string }>;
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
    const line = parse(path, i + 2, text) as ChunkLine;
    done.set(line.chunk, decode(line));
  });
  return done;
}

/** Starts the checkpoint of `run` afresh (a run without --resume overwrites an old one). */
export function startCheckpoint(path: string, run: string): void {
  const header: Header = { checkpoint: "assay stress", run };
  writeFileSync(path, `${JSON.stringify(header)}\n`);
}

export function appendChunk(path: string, index: number, chunk: OutcomeChunk): void {
  const columns = Object.fromEntries(
    namedColumns(chunk).map(([name, column]) => [
      name,
      {
        type: column instanceof Int32Array ? "i32" : "f64",
        data: Buffer.from(column.buffer, column.byteOffset, column.byteLength).toString("base64"),
      },
    ]),
  ) as ChunkLine["columns"];
  const line: ChunkLine = {
    chunk: index,
    firstPath: chunk.firstPath,
    paths: chunk.paths,
    bars: chunk.bars,
    fanBars: [...chunk.fanBars],
    columns,
  };
  appendFileSync(path, `${JSON.stringify(line)}\n`);
}

function decode(line: ChunkLine): OutcomeChunk {
  const columns = Object.fromEntries(
    Object.entries(line.columns).map(([name, { type, data }]) => {
      const bytes = Buffer.from(data, "base64");
      // A copy into an aligned buffer of its own (a Buffer's may be shared and unaligned).
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      return [name, type === "i32" ? new Int32Array(buffer) : new Float64Array(buffer)];
    }),
  );
  return checkedChunk({
    ...(columns as unknown as Omit<OutcomeChunk, "bars" | "fanBars" | "firstPath" | "paths">),
    bars: line.bars,
    fanBars: Int32Array.from(line.fanBars),
    firstPath: line.firstPath,
    paths: line.paths,
  });
}

function parse(path: string, lineNumber: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`--resume: ${path}:${lineNumber} is not a checkpoint line (${(error as Error).message})`);
  }
}
