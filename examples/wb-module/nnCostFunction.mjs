// The lecture's network written as CS231n and Keras write it: per layer z = a·W + b, with W of
// shape in × out and b of length out. Checked with the wb layout:
//     npx gradcheck check examples/wb-module --layout wb
// params is one {W, shape: [in, out], b} per layer (W row-major in a Float64Array); the
// gradient comes back in the same shape: one {W: dW, b: db} per layer.

const SLIP = "none"; // the tests plant bugs here: "dW-transposed", "db-not-divided-by-m", "b-regularized"

const sigmoid = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
// -[y log σ(z) + (1 − y) log(1 − σ(z))] = softplus(z) − y·z, finite where σ(z) rounds to 1
const softplus = (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

export function nnCostFunction(params, layerSizes, X, y, lambda) {
  const m = X.length,
    K = layerSizes[layerSizes.length - 1];
  // forward: A[0] = X (m × s_1), Z[l+1] = A[l]·W + b, A[l+1] = σ(Z[l+1])
  const A = [X.map((row) => Float64Array.from(row))],
    Z = [null];
  for (const { W, shape, b } of params) {
    const [inputs, out] = shape;
    const z = A[A.length - 1].map((a) => {
      const row = Float64Array.from(b);
      for (let i = 0; i < inputs; i++) for (let k = 0; k < out; k++) row[k] += a[i] * W[i * out + k];
      return row;
    });
    Z.push(z);
    A.push(z.map((row) => row.map(sigmoid)));
  }
  const T = y.map((c) => Float64Array.from({ length: K }, (_, k) => (K === 1 ? c : k === c ? 1 : 0)));
  let J = 0;
  Z[Z.length - 1].forEach((row, e) => row.forEach((z, k) => (J += softplus(z) - T[e][k] * z)));
  J /= m;
  // backward: δ = A_L − T, then δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾·Wᵀ) .* a(1 − a); dW = A[l]ᵀ·δ / m, db = Σ_e δ / m
  let delta = A[A.length - 1].map((a, e) => a.map((v, k) => v - T[e][k]));
  const grad = new Array(params.length);
  for (let l = params.length - 1; l >= 0; l--) {
    const { W, shape, b } = params[l];
    const [inputs, out] = shape;
    const dW = new Float64Array(inputs * out),
      db = new Float64Array(out);
    for (let e = 0; e < m; e++) {
      for (let k = 0; k < out; k++) {
        db[k] += delta[e][k];
        for (let i = 0; i < inputs; i++) dW[i * out + k] += A[l][e][i] * delta[e][k];
      }
    }
    for (let q = 0; q < dW.length; q++) dW[q] = dW[q] / m + (lambda / m) * W[q];
    for (let k = 0; k < out; k++) db[k] = SLIP === "db-not-divided-by-m" ? db[k] : db[k] / m;
    if (SLIP === "b-regularized") for (let k = 0; k < out; k++) db[k] += (lambda / m) * b[k];
    grad[l] = { W: SLIP === "dW-transposed" ? transpose(dW, inputs, out) : dW, b: db };
    if (l > 0) {
      delta = delta.map((d, e) =>
        Float64Array.from({ length: inputs }, (_, i) => {
          let s = 0;
          for (let k = 0; k < out; k++) s += d[k] * W[i * out + k];
          return s * A[l][e][i] * (1 - A[l][e][i]);
        }),
      );
    }
  }
  for (const { W } of params) for (const w of W) J += (lambda / (2 * m)) * w * w;
  if (SLIP === "b-regularized") for (const { b } of params) for (const v of b) J += (lambda / (2 * m)) * v * v;
  return { J, grad };
}

/** dW laid out out × in, as δᵀ·A would give it; flat, so it has the right length and wrong values. */
function transpose(M, rows, cols) {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = M[r * cols + c];
  return out;
}
