import { describe, expect, it } from "vitest";
import { tearsheetMarkdown } from "../../../src/report/tearsheet/markdown.ts";
import { smallInput } from "./fixture.ts";

describe("tearsheetMarkdown()", () => {
  it("tearsheetMarkdown() writes the headline and the event counts as tables, linking the page", () => {
    const markdown = tearsheetMarkdown(
      smallInput({ headline: [{ label: "a | b", value: "1.00" }] }),
      "run.html",
    );
    expect(markdown).toBe(
      [
        "# fixture <run> & co",
        "",
        "6 bars, hand-made  ",
        "",
        "Charts, events and trades: [run.html](run.html).",
        "",
        "| metric | value |",
        "| --- | ---: |",
        "| a \\| b | 1.00 |",
        "",
        "## Events",
        "",
        "| event | value |",
        "| --- | ---: |",
        "| margin calls | 1 |",
        "| forced fills | 1 |",
        "| rejected: insufficientCash | 2 |",
        "",
      ].join("\n"),
    );
  });
});
