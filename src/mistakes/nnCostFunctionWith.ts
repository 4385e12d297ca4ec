import { sigmoid } from "../network/activation.ts";
import { softplus } from "../network/cost.ts";
import { randomInitialTheta } from "../network/init.ts";
import { rng } from "../numeric/random.ts";
import { thetaOffsets, thetaShapes, unroll } from "../network/theta.ts";
import type { NnCostFunction } from "./NnCostFunction.ts";
import type { Slips } from "./Slips.ts";

/**
 * The lecture's per-example algorithm with the submission signature, written the way a
 * student would, on plain arrays; `slips` plants the known mistakes. Deliberately independent
 * of src/backprop, so the catalogue and gradcheck's own methods cannot share a bug.
 *
 * Each step below is one slide of the algorithm and reads only the slips that belong to it:
 * targets (y → y⁽ⁱ⁾), forward, output δ⁽ᴸ⁾ and loss, backward (Δ += δaᵀ, δ⁽ˡ⁾), then D.
 */
export function nnCostFunctionWith(slips: Slips): NnCostFunction {
  return (params, layerSizes, X, y, lambda) => {
    const net = studentNetwork(layerSizes, params, slips);
    const K = layerSizes[layerSizes.length - 1], m = X.length;
    const Delta = new Float64Array(net.p.length);
    let sumLoss = 0;
    for (let i = 0; i < m; i++) {
      const { z, a } = forwardExample(net, X[i]);
      const out = outputLayer(z[z.length - 1], a[a.length - 1], targetsOf(y[i], K, slips.targets ?? "one-hot"), slips);
      sumLoss += out.loss;
      backwardExample(net, a, out.delta, Delta, slips);
    }
    return gradientOf(net, Delta, sumLoss, m, lambda, slips);
  };
}

/** Θ as the student holds it: the unrolled parameters with each Θ⁽ˡ⁾'s shape and offset. */
interface StudentNetwork {
  readonly shapes: ReadonlyArray<[number, number]>;
  readonly offsets: readonly number[];
  readonly p: ArrayLike<number>;
}

function studentNetwork(layerSizes: number[], params: Float64Array, slips: Slips): StudentNetwork {
  // The re-initialising slip: a fixed seed keeps it reproducible (a real one differs per call).
  const p = slips.reinitializeWeights ? unroll(randomInitialTheta(layerSizes, rng(7))) : params;
  return { shapes: thetaShapes(layerSizes), offsets: thetaOffsets(layerSizes), p };
}

/** a[l] carries the bias unit at index 0; z[l] is z⁽ˡ⁺¹⁾ without one (z[0] is empty). */
function forwardExample(net: StudentNetwork, x: readonly number[]): { z: Float64Array[]; a: Float64Array[] } {
  const a: Float64Array[] = [Float64Array.from([1, ...x])];
  const z: Float64Array[] = [new Float64Array(0)];
  net.shapes.forEach(([rows, cols], l) => {
    const o = net.offsets[l];
    const zl = new Float64Array(rows), al = new Float64Array(rows + 1);
    al[0] = 1;
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += net.p[o + r * cols + c] * a[l][c];
      zl[r] = s;
      al[r + 1] = sigmoid(s);
    }
    z.push(zl);
    a.push(al);
  });
  return { z, a };
}

/** The example's loss and δ⁽ᴸ⁾ = ∂loss/∂z⁽ᴸ⁾ (a − y for cross-entropy). */
function outputLayer(zL: Float64Array, aL: Float64Array, target: Float64Array, slips: Slips): { loss: number; delta: Float64Array } {
  const K = zL.length;
  const delta = new Float64Array(K);
  let loss = 0;
  for (let k = 0; k < K; k++) {
    const zk = zL[k], ak = aL[k + 1];
    loss += softplus(zk) - target[k] * zk;
    delta[k] = slips.outputDelta === "squared-error" ? (ak - target[k]) * ak * (1 - ak) : ak - target[k];
  }
  return { loss, delta };
}

