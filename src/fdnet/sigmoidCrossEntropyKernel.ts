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
      const e = inputs.rows[idx],
        x = inputs.vals[idx];
      const s = Ah[e * H + i],
        sc = oneMinus[e * H + i];
      let o = 0;
      // Offsets in pairs (central differences are ±h): one pass over the outputs serves both.
      for (; o + 1 < O; o += 2) {
        const da = hiddenChange(s, sc, offsets[o] * x),
          db = hiddenChange(s, sc, offsets[o + 1] * x);
        outputLossChanges(unit, e, da, db, pair);
        sums[o] += pair[0];
        sums[o + 1] += pair[1];
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
  const m = A.rows,
    sIn = A.cols,
    Ain = A.data;
  const colStart = new Int32Array(sIn + 2);
  for (let e = 0; e < m; e++) for (let j = 0; j < sIn; j++) if (Ain[e * sIn + j] !== 0) colStart[j + 2]++;
  colStart[1] = m;
  for (let j = 1; j <= sIn + 1; j++) colStart[j] += colStart[j - 1];
  const rows = new Int32Array(colStart[sIn + 1]),
    vals = new Float64Array(colStart[sIn + 1]);
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
  /** per example g1…g4 of lossChangeSeries */
  readonly series: Float64Array;
  readonly Aout: Float64Array;
  readonly select: (i: number) => void;
}

function unitTerms(Tout: Matrix, Aout: Float64Array, Y: Float64Array): UnitTerms {
  const K = Tout.rows,
    m = Aout.length / K;
  let current = -1;
  const terms: UnitTerms = {
    w: new Float64Array(K),
    wMax: 0,
    yw: new Float64Array(m),
    size: new Float64Array(m),
    series: new Float64Array(4 * m),
    Aout,
    select(i) {
      if (i === current) return;
      current = i;
      const { w, yw, size, series } = terms;
      terms.wMax = 0;
      for (let k = 0; k < K; k++) {
        w[k] = Tout.data[k * Tout.cols + i + 1];
        terms.wMax = Math.max(terms.wMax, Math.abs(w[k]));
      }
      for (let e = 0; e < m; e++) {
        let a1 = 0,
          a2 = 0;
        for (let k = 0; k < K; k++) {
          a1 += Y[e * K + k] * w[k];
          a2 += (Aout[e * K + k] + Y[e * K + k]) * Math.abs(w[k]);
        }
        yw[e] = a1;
        size[e] = a2;
        lossChangeSeries(w, Aout, Y, e, series);
      }
    },
  };
  return terms;
}

/** Σ_k softplus(z_k + w_k·da) − softplus(z_k) in example e: the library-accurate form. */
function outputSoftplusChange(unit: UnitTerms, e: number, da: number): number {
  const { w, Aout } = unit,
    K = w.length,
    ao = e * K;
  let d = 0;
  for (let k = 0; k < K; k++) d += log1pSmall(Aout[ao + k] * expm1Small(w[k] * da));
  return d;
}

/**
 * The Taylor coefficients of the cross-entropy change in example e when a_i moves by δ:
 *
 *     Σ_k softplus(z_k + w_k·δ) − softplus(z_k) − y_k·w_k·δ = δ·(g1 + δ·(g2 + δ·(g3 + δ·g4))) + O(δ⁵)
 *
 * with g1 = Σ (a−y)·w (backprop's own δ·w: no cancellation between two large sums) and g2, g3,
 * g4 = Σ w²·σ′, w³·σ″, w⁴·σ‴ over 2, 6 and 24, where σ′ = a(1−a), σ″ = σ′(1−2a) and
 * σ‴ = σ′(1 − 6a + 6a²). Computed once per unit and example, so that each tiny increment costs
 * O(1) instead of O(K).
 */
function lossChangeSeries(w: Float64Array, Aout: Float64Array, Y: Float64Array, e: number, series: Float64Array): void {
  const K = w.length,
    ao = e * K;
  let g1 = 0,
    g2 = 0,
    g3 = 0,
    g4 = 0;
  for (let k = 0; k < K; k++) {
    const a = Aout[ao + k],
      wk = w[k],
      s1 = a * (1 - a);
    const w2 = wk * wk;
    g1 += (a - Y[ao + k]) * wk;
    g2 += w2 * s1;
    g3 += w2 * wk * s1 * (1 - 2 * a);
    g4 += w2 * w2 * s1 * (1 - 6 * a + 6 * a * a);
  }
  series[4 * e] = g1;
  series[4 * e + 1] = g2 / 2;
  series[4 * e + 2] = g3 / 6;
  series[4 * e + 3] = g4 / 24;
}

/** The loss change of example e for δ = da and db, into out[0] and out[1]. */
function outputLossChanges(unit: UnitTerms, e: number, da: number, db: number, out: Float64Array): void {
  const ada = Math.abs(da),
    adb = Math.abs(db);
  if ((ada > adb ? ada : adb) * unit.wMax < tinyArgument) {
    // Every |w_k·δ| is below 2^-17: the series' first omitted term is below 2^-68 of the
    // terms' size, far under their round-off.
    const s = unit.series,
      q = 4 * e;
    const g1 = s[q],
      g2 = s[q + 1],
      g3 = s[q + 2],
      g4 = s[q + 3];
    out[0] = da * (g1 + da * (g2 + da * (g3 + da * g4)));
    out[1] = db * (g1 + db * (g2 + db * (g3 + db * g4)));
    return;
  }
  const { w, Aout } = unit,
    K = w.length,
    ao = e * K;
  let dA = 0,
    dB = 0;
  for (let k = 0; k < K; k++) {
    dA += log1pSmall(Aout[ao + k] * expm1Small(w[k] * da));
    dB += log1pSmall(Aout[ao + k] * expm1Small(w[k] * db));
  }
  out[0] = dA - unit.yw[e] * da;
  out[1] = dB - unit.yw[e] * db;
}
