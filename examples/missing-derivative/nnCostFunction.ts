// A buggy nnCostFunction in TypeScript: the hidden δ misses its g'(z) factor.
//   npx gradcheck check examples/missing-derivative

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
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
  const at: number[] = [];
  let n = 0;
  for (let l = 0; l + 1 < L; l++) {
    at.push(n);
    n += layerSizes[l + 1] * (layerSizes[l] + 1);
  }
  const Delta = new Float64Array(params.length);
  let J = 0;
  for (let i = 0; i < m; i++) {
    const a: number[][] = [[1, ...X[i]]];
    const z: number[][] = [[]];
    for (let l = 0; l + 1 < L; l++) {
      const rows = layerSizes[l + 1],
        cols = layerSizes[l] + 1;
      const zl: number[] = [],
        al: number[] = [1];
      for (let r = 0; r < rows; r++) {
        let s = 0;
        for (let c = 0; c < cols; c++) s += params[at[l] + r * cols + c] * a[l][c];
        zl.push(s);
        al.push(sigmoid(s));
      }
      z.push(zl);
      a.push(al);
    }
    let delta: number[] = [];
    for (let k = 0; k < K; k++) {
      const t = K === 1 ? y[i] : y[i] === k ? 1 : 0;
      J += softplus(z[L - 1][k]) - t * z[L - 1][k];
      delta.push(a[L - 1][k + 1] - t);
    }
    for (let l = L - 2; l >= 0; l--) {
      const rows = layerSizes[l + 1],
        cols = layerSizes[l] + 1;
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) Delta[at[l] + r * cols + c] += delta[r] * a[l][c];
      if (l === 0) break;
      const next: number[] = [];
      for (let c = 1; c < cols; c++) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += params[at[l] + r * cols + c] * delta[r];
        next.push(s); // BUG: should be s * a[l][c] * (1 - a[l][c])
      }
      delta = next;
    }
  }
  J /= m;
  const grad = new Float64Array(params.length);
  for (let l = 0; l + 1 < L; l++) {
    const rows = layerSizes[l + 1],
      cols = layerSizes[l] + 1;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const q = at[l] + r * cols + c;
        grad[q] = Delta[q] / m + (c === 0 ? 0 : (lambda / m) * params[q]);
        if (c > 0) J += (lambda / (2 * m)) * params[q] ** 2;
      }
    }
  }
  return { J, grad };
}
