import { lectureFamily, type Family } from "./Family.ts";
import { mistakeIds, mistakeInfo, type MistakeId } from "./mistakeInfo.ts";
import type { NnCostFunction } from "./NnCostFunction.ts";
import { nnCostFunctionWith } from "./nnCostFunctionWith.ts";

/** The catalogued mistakes that exist in a family, each as a runnable nnCostFunction of that family. */
export function mistakesFor(family: Family): ReadonlyMap<MistakeId, NnCostFunction> {
  return new Map(mistakeIds.filter((id) => existsIn(id, family)).map((id) => [id, nnCostFunctionWith(mistakeInfo[id].slips, family)]));
}

function existsIn(id: MistakeId, family: Family): boolean {
  return mistakeInfo[id].appliesTo?.(family) ?? true;
}

/** Where a mistake is planted when no family is named: the lecture's, else the first family it exists in. */
const homeFamilies: readonly Family[] = [
  lectureFamily,
  { hiddenActivation: "sigmoid", outputActivation: "softmax", cost: "cross-entropy" },
  { hiddenActivation: "sigmoid", outputActivation: "sigmoid", cost: "squared-error" },
];

/**
 * Each catalogued mistake as a runnable nnCostFunction (the signature of docs/check.md): in the
 * lecture's family (sigmoid everywhere, cross-entropy) where it exists there, else with a
 * softmax output or the squared error.
 */
export const mistakes: Readonly<Record<MistakeId, NnCostFunction>> = Object.fromEntries(
  mistakeIds.map((id) => [
    id,
    nnCostFunctionWith(
      mistakeInfo[id].slips,
      homeFamilies.find((f) => existsIn(id, f))!,
    ),
  ]),
) as Record<MistakeId, NnCostFunction>;
