// A buggy nnCostFunction: the bias column is regularised (in J and in the gradient alike).
// 0-based labels turned into one-hot targets, the bias column never regularised.
//   npx gradcheck check examples/class/carol

const sigmoid = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
// −[y log σ(z) + (1 − y) log(1 − σ(z))] = softplus(z) − y·z, finite even when σ(z) rounds to 1
const softplus = (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

export function nnCostFunction(params, layerSizes, X, y, lambda) {
  const L = layerSizes.length,
    m = X.length,
    K = layerSizes[L - 1];
  // Θ⁽ˡ⁾ is s_{l+1} × (s_l + 1), row-major, bias column first, unrolled end to end.
  const Theta = [];
  let at = 0;
  for (let l = 0; l + 1 < L; l++) {
    const rows = layerSizes[l + 1],
      cols = layerSizes[l] + 1;
    Theta.push({ rows, cols, at });
    at += rows * cols;
  }
  const w = (l, r, c) => params[Theta[l].at + r * Theta[l].cols + c];

  const Delta = new Float64Array(params.length);
  let J = 0;
  for (let i = 0; i < m; i++) {
    const a = [[1, ...X[i]]],
      z = [[]];
    for (let l = 0; l + 1 < L; l++) {
      const { rows, cols } = Theta[l];
      const zl = [],
        al = [1];
      for (let r = 0; r < rows; r++) {
        let s = 0;
        for (let c = 0; c < cols; c++) s += w(l, r, c) * a[l][c];
        zl.push(s);
        al.push(sigmoid(s));
      }
      z.push(zl);
      a.push(al);
    }
    const target = Array.from({ length: K }, (_, k) => (K === 1 ? y[i] : y[i] === k ? 1 : 0));
    let delta = [];
    for (let k = 0; k < K; k++) {
      J += softplus(z[L - 1][k]) - target[k] * z[L - 1][k];
      delta.push(a[L - 1][k + 1] - target[k]);
    }
    for (let l = L - 2; l >= 0; l--) {
      const { rows, cols, at: o } = Theta[l];
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) Delta[o + r * cols + c] += delta[r] * a[l][c];
      if (l === 0) break;
      const next = [];
      for (let c = 1; c < cols; c++) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += w(l, r, c) * delta[r];
        next.push(s * a[l][c] * (1 - a[l][c]));
      }
      delta = next;
    }
  }
  J /= m;
  const grad = new Float64Array(params.length);
  for (let l = 0; l < Theta.length; l++) {
    const { rows, cols, at: o } = Theta[l];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const q = o + r * cols + c;
        grad[q] = Delta[q] / m;
        // BUG: no "if (c === 0) continue;" — the bias column is regularised too
        J += (lambda / (2 * m)) * params[q] * params[q];
        grad[q] += (lambda / m) * params[q];
      }
    }
  }
  return { J, grad };
}
