import { activations } from "../network/activation.ts";
import { costs } from "../network/cost.ts";
import { dataTerm } from "../network/costFunction.ts";
import { forward } from "../network/forward.ts";
import { activationOfLayer, type Problem, type Theta } from "../network/Network.ts";
import { regularizationTerm } from "../network/regularization.ts";
import type { Increments } from "../numeric/index.ts";
import { defaultRelativeAccuracy } from "../numeric/index.ts";
import { softmaxCrossEntropy } from "../network/softmax.ts";
import { sigmoidCrossEntropyKernel } from "./sigmoidCrossEntropyKernel.ts";

/**
 * J(Θ + t·e_p) − J(Θ) for a network without a full forward pass per perturbation.
 *
 * Perturbing Θ⁽ˡ⁾_ij by t changes only unit i of layer l+1, by t·a_j⁽ˡ⁾ in z, and only in the
 * examples where a_j⁽ˡ⁾ ≠ 0. From the cached forward pass each example then needs: the new
 * a_i⁽ˡ⁺¹⁾, a rank-1 update of z⁽ˡ⁺²⁾ (column i+1 of Θ⁽ˡ⁺¹⁾ times the change), and full
 * products only for the layers above that. The increment is the sum of per-example loss
 * changes plus the exact change of the regulariser, (λ/2m)·t·(2Θ_ij + t) for j ≥ 1, never a
 * difference of two totals. Θ and the data are never modified.
 *
 * relu kinks are exact here: an offset is flagged when any changed relu unit's z crosses 0.
 */
export interface NetworkIncrements extends Increments {
  /** J(Θ) */
  readonly J: number;
}

