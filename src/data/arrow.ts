// SPEC 1 (data): an Apache Arrow IPC file (file or stream format) in long layout, one row per
// date and symbol, through the same row checks as the CSV loader.
import { tableFromIPC } from "apache-arrow";
import { badFile } from "./errors.ts";
import { readBytes } from "./files.ts";
import { type LoadedPanel, panelFromTables, type RowTable, type TableOptions } from "./table.ts";
import { TYPED_CELLS } from "./typed-cells.ts";

export function loadArrowPanel(file: string, options: TableOptions = {}): LoadedPanel {
  return parseArrowPanel(readBytes(file), file, options);
}

/** Columns as in the CSV loader; dates as Timestamp or Date columns, UTC ms numbers or ISO text. */
export function parseArrowPanel(bytes: Uint8Array, file: string, options: TableOptions = {}): LoadedPanel {
  return panelFromTables([arrowTable(bytes, file)], file, options);
}

function arrowTable(bytes: Uint8Array, file: string): RowTable {
  let table: ReturnType<typeof tableFromIPC>;
  try {
    table = tableFromIPC(bytes);
  } catch (err) {
    throw badFile(file, "Arrow IPC", (err as Error).message);
  }
  const columns = table.schema.fields.map((field) => field.name);
  const vectors = columns.map((_, k) => table.getChildAt(k));
  return {
    file,
    rows: table.numRows,
    columns,
    header: { file },
    cell: (column, r) => vectors[column]?.get(r),
    where: (r) => ({ file, row: r }),
    cells: TYPED_CELLS,
  };
}
