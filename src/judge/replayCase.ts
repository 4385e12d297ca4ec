import { readFileSync } from "node:fs";
import { parseCaseText } from "../caseio/parseCase.ts";
import { compareGradients, type GradientComparison } from "../check/compareGradients.ts";
import { thetaLocate } from "../fdnet/thetaLocate.ts";
import type { LabelledCase } from "../network/labels.ts";
import { unroll } from "../network/theta.ts";
import { loadSubmission, type LoadOptions } from "../sandbox/loadSubmission.ts";
import type { LoadFindingKind } from "../outcome/index.ts";
import { judgeCase } from "./judgeCase.ts";
import { agreement } from "./caseTolerances.ts";
import type { CaseVerdict } from "./CaseFinding.ts";
import type { Assignment } from "./Assignment.ts";
import { encodedImplementation } from "./encodedImplementation.ts";

/** One saved case run through a submission: gradcheck's answer, the submission's, and the entry-by-entry comparison. */
export type Replay =
  | { readonly ok: true; readonly caseName: string; readonly verdict: CaseVerdict; readonly comparison: GradientComparison | null }
  | { readonly ok: false; readonly stage: "case"; readonly message: string }
  | { readonly ok: false; readonly stage: "load"; readonly problem: LoadFindingKind; readonly message: string };

/**
 * `gradcheck check SUBMISSION --case FILE`: the submission on one case file (a counterexample
 * that `check --report` saved, or any case), judged exactly as the random search judges. The
 * case needs its labels, since a submission is handed labels, not Y.
 */
export async function replayCase(
  submission: string,
  caseFile: string,
  options: LoadOptions & { readonly assignment?: Assignment } = {},
): Promise<Replay> {
  const c = readLabelledCase(caseFile);
  if ("stage" in c) return c;
  const loaded = await loadSubmission(submission, { ...options, course: options.assignment?.course });
  if (!loaded.ok) return { ok: false, stage: "load", problem: loaded.problem, message: loaded.message };
  try {
    // labels and parameters reach the submission as its assignment states them
    const implementation = options.assignment ? encodedImplementation(loaded.implementation, options.assignment) : loaded.implementation;
    const verdict = await judgeCase(c, implementation);
    return { ok: true, caseName: c.name, verdict, comparison: entryByEntry(verdict, c) };
  } finally {
    await loaded.implementation.close();
  }
}

/** The case file, read and parsed; it needs its labels, since a submission is handed labels, not Y. */
function readLabelledCase(caseFile: string): LabelledCase | (Replay & { readonly stage: "case" }) {
  let text: string;
  try {
    text = readFileSync(caseFile, "utf8");
  } catch (e) {
    return { ok: false, stage: "case", message: `${caseFile}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  const parsed = parseCaseText(text);
  if (!parsed.ok) return { ok: false, stage: "case", message: `${caseFile}: ${parsed.error}` };
  if (!parsed.value.labels)
    return {
      ok: false,
      stage: "case",
      message: `${caseFile}: labels: missing; a submission is handed class labels, so a replayed case needs them`,
    };
  return parsed.value as LabelledCase;
}

/** The submission's gradient against gradcheck's, entry by entry; null when it gave none. */
function entryByEntry(verdict: CaseVerdict, c: LabelledCase): GradientComparison | null {
  if (!verdict.submitted) return null;
  return compareGradients(
    verdict.submitted.grad,
    { estimate: unroll(verdict.reference.grad), errorBound: new Float64Array(verdict.submitted.grad.length) },
    {
      tolerance: { safety: 0, ...agreement },
      locate: thetaLocate(c.layerSizes),
      maxSetAside: 1,
    },
  );
}
