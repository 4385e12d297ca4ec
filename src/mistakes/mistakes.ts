import { lectureFamily, type Family } from "./Family.ts";
import { mistakeIds, mistakeInfo, type MistakeId } from "./mistakeInfo.ts";
import type { NnCostFunction } from "./NnCostFunction.ts";
import { nnCostFunctionWith } from "./nnCostFunctionWith.ts";

/** The catalogued mistakes that exist in a family, each as a runnable nnCostFunction of that family. */
export function mistakesFor(family: Family): ReadonlyMap<MistakeId, NnCostFunction> {
  return new Map(mistakeIds.filter((id) => mistakeInfo[id].appliesTo?.(family) ?? true).map((id) => [id, nnCostFunctionWith(mistakeInfo[id].slips, family)]));
}

/** Each mistake of the lecture's family (sigmoid everywhere, cross-entropy) as a runnable nnCostFunction. */
export const mistakes: Readonly<Partial<Record<MistakeId, NnCostFunction>>> = Object.fromEntries(mistakesFor(lectureFamily));
