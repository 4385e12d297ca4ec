import type { SubmissionCheckOptions } from "./checkImplementation.ts";
import { defaultSeed } from "./checkDefaults.ts";
import { checkReport, type CheckReport } from "./checkReport.ts";
import type { CheckEvidence } from "./checkEvidence.ts";
import { existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { loadSubmission, type LoadOptions } from "../sandbox/loadSubmission.ts";
import { courseVariantIn } from "../sandbox/adapterEntries.ts";
import { withVariant, type Assignment } from "./Assignment.ts";

export interface EvidenceOption {
  /** also gather the data the HTML report plots (a few dozen more calls on one small case) */
  readonly evidence?: boolean;
}

export type CheckReportWithEvidence = CheckReport & { readonly evidence?: CheckEvidence | { readonly error: string } };

/**
 * Loads a submission into its sandbox, checks it, and always stops the child. The judge (and
 * its property-testing library) is imported while the sandbox is probed and the child starts:
 * two processes' start-up at once instead of one after the other.
 */
export async function checkSubmission(
  path: string,
  given: SubmissionCheckOptions & LoadOptions & EvidenceOption = {},
): Promise<CheckReportWithEvidence> {
  const assignment = given.assignment && assignmentForFolder(path, given.assignment);
  const options = { ...given, ...(assignment ? { assignment, course: assignment.course } : {}) };
  const judge = import("./checkImplementation.ts");
  // unawaited when loading fails: the catch keeps that from ending the process (awaited, a failure throws)
  judge.catch(() => {});
  const loaded = await loadSubmission(path, options);
  if (!loaded.ok) {
    const start = { submission: path, seed: options.seed ?? defaultSeed, warnings: [] };
    return checkReport(start, { passed: false, stage: "load", runs: 0, problem: loaded.problem, message: loaded.message });
  }
  try {
    const report = await (await judge).checkImplementation(loaded.implementation, options);
    if (!options.evidence || report.stage === "load") return report;
    const { evidenceFor } = await import("./checkEvidence.ts");
    return { ...report, evidence: await evidenceFor(report, loaded.implementation) };
  } finally {
    await loaded.implementation.close();
  }
}

/** A course profile that names no variant: narrowed to the one the submission's files hold. */
export function assignmentForFolder(path: string, a: Assignment): Assignment {
  if (!a.course || a.course.variant || !existsSync(path)) return a;
  const variant = courseVariantIn(statSync(path).isDirectory() ? path : dirname(path), a.course.profile);
  return variant ? withVariant(a, variant) : a;
}
