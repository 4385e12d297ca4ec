import { activations } from "../network/activation.ts";
import { softplus } from "../network/cost.ts";
import { logSumExp, softmaxInto } from "../network/softmax.ts";
import { lectureFamily, type Family } from "./Family.ts";
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
export function nnCostFunctionWith(slips: Slips, family: Family = lectureFamily): NnCostFunction {
  return (params, layerSizes, X, y, lambda) => {
    const net = studentNetwork(layerSizes, params, slips, family);
    const K = layerSizes[layerSizes.length - 1],
      m = X.length;
    const Delta = new Float64Array(net.p.length);
    let sumLoss = 0;
    for (let i = 0; i < m; i++) {
      const { z, a } = forwardExample(net, X[i], slips);
      const out = outputLayer(net, z[z.length - 1], a[a.length - 1], targetsOf(y[i], K, slips.targets ?? "one-hot"), slips);
      sumLoss += out.loss;
      backwardExample(net, a, out.delta, Delta, slips);
    }
    return gradientOf(net, Delta, sumLoss, m, lambda, slips);
  };
}

/** Θ as the student holds it: the unrolled parameters with each Θ⁽ˡ⁾'s shape and offset. */
interface StudentNetwork {
  readonly family: Family;
  readonly shapes: ReadonlyArray<[number, number]>;
  readonly offsets: readonly number[];
  readonly p: ArrayLike<number>;
}

function studentNetwork(layerSizes: number[], params: Float64Array, slips: Slips, family: Family): StudentNetwork {
  // The re-initialising slip: a fixed seed keeps it reproducible (a real one differs per call).
  const p = slips.reinitializeWeights ? unroll(randomInitialTheta(layerSizes, rng(7))) : params;
  return { family, shapes: thetaShapes(layerSizes), offsets: thetaOffsets(layerSizes), p };
}

/** a[l] carries the bias unit at index 0; z[l] is z⁽ˡ⁺¹⁾ without one (z[0] is empty). */
function forwardExample(net: StudentNetwork, x: readonly number[], slips: Slips): { z: Float64Array[]; a: Float64Array[] } {
  const last = net.shapes.length - 1,
    output = net.family.outputActivation;
  const g = activations[net.family.hiddenActivation].g,
    gOut = output === "softmax" ? g : activations[output].g;
  const a: Float64Array[] = [Float64Array.from([1, ...x])];
  const z: Float64Array[] = [new Float64Array(0)];
  net.shapes.forEach(([rows, cols], l) => {
    const o = net.offsets[l];
    const zl = new Float64Array(rows),
      al = new Float64Array(rows + 1);
    al[0] = 1;
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += net.p[o + r * cols + c] * a[l][c];
      zl[r] = s;
      al[r + 1] = l === last ? gOut(s) : g(s);
    }
    if (l === last && output === "softmax") (slips.naiveSoftmax ? naiveSoftmaxInto : softmaxInto)(zl, 0, al, 1, rows);
    z.push(zl);
    a.push(al);
  });
  return { z, a };
}

/** The example's loss and δ⁽ᴸ⁾ = ∂loss/∂z⁽ᴸ⁾ (a − y for cross-entropy, sigmoid or softmax). */
function outputLayer(
  net: StudentNetwork,
  zL: Float64Array,
  aL: Float64Array,
  target: Float64Array,
  slips: Slips,
): { loss: number; delta: Float64Array } {
  const K = zL.length,
    { outputActivation, cost } = net.family;
  const delta = new Float64Array(K);
  let loss = outputActivation === "softmax" ? (slips.naiveSoftmax ? naiveLogSumExp(zL) : logSumExp(zL)) : 0;
  const gPrime = outputActivation === "softmax" ? null : activations[outputActivation].gPrime;
  for (let k = 0; k < K; k++) {
    const zk = zL[k],
      ak = aL[k + 1],
      yk = target[k];
    if (cost === "squared-error") loss += 0.5 * (ak - yk) * (ak - yk);
    else loss += outputActivation === "softmax" ? -yk * zk : softplus(zk) - yk * zk;
    const crossEntropy = cost === "cross-entropy" ? slips.outputDelta !== "squared-error" : slips.outputDelta === "cross-entropy";
    // With softmax, a(1 − a) is the diagonal of its Jacobian: the "extra softmax′ factor" slip.
    const g = gPrime ? gPrime(zk, ak) : ak * (1 - ak);
    delta[k] = crossEntropy ? ak - yk : (ak - yk) * g;
  }
  return { loss, delta };
}

