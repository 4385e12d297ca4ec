import type { Matrix } from "../linalg/Matrix.ts";
import { sigmoid } from "../network/activation.ts";
import type { Problem, Theta } from "../network/Network.ts";
import { expm1Small, log1pSmall, tinyArgument } from "./smallArgument.ts";

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
  const l = L - 3;
  const H = layerSizes[l + 1];
  const Zh = z[l + 1].data;
  // 1 − σ(z) as σ(−z): no cancellation when the unit saturates towards 1.
  const oneMinus = new Float64Array(Zh.length);
  for (let q = 0; q < Zh.length; q++) oneMinus[q] = sigmoid(-Zh[q]);
  const inputs = columnNonzeros(a[l]);
  const unit = unitTerms(theta[L - 2], a[L - 1].data, problem.Y.data);
  const pair = new Float64Array(2);
  const Ah = a[l + 1].data;
  return (i, j, offsets, sums, mags) => {
    unit.select(i);
    const O = offsets.length;
    for (let idx = inputs.colStart[j], end = inputs.colStart[j + 1]; idx < end; idx++) {
      const e = inputs.rows[idx], x = inputs.vals[idx];
      const s = Ah[e * H + i], sc = oneMinus[e * H + i];
      let o = 0;
      // Offsets in pairs (central differences are ±h): one pass over the outputs serves both.
      for (; o + 1 < O; o += 2) {
        const da = hiddenChange(s, sc, offsets[o] * x), db = hiddenChange(s, sc, offsets[o + 1] * x);
        outputLossChanges(unit, e, da, db, pair);
        sums[o] += pair[0] - unit.yw[e] * da;
        sums[o + 1] += pair[1] - unit.yw[e] * db;
        mags[o] += 2 * unit.size[e] * Math.abs(da);
        mags[o + 1] += 2 * unit.size[e] * Math.abs(db);
      }
      for (; o < O; o++) {
        const da = hiddenChange(s, sc, offsets[o] * x);
        sums[o] += outputSoftplusChange(unit, e, da) - unit.yw[e] * da;
        mags[o] += 2 * unit.size[e] * Math.abs(da);
      }
    }
  };
}

/** σ(z + u) − σ(z) from s = σ(z) and sc = 1 − s, without subtracting the two. */
function hiddenChange(s: number, sc: number, u: number): number {
  const q = -expm1Small(-u);
  return (s * sc * q) / (1 - sc * q);
}

/**
 * Column-compressed nonzeros of a layer's input with the bias as column 0: example rows[idx]
 * has value vals[idx] for idx in [colStart[j], colStart[j+1]). Zero activations cost nothing.
 */
function columnNonzeros(A: Matrix): { colStart: Int32Array; rows: Int32Array; vals: Float64Array } {
  const m = A.rows, sIn = A.cols, Ain = A.data;
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
  return { colStart, rows, vals };
}

/** What every perturbation of hidden unit i's incoming weights shares, recomputed when i changes. */
interface UnitTerms {
  /** Θ⁽ᴸ⁻¹⁾ column i+1: the outgoing weights w_k of the unit */
  readonly w: Float64Array;
  /** max_k |w_k| */
  wMax: number;
  /** Σ_k y_k·w_k per example: the −y·δ terms of the cross-entropy, summed in closed form */
  readonly yw: Float64Array;
  /** Σ_k (a_k + y_k)·|w_k| per example: bounds the size of the terms per unit change of a_i */
  readonly size: Float64Array;
  readonly Aout: Float64Array;
  readonly select: (i: number) => void;
}

function unitTerms(Tout: Matrix, Aout: Float64Array, Y: Float64Array): UnitTerms {
  const K = Tout.rows, m = Aout.length / K;
  let current = -1;
  const terms: UnitTerms = {
    w: new Float64Array(K), wMax: 0, yw: new Float64Array(m), size: new Float64Array(m), Aout,
    select(i) {
      if (i === current) return;
      current = i;
      const { w, yw, size } = terms;
      terms.wMax = 0;
      for (let k = 0; k < K; k++) {
        w[k] = Tout.data[k * Tout.cols + i + 1];
        terms.wMax = Math.max(terms.wMax, Math.abs(w[k]));
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
    },
  };
  return terms;
}

/** Σ_k softplus(z_k + w_k·da) − softplus(z_k) in example e: the library-accurate form. */
function outputSoftplusChange(unit: UnitTerms, e: number, da: number): number {
  const { w, Aout } = unit, K = w.length, ao = e * K;
  let d = 0;
  for (let k = 0; k < K; k++) d += log1pSmall(Aout[ao + k] * expm1Small(w[k] * da));
  return d;
}

/** outputSoftplusChange for da and db in one pass over the outputs, into out[0] and out[1]. */
function outputLossChanges(unit: UnitTerms, e: number, da: number, db: number, out: Float64Array): void {
  const { w, Aout } = unit, K = w.length, ao = e * K;
  let dA = 0, dB = 0;
  const ada = Math.abs(da), adb = Math.abs(db);
  if ((ada > adb ? ada : adb) * unit.wMax < tinyArgument) {
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
  out[0] = dA;
  out[1] = dB;
}
