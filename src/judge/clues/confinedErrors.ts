import { thetaEntryAt, thetaName } from "../../network/thetaEntry.ts";
import type { Clue } from "./Clue.ts";
import type { Evidence, Sample } from "./Evidence.ts";

/** Entries of ∇J that differ from the expected by more than rounding, as (layer, column). */
function wrongEntries(s: Sample): Array<{ layer: number; column: number; last: boolean }> {
  const scale = Math.max(...Array.from(s.expected.grad, Math.abs), 1e-300);
  const layers = s.c.layerSizes.length - 1;
  const out: Array<{ layer: number; column: number; last: boolean }> = [];
  for (let p = 0; p < s.expected.grad.length; p++) {
    if (Math.abs(s.got.grad[p] - s.expected.grad[p]) <= 1e-7 * scale + 1e-12) continue;
    const { layer, column } = thetaEntryAt(p, s.c.layerSizes);
    out.push({ layer, column, last: layer === layers - 1 });
  }
  return out;
}

/**
 * Every wrong entry of ∇J, on every case where ∇J is wrong, lies in one layer (the first, or
 * the last) or in one column set (the bias columns, or column j = 1): the slip is in the code
 * that writes those entries. Needs two cases with errors, one of them with a layer or column
 * that is right.
 */
export function confinedErrors(e: Evidence): Clue | undefined {
  const wrong = e.samples.map((s) => ({ s, w: wrongEntries(s) })).filter((x) => x.w.length > 0);
  if (wrong.length < 2) return undefined;
  const all = wrong.flatMap((x) => x.w);
  const deep = wrong.some((x) => x.s.c.layerSizes.length > 2);
  const where: string[] = [];
  if (deep && all.every((q) => q.layer === 0)) where.push(`only in ${thetaName(0)}, the first layer's weights`);
  else if (deep && all.every((q) => q.last)) where.push("only in the last Θ, the output layer's weights");
  if (all.every((q) => q.column === 0)) where.push("only in the bias columns (j = 0)");
  else if (all.every((q) => q.column === 1)) where.push("only in column j = 1 (the first weight column)");
  else if (all.every((q) => q.column >= 1)) {
    // the weight columns as a set say little; a first column that is always right says more
    const firstRight = wrong.every((x) => x.s.c.layerSizes.slice(0, -1).some((n) => n >= 2)) && all.every((q) => q.column >= 2);
    if (firstRight) where.push("only in columns j ≥ 2: the bias and the first weight column are right");
  }
  if (where.length === 0) return undefined;
  return {
    id: "confined-errors",
    value: all.length,
    message: `on ${wrong.length} networks, the ${all.length} wrong entries of ∇J lie ${where.join(", and ")}`,
  };
}
