import { checkImplementation, defaultSeed, type CheckOptions, type CheckReport } from "./checkImplementation.ts";
import { checkEvidence, evidenceCase, type CheckEvidence } from "./checkEvidence.ts";
import { diagnosticCases } from "./diagnose.ts";
import { loadSubmission, type LoadOptions } from "../sandbox/loadSubmission.ts";

export interface EvidenceOption {
  /** also gather the data the HTML report plots (a few dozen more calls on one small case) */
  readonly evidence?: boolean;
}

export type CheckReportWithEvidence = CheckReport & { readonly evidence?: CheckEvidence | { readonly error: string } };

/** Loads a submission into its sandbox, checks it, and always stops the child. */
export async function checkSubmission(path: string, options: CheckOptions & LoadOptions & EvidenceOption = {}): Promise<CheckReportWithEvidence> {
  const loaded = await loadSubmission(path, options);
  if (!loaded.ok) {
    return {
      passed: false, stage: "load", submission: path, seed: options.seed ?? defaultSeed, runs: 0, problem: loaded.problem, message: loaded.message,
      findings: [], checks: { a: null, b: null }, counterexample: null, shrinks: 0, mistakes: [], warnings: [], mutated: [],
    };
  }
  try {
    const report = await checkImplementation(loaded.implementation, options);
    if (!options.evidence || report.stage === "load") return report;
    // The shrunk counterexample when there is one; a passing submission is shown on a fixed case.
    const c = report.counterexample ? evidenceCase(report.counterexample) : diagnosticCases[0]!;
    return { ...report, evidence: c ? await checkEvidence(c, loaded.implementation) : { error: "the counterexample could not be read back" } };
  } finally {
    await loaded.implementation.close();
  }
}
