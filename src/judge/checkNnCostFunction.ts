import type { NnCostFunction } from "../mistakes/NnCostFunction.ts";
import { inProcessImplementation } from "../sandbox/inProcessImplementation.ts";
import { checkImplementation, type SubmissionCheckOptions } from "./checkImplementation.ts";
import type { CheckReport } from "./checkReport.ts";

/**
 * `gradcheck check` on a function in this process: the same random networks, shrinking and
 * diagnosis, without a sandbox (the function is trusted: it is the caller's own code).
 */
export function checkNnCostFunction(
  nnCostFunction: NnCostFunction,
  options: SubmissionCheckOptions & { readonly name?: string } = {},
): Promise<CheckReport> {
  const { name, ...rest } = options;
  return checkImplementation(inProcessImplementation(nnCostFunction, name ?? (nnCostFunction.name || "nnCostFunction")), rest);
}
