import type { GradientComparison } from "../check/index.ts";
import { thetaIndexConvention } from "../network/thetaEntry.ts";
import { comparisonSections, type ComparisonLabels } from "./comparisonSections.ts";
import { escapeHtml } from "./untrustedText.ts";
import { htmlPage } from "./htmlPage.ts";

export interface RenderHtmlOptions {
  readonly title?: string;
  /** a paragraph of context under the title (plain text) */
  readonly description?: string;
  readonly labels?: ComparisonLabels;
}

/**
 * A GradientComparison as one self-contained HTML page: a heatmap of |a − n| / tolerance per
 * layer, the scatter of a against n, the worst entries and the per-layer summary. Static
 * SVG, no script, no network.
 */
export async function renderHtml(comparison: GradientComparison, options: RenderHtmlOptions = {}): Promise<string> {
  const title = options.title ?? "gradcheck: gradient comparison";
  const labels = options.labels ?? { a: "the analytic gradient", n: "finite differences" };
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="verdict ${comparison.passed ? "pass" : "fail"}">${comparison.passed ? "PASS" : "FAIL"}</p>`,
    options.description ? `<p>${escapeHtml(options.description)}</p>` : "",
    `<p class="muted">Entries are named ${escapeHtml(thetaIndexConvention)}.</p>`,
    await comparisonSections(comparison, "comparison", labels),
  ];
  return htmlPage(title, body.join("\n"));
}
