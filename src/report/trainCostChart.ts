import { vegaSvg, type ChartSpec } from "./vegaSvg.ts";

/**
 * J against the iteration as a Vega-Lite spec — one line per run, log scale because J falls
 * by orders of magnitude at first and by per cents later. The spec is saved with the figures
 * so the chart can be redrawn elsewhere.
 */
export function costChartSpec(runs: ReadonlyArray<{ readonly name: string; readonly costHistory: readonly number[] }>): ChartSpec {
  const values = runs.flatMap((r) =>
    r.costHistory.map((J, iteration) => ({ run: r.name, iteration, J })).filter((p) => Number.isFinite(p.J) && p.J > 0),
  );
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

/** The cost history drawn as a static SVG. */
export function costChartSvg(spec: ChartSpec): Promise<string> {
  return vegaSvg(spec, "cost-history");
}
