import type { LabelledCase } from "../network/labels.ts";
import { unroll } from "../network/theta.ts";
import { thetaLocate } from "../fdnet/thetaLocate.ts";
import { compareGradients } from "../check/index.ts";
import { fdGradient } from "../numeric/index.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import { pattern, silentLayers } from "./errorPattern.ts";
import { selfConsistency } from "./judgeCase.ts";
import { settleCost } from "./settleCost.ts";
import { reluKinkWatch } from "./reluKinkWatch.ts";

/**
 * Where (b) fails, entry by entry: finite differences of the submission's own J for every
 * parameter, compared with its grad. One call per evaluation, so only for small networks
 * (the shrunk counterexample), to say which entries disagree with the submission's own J.
 */
export async function selfInconsistentEntries(
  c: LabelledCase,
  grad: Float64Array,
  implementation: Implementation,
): Promise<string | undefined> {
  const theta = unroll(c.theta);
  if (theta.length > 60) return undefined;
  const watch = reluKinkWatch(c, theta);
  const settled = await settleCost(c, implementation, (J) => fdGradient(watch.J(J), theta));
  if (!settled.ok) return undefined;
  const cmp = compareGradients(
    grad,
    { ...settled.value, kink: watch.kinks },
    { tolerance: { ...selfConsistency }, locate: thetaLocate(c.layerSizes), worst: 1, maxSetAside: 1 },
  );
  if (cmp.passed || cmp.worst.length === 0) return undefined;
  const w = cmp.worst[0];
  return `entry by entry, ${cmp.failed} of ${cmp.entries} disagree with its own J (${pattern(cmp.layers, silentLayers(c))}); the largest at ${w.label}: grad ${w.actual}, slope of its own J ${w.expected}`;
}
