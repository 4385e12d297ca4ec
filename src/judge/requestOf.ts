import type { LabelledCase } from "../network/labels.ts";
import { toRows } from "../linalg/Matrix.ts";
import { unroll } from "../network/theta.ts";
import type { Theta } from "../network/Network.ts";
import type { CostRequest } from "../sandbox/Implementation.ts";

/** A request as gradcheck builds it, before any assignment's encoding: row-major Θ, 0-based labels. */
export type CanonicalRequest = Omit<CostRequest, "y" | "params"> & { readonly params: readonly number[]; readonly y: readonly number[] };

/** The arguments of nnCostFunction for a case (docs/check.md), optionally at other weights. */
export function requestOf(c: LabelledCase, theta: Theta | Float64Array = c.theta): CanonicalRequest {
  return {
    params: Array.from(theta instanceof Float64Array ? theta : unroll(theta)),
    layerSizes: c.layerSizes.slice(),
    X: toRows(c.X),
    y: c.labels.slice(),
    lambda: c.lambda,
  };
}
