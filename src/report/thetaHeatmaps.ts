import type { EntryReport, GradientComparison } from "../check/index.ts";
import { thetaName } from "../network/thetaEntry.ts";
import { heatmapScheme, okabeIto } from "./chartTheme.ts";
import { vegaSvg, type ChartSpec } from "./vegaSvg.ts";

/** |a − n| / tolerance is shown on a log scale clamped to [1/ratioClamp, ratioClamp]: 1 is the tolerance itself. */
export const ratioClamp = 1e4;

export interface HeatmapCell {
  /** the unit i of the next layer, counted from 1 as entries are named (src/network/thetaEntry.ts) */
  readonly unit: number;
  /** the column j, 0 being the bias column */
  readonly column: number;
  readonly ratio: number | null;
  readonly verdict: EntryReport["verdict"];
  readonly description: string;
}

export interface LayerHeatmap {
  readonly layer: number;
  readonly title: string;
  readonly cells: readonly HeatmapCell[];
  readonly svg: string;
}

/**
 * One heatmap per layer Θ⁽ˡ⁾: each cell is one entry's |a − n| / tolerance, blue below the
 * tolerance and orange above it, the bias column (j = 0) outlined. "Only the bias column",
 * "only layer 2" and "everywhere by the same factor" each have a shape one sees at once.
 */
export async function thetaHeatmaps(comparison: GradientComparison, name: string): Promise<LayerHeatmap[]> {
  const byLayer = new Map<number, EntryReport[]>();
  for (const r of comparison.compared) {
    const layer = r.location?.layer ?? 0;
    byLayer.set(layer, [...(byLayer.get(layer) ?? []), r]);
  }
  const maps: LayerHeatmap[] = [];
  for (const layer of [...byLayer.keys()].sort((x, y) => x - y)) {
    const cells = byLayer.get(layer)!.map(cellOf);
    const title = byLayer.get(layer)![0]!.location ? thetaName(layer) : "all entries";
    maps.push({ layer, title, cells, svg: await vegaSvg(heatmapSpec(cells, title), `${name}-layer${layer + 1}`) });
  }
  return maps;
}

function cellOf(r: EntryReport): HeatmapCell {
  const ratio = r.verdict === "not-differentiable" || r.verdict === "undecided" ? null : clampRatio(r.absError / r.tolerance);
  const shown = ratio === null ? "not differentiable here" : `|a − n| / tolerance = ${(r.absError / r.tolerance).toExponential(2)}`;
  const bias = r.location !== undefined && r.location.column === 0;
  return {
    unit: (r.location?.row ?? 0) + 1,
    column: r.location?.column ?? r.index,
    ratio,
    verdict: r.verdict,
    description: `${r.label}${bias ? " (bias)" : ""}: ${shown}; ${r.verdict}`,
  };
}

function clampRatio(x: number): number {
  return Math.min(ratioClamp, Math.max(1 / ratioClamp, x));
}

/** Columns j across, units i down: the layout of Θ⁽ˡ⁾ itself. */
const x = {
  field: "column",
  type: "ordinal",
  sort: "ascending",
  title: "column j (0 = bias)",
  axis: { labelExpr: "datum.value == 0 ? '0 bias' : datum.label", labelOverlap: true, labelAngle: 0 },
} as const;
const y = { field: "unit", type: "ordinal", sort: "ascending", title: "unit i", axis: { labelOverlap: true } } as const;

/** A declarative chart: the ratio's cells, the cells with no ratio in grey, and the bias column outlined. */
function heatmapSpec(cells: readonly HeatmapCell[], title: string): ChartSpec {
  const rows = new Set(cells.map((c) => c.unit)).size,
    columns = new Set(cells.map((c) => c.column)).size;
  const step = Math.max(3, Math.min(40, Math.floor(560 / columns), Math.floor(420 / rows)));
  return {
    title: { text: title, subtitle: "|a − n| / tolerance, log scale; above 1 (orange) fails" },
    data: { values: cells },
    width: { step },
    height: { step },
    layer: [
      {
        transform: [{ filter: "datum.ratio !== null" }],
        mark: { type: "rect", tooltip: { content: "data" } },
        encoding: {
          x,
          y,
          color: {
            field: "ratio",
            type: "quantitative",
            title: "|a − n| / tol",
            scale: { type: "log", domain: [1 / ratioClamp, ratioClamp], domainMid: 1, clamp: true, scheme: heatmapScheme },
            legend: { format: ".0e", values: [1e-4, 1e-2, 1, 1e2, 1e4] },
          },
          description: { field: "description" },
        },
      },
      {
        transform: [{ filter: "datum.ratio === null" }],
        mark: { type: "rect", fill: okabeIto.grey, opacity: 0.6 },
        encoding: { x, y, description: { field: "description" } },
      },
      {
        transform: [{ filter: "datum.column === 0 && datum.unit === 1" }],
        mark: { type: "rect", fill: null, stroke: "currentColor", strokeWidth: 2, strokeDash: [4, 2] },
        encoding: { x, y2: { value: step * rows }, y: { value: 0 }, description: { value: "bias column j = 0" } },
      },
    ],
  };
}
