// The tearsheet as one HTML string: inline CSS, the charts as inline SVG, the headline metrics,
// the events and the trades. No script, no link, no image: it opens offline as it is.
import { decimal, money } from "../format.ts";
import { escapeHtml, htmlTable } from "./html.ts";
import type { TearsheetInput } from "./input.ts";

export interface RenderedChart {
  readonly id: string;
  readonly wide: boolean;
  readonly svg: string;
}

/** The events list stops here; the counts by kind above it cover them all. */
export const EVENTS_LISTED = 500;

export function tearsheetPage(input: TearsheetInput, charts: readonly RenderedChart[]): string {
  return htmlPage(
    input.title,
    input.notes,
    [headlineSection(input), chartsSection(charts), eventsSection(input), tradesSection(input)].join("\n"),
  );
}

/**
 * One page in assay's look (the tearsheet, the sweep and stress reports): the title, the notes
 * under it, then `body`, already HTML. Inline CSS only: it opens offline as it is.
 */
export function htmlPage(title: string, notes: readonly string[], body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(title)}</h1>
${notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join("\n")}
</header>
${body}
</main>
</body>
</html>
`;
}

function headlineSection(input: TearsheetInput): string {
  const items = input.headline.map(
    ({ label, value }) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`,
  );
  return `<section id="headline"><dl>${items.join("\n")}</dl></section>`;
}

/**
 * The wide charts (equity, linear and log) on top, the others two a row. The two equity charts
 * share a place: a checkbox before them shows one or the other through CSS alone, so the page
 * needs no script.
 */
function chartsSection(charts: readonly RenderedChart[]): string {
  const figures = (wide: boolean) =>
    charts
      .filter((chart) => chart.wide === wide)
      .map((chart) => `<figure class="chart" id="chart-${chart.id}">${chart.svg}</figure>`)
      .join("\n");
  const toggle = charts.some((chart) => chart.id === "equity-log")
    ? '<input type="checkbox" id="log-scale"><label for="log-scale">log scale</label>'
    : '<p class="note">No log scale: equity or the benchmark reached 0 or below.</p>';
  return `<section id="charts">
<div class="equity">${toggle}
${figures(true)}
</div>
<div class="grid">
${figures(false)}
</div>
</section>`;
}

function eventsSection(input: TearsheetInput): string {
  const counts = htmlTable(
    ["event", "count"],
    input.eventCounts.map(({ label, value }) => [label, value]),
    new Set([1]),
  );
  const listed = input.events.slice(0, EVENTS_LISTED);
  const shown =
    listed.length < input.events.length
      ? `<p class="note">The first ${listed.length} of ${input.events.length}.</p>`
      : "";
  const list =
    listed.length === 0
      ? "<p>No dated events.</p>"
      : htmlTable(
          ["date", "event", "detail"],
          listed.map((event) => [input.dates[event.t], event.kind, event.text]),
        );
  return `<section id="events"><h2>Events</h2>${counts}${shown}<div class="scroll">${list}</div></section>`;
}

function tradesSection(input: TearsheetInput): string {
  const { rows, total } = input.trades;
  const table = htmlTable(
    ["asset", "side", "entry", "exit", "quantity", "entry price", "exit price", "P&L"],
    rows.map((trade) => [
      trade.asset,
      trade.side,
      trade.entry,
      trade.exit ?? "open",
      decimal(trade.absQty),
      decimal(trade.entryPrice, 4),
      trade.exitPrice === null ? "" : decimal(trade.exitPrice, 4),
      money(trade.pnl),
    ]),
    new Set([4, 5, 6, 7]),
  );
  const shown = rows.length < total ? `<p class="note">The last ${rows.length} of ${total} trades.</p>` : "";
  return `<section id="trades"><h2>Trades (${total})</h2>${shown}<div class="scroll">${table}</div></section>`;
}

/** The look of assay's pages (htmlPage). */
const PAGE_STYLE = `
body { margin: 0; background: #f4f5f7; color: #222; font: 14px/1.4 Helvetica, Arial, sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 20px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 24px 0 8px; }
.note { color: #666; margin: 2px 0; }
#headline dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 8px; margin: 16px 0; }
#headline div { background: white; border: 1px solid #ddd; border-radius: 4px; padding: 8px 10px; }
#headline dt { color: #666; font-size: 12px; }
#headline dd { margin: 2px 0 0; font-size: 17px; font-variant-numeric: tabular-nums; }
.chart { margin: 0; background: white; border: 1px solid #ddd; border-radius: 4px; overflow: hidden; }
.chart svg { display: block; }
.equity { margin-bottom: 10px; }
.equity label { margin-left: 4px; }
#log-scale:checked ~ #chart-equity, #log-scale:not(:checked) ~ #chart-equity-log { display: none; }
.grid { display: grid; grid-template-columns: repeat(2, 1fr); gap: 10px; }
table { border-collapse: collapse; background: white; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
th { background: #f0f0f0; font-weight: normal; color: #444; }
.num { text-align: right; }
/* Long lists scroll in place, under a header that stays, so that the page stays short. */
.scroll { display: inline-block; max-height: 420px; overflow-y: auto; border-bottom: 1px solid #ddd; }
.scroll table { margin: 0; }
.scroll th { position: sticky; top: 0; }
`;
