import { gemm } from "../linalg/gemm.ts";
import { zeros, type Matrix } from "../linalg/Matrix.ts";
import type { Scratch } from "../linalg/Scratch.ts";
import { columnsFrom, transposed, view } from "../linalg/products.ts";
import { sigmoidInto, VECTOR_MIN_LENGTH } from "../linalg/vectorExp.ts";
import { activations } from "./activation.ts";
import { softmaxRowsInto } from "./softmax.ts";
import { activationOfLayer, type Network, type Theta } from "./Network.ts";

/**
 * Everything the forward pass computed, one example per row. Index l is layer l + 1 of the
 * lecture: a[0] = X is a⁽¹⁾, a[L−1] = h_Θ(X). z[0] is X as well (the input layer has no
 * pre-activation), so z[l] and a[l] always describe the same layer.
 */
export interface Activations {
  readonly z: Matrix[];
  readonly a: Matrix[];
}

/**
 * z⁽ˡ⁺¹⁾ = Θ⁽ˡ⁾ a⁽ˡ⁾ for all m examples at once, as Z = A·Wᵀ + b: the kernel reads Θ past its
 * bias column in place (or `weightsT`, the same Wᵀ laid out row by row, when the caller has
 * it), and the bias is added while the activation is applied. With `scratch`, z and a are its
 * matrices (overwritten by the next pass that uses it) instead of new ones.
 */
export function forward(network: Network, theta: Theta, X: Matrix, scratch?: Scratch, weightsT?: readonly Matrix[]): Activations {
  const m = X.rows;
  const z: Matrix[] = [X];
  const a: Matrix[] = [X];
  for (let l = 0; l < theta.length; l++) {
    const T = theta[l];
    const sOut = T.rows,
      sIn = T.cols - 1;
    const Z = scratch ? scratch.matrix(`z${l + 1}`, m, sOut) : zeros(m, sOut);
    gemm(m, sOut, sIn, view(a[l]), weightsT ? view(weightsT[l]) : transposed(columnsFrom(T, 1)), view(Z), false);
    const A = scratch ? scratch.matrix(`a${l + 1}`, m, sOut) : zeros(m, sOut);
    biasAndActivate(Z, A, T, activationOfLayer(network, l));
    z.push(Z);
    a.push(A);
  }
  return { z, a };
}

/** z += the bias column of Θ, then a = g(z), over all m examples of one layer. */
function biasAndActivate(Z: Matrix, A: Matrix, T: Matrix, act: ReturnType<typeof activationOfLayer>): void {
  const m = Z.rows,
    sOut = Z.cols;
  const zd = Z.data,
    ad = A.data,
    t = T.data,
    cols = T.cols;
  if (act === "softmax" || (act === "sigmoid" && zd.length >= VECTOR_MIN_LENGTH)) {
    // The bias first, then the activation over the whole layer, its exponentials in the
    // vector kernel (bit for bit the scalar ones).
    for (let i = 0; i < m; i++) {
      const r = i * sOut;
      for (let k = 0; k < sOut; k++) zd[r + k] += t[k * cols];
    }
    if (act === "softmax") softmaxRowsInto(zd, ad, m, sOut);
    else sigmoidInto(zd, ad);
  } else {
    const g = activations[act].g;
    for (let i = 0; i < m; i++) {
      const r = i * sOut;
      for (let k = 0; k < sOut; k++) {
        const v = zd[r + k] + t[k * cols];
        zd[r + k] = v;
        ad[r + k] = g(v);
      }
    }
  }
}
