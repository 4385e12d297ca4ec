import type { LabelledCase } from "../network/labels.ts";
import { unroll } from "../network/theta.ts";
import { thetaLocate } from "../fdnet/thetaLocate.ts";
import { compareGradients, defaultMaxSetAside } from "../check/index.ts";
import { fdGradient } from "../numeric/index.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import { pattern, silentLayers } from "./errorPattern.ts";
import { selfConsistency } from "./caseTolerances.ts";
import { settleCost } from "./settleCost.ts";
import { reluKinkWatch } from "./reluKinkWatch.ts";

/** Entry-by-entry finite differences of the submission's own J only up to this many parameters (one call per evaluation). */
export const entryByEntryMaxParameters = 60;

/** What (b) says entry by entry: some entries disagree (named), every judged entry agrees, or it cannot tell. */
export type EntryByEntry =
  | { readonly verdict: "disagrees"; readonly message: string }
  | { readonly verdict: "agrees" }
  | { readonly verdict: "not-decided"; readonly why: string };

/**
 * (b) entry by entry: finite differences of the submission's own J for every parameter,
 * compared with its grad. One call per evaluation, so only for small networks (the shrunk
 * counterexample): it names the entries that disagree with the submission's own J, finds what
 * one random direction missed, and says "not decided" rather than "agrees" when it could not
 * run or had to set aside more than a check may (kinks, entries too noisy to call).
 */
export async function selfInconsistentEntries(c: LabelledCase, grad: Float64Array, implementation: Implementation): Promise<EntryByEntry> {
  const theta = unroll(c.theta);
  if (theta.length > entryByEntryMaxParameters)
    return { verdict: "not-decided", why: `${theta.length} parameters: entry by entry only up to ${entryByEntryMaxParameters}` };
  const watch = reluKinkWatch(c, theta);
  const settled = await settleCost(c, implementation, (J) => fdGradient(watch.J(J), theta));
  if (!settled.ok) return { verdict: "not-decided", why: `its own J failed near Θ: ${settled.outcome.message}` };
  const cmp = compareGradients(
    grad,
    { ...settled.value, kink: watch.kinks },
    { tolerance: { ...selfConsistency }, locate: thetaLocate(c.layerSizes), worst: 1, maxSetAside: 1 },
  );
  if (cmp.failed > 0 && cmp.worst.length > 0) {
    const w = cmp.worst[0];
    return {
      verdict: "disagrees",
      message: `entry by entry, ${cmp.failed} of ${cmp.entries} disagree with its own J (${pattern(cmp.layers, silentLayers(c))}); the largest at ${w.label}: grad ${w.actual}, slope of its own J ${w.expected}`,
    };
  }
  const setAside = cmp.entries - cmp.judged;
  if (cmp.judged === 0 || setAside > defaultMaxSetAside * cmp.entries)
    return {
      verdict: "not-decided",
      why: `entry by entry, ${setAside} of ${cmp.entries} entries were set aside (${cmp.notDifferentiable} on relu kinks, ${cmp.undecided} too noisy to decide)`,
    };
  return { verdict: "agrees" };
}
