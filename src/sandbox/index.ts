export type { CallOutcome, CostRequest, Implementation } from "./Implementation.ts";
export { inProcessImplementation } from "./inProcessImplementation.ts";
export { loadSubmission, moduleEntries, type Loaded, type LoadOptions } from "./loadSubmission.ts";
export type { LoadFailure, LoadProblem } from "./loadProblem.ts";
export { moduleSandbox, processSandbox, sandboxAbilities, type SandboxAbilities } from "./sandbox.ts";
