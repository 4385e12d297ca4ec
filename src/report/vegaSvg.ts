import type { TopLevelSpec } from "vega-lite";
import { chartConfig } from "./chartTheme.ts";

/**
 * A Vega-Lite specification as plain data. Vega-Lite's own TypeScript types are too deep to
 * check object literals against quickly, so compile() validates it at run time instead.
 */
export type ChartSpec = Readonly<Record<string, unknown>>;

/**
 * A Vega-Lite spec rendered to a static SVG string in Node: no DOM, no canvas, no script in
 * the page. `name` prefixes the SVG's ids (clip paths, gradients), which Vega numbers per
 * view, so that several charts inlined in one page never share an id.
 */
export async function vegaSvg(spec: ChartSpec, name: string): Promise<string> {
  // Loaded on first use: the command line starts without paying for them when no report is written.
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const withConfig = { ...spec, config: chartConfig } as unknown as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(withConfig).spec), { renderer: "none", logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    const prefix = name.replace(/[^A-Za-z0-9_-]/g, "-");
    return (
      svg
        .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
        .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
        .replace(/^<svg /, `<svg data-chart="${prefix}" role="img" `)
        // A native tooltip per mark, with no script: the mark's description as its <title>.
        .replace(/<path ([^>]*?)aria-label="([^"]*)"([^>]*?)\/>/g, '<path $1aria-label="$2"$3><title>$2</title></path>')
    );
  } finally {
    view.finalize();
  }
}
