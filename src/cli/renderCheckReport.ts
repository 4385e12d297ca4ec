import { pythonCourseSnippet } from "./pythonCourseSnippet.ts";
import { replaySnippet, type Interface } from "../report/replaySnippet.ts";
import { thetaIndexConvention, wbIndexConvention } from "../network/thetaEntry.ts";
import { mistakeHint, mistakeInfo } from "../mistakes/mistakeInfo.ts";
import type { CheckReport } from "../judge/checkReport.ts";
import { findingInfo, wrongValue } from "../outcome/index.ts";
import type { CaseFinding } from "../judge/judgeCase.ts";
import { checkExitCode } from "./checkExitCode.ts";
import { clueTitles, explainedText } from "../judge/clues/Clue.ts";
import { rankedByShare, severalAtOnce } from "../judge/findClues.ts";
import { neutraliseForTerminal as shown } from "../sandbox/untrustedText.ts";
import { shellWord } from "./shellWord.ts";

const setting = "sigmoid in every layer, cross-entropy, one-hot labels (the submission format in the README)";

/** The terminal summary of a check: what was checked, on how many networks, what failed, where, the shrunk case. */
/** The same entries in a course's own names, for the code gradcheck's adapter calls (its description's first word). */
const courseIndexConvention: Readonly<Record<string, string>> = {
  cs231n:
    "in CS231n's names, Θ⁽ˡ⁾[i,j] is params['Wl'][j−1, i−1] (grads['Wl'] for its gradient) for j ≥ 1 and params['bl'][i−1] for j = 0 (indexed from 0); λ is 2m·reg (m·reg with 0.5·reg·ΣW²)",
  dlai: "in the notebook's names, Θ⁽ˡ⁾[i,j] is parameters['Wl'][i−1, j−1] (grads['dWl'] for its gradient) for j ≥ 1 and parameters['bl'][i−1, 0] for j = 0 (indexed from 0); λ is the notebook's lambd",
};

export function renderCheckReport(
  report: CheckReport,
  replay: string,
  counterexampleFile?: string,
  submissionPath = report.submission,
  assignment?: string,
  stated?: Interface,
): string[] {
  const out: string[] = [];
  out.push(`gradcheck check — ${shown(report.submission)}`);
  for (const w of report.warnings) out.push(`  warning: ${shown(w)}`);
  if (report.problem) {
    const info = findingInfo[report.problem];
    out.push(
      "",
      `✗ ${info.title} (exit ${checkExitCode(report)})`,
      `  ${shown(report.message ?? "")}`.replace(/\n/g, "\n  "),
      `  hint: ${info.hint}`,
    );
    return out;
  }
  out.push(`  seed ${report.seed} · ${assignment ?? setting}`);
  if (report.passed) {
    out.push(
      "",
      `✓ passed on ${report.runs} random networks: J and ∂J/∂Θ agree with gradcheck's (a) and with finite differences of its own J (b).`,
    );
  } else {
    const ce = report.counterexample;
    const from = report.firstFailure ? ` from layerSizes [${report.firstFailure.layerSizes}], m = ${report.firstFailure.m}` : "";
    if (report.stage === "probe") {
      const shape = report.findings.some((f) => findingInfo[f.problem].group === "interface");
      out.push(
        "",
        `✗ the first call, on a fixed case (layerSizes [${ce?.layerSizes}], m = ${ce?.X.length}), already ${shape ? "has the wrong shape" : "fails"} (exit ${checkExitCode(report)})`,
      );
    } else {
      out.push("", `✗ failed on random network ${report.runs}${report.shrinks ? `; shrunk ${report.shrinks} times${from}` : ""}`);
      if (ce) out.push(`  minimal counterexample: layerSizes [${ce.layerSizes}], m = ${ce.X.length}, λ = ${ce.lambda}`);
    }
    out.push(`  entries are named ${thetaIndexConvention}`);
    const course = courseIndexConvention[report.submission.split(" ")[0]];
    if (course) out.push(`  ${course}`);
    else if (stated?.layout === "wb") out.push(`  ${wbIndexConvention}`);
    out.push(`  (a) cost and gradient vs gradcheck's own ......... ${verdict(report.checks.matchesReference)}`);
    out.push(`  (b) gradient vs finite differences of its own J .. ${verdict(report.checks.selfConsistent, report.checks.notDecided)}`);
    out.push("");
    for (const f of report.findings) out.push(...renderFinding(f));
    out.push("");
    if (report.mistakes.length > 0) {
      out.push(`diagnosis: ${report.mistakes.join(", ")}`);
      for (const id of report.mistakes) {
        const m = mistakeInfo[id];
        out.push(`  ${id} — ${m.title}`, `    ${m.explanation}`, `    fix: ${mistakeHint(id, report.counterexample?.hiddenActivation)}`);
      }
    } else if (report.clues.length > 0) {
      out.push(
        `diagnosis: no catalogued mistake fits; what the numbers show${severalAtOnce(report.clues) ? " (two patterns at once: maybe several mistakes)" : ""}${rankedByShare(report.clues) ? ", ordered by how much of the error each explains" : ""}:`,
      );
      for (const c of report.clues)
        out.push(`  ${c.id} — ${clueTitles[c.id]}${explainedText(c) ? ` (${explainedText(c)})` : ""}`, `    ${c.message}`);
    } else if (report.findings.some((f) => wrongValue.has(f.problem))) {
      out.push("diagnosis: unrecognised — the error matches no catalogued mistake and shows none of the known patterns.");
    }
    if (ce) {
      out.push(
        "",
        counterexampleFile
          ? `counterexample written to ${counterexampleFile}; replay it on the submission with: npx gradcheck check ${shellWord(submissionPath)} --case ${shellWord(counterexampleFile)}${interfaceFlags(stated)}`
          : `counterexample (case-file format; save it as FILE.json and replay it with: npx gradcheck check ${shellWord(submissionPath)} --case FILE.json${interfaceFlags(stated)}):`,
      );
      if (!counterexampleFile) out.push(JSON.stringify(ce));
      const course = pythonCourseSnippet(ce, report.submission);
      if (course) out.push("", "replay it in Python, with your own code (python3, numpy):", ...course.map((l) => "  " + l));
      const language = course
        ? undefined
        : report.submission.startsWith("Octave")
          ? "octave"
          : /\bpython3?\b/.test(report.submission)
            ? "numpy"
            : undefined;
      // Octave's nnCostFunction signature has exactly one hidden layer; a numpy program takes any
      if (language === "numpy" || (language === "octave" && ce.layerSizes.length === 3))
        out.push(
          "",
          `replay it in ${language === "octave" ? "Octave" : "numpy"}:`,
          ...replaySnippet(ce, language, stated).map((l) => "  " + l),
        );
    }
  }
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
