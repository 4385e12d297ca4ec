import { describe, expect, it } from "vitest";
import { compareGradients } from "../../src/check/index.ts";
import type { CheckReport } from "../../src/judge/checkReport.ts";
import { anchorOf } from "../../src/report/anchorOf.ts";
import { escapeHtml } from "../../src/report/untrustedText.ts";
import { contentSecurityPolicy } from "../../src/report/htmlPage.ts";
import { renderCheckHtml } from "../../src/report/renderCheckHtml.ts";
import { renderClassHtml } from "../../src/report/renderClassHtml.ts";
import { renderHtml } from "../../src/index.ts";
import { classSummary, hostileId } from "../fixtures/classSummaryFixture.ts";

const hostile = `</pre><script>alert(1)</script><img src=http://example.com/x onerror=alert(2)>`;

/** Everything between tags, and every attribute value, must come from escaped text: no tag a submission wrote survives. */
function expectNoInjectedMarkup(html: string): void {
  expect(html).not.toMatch(/<(script|img|iframe|object|embed)\b/i);
  expect(html).not.toMatch(/<[^>]*\son\w+=/i);
  expect(html).not.toMatch(/<[^>]*(?:src|href)="(?:https?:|javascript:)?\/\//i);
}

describe("HTML reports as text", () => {
  it("escapes every character HTML treats specially", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  });

  it("anchors are unique per name and safe in an attribute", () => {
    expect(anchorOf("student", hostileId)).toMatch(/^student-[A-Za-z0-9_-]+$/);
    expect(anchorOf("student", "a b")).not.toBe(anchorOf("student", "a_b"));
  });

  it("a check report with hostile submission text keeps it as text, under a policy that forbids the network", async () => {
    const report: CheckReport = {
      outcome: "not-loaded",
      passed: false,
      stage: "load",
      submission: hostile,
      seed: 1,
      runs: 0,
      problem: "crashed-on-load",
      message: hostile,
      findings: [],
      checks: { matchesReference: null, selfConsistent: null },
      counterexample: null,
      shrinks: 0,
      mistakes: [],
      clues: [],
      warnings: [hostile],
      mutated: [],
    };
    const html = await renderCheckHtml(report, { replay: `gradcheck check ${hostile}`, exitCode: 2 });
    expectNoInjectedMarkup(html);
    expect(html).toContain(escapeHtml(hostile));
    expect(html).toContain(`content="${contentSecurityPolicy}"`);
    expect(contentSecurityPolicy).toMatch(/^default-src 'none';/);
  });

  it("the class overview escapes ids and messages and links each mistake to its students", async () => {
    const html = await renderClassHtml(classSummary);
    expectNoInjectedMarkup(html);
    expect(html).toContain(escapeHtml(hostileId));
    expect(html).toContain(`id="${anchorOf("mistake", "lambda-not-divided-by-m")}"`);
    expect(html).toContain(`href="#${anchorOf("mistake", "lambda-not-divided-by-m")}"`);
    for (const s of classSummary.submissions) expect(html).toContain(`id="${anchorOf("student", s.id)}"`);
  });

  it("renderHtml of a comparison without entry locations still draws one heatmap and the scatter", async () => {
    const n = Float64Array.from([1, 2, 3, 4]);
    const c = compareGradients([1, 2, 3.5, 4], { estimate: n, errorBound: new Float64Array(4) });
    const html = await renderHtml(c);
    expect(html).toContain('data-chart="comparison-heatmap-layer1"');
    expect(html).toContain('data-chart="comparison-scatter"');
    expect(html.match(/aria-label="\[\d\]: \|a − n\| \/ tolerance = [^"]*; fail"/g)).toHaveLength(1);
  });
});
