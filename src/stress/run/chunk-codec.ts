// An outcome chunk as plain JSON, bit for bit (each typed array as base64): a checkpoint's line
// and a shard's outcomes, read back into the chunk that was written.
import { type ChunkColumn, checkedChunk, namedColumns, type OutcomeChunk } from "../chunk.ts";

export interface EncodedChunk {
  readonly firstPath: number;
  readonly paths: number;
  readonly bars: number;
  readonly fanBars: number[];
  readonly columns: Record<ChunkColumn, { readonly type: "f64" | "i32"; readonly data: string }>;
}

export function encodeChunk(chunk: OutcomeChunk): EncodedChunk {
  const columns = Object.fromEntries(
    namedColumns(chunk).map(([name, column]) => [
      name,
      {
        type: column instanceof Int32Array ? "i32" : "f64",
        data: Buffer.from(column.buffer, column.byteOffset, column.byteLength).toString("base64"),
      },
    ]),
  ) as EncodedChunk["columns"];
  return {
    firstPath: chunk.firstPath,
    paths: chunk.paths,
    bars: chunk.bars,
    fanBars: [...chunk.fanBars],
    columns,
  };
}

export function decodeChunk(encoded: EncodedChunk): OutcomeChunk {
  const columns = Object.fromEntries(
    Object.entries(encoded.columns).map(([name, { type, data }]) => {
      const bytes = Buffer.from(data, "base64");
      // A copy into an aligned buffer of its own (a Buffer's may be shared and unaligned).
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      return [name, type === "i32" ? new Int32Array(buffer) : new Float64Array(buffer)];
    }),
  );
  return checkedChunk({
    ...(columns as unknown as Omit<OutcomeChunk, "bars" | "fanBars" | "firstPath" | "paths">),
    bars: encoded.bars,
    fanBars: Int32Array.from(encoded.fanBars),
    firstPath: encoded.firstPath,
    paths: encoded.paths,
  });
}
