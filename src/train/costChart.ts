import type { TopLevelSpec } from "vega-lite";

/**
 * J against the iteration as a Vega-Lite spec — one line per run, log scale because J falls
 * by orders of magnitude at first and by per cents later. Rendered to SVG in Node by
 * costChartSvg; the spec itself is saved with the figures so it can be re-rendered elsewhere.
 */
export function costChartSpec(runs: ReadonlyArray<{ readonly name: string; readonly costHistory: readonly number[] }>): TopLevelSpec {
  const values = runs.flatMap((r) => r.costHistory.map((J, iteration) => ({ run: r.name, iteration, J })).filter((p) => Number.isFinite(p.J) && p.J > 0));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: 560,
    height: 280,
    data: { values },
    mark: { type: "line", strokeWidth: 1.5 },
    encoding: {
      x: { field: "iteration", type: "quantitative", title: "iteration" },
      y: { field: "J", type: "quantitative", scale: { type: "log" }, title: "J(Θ) on the training set" },
      color: { field: "run", type: "nominal", title: null, legend: { orient: "top-right", labelLimit: 0 } },
    },
  };
}

/** The spec drawn as a standalone SVG; vega is loaded only when a chart is drawn. */
export async function costChartSvg(spec: TopLevelSpec): Promise<string> {
  const [{ compile }, { parse, View }] = await Promise.all([import("vega-lite"), import("vega")]);
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
