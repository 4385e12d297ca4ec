import { mistakeIds, mistakeInfo, type MistakeId } from "./mistakeInfo.ts";
import type { NnCostFunction } from "./NnCostFunction.ts";
import { nnCostFunctionWith } from "./nnCostFunctionWith.ts";

/** Each catalogued mistake as a runnable nnCostFunction (the signature of docs/check.md). */
export const mistakes: Readonly<Record<MistakeId, NnCostFunction>> = Object.fromEntries(
  mistakeIds.map((id) => [id, nnCostFunctionWith(mistakeInfo[id].slips)]),
) as Record<MistakeId, NnCostFunction>;
