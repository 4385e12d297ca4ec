import { mistakeIds, mistakeInfo, type MistakeId } from "./mistakeInfo.ts";
import type { NnCostFunction } from "./NnCostFunction.ts";
import { nnCostFunctionWith } from "./nnCostFunctionWith.ts";

/** Each catalogued mistake as a runnable nnCostFunction (CONTRACT §4 signature). */
export const mistakes: Readonly<Record<MistakeId, NnCostFunction>> = Object.fromEntries(
  mistakeIds.map((id) => [id, nnCostFunctionWith(mistakeInfo[id].slips)]),
) as Record<MistakeId, NnCostFunction>;
