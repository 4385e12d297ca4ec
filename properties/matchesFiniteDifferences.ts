import { compareGradients, type Tolerance } from "../src/check/index.ts";
import type { GradientMethod } from "../src/methods.ts";
import { costFunction } from "../src/network/costFunction.ts";
import type { Case } from "../src/network/Network.ts";
import { roll, unroll } from "../src/network/theta.ts";
import { thetaLocate } from "../src/fdnet/thetaLocate.ts";
import { fdGradient } from "../src/numeric/index.ts";
import type { PropertyVerdict } from "./PropertyVerdict.ts";

/**
 * A gradient method ≈ finite differences of J, entry by entry, under src/check's tolerance
 * model (the finite differences carry their own error bound). Kinks (relu at 0) and entries too
 * noisy to decide are set aside by the comparison, not failed; since the property runs over many
 * cases, one case that sets most of its entries aside is no vacuous pass.
 */
export function matchesFiniteDifferences(method: GradientMethod, tolerance?: Partial<Tolerance>): (c: Case) => PropertyVerdict {
  return (c) => {
    const analytic = unroll(method(c, c.theta).grad);
    const numerical = fdGradient((p) => costFunction(c, roll(p, c.layerSizes)), unroll(c.theta));
    const cmp = compareGradients(analytic, numerical, {
      ...(tolerance ? { tolerance } : {}),
      locate: thetaLocate(c.layerSizes),
      worst: 1,
      // one case of many a property draws: a case on kinks or too noisy says nothing, the others decide
      maxSetAside: 1,
    });
    if (cmp.passed) return { ok: true };
    const w = cmp.worst[0];
    return {
      ok: false,
      message: `${cmp.failed} of ${cmp.entries} entries off; worst ${w?.label}: analytic ${w?.actual}, finite differences ${w?.expected} ± ${w?.errorBound} (${cmp.formula})`,
    };
  };
}
