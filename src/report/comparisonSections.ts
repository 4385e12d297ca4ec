import type { GradientComparison, PartSummary } from "../check/index.ts";
import { functionWords } from "../outcome/index.ts";
import { thetaName } from "../network/thetaEntry.ts";
import { escapeHtml } from "./untrustedText.ts";
import { figure, table } from "./htmlPage.ts";
import { scatterSvg } from "./scatterSvg.ts";
import { thetaHeatmaps } from "./thetaHeatmaps.ts";

const e = (x: number) => (Number.isFinite(x) ? x.toExponential(2) : String(x));

export interface ComparisonLabels {
  /** what a is, e.g. "the submission's gradient a" */
  readonly a: string;
  /** what n is, e.g. "gradcheck's gradient n" */
  readonly n: string;
}

/**
 * The HTML of one comparison: verdict line, tolerance, a heatmap per layer, the scatter on the
 * identity line, the worst entries and the per-layer summary. `name` keeps chart ids unique
 * when a page holds several comparisons.
 */
export async function comparisonSections(c: GradientComparison, name: string, labels: ComparisonLabels): Promise<string> {
  const parts: string[] = [];
  const verdict = c.passed ? '<span class="pass">agree</span>' : '<span class="fail">differ</span>';
  parts.push(
    `<p>${verdict}: ${c.judged} entries compared, ${c.failed} outside tolerance, ${c.notDifferentiable + c.undecided} set aside (${c.notDifferentiable} not differentiable here, ${c.undecided} too noisy to decide); ‖a − n‖/‖a + n‖ = ${e(c.relativeDifference)}.</p>`,
  );
  parts.push(
    `<p class="muted">a: ${escapeHtml(labels.a)}; n: ${escapeHtml(labels.n)}. Tolerance: <code>${escapeHtml(c.formula)}</code></p>`,
  );
  for (const f of c.findings) parts.push(`<p>${functionWords(f.kind).fails ? "✗" : "·"} ${escapeHtml(functionWords(f.kind).title)}</p>`);
  if (c.compared.length > 0) {
    const maps = await thetaHeatmaps(c, `${name}-heatmap`);
    const scatter = await scatterSvg(c, `${name}-scatter`, { a: "a", n: "n" });
    parts.push(`<div class="charts">${maps.map((m) => figure(m.svg, `${m.title}: ${summaryOf(m.cells)}`)).join("\n")}</div>`);
    parts.push(
      `<div class="charts">${figure(scatter, "Points off the dashed line are entries where a ≠ n; symlog axes show entries near 0 and of order 1 alike.")}</div>`,
    );
  }
  if (c.worst.length > 0) {
    parts.push(`<h3>${c.failed > 0 ? "The worst entries" : "Closest to the tolerance"}</h3>`);
    parts.push(
      table(
        ["entry", "n (expected)", "a (actual)", "|a − n|", "|a − n| / max(|a|, |n|)", "tolerance", "verdict"],
        c.worst.map((r) => [r.label, r.expected, r.actual, e(r.absError), e(r.relError), e(r.tolerance), r.verdict]),
        [1, 2, 3, 4, 5],
      ),
    );
  }
  if (c.layers.length > 0) {
    parts.push("<h3>Per layer</h3>");
    const rows = c.layers.flatMap((l) => [
      partRow(`${thetaName(l.layer)} weights`, l.weights),
      ...(l.bias ? [partRow(`${thetaName(l.layer)} bias column`, l.bias)] : []),
    ]);
    parts.push(table(["part", "entries", "failed", "not differentiable", "max |a − n|", "max relative"], rows, [1, 2, 3, 4, 5]));
  }
  return parts.join("\n");
}

function partRow(name: string, p: PartSummary): unknown[] {
  return [name, p.count, p.failed, p.notDifferentiable, e(p.maxAbsError), e(p.maxRelError)];
}

function summaryOf(cells: readonly { ratio: number | null; column: number }[]): string {
  const failing = cells.filter((c) => c.ratio !== null && c.ratio > 1);
  if (failing.length === 0) return "every entry within tolerance";
  const bias = failing.filter((c) => c.column === 0).length;
  const where = bias === failing.length ? "all in the bias column" : bias === 0 ? "none in the bias column" : `${bias} in the bias column`;
  return `${failing.length} of ${cells.length} entries outside tolerance, ${where}`;
}
