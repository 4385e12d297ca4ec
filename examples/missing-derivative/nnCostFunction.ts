// A buggy nnCostFunction in TypeScript: the hidden δ misses its g'(z) factor.
//   npx gradcheck check examples/missing-derivative

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
// −[y log σ(z) + (1 − y) log(1 − σ(z))] = softplus(z) − y·z, finite even when σ(z) rounds to 1
const softplus = (z: number): number => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

export default function nnCostFunction(
  params: Float64Array,
  layerSizes: number[],
  X: number[][],
  y: number[],
  lambda: number,
): { J: number; grad: Float64Array } {
  const L = layerSizes.length,
    m = X.length,
    K = layerSizes[L - 1];
  // Θ⁽ˡ⁾ is s_{l+1} × (s_l + 1), row-major, bias column first, unrolled end to end.
  const Theta: { rows: number; cols: number; at: number }[] = [];
  let at = 0;
  for (let l = 0; l + 1 < L; l++) {
    const rows = layerSizes[l + 1],
      cols = layerSizes[l] + 1;
    Theta.push({ rows, cols, at });
    at += rows * cols;
  }
  const w = (l: number, r: number, c: number) => params[Theta[l].at + r * Theta[l].cols + c];

  const Delta = new Float64Array(params.length);
  let J = 0;
  for (let i = 0; i < m; i++) {
    const a: number[][] = [[1, ...X[i]]],
      z: number[][] = [[]];
    for (let l = 0; l + 1 < L; l++) {
      const { rows, cols } = Theta[l];
      const zl: number[] = [],
        al: number[] = [1];
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
    let delta: number[] = [];
    for (let k = 0; k < K; k++) {
      J += softplus(z[L - 1][k]) - target[k] * z[L - 1][k];
      delta.push(a[L - 1][k + 1] - target[k]);
    }
    for (let l = L - 2; l >= 0; l--) {
      const { rows, cols, at: o } = Theta[l];
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) Delta[o + r * cols + c] += delta[r] * a[l][c];
      if (l === 0) break;
      const next: number[] = [];
      for (let c = 1; c < cols; c++) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += w(l, r, c) * delta[r];
        next.push(s); // BUG: should be s * a[l][c] * (1 - a[l][c])
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
        if (c === 0) continue;
        J += (lambda / (2 * m)) * params[q] * params[q];
        grad[q] += (lambda / m) * params[q];
      }
    }
  }
  return { J, grad };
}
