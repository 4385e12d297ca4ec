import { thetaIndexConvention } from "../network/thetaEntry.ts";
import type { CheckEvidence } from "../judge/checkEvidence.ts";
import type { CheckReport, FailedReport, NotLoadedReport, PassedReport, ProbeFailedReport, TooSlowReport } from "../judge/checkReport.ts";
import { findingInfo } from "../outcome/index.ts";
import { mistakeInfo } from "../mistakes/mistakeInfo.ts";
import { clueTitles, explainedText } from "../judge/clues/Clue.ts";
import { rankedByShare, severalAtOnce } from "../judge/findClues.ts";
import { comparisonSections } from "./comparisonSections.ts";
import { escapeHtml } from "./untrustedText.ts";
import { figure, htmlPage } from "./htmlPage.ts";
import { stepSweepSvg } from "./stepSweepSvg.ts";

export interface CheckHtmlContext {
  readonly replay: string;
  readonly exitCode: number;
  /** the plots' data; without it the page has the verdict, findings and diagnosis only */
  readonly evidence?: CheckEvidence | { readonly error: string };
}

/** `gradcheck check --report DIR`'s report.html: verdict, findings, diagnosis and the plots of where the error is. */
export async function renderCheckHtml(report: CheckReport, context: CheckHtmlContext): Promise<string> {
  switch (report.outcome) {
    case "not-loaded":
    case "too-slow":
      return htmlPage("gradcheck check", [...summary(report, context, findingInfo[report.problem].title), ...notJudged(report)].join("\n"));
    case "passed":
      return judgedPage(report, context, "passed");
    case "probe-failed":
    case "failed":
      return judgedPage(report, context, "failed");
  }
}

/** The verdict as the page's heading, then submission, seed, networks tried, exit code, replay and warnings. */
function summary(report: CheckReport, context: CheckHtmlContext, verdict: string): string[] {
  return [
    `<h1>gradcheck check: <span class="${report.passed ? "pass" : "fail"}">${escapeHtml(verdict)}</span></h1>`,
    `<p>Submission <code>${escapeHtml(report.submission)}</code> · seed ${report.seed} · ${report.runs} random network${report.runs === 1 ? "" : "s"} · exit code ${context.exitCode}</p>`,
    `<p>Replay: <code>${escapeHtml(context.replay)}</code></p>`,
    ...report.warnings.map((w) => `<p class="muted">warning: ${escapeHtml(w)}</p>`),
  ];
}

function notJudged(report: NotLoadedReport | TooSlowReport): string[] {
  const info = findingInfo[report.problem];
  return [
    `<h2>${escapeHtml(info.title)}</h2>`,
    `<p>${escapeHtml(info.explanation)}</p>`,
    `<pre>${escapeHtml(report.message)}</pre>`,
    `<p>Hint: ${escapeHtml(info.hint)}</p>`,
  ];
}

/** A page for a check that judged answers: on a failure its findings and diagnosis, the plots, the counterexample. */
async function judgedPage(
  report: PassedReport | ProbeFailedReport | FailedReport,
  context: CheckHtmlContext,
  verdict: string,
): Promise<string> {
  const body = summary(report, context, verdict);
  if (report.outcome !== "passed") body.push(...findingsAndDiagnosis(report));
  if (context.evidence) body.push(...(await evidenceSections(context.evidence, report.passed)));
  if (report.counterexample) {
    body.push(
      "<h2>Minimal counterexample</h2>",
      "<p>In the case-file format; save it and replay with <code>gradcheck eval FILE.json</code>.</p>",
      `<details><summary>show the JSON</summary><pre>${escapeHtml(JSON.stringify(report.counterexample, null, 1))}</pre></details>`,
    );
  }
  if (report.mutated.length > 0)
    body.push(
      `<p>Warning: ${escapeHtml(findingInfo["mutated-input"].title)} (${escapeHtml(report.mutated.join(", "))}). ${escapeHtml(findingInfo["mutated-input"].hint)}</p>`,
    );
  return htmlPage(`gradcheck check: ${verdict}`, body.join("\n"));
}

