import type { Matrix } from "../linalg/Matrix.ts";
import { forward } from "../network/forward.ts";
import type { Network, Theta } from "../network/Network.ts";

/** The network's answer for each row of X: the output unit with the largest h_Θ(x)_k. */
export function predictLabels(network: Network, theta: Theta, X: Matrix): Uint8Array {
  const out = forward(network, theta, X).a[theta.length];
  const K = out.cols,
    h = out.data;
  const labels = new Uint8Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (h[i * K + k] > h[i * K + best]) best = k;
    labels[i] = best;
  }
  return labels;
}
