import type { LabelledCase } from "../network/labels.ts";
import { activations } from "../network/activation.ts";
import { forward } from "../network/forward.ts";
import { parameterCount, thetaOffsets } from "../network/theta.ts";

/**
 * Round-off of δ⁽ᴸ⁾ = a − y, in units of |a| + |y|: a softmax or sigmoid output carries a few ε
 * of relative error (an exp, a sum, a division), and the subtraction one more.
 */
const outputDeltaUnits = 8 * Number.EPSILON;

/**
 * Per entry of ∂J/∂Θ, how far float64 round-off may move a correct backward pass from
 * gradcheck's: an absolute bound, not an estimate. δ⁽ᴸ⁾ = a − y is off by up to
 * outputDeltaUnits·(|a| + |y|) (where an output saturates, a − y cancels to almost nothing and
 * its rounding is all that is left), and each layer carries that on, magnified by the weights:
 * err(δ⁽ˡ⁾) = (|Θ⁽ˡ⁾|ᵀ err(δ⁽ˡ⁺¹⁾) + n·ε·|Θ⁽ˡ⁾|ᵀ|δ⁽ˡ⁺¹⁾|)·|g'(z⁽ˡ⁾)|, and
 * err(∂J/∂Θ_ij) = (1/m) Σ_examples (err(δ_i)·|a_j| + (m + 1)·ε·|δ_i·a_j|). With weights of 40 over
 * three layers, an entry near 1e-13 may be off by 1e-12 in code that is right; ordinary networks
 * get bounds far below (a)'s floor of 1e-12.
 */
export function backpropRoundOff(c: LabelledCase): Float64Array {
  const { z, a } = forward(c, c.theta, c.X);
  const L = c.layerSizes.length,
    m = c.X.rows,
    K = c.layerSizes[L - 1]!;
  const offsets = thetaOffsets(c.layerSizes);
  const bound = new Float64Array(parameterCount(c.layerSizes));
  const hidden = activations[c.hiddenActivation];
  for (let e = 0; e < m; e++) {
    let delta: Float64Array<ArrayBuffer> = new Float64Array(K),
      err: Float64Array<ArrayBuffer> = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      const ak = a[L - 1]!.data[e * K + k]!,
        yk = c.Y.data[e * K + k]!;
      delta[k] = Math.abs(ak - yk);
      err[k] = outputDeltaUnits * (Math.abs(ak) + Math.abs(yk));
    }
    for (let l = L - 2; l >= 0; l--) {
      accumulate(bound, offsets[l]!, c.theta[l]!, a[l]!.data, e, m, delta, err);
      if (l === 0) break;
      const slope = (q: number) =>
        Math.abs(hidden.gPrime(z[l]!.data[q]!, a[l]!.data[q]!)) || (c.hiddenActivation === "relu" ? kinkSlope(z[l]!.data[q]!) : 0);
      [delta, err] = backward(c.theta[l]!, e, delta, err, slope);
    }
  }
  for (let q = 0; q < bound.length; q++) bound[q] /= m;
  return bound;
}

/** relu' at z = 0 may be 1 in correct code (docs/check.md: kinks): the bound takes the larger. */
const kinkSlope = (z: number) => (z === 0 ? 1 : 0);

/** Σ over examples of err(δ_i)·|a_j| (and the products' and the sum's own rounding), for example e. */
function accumulate(
  bound: Float64Array,
  offset: number,
  T: { rows: number; cols: number },
  A: ArrayLike<number>,
  e: number,
  m: number,
  delta: Float64Array,
  err: Float64Array,
): void {
  const cols = T.cols,
    sIn = cols - 1,
    sum = (m + 1) * Number.EPSILON;
  for (let i = 0; i < T.rows; i++) {
    const base = offset + i * cols;
    bound[base] += err[i]! + sum * delta[i]!;
    for (let j = 0; j < sIn; j++) {
      const x = Math.abs(A[e * sIn + j]!);
      bound[base + 1 + j] += err[i]! * x + sum * delta[i]! * x;
    }
  }
}

/** |δ⁽ˡ⁾| and its error bound from layer l + 1's, through |Θ⁽ˡ⁾|ᵀ (without the bias column) and |g'|. */
function backward(
  T: { rows: number; cols: number; data: ArrayLike<number> },
  e: number,
  delta: Float64Array,
  err: Float64Array,
  slope: (q: number) => number,
): [Float64Array<ArrayBuffer>, Float64Array<ArrayBuffer>] {
  const cols = T.cols,
    sIn = cols - 1,
    n = T.rows * Number.EPSILON;
  const nextDelta = new Float64Array(sIn),
    nextErr = new Float64Array(sIn);
  for (let j = 0; j < sIn; j++) {
    let d = 0,
      r = 0;
    for (let i = 0; i < T.rows; i++) {
      const w = Math.abs(T.data[i * cols + 1 + j]!);
      d += w * delta[i]!;
      r += w * err[i]!;
    }
    const g = slope(e * sIn + j);
    nextDelta[j] = d * g;
    nextErr[j] = (r + n * d) * g;
  }
  return [nextDelta, nextErr];
}
