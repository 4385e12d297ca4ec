import type { Matrix } from "../linalg/Matrix.ts";
import { sigmoid } from "../network/activation.ts";
import type { Problem, Theta } from "../network/Network.ts";
import { expm1Small, log1pSmall } from "./smallArgument.ts";

/**
 * The common case (sigmoid hidden units, sigmoid outputs, cross-entropy), for weights that
 * feed the last hidden layer: the per-example change is computed from exact identities
 * rather than by subtracting nearly equal values,
 *
 *     σ(z + u) − σ(z)           = s(1−s)·q / (1 − (1−s)·q),   s = σ(z), q = −expm1(−u)
 *     softplus(z + δ) − softplus(z) = log1p(σ(z)·expm1(δ))
 *
 * so each increment is accurate to a few ulps of itself, and the tiny-argument expm1 and
 * log1p are inlined polynomials. Inputs are walked by column, skipping zero activations.
 *
 * The kernel returned adds, for Θ⁽ᴸ⁻²⁾_ij and each offset t, Σ_examples of the loss change
 * into sums[t] and a bound on the size of the terms summed (for the round-off) into mags[t].
 */
export type Kernel = (i: number, j: number, offsets: Float64Array, sums: Float64Array, mags: Float64Array) => void;

export function sigmoidCrossEntropyKernel(problem: Problem, theta: Theta, z: readonly Matrix[], a: readonly Matrix[]): Kernel {
  const { layerSizes } = problem;
  const L = layerSizes.length;
  const m = problem.X.rows;
  const l = L - 3;
  const sIn = layerSizes[l], H = layerSizes[l + 1], K = layerSizes[L - 1];
  const Ain = a[l].data, Ah = a[l + 1].data, Zh = z[l + 1].data, Aout = a[L - 1].data, Y = problem.Y.data;
  // 1 − σ(z) as σ(−z): no cancellation when the unit saturates towards 1.
  const oneMinus = new Float64Array(m * H);
  for (let q = 0; q < m * H; q++) oneMinus[q] = sigmoid(-Zh[q]);
  // Column-compressed nonzeros of the layer's input: zero activations cost nothing.
  const colStart = new Int32Array(sIn + 2);
  for (let e = 0; e < m; e++) for (let j = 0; j < sIn; j++) if (Ain[e * sIn + j] !== 0) colStart[j + 2]++;
  colStart[1] = m;
  for (let j = 1; j <= sIn + 1; j++) colStart[j] += colStart[j - 1];
  const rows = new Int32Array(colStart[sIn + 1]), vals = new Float64Array(colStart[sIn + 1]);
  const fill = colStart.slice();
  for (let e = 0; e < m; e++) {
    rows[fill[0]] = e;
    vals[fill[0]++] = 1;
    for (let j = 0; j < sIn; j++) {
      const v = Ain[e * sIn + j];
      if (v !== 0) {
        rows[fill[j + 1]] = e;
        vals[fill[j + 1]++] = v;
      }
    }
  }
  const Tout = theta[L - 2];
  const w = new Float64Array(K);
  // Per hidden unit i, once: Σ_k y_k·w_k (the −y·δ terms summed in closed form) and
  // Σ_k (a_k + y_k)·|w_k|, which bounds the size of the terms per unit change of a_i.
  const yw = new Float64Array(m), size = new Float64Array(m);
  let unit = -1, wMax = 0;
  return (i, j, offsets, sums, mags) => {
    if (i !== unit) {
      unit = i;
      wMax = 0;
      for (let k = 0; k < K; k++) {
        w[k] = Tout.data[k * Tout.cols + i + 1];
        wMax = Math.max(wMax, Math.abs(w[k]));
      }
      for (let e = 0; e < m; e++) {
        let a1 = 0, a2 = 0;
        for (let k = 0; k < K; k++) {
          a1 += Y[e * K + k] * w[k];
          a2 += (Aout[e * K + k] + Y[e * K + k]) * Math.abs(w[k]);
        }
        yw[e] = a1;
        size[e] = a2;
      }
    }
    const O = offsets.length;
    for (let idx = colStart[j], end = colStart[j + 1]; idx < end; idx++) {
      const e = rows[idx], x = vals[idx];
      const s = Ah[e * H + i], sc = oneMinus[e * H + i];
      const ss = s * sc;
      const ao = e * K;
      let o = 0;
      // Offsets in pairs (central differences are ±h): one pass over the outputs serves both.
      for (; o + 1 < O; o += 2) {
        const qa = -expm1Small(-offsets[o] * x), qb = -expm1Small(-offsets[o + 1] * x);
        const da = (ss * qa) / (1 - sc * qa), db = (ss * qb) / (1 - sc * qb);
        const ada = da < 0 ? -da : da, adb = db < 0 ? -db : db;
        let dA = 0, dB = 0;
        if ((ada > adb ? ada : adb) * wMax < 7.62939453125e-6) {
          // Every |δ| and |σ·expm1(δ)| is below 2^-17: the short polynomials of smallArgument.ts
          // (cut where the next term is < 2^-56 relative), inlined without branches.
          for (let k = 0; k < K; k++) {
            const a = Aout[ao + k], wk = w[k];
            const ea = wk * da, eb = wk * db;
            const va = a * (ea + ea * ea * (0.5 + ea * (1 / 6))), vb = a * (eb + eb * eb * (0.5 + eb * (1 / 6)));
            const va2 = va * va, vb2 = vb * vb;
            dA += va - va2 * (0.5 - va * (1 / 3)) - va2 * va2 * 0.25;
            dB += vb - vb2 * (0.5 - vb * (1 / 3)) - vb2 * vb2 * 0.25;
          }
        } else {
          for (let k = 0; k < K; k++) {
            dA += log1pSmall(Aout[ao + k] * expm1Small(w[k] * da));
            dB += log1pSmall(Aout[ao + k] * expm1Small(w[k] * db));
          }
        }
        sums[o] += dA - yw[e] * da;
        sums[o + 1] += dB - yw[e] * db;
        mags[o] += 2 * size[e] * ada;
        mags[o + 1] += 2 * size[e] * adb;
      }
      for (; o < O; o++) {
        const q = -expm1Small(-offsets[o] * x);
        const da = (ss * q) / (1 - sc * q);
        let d = 0;
        for (let k = 0; k < K; k++) d += log1pSmall(Aout[ao + k] * expm1Small(w[k] * da));
        sums[o] += d - yw[e] * da;
        mags[o] += 2 * size[e] * (da < 0 ? -da : da);
      }
    }
  };
}
