import { sigmoid } from "../network/activation.ts";
import { softplus } from "../network/cost.ts";
import { randomInitialTheta } from "../network/init.ts";
import { rng } from "../numeric/random.ts";
import { thetaShapes, unroll } from "../network/theta.ts";
import type { NnCostFunction } from "./NnCostFunction.ts";
import type { Slips } from "./Slips.ts";

/**
 * The lecture's per-example algorithm (SEED §4) with the contract's signature, written the
 * way a student would, on plain arrays; `slips` plants the known mistakes. Deliberately
 * independent of src/backprop, so the catalogue and gradcheck's own methods cannot share a bug.
 */
export function nnCostFunctionWith(slips: Slips): NnCostFunction {
  return (params, layerSizes, X, y, lambda) => {
    const L = layerSizes.length, m = X.length, K = layerSizes[L - 1];
    const shapes = thetaShapes(layerSizes);
    // The re-initialising slip: a fixed seed keeps it reproducible (a real one differs per call).
    const p = slips.reinitializeWeights ? unroll(randomInitialTheta(layerSizes, rng(7))) : params;
    const offsets: number[] = [];
    let at = 0;
    for (const [r, c] of shapes) {
      offsets.push(at);
      at += r * c;
    }
    const Delta = new Float64Array(p.length);
    let sumLoss = 0;

    for (let i = 0; i < m; i++) {
      // a[l] carries the bias unit at index 0; z[l] is z⁽ˡ⁺¹⁾ without one.
      const a: Float64Array[] = [Float64Array.from([1, ...X[i]])];
      const z: Float64Array[] = [new Float64Array(0)];
      for (let l = 0; l + 1 < L; l++) {
        const [rows, cols] = shapes[l], o = offsets[l];
        const zl = new Float64Array(rows), al = new Float64Array(rows + 1);
        al[0] = 1;
        for (let r = 0; r < rows; r++) {
          let s = 0;
          for (let c = 0; c < cols; c++) s += p[o + r * cols + c] * a[l][c];
          zl[r] = s;
          al[r + 1] = sigmoid(s);
        }
        z.push(zl);
        a.push(al);
      }
      const target = targetsOf(y[i], K, slips.targets ?? "one-hot");
      let delta = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        const zk = z[L - 1][k], ak = a[L - 1][k + 1];
        sumLoss += softplus(zk) - target[k] * zk;
        delta[k] = slips.outputDelta === "squared-error" ? (ak - target[k]) * ak * (1 - ak) : ak - target[k];
      }
      for (let l = L - 2; l >= 0; l--) {
        const [rows, cols] = shapes[l], o = offsets[l];
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) Delta[o + r * cols + c] += delta[r] * a[l][c];
        }
        if (l === 0) break;
        // (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ has cols entries; entry 0 belongs to the bias unit.
        const back = new Float64Array(cols);
        for (let c = 0; c < cols; c++) {
          let s = 0;
          for (let r = 0; r < rows; r++) s += p[o + r * cols + c] * delta[r];
          back[c] = s;
        }
        const kept = slips.droppedDeltaRow === "last" ? back.subarray(0, cols - 1) : back.subarray(1);
        const next = new Float64Array(cols - 1);
        for (let u = 0; u < cols - 1; u++) {
          const au = a[l][u + 1];
          const gPrime =
            slips.hiddenDerivative === "none" ? 1
            : slips.hiddenDerivative === "sigmoid(a)" ? sigmoid(au) * (1 - sigmoid(au))
            : au * (1 - au);
          next[u] = kept[u] * gPrime;
        }
        delta = next;
      }
    }

    const firstRegularized = slips.regularizeBias ? 0 : 1;
    const scale =
      slips.regularizerGradientScale === "lambda" ? lambda
      : slips.regularizerGradientScale === "none" ? 0
      : lambda / m;
    const divisor = slips.divideDeltaByM === false ? 1 : m;
    let squares = 0;
    const grad = new Float64Array(p.length);
    shapes.forEach(([rows, cols], l) => {
      const o = offsets[l];
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const q = o + r * cols + c;
          grad[q] = Delta[q] / divisor;
          if (c < firstRegularized) continue;
          squares += p[q] * p[q];
          grad[q] += scale * (slips.regularizeWith === "Delta" ? Delta[q] : p[q]);
        }
      }
    });
    return { J: sumLoss / m + (lambda / (2 * m)) * squares, grad };
  };
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
