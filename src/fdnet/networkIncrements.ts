import type { Matrix } from "../linalg/Matrix.ts";
import { activations } from "../network/activation.ts";
import { costs, type Cost } from "../network/cost.ts";
import { dataTerm } from "../network/costFunction.ts";
import { forward } from "../network/forward.ts";
import type { Problem, Theta } from "../network/Network.ts";
import { regularizationTerm } from "../network/regularization.ts";
import { parameterCount } from "../network/theta.ts";
import { thetaEntryAt } from "../network/thetaEntry.ts";
import type { Increments } from "../numeric/index.ts";
import { defaultRelativeAccuracy } from "../numeric/index.ts";
import { softmaxCrossEntropy, softmaxCrossEntropyChange } from "../network/softmax.ts";
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
  const m = problem.X.rows;
  const base = baseline(problem, theta);
  const J = dataTerm(problem, base) + regularizationTerm(theta, lambda, m);
  const lastHidden = layerSizes.length - 3;
  const kernel = usesSigmoidCrossEntropyKernel(problem) ? sigmoidCrossEntropyKernel(problem, theta, base.z, base.a) : null;
  const entryAt = entryLocator(layerSizes);
  let sumsAll = new Float64Array(16),
    magsAll = new Float64Array(16);
  return {
    n: parameterCount(layerSizes),
    f0: J,
    J,
    // The data term's per-example differences carry round-off of order ε·Σ|loss|/m; the
    // regulariser's change is computed in closed form to a few ulps of itself, so J's size
    // through λ (which can dwarf the data term) does not enter.
    accuracy: defaultRelativeAccuracy * Math.max(base.absLoss / m, Number.MIN_VALUE),
    coordinate(p) {
      const { layer, row, column } = entryAt(p);
      return theta[layer].data[row * theta[layer].cols + column];
    },
    increments(p, offsets, out, kinks) {
      const { layer: l, row: i, column: j } = entryAt(p);
      // Work arrays shared by every call (an entry's increments are summed in them), grown when needed.
      if (sumsAll.length < offsets.length) {
        sumsAll = new Float64Array(offsets.length);
        magsAll = new Float64Array(offsets.length);
      }
      const sums = sumsAll.subarray(0, offsets.length).fill(0),
        mags = magsAll.subarray(0, offsets.length).fill(0);
      if (kernel && l === lastHidden) kernel(i, j, offsets, sums, mags);
      else genericIncrements(base, l, i, j, offsets, sums, mags, kinks);
      return finishIncrements(problem, theta[l].data[i * theta[l].cols + j], j === 0, offsets, sums, mags, out);
    },
  };
}

/** An entry is asked for several times in a row (its coordinate, then its levels): located once. */
function entryLocator(layerSizes: readonly number[]): (p: number) => ReturnType<typeof thetaEntryAt> {
  let lastP = -1,
    lastEntry = thetaEntryAt(0, layerSizes);
  return (p) => {
    if (p !== lastP) {
      lastEntry = thetaEntryAt(p, layerSizes);
      lastP = p;
    }
    return lastEntry;
  };
}

/** The common case has a dedicated kernel for the weights feeding the last hidden layer. */
function usesSigmoidCrossEntropyKernel(problem: Problem): boolean {
  return (
    problem.layerSizes.length >= 3 &&
    problem.hiddenActivation === "sigmoid" &&
    problem.outputActivation === "sigmoid" &&
    problem.cost === "cross-entropy"
  );
}

/**
 * out[o] = (Σ_examples loss change)/m + the regulariser's exact change; returns the round-off
 * bound: a few ulps of every loss value (or, in the fast kernel, every term) that entered the
 * sum, plus a few of the regulariser's change. The bias column (j = 0) is not regularised.
 */
function finishIncrements(
  problem: Problem,
  w: number,
  bias: boolean,
  offsets: Float64Array,
  sums: Float64Array,
  mags: Float64Array,
  out: Float64Array,
): number {
  const { lambda } = problem;
  const m = problem.X.rows;
  let roundoff = 0;
  for (let o = 0; o < offsets.length; o++) {
    const t = offsets[o];
    const reg = bias || lambda === 0 ? 0 : (lambda / (2 * m)) * t * (2 * w + t);
    out[o] = sums[o] / m + reg;
    roundoff = Math.max(roundoff, defaultRelativeAccuracy * (mags[o] / m + Math.abs(reg)));
  }
  return roundoff;
}