export function networkIncrements(problem: Problem, theta: Theta): NetworkIncrements {
  const { layerSizes, lambda } = problem;
  const L = layerSizes.length;
  const m = problem.X.rows;
  const K = layerSizes[L - 1];
  const { z, a } = forward(problem, theta, problem.X);
  const cost = costs[problem.cost];
  // softmax's loss belongs to a whole example (row), not to a unit; its a⁽ᴸ⁾ is never needed
  // for the cross-entropy, so the output units keep z there.
  const softmax = problem.outputActivation === "softmax";
  const gOut = problem.outputActivation === "softmax" ? (v: number) => v : activations[problem.outputActivation].g;
  const gHidden = activations[problem.hiddenActivation].g;
  const hiddenRelu = problem.hiddenActivation === "relu";
  const Y = problem.Y.data;

  const lossBase = new Float64Array(softmax ? m : m * K);
  let absLoss = 0;
  for (let q = 0; q < lossBase.length; q++) {
    lossBase[q] = softmax ? softmaxCrossEntropy(z[L - 1].data, q * K, Y, q * K, K) : cost.loss(z[L - 1].data[q], a[L - 1].data[q], Y[q]);
    absLoss += Math.abs(lossBase[q]);
  }
  /** The example's loss change when its output row is curZ (softmax only). */
  const rowChange = (e: number): [number, number] => {
    const after = softmaxCrossEntropy(curZ, 0, Y, e * K, K), before = lossBase[e];
    return [after - before, Math.abs(after) + Math.abs(before)];
  };
  const J = dataTerm(problem, { z, a }) + regularizationTerm(theta, lambda, m);

  const start: number[] = [];
  let n = 0;
  for (const T of theta) {
    start.push(n);
    n += T.data.length;
  }
  const layerOf = (p: number) => {
    let l = theta.length - 1;
    while (start[l] > p) l--;
    return l;
  };
  const fast = L >= 3 && problem.hiddenActivation === "sigmoid" && problem.outputActivation === "sigmoid" && problem.cost === "cross-entropy"
    ? sigmoidCrossEntropyKernel(problem, theta, z, a)
    : null;

  // Work vectors for the generic path, sized for the widest layer.
  const width = Math.max(...layerSizes);
  let cur = new Float64Array(width), next = new Float64Array(width);
  const curZ = new Float64Array(width);

  function generic(l: number, i: number, j: number, offsets: Float64Array, sums: Float64Array, mags: Float64Array, kinks: Uint8Array): void {
    const sIn = layerSizes[l], sOut = layerSizes[l + 1];
    const Ain = a[l].data, Zi = z[l + 1].data, Ai = a[l + 1].data;
    const outputLayer = l + 1 === L - 1;
    for (let e = 0; e < m; e++) {
      const aj = j === 0 ? 1 : Ain[e * sIn + j - 1];
      if (aj === 0) continue;
      const z0 = Zi[e * sOut + i];
      for (let o = 0; o < offsets.length; o++) {
        const zNew = z0 + offsets[o] * aj;
        if (outputLayer && softmax) {
          curZ.set(Zi.subarray(e * K, (e + 1) * K));
          curZ[i] = zNew;
          const [d, mag] = rowChange(e);
          sums[o] += d;
          mags[o] += mag;
          continue;
        }
        if (outputLayer) {
          const after = cost.loss(zNew, gOut(zNew), Y[e * K + i]), before = lossBase[e * K + i];
          sums[o] += after - before;
          mags[o] += Math.abs(after) + Math.abs(before);
          continue;
        }
        if (hiddenRelu && (z0 > 0) !== (zNew > 0)) kinks[o] = 1;
        const da = gHidden(zNew) - Ai[e * sOut + i];
        if (da === 0) continue;
        // Rank-1 update of layer l+2, then full products above it.
        let r = l + 2;
        const T1 = theta[l + 1], s2 = layerSizes[r], Zr = z[r].data;
        const lastR = r === L - 1;
        for (let k = 0; k < s2; k++) {
          const zz = Zr[e * s2 + k] + T1.data[k * T1.cols + i + 1] * da;
          curZ[k] = zz;
          if (!lastR && hiddenRelu && (Zr[e * s2 + k] > 0) !== (zz > 0)) kinks[o] = 1;
          cur[k] = lastR ? gOut(zz) : gHidden(zz);
        }
        while (r < L - 1) {
          const T = theta[r], sNext = layerSizes[r + 1], cols = T.cols, Zn = z[r + 1].data;
          const lastN = r + 1 === L - 1;
          for (let k = 0; k < sNext; k++) {
            let s = T.data[k * cols];
            for (let c = 1; c < cols; c++) s += T.data[k * cols + c] * cur[c - 1];
            curZ[k] = s;
            if (!lastN && hiddenRelu && (Zn[e * sNext + k] > 0) !== (s > 0)) kinks[o] = 1;
            next[k] = lastN ? gOut(s) : gHidden(s);
          }
          [cur, next] = [next, cur];
          r++;
        }
        if (softmax) {
          const [d, mag] = rowChange(e);
          sums[o] += d;
          mags[o] += mag;
          continue;
        }
        let d = 0, mag = 0;
        for (let k = 0; k < K; k++) {
          const after = cost.loss(curZ[k], cur[k], Y[e * K + k]), before = lossBase[e * K + k];
          d += after - before;
          mag += Math.abs(after) + Math.abs(before);
        }
        sums[o] += d;
        mags[o] += mag;
      }
    }
  }

  return {
    n,
    f0: J,
    J,
    // The data term's per-example differences carry round-off of order ε·Σ|loss|/m; the
    // regulariser's change is computed in closed form to a few ulps of itself, so J's size
    // through λ (which can dwarf the data term) does not enter.
    accuracy: defaultRelativeAccuracy * Math.max(absLoss / m, Number.MIN_VALUE),
    coordinate(p) {
      const l = layerOf(p);
      return theta[l].data[p - start[l]];
    },
    increments(p, offsets, out, kinks) {
      const l = layerOf(p);
      const q = p - start[l], cols = theta[l].cols;
      const i = Math.floor(q / cols), j = q % cols;
      const sums = new Float64Array(offsets.length), mags = new Float64Array(offsets.length);
      if (fast && l === L - 3) fast(i, j, offsets, sums, mags);
      else generic(l, i, j, offsets, sums, mags, kinks);
      const w = theta[l].data[q];
      // Round-off of this entry's increments: a few ulps of every loss value (or, in the
      // fast kernel, every term) that entered the sum, plus a few of the regulariser's change.
      let roundoff = 0;
      for (let o = 0; o < offsets.length; o++) {
        const t = offsets[o];
        const reg = j === 0 || lambda === 0 ? 0 : (lambda / (2 * m)) * t * (2 * w + t);
        out[o] = sums[o] / m + reg;
        roundoff = Math.max(roundoff, defaultRelativeAccuracy * (mags[o] / m + Math.abs(reg)));
      }
      return roundoff;
    },
  };
}
