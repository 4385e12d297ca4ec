import type { Matrix } from "../linalg/Matrix.ts";
import type { Problem, Theta } from "../network/Network.ts";
import { parameterCount, unroll } from "../network/theta.ts";
import { compareGradients, type CompareOptions, type GradientComparison } from "../check/index.ts";
import type { FdMethod } from "../numeric/index.ts";
import { bigNumberGradient } from "./bigNumberGradient.ts";
import { fdNetworkGradient } from "./fdNetworkGradient.ts";
import { thetaLocate } from "./thetaLocate.ts";
import { networkHints } from "./networkHints.ts";

export interface NetworkCheckOptions extends Omit<CompareOptions, "locate"> {
  /** "fd" (default): finite differences from cached activations; "bignumber": the 40-digit oracle (small networks only) */
  readonly oracle?: "fd" | "bignumber";
  readonly method?: FdMethod;
}

/**
 * A network's analytic gradient (Θ-shaped matrices or the unrolled vector, or anything a
 * user returned) against the numerical one, with entries named Θ⁽ˡ⁾[i][j].
 */
export function checkNetworkGradient(
  problem: Problem,
  theta: Theta,
  analytic: unknown,
  options: NetworkCheckOptions = {},
): GradientComparison {
  const numerical =
    options.oracle === "bignumber"
      ? { estimate: unroll(bigNumberGradient(problem, theta).grad), errorBound: new Float64Array(parameterCount(problem.layerSizes)) }
      : fdNetworkGradient(problem, theta, options.method ? { method: options.method } : {}).fd;
  const a = isMatrixList(analytic) ? unroll(analytic) : analytic;
  return compareGradients(a, numerical, { ...options, locate: thetaLocate(problem.layerSizes), hints: networkHints });
}

function isMatrixList(x: unknown): x is Matrix[] {
  return (
    Array.isArray(x) &&
    x.length > 0 &&
    x.every(
      (T) => T !== null && typeof T === "object" && (T as Matrix).data instanceof Float64Array && typeof (T as Matrix).rows === "number",
    )
  );
}
