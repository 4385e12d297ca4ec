export { mistakeIds, mistakeInfo, type MistakeId, type MistakeInfo } from "./mistakeInfo.ts";
export { lectureFamily, type Family } from "./Family.ts";
export { mistakes, mistakesFor } from "./mistakes.ts";
export type { NnCostFunction, NnCostResult } from "./NnCostFunction.ts";
export { nnCostFunctionWith } from "./nnCostFunctionWith.ts";
export { referenceNnCostFunction } from "./referenceNnCostFunction.ts";
export type { Slips } from "./Slips.ts";
