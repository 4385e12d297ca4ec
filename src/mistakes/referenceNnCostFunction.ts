import type { NnCostFunction } from "./NnCostFunction.ts";
import { nnCostFunctionWith } from "./nnCostFunctionWith.ts";

/** The correct lecture algorithm with the contract's signature: no slips planted. */
export const referenceNnCostFunction: NnCostFunction = nnCostFunctionWith({});
