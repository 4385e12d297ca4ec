import { createRequire } from "node:module";
import type { BigNumber, create as createMath } from "mathjs";
import type { ActivationName } from "../network/activation.ts";
import type { CostName } from "../network/cost.ts";
import { activationOfLayer, type Problem, type Theta } from "../network/Network.ts";

/** A mathjs instance whose BigNumbers carry `digits` significant digits. */
export function bigMath(digits: number): BigMath {
  let math = instances.get(digits);
  if (!math) {
    // mathjs is loaded on the oracle's first use, not when gradcheck is imported: it costs
    // about two seconds of start-up that nothing but `fd-bignumber` needs.
    const { all, create } = createRequire(import.meta.url)("mathjs") as typeof import("mathjs");
    instances.set(digits, (math = create(all, { number: "BigNumber", precision: digits })));
  }
  return math;
}

export type BigMath = ReturnType<typeof createMath>;
const instances = new Map<number, BigMath>();

/** The exact value of a float64 as a BigNumber: its 53-bit integer mantissa times a power of two. */
export function exactBig(math: BigMath, x: number): BigNumber {
  if (!Number.isFinite(x)) throw new RangeError(`cannot represent ${x} exactly`);
  if (x === 0) return math.bignumber(0);
  let e = Math.floor(Math.log2(Math.abs(x))) - 52;
  let mant = x / 2 ** e;
  // log2 can be off by one at binade edges; settle on an integer mantissa.
  while (!Number.isInteger(mant)) {
    e -= 1;
    mant = x / 2 ** e;
  }
  return math.bignumber(mant).times(math.bignumber(2).pow(e));
}

/**
 * J(Θ) (README: the case file) in decimal arithmetic with `digits` significant digits (default 40):
 * no float64 rounding anywhere, inputs converted exactly. Slow (microseconds per operation);
 * an oracle for small networks, not a method for large ones.
 */
export function bigNumberCost(problem: Problem, theta: Theta | readonly BigNumber[][], digits = 40): BigNumber {
  const math = bigMath(digits);
  const big = (x: number) => exactBig(math, x);
  const { layerSizes, lambda } = problem;
  const L = layerSizes.length,
    m = problem.X.rows,
    K = layerSizes[L - 1];
  const T: BigNumber[][] = theta.map((t) => (Array.isArray(t) ? (t as BigNumber[]) : Array.from((t as { data: Float64Array }).data, big)));
  let sum = math.bignumber(0);
  for (let e = 0; e < m; e++) {
    const x = Array.from(problem.X.data.subarray(e * layerSizes[0], (e + 1) * layerSizes[0]), big);
    const { z, a } = bigForward(math, problem, T, x);
    const y = Array.from(problem.Y.data.subarray(e * K, (e + 1) * K), big);
    if (problem.outputActivation === "softmax") sum = sum.plus(bigSoftmaxLoss(math, z, y));
    else for (let k = 0; k < K; k++) sum = sum.plus(bigLoss(math, problem.cost, z[k], a[k], y[k]));
  }
  const reg = lambda === 0 ? math.bignumber(0) : bigSquaredWeights(math, layerSizes, T);
  return sum.div(m).plus(
    big(lambda)
      .div(2 * m)
      .times(reg),
  );
}

/** One example through the network: the output layer's z and a. */
function bigForward(math: BigMath, problem: Problem, T: readonly BigNumber[][], x: BigNumber[]): { z: BigNumber[]; a: BigNumber[] } {
  const { layerSizes } = problem;
  let a = x;
  let z = x;
  for (let l = 0; l + 1 < layerSizes.length; l++) {
    const rows = layerSizes[l + 1],
      cols = layerSizes[l] + 1,
      t = T[l];
    const act = activationOfLayer(problem, l);
    const zNext: BigNumber[] = [];
    for (let r = 0; r < rows; r++) {
      let s = t[r * cols];
      for (let c = 1; c < cols; c++) s = s.plus(t[r * cols + c].times(a[c - 1]));
      zNext.push(s);
    }
    z = zNext;
    a = act === "softmax" ? zNext : zNext.map((v) => bigActivation(math, act, v));
  }
  return { z, a };
}

function bigActivation(math: BigMath, name: ActivationName, z: BigNumber): BigNumber {
  switch (name) {
    case "sigmoid": {
      const one = math.bignumber(1);
      return one.div(one.plus(z.neg().exp()));
    }
    case "tanh":
      return z.tanh();
    case "relu":
      return z.gt(0) ? z : math.bignumber(0);
    case "identity":
      return z;
  }
}

function bigLoss(math: BigMath, cost: CostName, z: BigNumber, a: BigNumber, y: BigNumber): BigNumber {
  if (cost === "cross-entropy") {
    // softplus(z) − y·z, the exact form of −[y log σ(z) + (1−y) log(1−σ(z))]
    const one = math.bignumber(1);
    const softplus = z.gt(0) ? z.plus(one.plus(z.neg().exp()).ln()) : one.plus(z.exp()).ln();
    return softplus.minus(y.times(z));
  }
  const d = a.minus(y);
  return math.bignumber(0.5).times(d).times(d);
}

/** logsumexp(z) − Σ y·z, shifted by max z as in float64 (here it only keeps exp's argument small). */
function bigSoftmaxLoss(math: BigMath, z: BigNumber[], y: BigNumber[]): BigNumber {
  const max = z.reduce((p, v) => (v.gt(p) ? v : p));
  const lse = max.plus(z.reduce((s, v) => s.plus(v.minus(max).exp()), math.bignumber(0)).ln());
  return z.reduce((s, v, k) => s.minus(y[k].times(v)), lse);
}

/** ΣΘ² over every layer's columns j ≥ 1: the bias column is not regularised. */
function bigSquaredWeights(math: BigMath, layerSizes: readonly number[], T: readonly BigNumber[][]): BigNumber {
  let reg = math.bignumber(0);
  T.forEach((t, l) => {
    const cols = layerSizes[l] + 1;
    t.forEach((v, q) => {
      if (q % cols !== 0) reg = reg.plus(v.times(v));
    });
  });
  return reg;
}