/** The slip: e^z / Σ e^z as written on paper; e^z overflows to ∞ once z > 709. */
function naiveSoftmaxInto(z: Float64Array, zAt: number, a: Float64Array, aAt: number, K: number): void {
  let s = 0;
  for (let k = 0; k < K; k++) s += Math.exp(z[zAt + k]);
  for (let k = 0; k < K; k++) a[aAt + k] = Math.exp(z[zAt + k]) / s;
}

function naiveLogSumExp(z: Float64Array): number {
  let s = 0;
  for (const v of z) s += Math.exp(v);
  return Math.log(s);
}

/** Δ⁽ˡ⁾ += δ⁽ˡ⁺¹⁾(a⁽ˡ⁾)ᵀ from the output down, and δ⁽ˡ⁾ = (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ .* g'(z⁽ˡ⁾) in between. */
function backwardExample(net: StudentNetwork, a: Float64Array[], deltaL: Float64Array, Delta: Float64Array, slips: Slips): void {
  let delta = deltaL;
  for (let l = net.shapes.length - 1; l >= 0; l--) {
    const [rows, cols] = net.shapes[l],
      o = net.offsets[l];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) Delta[o + r * cols + c] += delta[r] * a[l][c];
    }
    if (l === 0) break;
    delta = hiddenDelta(net, l, delta, a[l], slips);
  }
}

/** δ⁽ˡ⁾ of the hidden layer fed by Θ⁽ˡ⁾ (code index l), from δ⁽ˡ⁺¹⁾ and a⁽ˡ⁾ with its bias unit. */
function hiddenDelta(net: StudentNetwork, l: number, delta: Float64Array, al: Float64Array, slips: Slips): Float64Array {
  const [rows, cols] = net.shapes[l],
    o = net.offsets[l];
  // (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ has cols entries; entry 0 belongs to the bias unit.
  const back = new Float64Array(cols);
  for (let c = 0; c < cols; c++) {
    let s = 0;
    for (let r = 0; r < rows; r++) s += net.p[o + r * cols + c] * delta[r];
    back[c] = s;
  }
  const kept = slips.droppedDeltaRow === "last" ? back.subarray(0, cols - 1) : back.subarray(1);
  const next = new Float64Array(cols - 1);
  for (let u = 0; u < cols - 1; u++) next[u] = kept[u] * hiddenGPrime(net, al[u + 1], slips);
  return next;
}

/**
 * g'(z) from a = g(z) (a(1 − a) for the sigmoid, 1 − a² for tanh, [a > 0] for relu), or the
 * slip's version: none, or the derivative's formula applied to a (σ(a)(1 − σ(a)), 1 − tanh²(a)).
 */
function hiddenGPrime(net: StudentNetwork, a: number, slips: Slips): number {
  if (slips.hiddenDerivative === "none") return 1;
  const { g, gPrime } = activations[net.family.hiddenActivation];
  if (slips.hiddenDerivative === "sigmoid(a)") return gPrime(a, g(a));
  // a = g(z) has the sign of z for relu and tanh, so gPrime may read it in z's place.
  return gPrime(a, a);
}

/** J = (1/m)Σloss + (λ/2m)ΣΘ² and D = (1/m)Δ + (λ/m)Θ, both off the bias column. */
function gradientOf(
  net: StudentNetwork,
  Delta: Float64Array,
  sumLoss: number,
  m: number,
  lambda: number,
  slips: Slips,
): { J: number; grad: Float64Array } {
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
