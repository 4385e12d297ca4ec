import type { Case } from "./Network.ts";

/** A Case that carries its class labels: what a submission is handed (labels, not Y). */
export type LabelledCase = Case & { readonly labels: readonly number[] };

/**
 * The target rows Y for 0-based class labels, row-major, m × K. With K = 1 the label itself
 * (0 or 1) is the target: one output unit answers "is it class 1?".
 */
export function oneHotRows(labels: readonly number[], K: number): number[] {
  const out: number[] = [];
  for (const c of labels) for (let k = 0; k < K; k++) out.push(K === 1 ? c : k === c ? 1 : 0);
  return out;
}
