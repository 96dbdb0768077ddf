// How report numbers print, in one place: the summary, the tearsheet and its Markdown beside it
// (and the tests that read them back) all format through these.

/** Account currency to the cent, with thousands separators: 1234567.891 -> "1,234,567.89". */
export function money(value: number): string {
  return cents(value).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A fraction as a percent: 0.12345 -> "12.35%". */
export function percent(value: number): string {
  return `${ratio(value * 100)}%`;
}

/** A ratio such as Sharpe or leverage: 1.2345 -> "1.23". */
export function ratio(value: number): string {
  return cents(value).toFixed(2);
}

/** A price or a quantity: as many decimals as it has, up to `maxDecimals`, with thousands separators. */
export function decimal(value: number, maxDecimals = 6): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: maxDecimals });
}

// Rounded to 2 decimals first, + 0: a -0 (no commission) or -0.001 prints 0.00, not -0.00.
function cents(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}

/** Columns padded to their widest cell, numbers right-aligned. */
export function alignTable(
  header: readonly string[],
  rows: readonly string[][],
  right: readonly boolean[],
): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (right[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