/** The cached forward pass, each output unit's loss in it, and work vectors for one example. */
interface Baseline {
  readonly problem: Problem;
  readonly theta: Theta;
  readonly z: Matrix[];
  readonly a: Matrix[];
  readonly cost: Cost;
  readonly gOut: (z: number) => number;
  readonly gHidden: (z: number) => number;
  readonly hiddenRelu: boolean;
  /** false for cross-entropy, whose loss softplus(z) − y·z needs no a = g(z): not computed then */
  readonly lossReadsA: boolean;
  /** the loss belongs to a whole example (softmax), not to each output unit */
  readonly softmax: boolean;
  readonly K: number;
  /** loss(z, a, y) per example and output unit, row-major m × K; per example for softmax */
  readonly lossBase: Float64Array;
  readonly absLoss: number;
  /** z and a of one layer of one perturbed example, sized for the widest layer */
  readonly curZ: Float64Array;
  cur: Float64Array;
  next: Float64Array;
  /** the loss change of one perturbed example and the size of the terms summed for it */
  change: number;
  changeSize: number;
}

function baseline(problem: Problem, theta: Theta): Baseline {
  const { layerSizes } = problem;
  const L = layerSizes.length;
  const { z, a } = forward(problem, theta, problem.X);
  const cost = costs[problem.cost];
  const Y = problem.Y.data,
    Z = z[L - 1].data,
    A = a[L - 1].data;
  const softmax = problem.outputActivation === "softmax";
  const K = layerSizes[L - 1];
  const lossBase = new Float64Array(softmax ? problem.X.rows : Y.length);
  let absLoss = 0;
  for (let q = 0; q < lossBase.length; q++) {
    lossBase[q] = softmax ? softmaxCrossEntropy(Z, q * K, Y, q * K, K) : cost.loss(Z[q], A[q], Y[q]);
    absLoss += Math.abs(lossBase[q]);
  }
  const width = Math.max(...layerSizes);
  return {
    problem,
    theta,
    z,
    a,
    cost,
    lossBase,
    absLoss,
    K,
    // softmax's a⁽ᴸ⁾ is never needed for its cross-entropy: the output units keep z there.
    gOut: problem.outputActivation === "softmax" ? (v: number) => v : activations[problem.outputActivation].g,
    softmax,
    gHidden: activations[problem.hiddenActivation].g,
    hiddenRelu: problem.hiddenActivation === "relu",
    lossReadsA: problem.cost !== "cross-entropy",
    curZ: new Float64Array(width),
    cur: new Float64Array(width),
    next: new Float64Array(width),
    change: 0,
    changeSize: 0,
  };
}

/** A hidden relu unit whose z moved across 0: the loss is not smooth along this step. */
function crossesKink(base: Baseline, zBefore: number, zAfter: number): boolean {
  return base.hiddenRelu && zBefore > 0 !== zAfter > 0;
}

/** Adds output unit k's loss change in example e (and the size of both losses) to base.change. */
function addUnitLossChange(base: Baseline, e: number, k: number, zNew: number, aNew: number): void {
  const K = base.K;
  const after = base.cost.loss(zNew, aNew, base.problem.Y.data[e * K + k]),
    before = base.lossBase[e * K + k];
  base.change += after - before;
  base.changeSize += Math.abs(after) + Math.abs(before);
}

/** Adds example e's loss change, its output row being base.curZ (softmax), to base.change. */
function addRowLossChange(base: Baseline, e: number): void {
  const K = base.K,
    L = base.z.length;
  const Z = base.z[L - 1].data,
    A = base.a[L - 1].data,
    Y = base.problem.Y.data;
  base.change += softmaxCrossEntropyChange(Z, A, e * K, base.curZ, 0, Y, e * K, K);
  // Each z'_k carries the round-off of the products that made it, a few ulps of |z|; the
  // change weighs them by a_k + y_k ≤ 2.
  let size = 0;
  for (let k = 0; k < K; k++) size += (A[e * K + k] + Y[e * K + k]) * (Math.abs(Z[e * K + k]) + Math.abs(base.curZ[k]));
  base.changeSize += size;
}

