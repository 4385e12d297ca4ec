import type { NnCostFunction } from "../../src/mistakes/index.ts";

/**
 * Slips outside the catalogue, planted in one plain per-example implementation of the lecture's
 * algorithm (all off: correct). Each option is one bug a practitioner wrote.
 */
export interface Planted {
  /** g'(z) of a hidden layer written as tanh's 1 − a² */
  readonly tanhDerivative?: boolean;
  /** hidden layers (code index l, 1 = first hidden) whose δ omits g'(z) */
  readonly noDerivativeIn?: readonly number[];
  /** hidden layers whose δ uses σ(a) for g'(z) */
  readonly sigmoidOfActivationIn?: readonly number[];
  /** g'(z) evaluated at z recomputed without the bias term */
  readonly zWithoutBias?: boolean;
  /** examples with an odd index skipped in J and ∇J (still divided by m) */
  readonly dropOddExamples?: boolean;
  /** first regularised column: 1 is right, 2 skips the first weight column too */
  readonly regularizeFrom?: number;
  /** only this layer's bias is regularised, in J and ∇J */
  readonly regularizeBiasOfLayer?: number;
  /** Δ kept in a global across calls and never reset */
  readonly globalDelta?: boolean;
  /** J and ∇J multiplied by this (of K, m) */
  readonly scale?: (K: number, m: number) => number;
  readonly layout?: "column-major" | "bias-last";
  /** "answer": J and ∇J rounded to float32 at the end; "arithmetic": every operation rounded */
  readonly float32?: "answer" | "arithmetic";
  /** h clipped to [ε, 1 − ε] inside the log */
  readonly clip?: number;
  /** −y·log(h) − (1 − y)·log(1 − h) written as is */
  readonly naiveLog?: boolean;
  /** targets 0.9 / 0.1 instead of 1 / 0, in J and ∇J alike */
  readonly smoothLabels?: boolean;
  /** the regulariser (λ/m)ΣΘ² instead of (λ/2m)ΣΘ², differentiated consistently */
  readonly doubleRegularizer?: boolean;
}

export function planted(p: Planted): NnCostFunction {
  let kept: Float64Array | undefined;
  return (params, layerSizes, X, y, lambda) => {
    const r = p.float32 === "arithmetic" ? Math.fround : (v: number) => v;
    const L = layerSizes.length,
      m = X.length,
      K = layerSizes[L - 1];
    const shapes = layerSizes.slice(1).map((rows, l) => ({ rows, cols: layerSizes[l] + 1 }));
    const offsets = shapes.map((_, l) => shapes.slice(0, l).reduce((n, s) => n + s.rows * s.cols, 0));
    const w = (l: number, i: number, j: number) => params[offsets[l] + i * shapes[l].cols + j];
    const sigmoid = (z: number) => r(z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
    const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    // The global Δ: allocated once, as large as the largest network seen, never zeroed.
    if (!p.globalDelta) kept = new Float64Array(params.length);
    else if (!kept || kept.length < params.length) kept = Float64Array.from({ length: params.length }, (_, q) => kept?.[q] ?? 0);
    const Delta = kept!.subarray(0, params.length);
    let J = 0;
    for (let i = 0; i < m; i++) {
      if (p.dropOddExamples && i % 2 === 1) continue;
      const a: number[][] = [[1, ...X[i]]],
        z: number[][] = [[]];
      for (let l = 0; l < L - 1; l++) {
        const zl: number[] = [];
        for (let u = 0; u < shapes[l].rows; u++) {
          let s = 0;
          for (let j = 0; j < shapes[l].cols; j++) s = r(s + r(w(l, u, j) * a[l][j]));
          zl.push(s);
        }
        z.push(zl);
        a.push([1, ...zl.map(sigmoid)]);
      }
      const t = Array.from({ length: K }, (_, k) => (K === 1 ? y[i] : y[i] === k ? 1 : 0)).map((v) => (p.smoothLabels ? 0.1 + 0.8 * v : v));
      let delta: number[] = [];
      for (let k = 0; k < K; k++) {
        const zk = z[L - 1][k],
          h = a[L - 1][k + 1];
        if (p.clip !== undefined) {
          const hc = Math.min(Math.max(h, p.clip), 1 - p.clip);
          J += -t[k] * Math.log(hc) - (1 - t[k]) * Math.log(1 - hc);
        } else if (p.naiveLog) J += -t[k] * Math.log(h) - (1 - t[k]) * Math.log(1 - h);
        else J = r(J + r(softplus(zk) - t[k] * zk));
        delta.push(r(h - t[k]));
      }
      for (let l = L - 2; l >= 0; l--) {
        const { rows, cols } = shapes[l];
        for (let u = 0; u < rows; u++)
          for (let j = 0; j < cols; j++) Delta[offsets[l] + u * cols + j] = r(Delta[offsets[l] + u * cols + j] + r(delta[u] * a[l][j]));
        if (l === 0) break;
        const next: number[] = [];
        for (let j = 1; j < cols; j++) {
          let s = 0;
          for (let u = 0; u < rows; u++) s = r(s + r(w(l, u, j) * delta[u]));
          const aj = a[l][j];
          let g = r(aj * r(1 - aj));
          if (p.tanhDerivative) g = 1 - aj * aj;
          if (p.noDerivativeIn?.includes(l)) g = 1;
          if (p.sigmoidOfActivationIn?.includes(l)) g = sigmoid(aj);
          if (p.zWithoutBias) {
            let zb = 0;
            for (let k = 1; k < shapes[l - 1].cols; k++) zb += w(l - 1, j - 1, k) * a[l - 1][k];
            const s2 = sigmoid(zb);
            g = s2 * (1 - s2);
          }
          next.push(r(s * g));
        }
        delta = next;
      }
    }
    J = r(J / m);
    const grad = Delta.map((d) => r(d / m));
    const regFactor = p.doubleRegularizer ? 2 : 1;
    for (let l = 0; l < L - 1; l++) {
      const { rows, cols } = shapes[l];
      const from = p.regularizeBiasOfLayer === l ? 0 : (p.regularizeFrom ?? 1);
      for (let u = 0; u < rows; u++)
        for (let j = from; j < cols; j++) {
          const q = offsets[l] + u * cols + j;
          J = r(J + r(((regFactor * lambda) / (2 * m)) * params[q] * params[q]));
          grad[q] = r(grad[q] + r(((regFactor * lambda) / m) * params[q]));
        }
    }
    const c = p.scale ? p.scale(K, m) : 1;
    let out: Float64Array = grad.map((g) => g * c);
    if (p.layout) out = relayout(out, shapes, offsets, p.layout);
    if (p.float32 === "answer") return { J: Math.fround(J * c), grad: Float32Array.from(out) };
    return { J: J * c, grad: out };
  };
}

function relayout(
  g: Float64Array,
  shapes: Array<{ rows: number; cols: number }>,
  offsets: number[],
  layout: "column-major" | "bias-last",
): Float64Array {
  const out = new Float64Array(g.length);
  shapes.forEach(({ rows, cols }, l) => {
    for (let u = 0; u < rows; u++)
      for (let j = 0; j < cols; j++) {
        const to = layout === "column-major" ? j * rows + u : u * cols + (j === 0 ? cols - 1 : j - 1);
        out[offsets[l] + to] = g[offsets[l] + u * cols + j];
      }
  });
  return out;
}
