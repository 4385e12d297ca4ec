import { pythonCourseSnippet } from "./pythonCourseSnippet.ts";
import { replaySnippet, type Interface } from "./replaySnippet.ts";
import { thetaIndexConvention, wbIndexConvention } from "../network/thetaEntry.ts";
import { mistakeHint, mistakeInfo } from "../mistakes/mistakeInfo.ts";
import type { CheckReport, FailedReport, NotLoadedReport, ProbeFailedReport, TooSlowReport } from "../judge/checkReport.ts";
import { findingInfo, wrongValue } from "../outcome/index.ts";
import type { CaseFinding } from "../judge/CaseFinding.ts";
import type { CaseFile } from "../judge/caseFileOf.ts";
import { checkExitCode } from "./checkExitCode.ts";
import { clueTitles, explainedText } from "../judge/clues/Clue.ts";
import { rankedByShare, severalAtOnce } from "../judge/findClues.ts";
import { neutraliseForTerminal as shown } from "./untrustedText.ts";
import { shellWord } from "./shellWord.ts";
import { courseNaming } from "./courseNames.ts";

const setting = "sigmoid in every layer, cross-entropy, one-hot labels (the submission format in the README)";

/** The same entries in a course's own names, for the code gradcheck's adapter calls (its description's first word). */
const courseIndexConvention: Readonly<Record<string, string>> = {
  cs231n:
    "in CS231n's names, used below, Θ⁽ˡ⁾[i,j] is params['Wl'][j−1, i−1] (its gradient dWl[j−1,i−1] is grads['Wl'][j−1, i−1]) for j ≥ 1 and params['bl'][i−1] (dbl[i−1]) for j = 0 (indexed from 0); λ is 2m·reg (m·reg with 0.5·reg·ΣW²)",
  dlai: "in the notebook's names, used below, Θ⁽ˡ⁾[i,j] is parameters['Wl'][i−1, j−1] (its gradient dWl[i−1,j−1] is grads['dWl'][i−1, j−1]) for j ≥ 1 and parameters['bl'][i−1, 0] (dbl[i−1]) for j = 0 (indexed from 0); λ is the notebook's lambd",
};

type Failure = ProbeFailedReport | FailedReport;

/** How the counterexample is handed back: the file it was written to, the path and flags a replay needs. */
interface Replay {
  readonly counterexampleFile: string | undefined;
  readonly submissionPath: string;
  readonly stated: Interface | undefined;
}

/** The terminal summary of a check: what was checked, on how many networks, what failed, where, the shrunk case. */
export function renderCheckReport(
  report: CheckReport,
  replay: string,
  counterexampleFile?: string,
  submissionPath = report.submission,
  assignment?: string,
  stated?: Interface,
): string[] {
  const head = [`gradcheck check — ${shown(report.submission)}`, ...report.warnings.map((w) => `  warning: ${shown(w)}`)];
  const seedLine = `  seed ${report.seed} · ${assignment ?? setting}`;
  switch (report.outcome) {
    case "not-loaded":
    case "too-slow":
      return [...head, ...notJudged(report)];
    case "passed":
      return [...head, seedLine, ...passed(report.runs), ...closingNotes(report, replay)];
    case "probe-failed":
    case "failed":
      return [
        ...head,
        seedLine,
        ...failureHeadline(report),
        ...checksAndFindings(report, stated),
        ...diagnosis(report),
        ...counterexample(report, { counterexampleFile, submissionPath, stated }),
        ...closingNotes(report, replay),
      ];
  }
}

/** Nothing could be judged: what stopped the check, in the submission's own words, and the hint. */
function notJudged(report: NotLoadedReport | TooSlowReport): string[] {
  const info = findingInfo[report.problem];
  return [
    "",
    `✗ ${info.title} (exit ${checkExitCode(report)})`,
    `  ${shown(report.message)}`.replace(/\n/g, "\n  "),
    `  hint: ${info.hint}`,
  ];
}

function passed(runs: number): string[] {
  return ["", `✓ passed on ${runs} random networks: J and ∂J/∂Θ agree with gradcheck's (a) and with finite differences of its own J (b).`];
}

/** Where it failed: on the first fixed call, or on a random network and how far it was shrunk. */
function failureHeadline(report: Failure): string[] {
  const ce = report.counterexample;
  if (report.outcome === "probe-failed") {
    const shape = report.findings.some((f) => findingInfo[f.problem].group === "interface");
    return [
      "",
      `✗ the first call, on a fixed case (layerSizes [${ce.layerSizes}], m = ${ce.X.length}), already ${shape ? "has the wrong shape" : "fails"} (exit ${checkExitCode(report)})`,
    ];
  }
  const from = report.firstFailure ? ` from layerSizes [${report.firstFailure.layerSizes}], m = ${report.firstFailure.m}` : "";
  return [
    "",
    `✗ failed on random network ${report.runs}${report.shrinks ? `; shrunk ${report.shrinks} times${from}` : ""}`,
    `  minimal counterexample: layerSizes [${ce.layerSizes}], m = ${ce.X.length}, ${courseNaming(report.submission)("λ = ")}${ce.lambda}`,
  ];
}

