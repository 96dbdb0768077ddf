// HTML text from strings the page did not write itself: symbols, reasons, titles.

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A table of text cells; `numeric` columns align right. Every cell is escaped. */
export function htmlTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: ReadonlySet<number> = new Set(),
): string {
  const cell = (tag: "th" | "td", text: string, column: number) =>
    `<${tag}${numeric.has(column) ? ' class="num"' : ""}>${escapeHtml(text)}</${tag}>`;
  const head = `<tr>${headers.map((text, column) => cell("th", text, column)).join("")}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((text, column) => cell("td", text, column)).join("")}</tr>`);
  return `<table><thead>${head}</thead><tbody>${body.join("\n")}</tbody></table>`;
}