function findingsAndDiagnosis(report: ProbeFailedReport | FailedReport): string[] {
  const v = (x: boolean | null) =>
    x === null ? "not reached" : x ? '<span class="pass">passed</span>' : '<span class="fail">failed</span>';
  const out = [
    "<h2>Checks</h2>",
    `<p>(a) cost and gradient against gradcheck's own: ${v(report.checks.matchesReference)}<br>(b) gradient against finite differences of its own cost: ${report.checks.notDecided === undefined ? v(report.checks.selfConsistent) : `not decided (${escapeHtml(report.checks.notDecided)})`}</p>`,
    "<h2>Findings</h2>",
    `<ul>${report.findings.map((f) => `<li><strong>${escapeHtml(findingInfo[f.problem].title)}</strong>${f.check ? ` (${f.check})` : ""}: ${escapeHtml(f.message)}</li>`).join("\n")}</ul>`,
    "<h2>Diagnosis</h2>",
  ];
  if (report.mistakes.length === 0) out.push("<p>No catalogued mistake matches the error pattern.</p>");
  if (report.mistakes.length === 0 && report.clues.length > 0) {
    out.push(
      `<p>What the numbers show${severalAtOnce(report.clues) ? " (two patterns at once: maybe several mistakes)" : ""}${rankedByShare(report.clues) ? ", ordered by how much of the error each explains" : ""}:</p>`,
    );
    out.push(
      `<ul>${report.clues.map((c) => `<li><strong>${escapeHtml(clueTitles[c.id])}</strong> (<code>${c.id}</code>): ${escapeHtml(c.message)}${explainedText(c) ? ` (${escapeHtml(explainedText(c)!)})` : ""}</li>`).join("\n")}</ul>`,
    );
  }
  for (const id of report.mistakes) {
    const m = mistakeInfo[id];
    out.push(
      `<h3><code>${escapeHtml(id)}</code>: ${escapeHtml(m.title)}</h3>`,
      `<p>${escapeHtml(m.explanation)}</p>`,
      `<p>Fix: ${escapeHtml(m.hint)}</p>`,
    );
  }
  return out;
}

async function evidenceSections(evidence: CheckEvidence | { readonly error: string }, passed: boolean): Promise<string[]> {
  if ("error" in evidence) return ["<h2>Where the error is</h2>", `<p>No plots: ${escapeHtml(evidence.error)}</p>`];
  const c = evidence.calls;
  const out = [
    `<h2>${passed ? "What agreement looks like" : "Where the error is"}</h2>`,
    `<p>On ${passed ? "a fixed case" : "the shrunk counterexample"} <code>${escapeHtml(evidence.caseName)}</code>: layerSizes [${evidence.layerSizes.join(", ")}], m = ${evidence.m}. Entries are named ${escapeHtml(thetaIndexConvention)}.</p>`,
    `<p class="muted">This report called the submission ${c.answer + c.entryByEntry + c.sweeps} more times than the check itself: ${c.answer} for its answer, ${c.entryByEntry} for finite differences of its own J entry by entry${evidence.fdMethod ? ` (${escapeHtml(evidence.fdMethod)})` : ""}, ${c.sweeps} for the step sweeps.</p>`,
    ...evidence.notes.map((n) => `<p class="muted">${escapeHtml(n)}</p>`),
    "<h3>(a) the submission's gradient against gradcheck's</h3>",
    await comparisonSections(evidence.a, "check-a", { a: "the submission's gradient", n: "gradcheck's gradient" }),
  ];
  if (evidence.b) {
    out.push(
      "<h3>(b) the submission's gradient against finite differences of its own J</h3>",
      await comparisonSections(evidence.b, "check-b", {
        a: "the submission's gradient",
        n: "finite differences of the submission's own J",
      }),
    );
  }
  if (evidence.sweeps.length > 0) {
    out.push(
      "<h3>Error against step, for the worst entries of (b)</h3>",
      "<p>Central differences of the submission's own J at steps 2⁻³ … 2⁻³⁰, each measured against the Richardson estimate R. Truncation error falls to the left (∝ h²) until round-off rises (∝ ε/h): the V. A gradient entry far above the bottom of the V is wrong; one near it is finite-difference noise.</p>",
    );
    const charts = await Promise.all(evidence.sweeps.map((s, k) => stepSweepSvg(s, `sweep-${k}`)));
    out.push(
      `<div class="charts">${charts.map((svg, k) => figure(svg, `${evidence.sweeps[k]!.entry.label}: |a − R| = ${Math.abs(evidence.sweeps[k]!.claimed - evidence.sweeps[k]!.richardson).toExponential(2)}, R's error bound ${evidence.sweeps[k]!.errorBound.toExponential(2)}`)).join("\n")}</div>`,
    );
  }
  return out;
}
