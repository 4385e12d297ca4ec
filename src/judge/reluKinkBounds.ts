import type { Matrix } from "../linalg/Matrix.ts";
import type { LabelledCase } from "../network/labels.ts";
import { activations } from "../network/activation.ts";
import { costs } from "../network/cost.ts";
import { forward } from "../network/forward.ts";
import { parameterCount, thetaOffsets } from "../network/theta.ts";
import { kinkKind, reluKinkUnits } from "./reluRoundingKinks.ts";

/** δ of one layer for one example: the interval [lo, hi] and gradcheck's own value (relu'(0) = 0). */
interface DeltaInterval {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly point: Float64Array;
}

/**
 * What a right gradient may be where hidden relu units sit at their kink (reluKinkUnits): relu
 * has no derivative at z = 0, and any value between its one-sided derivatives, 0 and 1, is a
 * legitimate relu'(0) — `z > 0`, `z >= 0` and heaviside(z, ½) are all correct code. The backward
 * pass is run in interval arithmetic with relu' = [0, 1] at those units and the usual value
 * elsewhere; for each entry of ∂J/∂Θ, `low` and `high` are the ends of that interval minus
 * gradcheck's own gradient (relu'(0) = 0). Interval arithmetic contains every choice, one per
 * unit and example, so no legitimate answer falls outside; entries no kink reaches get [0, 0].
 * Undefined when no unit sits at a kink.
 */
export function reluKinkBounds(c: LabelledCase): { readonly low: Float64Array; readonly high: Float64Array } | undefined {
  const kinds = reluKinkUnits(c);
  if (!kinds) return undefined;
  const { z, a } = forward(c, c.theta, c.X);
  const L = c.layerSizes.length,
    m = c.X.rows,
    K = c.layerSizes[L - 1],
    offsets = thetaOffsets(c.layerSizes);
  const n = parameterCount(c.layerSizes);
  const sums = { lo: new Float64Array(n), hi: new Float64Array(n), point: new Float64Array(n) };
  // softmax's δ⁽ᴸ⁾ = a − y needs no g' (the cost's delta ignores it)
  const out = activations[c.outputActivation === "softmax" ? "identity" : c.outputActivation];
  for (let e = 0; e < m; e++) {
    const point = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      const q = e * K + k,
        zq = z[L - 1].data[q],
        aq = a[L - 1].data[q];
      point[k] = costs[c.cost].delta(zq, aq, c.Y.data[q], out.gPrime(zq, aq));
    }
    let delta: DeltaInterval = { lo: point.slice(), hi: point.slice(), point };
    for (let l = L - 2; l >= 0; l--) {
      accumulate(sums, offsets[l], c.theta[l], a[l].data, e, delta);
      if (l > 0) delta = backward(c.theta[l], z[l].data, kinds[l], e, delta);
    }
  }
  return {
    low: sums.lo.map((v, q) => (v - sums.point[q]) / m),
    high: sums.hi.map((v, q) => (v - sums.point[q]) / m),
  };
}

/** Δ⁽ˡ⁾ += δ⁽ˡ⁺¹⁾·[1 a⁽ˡ⁾]ᵀ for example e, at both ends and at gradcheck's point. */
function accumulate(sums: DeltaInterval, offset: number, T: Matrix, A: Float64Array, e: number, delta: DeltaInterval): void {
  const cols = T.cols,
    sIn = cols - 1;
  for (let r = 0; r < T.rows; r++) {
    const base = offset + r * cols;
    sums.lo[base] += delta.lo[r];
    sums.hi[base] += delta.hi[r];
    sums.point[base] += delta.point[r];
    for (let j = 0; j < sIn; j++) {
      const x = A[e * sIn + j],
        q = base + 1 + j;
      sums.lo[q] += x >= 0 ? x * delta.lo[r] : x * delta.hi[r];
      sums.hi[q] += x >= 0 ? x * delta.hi[r] : x * delta.lo[r];
      sums.point[q] += x * delta.point[r];
    }
  }
}

/** δ⁽ˡ⁾ = (Θ⁽ˡ⁾ᵀδ⁽ˡ⁺¹⁾ without the bias row) .* relu'(z⁽ˡ⁾), with relu' = [0, 1] at a kink. */
function backward(T: Matrix, Z: Float64Array, kind: Uint8Array, e: number, delta: DeltaInterval): DeltaInterval {
  const cols = T.cols,
    sIn = cols - 1;
  const lo = new Float64Array(sIn),
    hi = new Float64Array(sIn),
    point = new Float64Array(sIn);
  for (let u = 0; u < sIn; u++) {
    let sLo = 0,
      sHi = 0,
      sPoint = 0;
    for (let r = 0; r < T.rows; r++) {
      const w = T.data[r * cols + 1 + u];
      sLo += w >= 0 ? w * delta.lo[r] : w * delta.hi[r];
      sHi += w >= 0 ? w * delta.hi[r] : w * delta.lo[r];
      sPoint += w * delta.point[r];
    }
    const q = e * sIn + u,
      slope = Z[q] > 0 ? 1 : 0;
    point[u] = sPoint * slope;
    if (kind[q] !== kinkKind.none) {
      lo[u] = Math.min(0, sLo);
      hi[u] = Math.max(0, sHi);
    } else {
      lo[u] = sLo * slope;
      hi[u] = sHi * slope;
    }
  }
  return { lo, hi, point };
}
