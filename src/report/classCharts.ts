import { okabeIto } from "./chartTheme.ts";
import type { SubmissionSummary } from "./ClassSummary.ts";
import { anchorOf } from "./anchorOf.ts";
import { vegaSvg, type ChartSpec } from "./vegaSvg.ts";

/** Ten bins of width 0.1; a score of exactly 1 belongs to the last. */
export const scoreBins = 10;

export function scoreBin(score: number): number {
  return Math.min(scoreBins - 1, Math.max(0, Math.floor(score * scoreBins)));
}

export function binLabel(bin: number): string {
  return `${(bin / scoreBins).toFixed(1)}–${((bin + 1) / scoreBins).toFixed(1)}`;
}

/** The score distribution of the graded submissions; each bar links to its students. */
export async function scoreHistogramSvg(graded: readonly SubmissionSummary[]): Promise<string> {
  const counts = Array.from({ length: scoreBins }, (_, bin) => ({
    bin: binLabel(bin),
    students: 0,
    href: `#${anchorOf("score", String(bin))}`,
    description: "",
  }));
  for (const s of graded) counts[scoreBin(s.score)]!.students++;
  for (const c of counts) c.description = `score ${c.bin}: ${c.students} student${c.students === 1 ? "" : "s"}`;
  const spec: ChartSpec = {
    title: { text: "Score distribution", subtitle: `${graded.length} graded submissions; a bar links to its students` },
    data: { values: counts },
    width: 420,
    height: 200,
    mark: { type: "bar", fill: okabeIto.blue, cursor: "pointer" },
    encoding: {
      x: { field: "bin", type: "ordinal", sort: null, title: "score (fraction of the points)", axis: { labelAngle: -40 } },
      y: { field: "students", type: "quantitative", title: "students", axis: { tickMinStep: 1 } },
      href: { field: "href" },
      description: { field: "description" },
    },
  };
  return vegaSvg(spec, "score-histogram");
}

/** How many students made each recognised mistake, most common first; each bar links to them. */
export async function mistakeBarsSvg(submissions: readonly SubmissionSummary[]): Promise<string> {
  const counts = new Map<string, number>();
  for (const s of submissions) for (const id of new Set(s.mistakes)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const values = [...counts]
    .sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))
    .map(([mistake, students]) => ({
      mistake,
      students,
      href: `#${anchorOf("mistake", mistake)}`,
      description: `${mistake}: ${students} student${students === 1 ? "" : "s"}`,
    }));
  const spec: ChartSpec = {
    title: { text: "Mistakes recognised", subtitle: "students per mistake; a bar links to them" },
    data: { values },
    width: 420,
    height: { step: 22 },
    mark: { type: "bar", fill: okabeIto.vermillion, cursor: "pointer" },
    encoding: {
      y: { field: "mistake", type: "nominal", sort: null, title: null, axis: { labelLimit: 260 } },
      x: { field: "students", type: "quantitative", title: "students", axis: { tickMinStep: 1 } },
      href: { field: "href" },
      description: { field: "description" },
    },
  };
  return vegaSvg(spec, "mistake-bars");
}
