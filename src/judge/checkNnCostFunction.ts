import type { NnCostFunction, WbCostFunction } from "../mistakes/NnCostFunction.ts";
import { inProcessImplementation } from "../sandbox/inProcessImplementation.ts";
import { checkImplementation, type SubmissionCheckOptions } from "./checkImplementation.ts";
import type { CheckReport } from "./checkReport.ts";

/**
 * `gradcheck check` on a function in this process: the same random networks, shrinking and
 * diagnosis, without a sandbox (the function is trusted: it is the caller's own code). Every
 * layout the CLI takes: `assignment: { layout: "wb" }` hands it one {W, b} per layer (a
 * WbCostFunction), "unrolled-column-major" column-major Θ.
 */
export function checkNnCostFunction(nnCostFunction: NnCostFunction, options?: NnCostFunctionCheckOptions): Promise<CheckReport>;
export function checkNnCostFunction(
  wbCostFunction: WbCostFunction,
  options: NnCostFunctionCheckOptions & { readonly assignment: { readonly layout: "wb" } },
): Promise<CheckReport>;
export function checkNnCostFunction(fn: NnCostFunction | WbCostFunction, options: NnCostFunctionCheckOptions = {}): Promise<CheckReport> {
  const { name, ...rest } = options;
  // One implementation for both signatures: it hands over params in the layout the request carries.
  return checkImplementation(inProcessImplementation(fn as NnCostFunction, name ?? (fn.name || "nnCostFunction")), rest);
}

/** The options of checkNnCostFunction: those of `gradcheck check`, and a name for the reports. */
export type NnCostFunctionCheckOptions = SubmissionCheckOptions & { readonly name?: string };