/**
 * Every layer, every example with a_j ≠ 0, every offset: the path for any activation and cost.
 * Long because: a hot kernel; its loops over examples and offsets share the hoisted arrays and
 * the per-example z0, and the three cases of the changed layer are read side by side.
 */
function genericIncrements(
  base: Baseline,
  l: number,
  i: number,
  j: number,
  offsets: Float64Array,
  sums: Float64Array,
  mags: Float64Array,
  kinks: Uint8Array,
): void {
  const { layerSizes } = base.problem;
  const m = base.problem.X.rows;
  const sIn = layerSizes[l],
    sOut = layerSizes[l + 1];
  const Ain = base.a[l].data,
    Zi = base.z[l + 1].data,
    Ai = base.a[l + 1].data;
  const outputLayer = l + 1 === layerSizes.length - 1;
  for (let e = 0; e < m; e++) {
    const aj = j === 0 ? 1 : Ain[e * sIn + j - 1];
    if (aj === 0) continue;
    const z0 = Zi[e * sOut + i];
    for (let o = 0; o < offsets.length; o++) {
      const zNew = z0 + offsets[o] * aj;
      base.change = 0;
      base.changeSize = 0;
      if (outputLayer && base.softmax) {
        base.curZ.set(Zi.subarray(e * sOut, (e + 1) * sOut));
        base.curZ[i] = zNew;
        addRowLossChange(base, e);
      } else if (outputLayer) {
        addUnitLossChange(base, e, i, zNew, base.lossReadsA ? base.gOut(zNew) : NaN);
      } else {
        if (crossesKink(base, z0, zNew)) kinks[o] = 1;
        const da = base.gHidden(zNew) - Ai[e * sOut + i];
        if (da === 0) continue;
        if (propagate(base, e, l, i, da)) kinks[o] = 1;
        if (base.softmax) addRowLossChange(base, e);
        else for (let k = 0; k < base.K; k++) addUnitLossChange(base, e, k, base.curZ[k], base.cur[k]);
      }
      sums[o] += base.change;
      mags[o] += base.changeSize;
    }
  }
}

/**
 * Example e's output layer after a_i⁽ˡ⁺¹⁾ changed by da: a rank-1 update of layer l+2, then
 * full products above it. Leaves z and a of the outputs in base.curZ and base.cur; returns
 * whether a relu unit crossed its kink on the way.
 */
function propagate(base: Baseline, e: number, l: number, i: number, da: number): boolean {
  const { layerSizes } = base.problem;
  const L = layerSizes.length;
  let r = l + 2;
  let kink = false;
  const T1 = base.theta[l + 1],
    s2 = layerSizes[r],
    Zr = base.z[r].data;
  const g = r === L - 1 ? base.gOut : base.gHidden;
  for (let k = 0; k < s2; k++) {
    const zz = Zr[e * s2 + k] + T1.data[k * T1.cols + i + 1] * da;
    base.curZ[k] = zz;
    if (r !== L - 1 && crossesKink(base, Zr[e * s2 + k], zz)) kink = true;
    base.cur[k] = g(zz);
  }
  for (; r < L - 1; r++) if (fullLayer(base, e, r)) kink = true;
  return kink;
}

/** z⁽ʳ⁺¹⁾ = Θ⁽ʳ⁾·[1; a] and its activation for one example, from base.cur into base.cur (swapped). */
function fullLayer(base: Baseline, e: number, r: number): boolean {
  const { layerSizes } = base.problem;
  const T = base.theta[r],
    sNext = layerSizes[r + 1],
    cols = T.cols,
    Zn = base.z[r + 1].data;
  const hidden = r + 1 !== layerSizes.length - 1;
  const g = hidden ? base.gHidden : base.gOut;
  const { cur, next, curZ } = base;
  let kink = false;
  for (let k = 0; k < sNext; k++) {
    let s = T.data[k * cols];
    for (let c = 1; c < cols; c++) s += T.data[k * cols + c] * cur[c - 1];
    curZ[k] = s;
    if (hidden && crossesKink(base, Zn[e * sNext + k], s)) kink = true;
    next[k] = g(s);
  }
  base.cur = next;
  base.next = cur;
  return kink;
}
