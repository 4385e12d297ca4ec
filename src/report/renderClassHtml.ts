import { mistakeInfo, type MistakeId } from "../mistakes/mistakeInfo.ts";
import { anchorOf } from "./anchorOf.ts";
import { binLabel, mistakeBarsSvg, scoreBin, scoreBins, scoreHistogramSvg } from "./classCharts.ts";
import type { ClassSummary, SubmissionSummary } from "./ClassSummary.ts";
import { classFigures, figuresSentence } from "./classFigures.ts";
import { escapeHtml } from "./untrustedText.ts";
import { figure, htmlPage } from "./htmlPage.ts";

const link = (kind: string, name: string, text = name) => `<a href="#${anchorOf(kind, name)}">${escapeHtml(text)}</a>`;
const studentLinks = (ss: readonly SubmissionSummary[]) => ss.map((s) => link("student", s.id)).join(", ") || "none";

/**
 * `grade --report`'s class overview: the score distribution and the mistakes recognised, each
 * bar linking to its students, then every student with the rubric items they failed. All
 * text a student or a rubric supplied is escaped.
 */
export async function renderClassHtml(summary: ClassSummary): Promise<string> {
  const graded = summary.submissions.filter((s) => s.status === "graded");
  const notGraded = summary.submissions.filter((s) => s.status !== "graded");
  const figures = classFigures(summary.submissions);
  const body = [
    "<h1>gradcheck grade: class overview</h1>",
    `<p>${figures.students} submissions · ${figures.graded} graded · ${escapeHtml(figuresSentence(figures))} · seed ${escapeHtml(summary.seed)} · gradcheck ${escapeHtml(summary.version)}</p>`,
    notGraded.length
      ? `<p class="fail">Not graded (nothing could be run): ${notGraded.map((s) => `${link("student", s.id)} (${escapeHtml(s.status)})`).join(", ")}</p>`
      : "",
    `<div class="charts">${figure(await scoreHistogramSvg(graded), "Graded submissions only.")}${figure(await mistakeBarsSvg(summary.submissions), "A student may make several mistakes.")}</div>`,
    ...scoreSections(graded),
    ...mistakeSections(summary.submissions),
    "<h2>Every student</h2>",
    ...summary.submissions.map(studentSection),
  ];
  return htmlPage("gradcheck grade: class overview", body.join("\n"));
}

function scoreSections(graded: readonly SubmissionSummary[]): string[] {
  const out = ["<h2>Students by score</h2>", "<ul>"];
  for (let bin = scoreBins - 1; bin >= 0; bin--) {
    const ss = graded.filter((s) => scoreBin(s.score) === bin);
    out.push(`<li id="${anchorOf("score", String(bin))}">score ${binLabel(bin)}: ${studentLinks(ss)}</li>`);
  }
  return [...out, "</ul>"];
}

function mistakeSections(submissions: readonly SubmissionSummary[]): string[] {
  const ids = [...new Set(submissions.flatMap((s) => s.mistakes))].sort();
  if (ids.length === 0) return ["<h2>Students by mistake</h2>", "<p>No catalogued mistake was recognised.</p>"];
  const out = ["<h2>Students by mistake</h2>"];
  for (const id of ids) {
    const info = (mistakeInfo as Partial<Record<string, (typeof mistakeInfo)[MistakeId]>>)[id];
    out.push(`<h3 id="${anchorOf("mistake", id)}"><code>${escapeHtml(id)}</code>${info ? `: ${escapeHtml(info.title)}` : ""}</h3>`);
    if (info) out.push(`<p class="muted">${escapeHtml(info.explanation)} Fix: ${escapeHtml(info.hint)}</p>`);
    out.push(`<p>${studentLinks(submissions.filter((s) => s.mistakes.includes(id)))}</p>`);
  }
  return out;
}

function studentSection(s: SubmissionSummary): string {
  const failed = s.items.filter((i) => !i.passed);
  const items = failed
    .map((i) => `<li><code>${escapeHtml(i.id)}</code> (${escapeHtml(i.points)}/${escapeHtml(i.maxPoints)}): ${escapeHtml(i.message)}</li>`)
    .join("\n");
  const mistakes = s.mistakes.map((m) => link("mistake", m)).join(", ");
  return [
    `<h3 id="${anchorOf("student", s.id)}">${escapeHtml(s.id)}</h3>`,
    `<p>${escapeHtml(s.status)} · score ${s.score.toFixed(3)} (${escapeHtml(s.points)} of ${escapeHtml(s.maxPoints)} points)${mistakes ? ` · mistakes: ${mistakes}` : ""}</p>`,
    failed.length ? `<ul>${items}</ul>` : s.status === "graded" ? "<p>Every rubric item passed.</p>" : "",
  ].join("\n");
}
