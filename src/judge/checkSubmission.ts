import { checkImplementation, defaultSeed, type CheckOptions, type CheckReport } from "./checkImplementation.ts";
import { loadSubmission, type LoadOptions } from "../sandbox/loadSubmission.ts";

/** Loads a submission into its sandbox, checks it, and always stops the child. */
export async function checkSubmission(path: string, options: CheckOptions & LoadOptions = {}): Promise<CheckReport> {
  const loaded = await loadSubmission(path, options);
  if (!loaded.ok) {
    return {
      passed: false, stage: "load", submission: path, seed: options.seed ?? defaultSeed, runs: 0, problem: loaded.problem, message: loaded.message,
      findings: [], checks: { a: null, b: null }, counterexample: null, shrinks: 0, mistakes: [], warnings: [], mutated: [],
    };
  }
  try {
    return await checkImplementation(loaded.implementation, options);
  } finally {
    await loaded.implementation.close();
  }
}
