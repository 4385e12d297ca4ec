import { checkImplementation, defaultSeed, type SubmissionCheckOptions } from "./checkImplementation.ts";
import { checkReport, type CheckReport } from "./checkReport.ts";
import { loadSubmission, type LoadOptions } from "../sandbox/loadSubmission.ts";

/** Loads a submission into its sandbox, checks it, and always stops the child. */
export async function checkSubmission(path: string, options: SubmissionCheckOptions & LoadOptions = {}): Promise<CheckReport> {
  const loaded = await loadSubmission(path, options);
  if (!loaded.ok) {
    const start = { submission: path, seed: options.seed ?? defaultSeed, warnings: [] };
    return checkReport(start, { passed: false, stage: "load", runs: 0, problem: loaded.problem, message: loaded.message });
  }
  try {
    return await checkImplementation(loaded.implementation, options);
  } finally {
    await loaded.implementation.close();
  }
}