/** How entries are named (in the course's names too), the verdicts of (a) and (b), and each finding. */
function checksAndFindings(report: Failure, stated: Interface | undefined): string[] {
  const out = [`  entries are named ${thetaIndexConvention}`];
  const course = courseIndexConvention[report.submission.split(" ")[0]];
  if (course) out.push(`  ${course}`);
  else if (stated?.layout === "wb") out.push(`  ${wbIndexConvention}`);
  out.push(`  (a) cost and gradient vs gradcheck's own ......... ${verdict(report.checks.matchesReference)}`);
  out.push(`  (b) gradient vs finite differences of its own J .. ${verdict(report.checks.selfConsistent, report.checks.notDecided)}`);
  const named = courseNaming(report.submission);
  return [...out, "", ...report.findings.flatMap((f) => renderFinding(f).map(named)), ""];
}

/** The catalogued mistakes with their fixes; else the clues the numbers show; else that the error is unrecognised. */
function diagnosis(report: Failure): string[] {
  if (report.mistakes.length > 0)
    return [
      `diagnosis: ${report.mistakes.join(", ")}`,
      ...report.mistakes.flatMap((id) => {
        const m = mistakeInfo[id];
        return [`  ${id} — ${m.title}`, `    ${m.explanation}`, `    fix: ${mistakeHint(id, report.counterexample.hiddenActivation)}`];
      }),
    ];
  if (report.clues.length > 0)
    return [
      `diagnosis: no catalogued mistake fits; what the numbers show${severalAtOnce(report.clues) ? " (two patterns at once: maybe several mistakes)" : ""}${rankedByShare(report.clues) ? ", ordered by how much of the error each explains" : ""}:`,
      ...report.clues.flatMap((c) => [
        `  ${c.id} — ${clueTitles[c.id]}${explainedText(c) ? ` (${explainedText(c)})` : ""}`,
        `    ${c.message}`,
      ]),
    ];
  if (report.findings.some((f) => wrongValue.has(f.problem)))
    return ["diagnosis: unrecognised — the error matches no catalogued mistake and shows none of the known patterns."];
  return [];
}

/** The counterexample (or where it was written), how to replay it with gradcheck, and in the submission's own language. */
function counterexample(report: Failure, replay: Replay): string[] {
  const ce = report.counterexample;
  const command = `npx gradcheck check ${shellWord(replay.submissionPath)} --case`;
  const out = replay.counterexampleFile
    ? [
        "",
        `counterexample written to ${replay.counterexampleFile}; replay it on the submission with: ${command} ${shellWord(replay.counterexampleFile)}${interfaceFlags(replay.stated)}`,
      ]
    : [
        "",
        `counterexample (case-file format; save it as FILE.json and replay it with: ${command} FILE.json${interfaceFlags(replay.stated)}):`,
        JSON.stringify(ce),
      ];
  return [...out, ...ownLanguage(ce, report.submission, replay.stated)];
}

/** The replay in the course's Python, else in numpy or Octave when the submission is written in one. */
function ownLanguage(ce: CaseFile, submission: string, stated: Interface | undefined): string[] {
  const course = pythonCourseSnippet(ce, submission);
  if (course) return ["", "replay it in Python, with your own code (python3, numpy):", ...course.map((l) => "  " + l)];
  const language = submission.startsWith("Octave") ? "octave" : /\bpython3?\b/.test(submission) ? "numpy" : undefined;
  // Octave's nnCostFunction signature has exactly one hidden layer; a numpy program takes any
  if (language === "numpy" || (language === "octave" && ce.layerSizes.length === 3))
    return ["", `replay it in ${language === "octave" ? "Octave" : "numpy"}:`, ...replaySnippet(ce, language, stated).map((l) => "  " + l)];
  return [];
}

/** What every judged report ends with: inputs the submission changed, a deadline that ran out, the replay command. */
function closingNotes(report: CheckReport, replay: string): string[] {
  const out: string[] = [];
  if (report.mutated.length > 0)
    out.push("", `warning: ${findingInfo["mutated-input"].title}: ${report.mutated.join(", ")}. ${findingInfo["mutated-input"].hint}`);
  if (report.deadline?.expired)
    out.push("", `note: the check's deadline (${report.deadline.ms / 1000} s, --deadline) ran out; what was found by then is reported`);
  out.push("", `replay: ${replay}${report.path ? `   (fast-check path ${report.path})` : ""}`);
  return out;
}

function verdict(v: boolean | null, notDecided?: string): string {
  if (notDecided !== undefined) return `not decided (${notDecided})`;
  return v === null ? "not reached" : v ? "passed" : "FAILED";
}

function renderFinding(f: CaseFinding): string[] {
  const info = findingInfo[f.problem];
  return [`  ${f.check ? `(${f.check}) ` : ""}${info.title}: ${shown(f.message)}`.replace(/\n/g, "\n    ")];
}

/** The flags a --case replay needs to hand the case over as the check did: labels and layout. */
function interfaceFlags(stated: Interface | undefined): string {
  if (!stated) return "";
  return `${stated.labels !== "0-based" ? ` --labels ${stated.labels}` : ""}${stated.layout !== "unrolled" ? ` --layout ${stated.layout}` : ""}`;
}
