import { describe, expect, it } from "vitest";
import { checkTearsheetInput, renderTearsheet } from "../../../src/report/tearsheet/index.ts";
import { EVENTS_LISTED } from "../../../src/report/tearsheet/page.ts";
import { smallInput } from "./fixture.ts";

describe("tearsheetPage()", async () => {
  const html = await renderTearsheet(smallInput());

  it("tearsheetPage() fetches nothing: no script, stylesheet link, image or outside url()", () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    // The one url() is the heatmap legend's gradient, defined in the page.
    expect([...html.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1])).toEqual(["#gradient_0"]);
    expect(html).toContain('<linearGradient id="gradient_0"');
    // Every src or href attribute, anywhere (the SVGs' xmlns names a namespace, not a fetch).
    expect(html).not.toMatch(/\s(src|href|xlink:href)\s*=/i);
    expect(html.match(/<svg /g)).toHaveLength(11);
  });

  it("tearsheetPage() escapes the text it is given", () => {
    expect(html).toContain("<title>fixture &lt;run&gt; &amp; co</title>");
    expect(html).toContain("<h1>fixture &lt;run&gt; &amp; co</h1>");
    expect(html).not.toContain("<run>");
  });

  it("tearsheetPage() shows the headline metrics as given", () => {
    expect(html).toContain("<div><dt>Total return</dt><dd>8.00%</dd></div>");
    expect(html).toContain("<div><dt>Max drawdown</dt><dd>10.00%</dd></div>");
  });

  it("tearsheetPage() lists the events by date, with their counts", () => {
    expect(html).toContain('<tr><td>margin calls</td><td class="num">1</td></tr>');
    expect(html).toContain('<tr><td>rejected: insufficientCash</td><td class="num">2</td></tr>');
    // t=2 is 2023-12-29.
    expect(html).toContain(
      "<tr><td>2023-12-29</td><td>margin call</td><td>equity 99.00 &lt; requirement 100.00, deficit 1.00</td></tr>",
    );
    expect(html).not.toContain("The first");
  });

  it("tearsheetPage() lists the first EVENTS_LISTED events and says how many there were", async () => {
    const events = Array.from({ length: EVENTS_LISTED + 1 }, (_, index) => ({
      t: 5,
      kind: "rejection: insufficientCash",
      text: `order ${index + 1}`,
    }));
    const page = await renderTearsheet(smallInput({ events }));
    expect(page).toContain(`The first ${EVENTS_LISTED} of ${EVENTS_LISTED + 1}.`);
    expect(page).toContain(`<td>order ${EVENTS_LISTED}</td>`);
    expect(page).not.toContain(`<td>order ${EVENTS_LISTED + 1}</td>`);
  });

  it("tearsheetPage() formats the trades table, open trades included", () => {
    expect(html).toContain("<h2>Trades (2)</h2>");
    expect(html).toContain(
      '<tr><td>AAA</td><td>long</td><td>2023-12-28</td><td>2024-01-03</td><td class="num">2</td><td class="num">100</td><td class="num">110</td><td class="num">18.50</td></tr>',
    );
    expect(html).toContain(
      '<tr><td>BBB</td><td>short</td><td>2024-01-02</td><td>open</td><td class="num">1.5</td><td class="num">40.25</td><td class="num"></td><td class="num">-3.00</td></tr>',
    );
    expect(html).not.toContain("The last");
  });

  it("tearsheetPage() says when it shows only the last trades", async () => {
    const page = await renderTearsheet(smallInput({ trades: { ...smallInput().trades, total: 9 } }));
    expect(page).toContain('<h2>Trades (9)</h2><p class="note">The last 2 of 9 trades.</p>');
  });

  it("renderTearsheet() gives the same page for the same input", async () => {
    expect(await renderTearsheet(smallInput())).toBe(html);
  });
});

describe("checkTearsheetInput()", () => {
  it("checkTearsheetInput() refuses a per-bar array of the wrong length, naming it", () => {
    const input = smallInput();
    expect(() => checkTearsheetInput({ ...input, drawdown: [0, 0] })).toThrow(
      "tearsheet input field=drawdown: 2 values for 6 dates; one per bar",
    );
    expect(() => checkTearsheetInput({ ...input, costs: [{ kind: "impact", perBar: [1] }] })).toThrow(
      "tearsheet input field=costs (kind=impact): 1 values for 6 dates; one per bar",
    );
    expect(() => checkTearsheetInput({ ...input, benchmark: { label: "b", equity: [] } })).toThrow(
      "tearsheet input field=benchmark.equity: 0 values for 6 dates; one per bar",
    );
  });

  it("checkTearsheetInput() refuses an event off the bars and a year of the wrong shape", () => {
    const input = smallInput();
    expect(() =>
      checkTearsheetInput({ ...input, events: [{ t: 6, kind: "margin call", text: "" }] }),
    ).toThrow("tearsheet input field=events (kind=margin call): t=6 is not a bar of the 6 dates");
    expect(() => checkTearsheetInput({ ...input, monthlyReturns: [{ year: 2024, months: [0.01] }] })).toThrow(
      "tearsheet input field=monthlyReturns (year=2024): 1 months; one per month, null for none",
    );
  });
});
