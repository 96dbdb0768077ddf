// A vega-lite spec to an SVG string, in Node: vega's headless View (no DOM, no canvas), so the
// page carries finished drawings and needs no script or network to show them.
import { logger, parse, resetSVGDefIds, View, Warn } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** The look every chart shares: plain sans-serif text, light grid, no border around the plot. */
const THEME = {
  font: "Helvetica, Arial, sans-serif",
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: "normal", gridColor: "#eee" },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: "top", labelLimit: 320 },
  title: { fontSize: 13, anchor: "start" },
} as const;

/**
 * The charts of one page, in order. vega numbers SVG defs (gradient_0, clip1...) from a
 * process-wide counter: it restarts here, so that a page is the same whatever was drawn before
 * it, and counts on across the page, so that its inline SVGs never share an id.
 */
export async function renderPageSvgs(
  charts: readonly { readonly name: string; readonly spec: TopLevelSpec }[],
): Promise<string[]> {
  resetSVGDefIds();
  const svgs: string[] = [];
  for (const { name, spec } of charts) svgs.push(await renderSvg(spec, name));
  return svgs;
}

/** `name` says which chart a warning came from. */
export async function renderSvg(spec: TopLevelSpec, name: string): Promise<string> {
  // A warning means a chart drawn other than specified (an encoding dropped, a scale changed):
  // an error here, not a line on the console and a wrong chart in the page.
  const strict = logger(Warn, undefined, (_method, level, args) => {
    throw new Error(`tearsheet chart ${name}: ${level} ${args.join(" ")}`);
  });
  const themed = { ...spec, config: { ...THEME, ...spec.config } } as TopLevelSpec;
  const view = new View(parse(compile(themed, { logger: strict }).spec), {
    renderer: "none",
    logger: strict,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
