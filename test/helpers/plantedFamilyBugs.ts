import { defaultAssignment, outputOf, type Assignment, type HiddenActivation, type OutputFamily } from "../../src/judge/Assignment.ts";
import { checkImplementation } from "../../src/judge/checkImplementation.ts";
import type { Family, NnCostFunction } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";

/**
 * Slips outside the catalogue in any family (sigmoid, tanh or relu hidden layers; sigmoid,
 * softmax or identity outputs; cross-entropy or squared error), planted in one plain
 * per-example implementation written apart from gradcheck's (all off: correct). Each option is
 * one bug a practitioner wrote.
 */
export interface FamilyPlanted {
  readonly family?: Family;
  /** ε added inside each log of the cross-entropy */
  readonly logEpsilon?: number;
  /** the layers theta[l] (of n) J's regulariser covers; the rest are left out */
  readonly regularizeInJ?: (l: number, n: number) => boolean;
  /** the layers ∇J's regulariser covers */
  readonly regularizeInGradient?: (l: number, n: number) => boolean;
  /** factors on (λ/2m)ΣΘ² in J and on (λ/m)Θ in ∇J */
  readonly regularizerFactors?: { readonly J: number; readonly gradient: number };
  /** every entry of ∇J clipped to [−c, c] */
  readonly clipGradient?: number;
  /** the data term's sign flipped in J, in ∇J or both */
  readonly flipDataTerm?: "J" | "gradient" | "both";
  /** softmax normalised over the examples (J and δ⁽ᴸ⁾ alike) */
  readonly softmaxOverExamples?: boolean;
  /** labels read as (y + shift) mod K when K ≥ 2 */
  readonly labelShift?: number;
  /** dropout with keep probability 1 − p on the hidden layers, from a generator that runs on across calls */
  readonly dropout?: number;
  /** Gaussian-ish noise of this size added to J and every entry of ∇J */
  readonly noise?: number;
  /** δ⁽ᴸ⁾ computed from this activation of z⁽ᴸ⁾ instead of the output's own (J right) */
  readonly outputInDelta?: "relu" | "identity" | "tanh";
  /** g′ of hidden layer h (1 = first) written wrong: the value to use, or undefined for the right one */
  readonly hiddenGPrime?: (z: number, a: number, h: number) => number | undefined;
  /** at K = 1, y (m,) against h (m, 1): the loss summed over every pair and divided by m or m² */
  readonly broadcastK1?: "m" | "m²";
  /** a constant added to J */
  readonly costOffset?: number;
  /** what Δ is divided by instead of m */
  readonly deltaDivisor?: (m: number) => number;
}

type Act = (z: number) => number;
const g: Record<string, Act> = {
  sigmoid: (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))),
  tanh: Math.tanh,
  relu: (z) => (z > 0 ? z : 0),
  identity: (z) => z,
};
const gPrime: Record<string, (z: number, a: number) => number> = {
  sigmoid: (_z, a) => a * (1 - a),
  tanh: (_z, a) => 1 - a * a,
  relu: (z) => (z > 0 ? 1 : 0),
  identity: () => 1,
};
const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

