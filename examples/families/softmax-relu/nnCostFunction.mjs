// A relu hidden layer, softmax output and cross-entropy cost, written from the formulas:
// forward z = [1 a]·Θᵀ, backward δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W) .* g'(z), D = (1/m)Δ + (λ/m)Θ off the bias column.
const hidden = "relu",
  output = "softmax",
  cost = "cross-entropy";

const g = {
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: Math.tanh,
  relu: (z) => Math.max(z, 0),
  identity: (z) => z,
};
const gPrimeFromA = { sigmoid: (a) => a * (1 - a), tanh: (a) => 1 - a * a, relu: (a) => (a > 0 ? 1 : 0), identity: () => 1 };

export function nnCostFunction(params, layerSizes, X, y, lambda) {
  const L = layerSizes.length,
    m = X.length,
    K = layerSizes[L - 1];
  const thetas = [];
  let at = 0;
  for (let l = 0; l + 1 < L; l++) {
    const rows = layerSizes[l + 1],
      cols = layerSizes[l] + 1;
    thetas.push(Array.from({ length: rows }, (_, r) => Array.from(params.subarray(at + r * cols, at + (r + 1) * cols))));
    at += rows * cols;
  }
  const grads = thetas.map((T) => T.map((row) => row.map(() => 0)));
  let J = 0;
  for (let i = 0; i < m; i++) {
    const a = [X[i]];
    let z = [];
    thetas.forEach((T, l) => {
      z = T.map((row) => row.reduce((s, w, c) => s + w * (c === 0 ? 1 : a[l][c - 1]), 0));
      const last = l === thetas.length - 1;
      if (last && output === "softmax") {
        const max = Math.max(...z),
          e = z.map((v) => Math.exp(v - max)),
          s = e.reduce((p, v) => p + v, 0);
        a.push(e.map((v) => v / s));
      } else a.push(z.map(g[last ? output : hidden]));
    });
    const t = Array.from({ length: K }, (_, k) => (K === 1 ? y[i] : k === y[i] ? 1 : 0));
    const h = a[L - 1];
    if (output === "softmax") {
      const max = Math.max(...z);
      J += max + Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0)) - z.reduce((s, v, k) => s + t[k] * v, 0);
    } else if (cost === "cross-entropy") J += z.reduce((s, v, k) => s + Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))) - t[k] * v, 0);
    else J += h.reduce((s, v, k) => s + 0.5 * (v - t[k]) ** 2, 0);
    let delta = h.map((v, k) => (cost === "cross-entropy" ? v - t[k] : (v - t[k]) * gPrimeFromA[output](v)));
    for (let l = thetas.length - 1; l >= 0; l--) {
      thetas[l].forEach((row, r) => row.forEach((_, c) => (grads[l][r][c] += delta[r] * (c === 0 ? 1 : a[l][c - 1]))));
      if (l > 0) delta = a[l].map((v, u) => thetas[l].reduce((s, row, r) => s + row[u + 1] * delta[r], 0) * gPrimeFromA[hidden](v));
    }
  }
  let squares = 0;
  const grad = [];
  thetas.forEach((T, l) =>
    T.forEach((row, r) =>
      row.forEach((w, c) => {
        if (c > 0) squares += w * w;
        grad.push(grads[l][r][c] / m + (c > 0 ? (lambda / m) * w : 0));
      }),
    ),
  );
  return { J: J / m + (lambda / (2 * m)) * squares, grad };
}
