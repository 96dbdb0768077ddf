// SPEC 1 (data): a Parquet file in long layout, one row per date and symbol, through the same row
// checks as the CSV loader. hyparquet reads it (snappy, gzip, zstd, brotli via hyparquet-compressors).
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { badFile } from "./errors.ts";
import { readBytes } from "./files.ts";
import { type LoadedPanel, panelFromTables, type RowTable, type TableOptions } from "./table.ts";
import { TYPED_CELLS } from "./typed-cells.ts";

export async function loadParquetPanel(file: string, options: TableOptions = {}): Promise<LoadedPanel> {
  return parseParquetPanel(readBytes(file), file, options);
}

/** Columns as in the CSV loader; dates as TIMESTAMP or DATE columns, UTC ms numbers or ISO text. */
export async function parseParquetPanel(
  bytes: Uint8Array,
  file: string,
  options: TableOptions = {},
): Promise<LoadedPanel> {
  return panelFromTables([await parquetTable(bytes, file)], file, options);
}

async function parquetTable(bytes: Uint8Array, file: string): Promise<RowTable> {
  // hyparquet reads an ArrayBuffer; a Buffer from readFileSync may be a view into a shared pool.
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let columns: string[];
  let rows: Record<string, unknown>[];
  try {
    const metadata = parquetMetadata(buffer);
    // Top-level columns: the schema's root lists its children first, each followed by its own.
    columns = topLevelNames(metadata.schema);
    rows = await parquetReadObjects({ file: buffer, metadata, compressors });
  } catch (err) {
    throw badFile(file, "Parquet", (err as Error).message);
  }
  return {
    file,
    rows: rows.length,
    columns,
    header: { file },
    cell: (column, r) => rows[r][columns[column]],
    where: (r) => ({ file, row: r }),
    cells: TYPED_CELLS,
  };
}

function topLevelNames(schema: readonly { name: string; num_children?: number }[]): string[] {
  const names: string[] = [];
  let k = 1;
  const skip = (at: number): number => {
    let next = at + 1;
    for (let c = 0; c < (schema[at].num_children ?? 0); c++) next = skip(next);
    return next;
  };
  while (k < schema.length) {
    names.push(schema[k].name);
    k = skip(k);
  }
  return names;
}