/** Δ⁽ˡ⁾ += δ⁽ˡ⁺¹⁾(a⁽ˡ⁾)ᵀ from the output down, and δ⁽ˡ⁾ = (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ .* g'(z⁽ˡ⁾) in between. */
function backwardExample(net: StudentNetwork, a: Float64Array[], deltaL: Float64Array, Delta: Float64Array, slips: Slips): void {
  let delta = deltaL;
  for (let l = net.shapes.length - 1; l >= 0; l--) {
    const [rows, cols] = net.shapes[l], o = net.offsets[l];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) Delta[o + r * cols + c] += delta[r] * a[l][c];
    }
    if (l === 0) break;
    delta = hiddenDelta(net, l, delta, a[l], slips);
  }
}

/** δ⁽ˡ⁾ of the hidden layer fed by Θ⁽ˡ⁾ (code index l), from δ⁽ˡ⁺¹⁾ and a⁽ˡ⁾ with its bias unit. */
function hiddenDelta(net: StudentNetwork, l: number, delta: Float64Array, al: Float64Array, slips: Slips): Float64Array {
  const [rows, cols] = net.shapes[l], o = net.offsets[l];
  // (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ has cols entries; entry 0 belongs to the bias unit.
  const back = new Float64Array(cols);
  for (let c = 0; c < cols; c++) {
    let s = 0;
    for (let r = 0; r < rows; r++) s += net.p[o + r * cols + c] * delta[r];
    back[c] = s;
  }
  const kept = slips.droppedDeltaRow === "last" ? back.subarray(0, cols - 1) : back.subarray(1);
  const next = new Float64Array(cols - 1);
  for (let u = 0; u < cols - 1; u++) next[u] = kept[u] * hiddenGPrime(al[u + 1], slips);
  return next;
}

/** g'(z) from a = g(z): a(1 − a) for the sigmoid, or the slip's version of it. */
function hiddenGPrime(a: number, slips: Slips): number {
  if (slips.hiddenDerivative === "none") return 1;
  if (slips.hiddenDerivative === "sigmoid(a)") return sigmoid(a) * (1 - sigmoid(a));
  return a * (1 - a);
}

/** J = (1/m)Σloss + (λ/2m)ΣΘ² and D = (1/m)Δ + (λ/m)Θ, both off the bias column. */
function gradientOf(net: StudentNetwork, Delta: Float64Array, sumLoss: number, m: number, lambda: number, slips: Slips): { J: number; grad: Float64Array } {
  const firstRegularized = slips.regularizeBias ? 0 : 1;
  const scale = slips.regularizerGradientScale === "lambda" ? lambda : slips.regularizerGradientScale === "none" ? 0 : lambda / m;
  const divisor = slips.divideDeltaByM === false ? 1 : m;
  let squares = 0;
  const grad = new Float64Array(net.p.length);
  net.shapes.forEach(([rows, cols], l) => {
    const o = net.offsets[l];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const q = o + r * cols + c;
        grad[q] = Delta[q] / divisor;
        if (c < firstRegularized) continue;
        squares += net.p[q] * net.p[q];
        grad[q] += scale * (slips.regularizeWith === "Delta" ? Delta[q] : net.p[q]);
      }
    }
  });
  return { J: sumLoss / m + (lambda / (2 * m)) * squares, grad };
}

function targetsOf(label: number, K: number, how: NonNullable<Slips["targets"]>): Float64Array {
  const t = new Float64Array(K);
  if (how === "label-value") t.fill(label);
  else if (K === 1) t[0] = how === "shifted-by-one" ? label - 1 : label;
  else {
    // MATLAB's y == k for k = 1..K, carried over to 0-based labels: class c lights unit c − 1.
    const hot = how === "shifted-by-one" ? label - 1 : label;
    if (hot >= 0 && hot < K) t[hot] = 1;
  }
  return t;
}
