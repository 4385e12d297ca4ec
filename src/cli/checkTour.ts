import { join, sep } from "node:path";
import type { MistakeId } from "../mistakes/mistakeInfo.ts";
import { checkSubmission } from "../judge/checkSubmission.ts";
import { parseAssignment, type AssignmentFields } from "../judge/Assignment.ts";
import { checkExitCode } from "../report/checkExitCode.ts";
import { packageRoot } from "./packageRoot.ts";
import { renderCheckReport } from "../report/renderCheckReport.ts";
import { sandboxAbilities, sandboxGaps } from "../sandbox/sandbox.ts";
import { checkReplay } from "../report/shellWord.ts";

export const examplesDir = join(packageRoot(), "examples") + sep;

/** The shipped examples and what `check` must say about each. */
export const tourExamples: ReadonlyArray<{
  readonly folder: string;
  readonly what: string;
  readonly expect: readonly MistakeId[] | "pass";
  /** a course profile's assignment, as check's flags state it */
  readonly assignment?: AssignmentFields;
}> = [
  { folder: "correct", what: "JavaScript module, correct", expect: "pass" },
  { folder: "regularized-bias", what: "JavaScript module, bias column regularised in J and ∇J", expect: ["regularized-bias"] },
  { folder: "slide-lambda", what: "CommonJS default export, the slide's λΘ", expect: ["lambda-not-divided-by-m"] },
  { folder: "missing-derivative", what: "TypeScript module, hidden δ without g'(z)", expect: ["missing-activation-derivative"] },
  { folder: "python-correct", what: "Python process, correct", expect: "pass" },
  { folder: "python-labels", what: "Python process, labels not one-hot", expect: ["labels-not-one-hot"] },
  {
    folder: "cs231n-two-layer",
    what: "CS231n TwoLayerNet, unchanged (--profile cs231n)",
    expect: "pass",
    assignment: { profile: "cs231n" },
  },
  {
    folder: "cs231n-fc-net-buggy",
    what: "CS231n fc_net.py, relu_backward without relu'",
    expect: ["missing-activation-derivative"],
    assignment: { profile: "cs231n", regularizer: "half-reg" },
  },
];

/**
 * `check` on every example: one line each (verdict, exit code, shrunk size, diagnosis), then
 * the full report of one. Returns 0 when every example got the verdict it should.
 */
export async function checkTour(out: (line: string) => void, runs = 50): Promise<number> {
  out(`gradcheck check on the examples (${runs} random networks each; same seed, so the same cases for all)`);
  let allAsExpected = true;
  let shown = false;
  // The shipped examples are gradcheck's own, trusted code: without the sandbox they still run
  // (and only they do); `gradcheck check` refuses untrusted code there.
  const trustedWithoutSandbox = !sandboxAbilities().bwrap;
  if (trustedWithoutSandbox) {
    out(`  note: no sandbox here (${sandboxGaps().join("; ")}).`);
    out("  The tour runs only the shipped examples, which are trusted, without it; to check untrusted code: apt-get install bubblewrap.");
  }
  for (const ex of tourExamples) {
    const stated = ex.assignment ? parseAssignment(ex.assignment) : undefined;
    const assignment = stated?.ok ? { assignment: stated.assignment } : {};
    const report = await checkSubmission(examplesDir + ex.folder, { runs, unsafeNoSandbox: trustedWithoutSandbox, ...assignment });
    const ce = report.counterexample;
    const verdict = report.passed
      ? "passed"
      : `failed: ${report.mistakes.join(", ") || "unrecognised"}; shrunk to layerSizes [${ce?.layerSizes}], m = ${ce?.X.length}`;
    const asExpected = ex.expect === "pass" ? report.passed : !report.passed && ex.expect.every((id) => report.mistakes.includes(id));
    allAsExpected &&= asExpected;
    out(
      `  examples/${ex.folder.padEnd(20)} ${ex.what.padEnd(56)} exit ${checkExitCode(report)}  ${verdict}${asExpected ? "" : "   (NOT AS EXPECTED)"}`,
    );
    if (!shown && ex.folder === "slide-lambda") {
      shown = true;
      for (const line of ["", "  The full report for examples/slide-lambda:", ""]) out(line);
      for (const line of renderCheckReport(report, checkReplay(`examples/${ex.folder}`, report.seed, runs))) out(`    ${line}`);
      out("");
    }
  }
  return allAsExpected ? 0 : 1;
}
