import type { GradientComparison } from "../check/index.ts";
import { verdictColour } from "./chartTheme.ts";
import { vegaSvg, type ChartSpec } from "./vegaSvg.ts";

/**
 * Analytic against numerical, one point per entry, on the identity line: right entries sit on
 * it, a constant factor is a second line through 0, a wrong bias column a cloud of its own.
 * Axes are symlog so that entries near 0 and of order 1 are both visible.
 */
export async function scatterSvg(
  comparison: GradientComparison,
  name: string,
  labels = { a: "analytic a", n: "numerical n" },
): Promise<string> {
  const points = comparison.compared.map((r) => ({
    n: r.expected,
    a: r.actual,
    verdict: r.verdict,
    description: `${r.label}: ${labels.n} = ${r.expected}, ${labels.a} = ${r.actual}; ${r.verdict}`,
  }));
  const extent = points.reduce((m, p) => Math.max(m, Math.abs(p.a), Math.abs(p.n)), 0) || 1;
  const scale = { type: "symlog", constant: extent * 1e-3, domain: [-extent, extent], nice: false } as const;
  const spec: ChartSpec = {
    title: { text: `${labels.a} against ${labels.n}`, subtitle: "one point per entry; right entries lie on the line a = n" },
    width: 320,
    height: 320,
    layer: [identityLine(extent, scale), entryPoints(points, scale, labels)],
  };
  return vegaSvg(spec, name);
}

type Scale = { readonly type: "symlog"; readonly constant: number; readonly domain: readonly number[]; readonly nice: false };

/** The line a = n across the plot, dashed: where every right entry lies. */
function identityLine(extent: number, scale: Scale) {
  return {
    data: { values: [{ v: -extent }, { v: extent }] },
    mark: { type: "line", stroke: "currentColor", strokeDash: [4, 3], opacity: 0.6 },
    encoding: {
      x: { field: "v", type: "quantitative", scale },
      y: { field: "v", type: "quantitative", scale },
      description: { value: "identity line a = n" },
    },
  };
}

/** One point per entry, coloured and shaped by its verdict (shape too, for readers who cannot tell the colours apart). */
function entryPoints(points: readonly object[], scale: Scale, labels: { readonly a: string; readonly n: string }) {
  return {
    data: { values: points },
    mark: { type: "point", filled: true, size: 40, opacity: 0.8, tooltip: { content: "data" } },
    encoding: {
      x: { field: "n", type: "quantitative", scale, title: labels.n },
      y: { field: "a", type: "quantitative", scale, title: labels.a },
      color: {
        field: "verdict",
        type: "nominal",
        title: "entry",
        scale: { domain: Object.keys(verdictColour), range: Object.values(verdictColour) },
      },
      shape: {
        field: "verdict",
        type: "nominal",
        scale: { domain: Object.keys(verdictColour), range: ["circle", "triangle-up", "square", "diamond"] },
      },
      description: { field: "description" },
    },
  };
}