export function plantedInFamily(p: FamilyPlanted): NnCostFunction {
  const family = p.family ?? { hiddenActivation: "sigmoid", outputActivation: "sigmoid", cost: "cross-entropy" };
  let state = 12345;
  // a small linear congruential generator: the randomness of a dropout mask, kept across calls
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return (params, layerSizes, X, y, lambda) => {
    const L = layerSizes.length,
      m = X.length,
      K = layerSizes[L - 1],
      n = L - 1;
    const shapes = layerSizes.slice(1).map((rows, l) => ({ rows, cols: layerSizes[l] + 1 }));
    const offsets = shapes.map((_, l) => shapes.slice(0, l).reduce((s, t) => s + t.rows * t.cols, 0));
    const w = (l: number, u: number, j: number) => params[offsets[l] + u * shapes[l].cols + j];
    const hidden = family.hiddenActivation,
      out = family.outputActivation;
    // forward, every example
    const zs: number[][][] = [],
      as: number[][][] = [],
      masks: number[][][] = [];
    for (let i = 0; i < m; i++) {
      const a: number[][] = [[1, ...X[i]]],
        z: number[][] = [[]],
        mask: number[][] = [[]];
      for (let l = 0; l < n; l++) {
        const zl = Array.from({ length: shapes[l].rows }, (_, u) => a[l].reduce((s, v, j) => s + w(l, u, j) * v, 0));
        z.push(zl);
        const last = l === n - 1;
        const ml = zl.map(() => (!last && p.dropout ? (random() < p.dropout ? 0 : 1 / (1 - p.dropout)) : 1));
        mask.push(ml);
        a.push([1, ...zl.map((v, u) => (last ? (out === "softmax" ? v : g[out](v)) : g[hidden](v) * ml[u]))]);
      }
      zs.push(z);
      as.push(a);
      masks.push(mask);
    }
    // softmax: over each example's K classes, or (the slip) over the m examples of each class
    if (out === "softmax") {
      for (let k = 0; k < K; k++) {
        if (p.softmaxOverExamples) {
          const max = Math.max(...zs.map((z) => z[n][k]));
          const sum = zs.reduce((s, z) => s + Math.exp(z[n][k] - max), 0);
          for (let i = 0; i < m; i++) as[i][n][k + 1] = Math.exp(zs[i][n][k] - max) / sum;
        }
      }
      if (!p.softmaxOverExamples)
        for (let i = 0; i < m; i++) {
          const z = zs[i][n],
            max = Math.max(...z),
            sum = z.reduce((s, v) => s + Math.exp(v - max), 0);
          for (let k = 0; k < K; k++) as[i][n][k + 1] = Math.exp(z[k] - max) / sum;
        }
    }
    const target = (i: number) =>
      Array.from({ length: K }, (_, k) => {
        if (K === 1) return y[i];
        const c = p.labelShift ? (((y[i] + p.labelShift) % K) + K) % K : y[i];
        return c === k ? 1 : 0;
      });
    // the data term
    let data = 0;
    for (let i = 0; i < m; i++) {
      const t = target(i),
        z = zs[i][n],
        h = as[i][n].slice(1);
      if (family.cost === "squared-error") data += h.reduce((s, v, k) => s + 0.5 * (v - t[k]) ** 2, 0);
      else if (p.logEpsilon !== undefined)
        data += h.reduce(
          (s, v, k) => s - t[k] * Math.log(v + p.logEpsilon!) - (out === "softmax" ? 0 : (1 - t[k]) * Math.log(1 - v + p.logEpsilon!)),
          0,
        );
      else if (out === "softmax" && p.softmaxOverExamples) data += h.reduce((s, v, k) => s - (t[k] ? t[k] * Math.log(v) : 0), 0);
      else if (out === "softmax") {
        const max = Math.max(...z);
        data += max + Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0)) - z.reduce((s, v, k) => s + t[k] * v, 0);
      } else data += z.reduce((s, v, k) => s + softplus(v) - t[k] * v, 0);
    }
    let J = data / m;
    if (p.broadcastK1 && K === 1) {
      let s = 0;
      for (let i = 0; i < m; i++)
        for (let j = 0; j < m; j++) {
          const zi = zs[i][n][0];
          s += family.cost === "squared-error" ? 0.5 * (as[i][n][1] - y[j]) ** 2 : y[j] * softplus(-zi) + (1 - y[j]) * softplus(zi);
        }
      J = s / (p.broadcastK1 === "m" ? m : m * m);
    }
    // backward, every example
    const Delta = new Float64Array(params.length);
    for (let i = 0; i < m; i++) {
      const t = target(i),
        z = zs[i],
        a = as[i];
      let delta = z[n].map((v, k) => {
        const h = p.outputInDelta ? g[p.outputInDelta](v) : a[n][k + 1];
        const d = h - t[k];
        return family.cost === "squared-error" ? d * (p.outputInDelta ? gPrime[p.outputInDelta](v, h) : gPrime[out](v, h)) : d;
      });
      for (let l = n - 1; l >= 0; l--) {
        const { rows, cols } = shapes[l];
        for (let u = 0; u < rows; u++) for (let j = 0; j < cols; j++) Delta[offsets[l] + u * cols + j] += delta[u] * a[l][j];
        if (l === 0) break;
        delta = Array.from({ length: cols - 1 }, (_, j) => {
          const back = delta.reduce((s, d, u) => s + w(l, u, j + 1) * d, 0);
          const zl = z[l][j],
            al = g[hidden](zl);
          const wrong = p.hiddenGPrime?.(zl, al, l);
          return back * (wrong ?? gPrime[hidden](zl, al)) * masks[i][l][j];
        });
      }
    }
    const flipJ = p.flipDataTerm === "J" || p.flipDataTerm === "both",
      flipGrad = p.flipDataTerm === "gradient" || p.flipDataTerm === "both";
    if (flipJ) J = -J;
    if (p.costOffset) J += p.costOffset;
    const divisor = p.deltaDivisor ? p.deltaDivisor(m) : m;
    const grad = Delta.map((d) => (flipGrad ? -d : d) / divisor);
    const fJ = p.regularizerFactors?.J ?? 1,
      fG = p.regularizerFactors?.gradient ?? 1;
    for (let l = 0; l < n; l++) {
      const { rows, cols } = shapes[l];
      const inJ = p.regularizeInJ?.(l, n) ?? true,
        inGrad = p.regularizeInGradient?.(l, n) ?? true;
      for (let u = 0; u < rows; u++)
        for (let j = 1; j < cols; j++) {
          const q = offsets[l] + u * cols + j;
          if (inJ) J += ((fJ * lambda) / (2 * m)) * params[q] ** 2;
          if (inGrad) grad[q] += ((fG * lambda) / m) * params[q];
        }
    }
    if (p.clipGradient !== undefined)
      for (let q = 0; q < grad.length; q++) grad[q] = Math.max(-p.clipGradient, Math.min(p.clipGradient, grad[q]));
    if (p.noise) {
      J += p.noise * (random() - 0.5);
      for (let q = 0; q < grad.length; q++) grad[q] += p.noise * (random() - 0.5);
    }
    return { J, grad };
  };
}

/** Every family a course may set: three hidden activations by four outputs. */
export const families: Array<[HiddenActivation, OutputFamily]> = (["sigmoid", "tanh", "relu"] as const).flatMap((h) =>
  (["sigmoid-cross-entropy", "softmax-cross-entropy", "sigmoid-squared-error", "identity-squared-error"] as const).map(
    (o): [HiddenActivation, OutputFamily] => [h, o],
  ),
);

/** The assignment of one family: the default shapes, this hidden activation and output. */
export function familyAssignment(hidden: HiddenActivation, output: OutputFamily): Assignment {
  return { ...defaultAssignment, hiddenActivation: hidden, output };
}

/** A planted bug in its family, checked from one seed. */
export function checkPlanted(
  v: { readonly hidden: HiddenActivation; readonly output: OutputFamily; readonly planted: FamilyPlanted },
  seed: number,
  runs?: number,
) {
  const planted: FamilyPlanted = { ...v.planted, family: { hiddenActivation: v.hidden, ...outputOf(v.output) } };
  return checkImplementation(inProcessImplementation(plantedInFamily(planted), "planted"), {
    seed,
    ...(runs ? { runs } : {}),
    assignment: familyAssignment(v.hidden, v.output),
  });
}
