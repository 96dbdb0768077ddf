// The tearsheet's Markdown summary, written beside the HTML page: the headline metrics and the
// account's event counts as tables, for a pull request or a terminal.
import type { TearsheetInput } from "./input.ts";

/** `pageFile`: the HTML page's file name, linked from the summary (both sit in one folder). */
export function tearsheetMarkdown(input: TearsheetInput, pageFile: string): string {
  const table = (header: string, rows: readonly { label: string; value: string }[]) => [
    `| ${header} | value |`,
    "| --- | ---: |",
    ...rows.map(({ label, value }) => `| ${cell(label)} | ${cell(value)} |`),
  ];
  return [
    `# ${input.title}`,
    "",
    ...input.notes.map((note) => `${note}  `),
    "",
    `Charts, events and trades: [${pageFile}](${pageFile}).`,
    "",
    ...table("metric", input.headline),
    "",
    "## Events",
    "",
    ...table("event", input.eventCounts),
    "",
  ].join("\n");
}

/** A pipe would end the cell early. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}
