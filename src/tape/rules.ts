import { gemm, type View } from "../linalg/gemm.ts";
import { compensatedSum } from "../linalg/compensatedSum.ts";
import { columnsFrom, transposed, view } from "../linalg/products.ts";
import { expInto, sigmoidInto } from "../linalg/vectorExp.ts";
import { logSumExp, sigmoid, softplus, softplusInto } from "../linalg/expFunctions.ts";
import { binary, unary } from "./elementwise.ts";
import type { Rule } from "./Rule.ts";

/**
 * Every operation the tape knows: its forward value and, right beside it, its vector–Jacobian
 * product. Reading one line should be enough to check one derivative. In the comments ȳ is
 * the gradient reaching the result and x̄ what is added into an input's gradient.
 *
 * A tape is built with a rules table (this one by default), so a test can plant a wrong rule
 * and watch the cross-checks catch it.
 */
export const rules = {
  // ── elementwise, one input: y = f(x), x̄ += ȳ·f'(x) ────────────────────────────────────
  neg: unary(
    (x) => -x,
    () => -1,
  ),
  exp: unary(Math.exp, (_x, y) => y, { f: expInto }),
  log: unary(Math.log, (x) => 1 / x),
  log1p: unary(Math.log1p, (x) => 1 / (1 + x)),
  // log(1 + eˣ) without overflow; its derivative is σ(x), itself computed without overflow.
  softplus: unary(softplus, (x) => sigmoid(x), { f: softplusInto, fPrimeOfX: sigmoidInto }),
  sigmoid: unary(sigmoid, (_x, y) => y * (1 - y), { f: sigmoidInto }),
  tanh: unary(Math.tanh, (_x, y) => 1 - y * y),
  // NOTE: relu is not differentiable at 0; gradcheck fixes relu'(0) = 0 (the `>` matters).
  relu: unary(
    (x) => (x > 0 ? x : 0),
    (x) => (x > 0 ? 1 : 0),
  ),
  square: unary(
    (x) => x * x,
    (x) => 2 * x,
  ),
  pow: unary(
    (x, p) => x ** p,
    (x, _y, p) => p * x ** (p - 1),
  ),

  // ── elementwise, two inputs, row/column/scalar broadcasting: z = f(x, y) ───────────────
  add: binary(
    (x, y) => x + y,
    () => 1,
    () => 1,
  ),
  sub: binary(
    (x, y) => x - y,
    () => 1,
    () => -1,
  ),
  mul: binary(
    (x, y) => x * y,
    (_x, y) => y,
    (x) => x,
  ),
  div: binary(
    (x, y) => x / y,
    (_x, y) => 1 / y,
    (x, y) => -x / (y * y),
  ),

  // ── reductions to a 1×1 scalar ─────────────────────────────────────────────────────────
  sum: {
    shape: () => [1, 1],
    forward: ([x], out) => {
      out.data[0] = compensatedSum(x.data);
    },
    vjp(g, _x, _out, [dx]) {
      if (dx) addEverywhere(dx, g[0]);
    },
  },
  // ── a row-wise reduction: one value per row ──────────────────────────────────────────
  // y_i = log Σ_k e^{x_ik} (max-shifted, never overflows);  x̄_ik += ȳ_i · softmax(x_i)_k = ȳ_i·e^{x_ik − y_i}
  logSumExpRows: {
    shape: ([x]) => [x.rows, 1],
    forward([x], out) {
      for (let i = 0; i < x.rows; i++) out.data[i] = logSumExp(x.data, i * x.cols, x.cols);
    },
    vjp(g, [x], out, [dx]) {
      if (!dx) return;
      const n = x.cols;
      for (let i = 0; i < x.rows; i++) for (let k = 0; k < n; k++) dx[i * n + k] += g[i] * Math.exp(x.data[i * n + k] - out.data[i]);
    },
  },
  mean: {
    shape: () => [1, 1],
    forward: ([x], out) => {
      out.data[0] = compensatedSum(x.data) / x.data.length;
    },
    vjp(g, _x, _out, [dx]) {
      if (dx) addEverywhere(dx, g[0] / dx.length);
    },
  },

  // ── matrix products through the one kernel, transposes as strides (no copies) ──────────
  // Y = A·B:    Ā += Ȳ·Bᵀ,  B̄ += Aᵀ·Ȳ
  matmul: {
    shape: ([A, B]) => (A.cols === B.rows ? [A.rows, B.cols] : `do not conform (inner dimensions ${A.cols} ≠ ${B.rows})`),
    forward: ([A, B], Y) => gemm(A.rows, B.cols, A.cols, view(A), view(B), view(Y), false),
    vjp(G, [A, B], Y, [dA, dB]) {
      if (dA) gemm(A.rows, A.cols, Y.cols, rowMajor(G, Y.cols), transposed(view(B)), rowMajor(dA, A.cols), true);
      if (dB) gemm(B.rows, B.cols, Y.rows, transposed(view(A)), rowMajor(G, Y.cols), rowMajor(dB, B.cols), true);
    },
  },
  // Y = A·Bᵀ:   Ā += Ȳ·B,   B̄ += Ȳᵀ·A
  matmulABt: {
    shape: ([A, B]) => (A.cols === B.cols ? [A.rows, B.rows] : `do not conform for A·Bᵀ (columns ${A.cols} ≠ ${B.cols})`),
    forward: ([A, B], Y) => gemm(A.rows, B.rows, A.cols, view(A), transposed(view(B)), view(Y), false),
    vjp(G, [A, B], Y, [dA, dB]) {
      if (dA) gemm(A.rows, A.cols, Y.cols, rowMajor(G, Y.cols), view(B), rowMajor(dA, A.cols), true);
      if (dB) gemm(B.rows, B.cols, Y.rows, transposed(rowMajor(G, Y.cols)), view(A), rowMajor(dB, B.cols), true);
    },
  },
  // Y = Aᵀ·B:   Ā += B·Ȳᵀ,  B̄ += A·Ȳ
  matmulAtB: {
    shape: ([A, B]) => (A.rows === B.rows ? [A.cols, B.cols] : `do not conform for Aᵀ·B (rows ${A.rows} ≠ ${B.rows})`),
    forward: ([A, B], Y) => gemm(A.cols, B.cols, A.rows, transposed(view(A)), view(B), view(Y), false),
    vjp(G, [A, B], Y, [dA, dB]) {
      if (dA) gemm(A.rows, A.cols, Y.cols, view(B), transposed(rowMajor(G, Y.cols)), rowMajor(dA, A.cols), true);
      if (dB) gemm(B.rows, B.cols, Y.rows, view(A), rowMajor(G, Y.cols), rowMajor(dB, B.cols), true);
    },
  },
  // The lecture's z = Θ·[1; a] for all m examples at once, Z = [1 | A]·Θᵀ, fused: the same as
  // matmulABt(prependBias(A), Θ) without building [1 | A] or copying Θ past its bias column.
  // With W = Θ's columns 1.. and b = its column 0:  Z = A·Wᵀ + b,
  //   Ā += Z̄·W,   W̄ += Z̄ᵀ·A,   b̄ += Σ_rows Z̄
  affine: {
    shape: ([A, T]) =>
      T.cols === A.cols + 1 ? [A.rows, T.rows] : `do not conform for [1 | A]·Θᵀ (Θ needs ${A.cols + 1} columns, has ${T.cols})`,
    forward([A, T], Z) {
      gemm(A.rows, T.rows, A.cols, view(A), transposed(columnsFrom(T, 1)), view(Z), false);
      const z = Z.data,
        t = T.data,
        r = T.rows,
        tc = T.cols;
      for (let i = 0; i < Z.rows; i++) for (let k = 0; k < r; k++) z[i * r + k] += t[k * tc];
    },
    vjp(G, [A, T], Z, [dA, dT]) {
      const r = T.rows,
        tc = T.cols;
      if (dA) gemm(A.rows, A.cols, r, rowMajor(G, r), columnsFrom(T, 1), rowMajor(dA, A.cols), true);
      if (dT) {
        gemm(r, A.cols, Z.rows, transposed(rowMajor(G, r)), view(A), { data: dT, offset: 1, rs: tc, cs: 1 }, true);
        for (let i = 0; i < Z.rows; i++) for (let k = 0; k < r; k++) dT[k * tc] += G[i * r + k];
      }
    },
  },

  // ── structure: copies in, the matching entries of ȳ back ──────────────────────────────
  // [1 | A]: a column of bias units in front, as the lecture prepends a₀ = 1.
  prependBias: {
    shape: ([A]) => [A.rows, A.cols + 1],
    forward([A], Y) {
      const a = A.data,
        y = Y.data,
        n = A.cols;
      for (let i = 0; i < A.rows; i++) {
        y[i * (n + 1)] = 1;
        for (let j = 0; j < n; j++) y[i * (n + 1) + 1 + j] = a[i * n + j];
      }
    },
    vjp(G, [A], _Y, [dA]) {
      if (!dA) return;
      const n = A.cols;
      for (let i = 0; i < A.rows; i++) for (let j = 0; j < n; j++) dA[i * n + j] += G[i * (n + 1) + 1 + j];
    },
  },
  // Columns from..to−1 (attr = [from, to]); Θ's weights without the bias column are columns(1).
  columns: {
    shape: ([A], [from, to]) =>
      Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from < to && to <= A.cols
        ? [A.rows, to - from]
        : `has no columns ${from}..${to - 1} (it has columns 0..${A.cols - 1})`,
    forward([A], Y, [from]) {
      const a = A.data,
        y = Y.data,
        n = Y.cols;
      for (let i = 0; i < A.rows; i++) for (let j = 0; j < n; j++) y[i * n + j] = a[i * A.cols + from + j];
    },
    vjp(G, [A], Y, [dA], [from]) {
      if (!dA) return;
      const n = Y.cols;
      for (let i = 0; i < A.rows; i++) for (let j = 0; j < n; j++) dA[i * A.cols + from + j] += G[i * n + j];
    },
  },
} satisfies Record<string, Rule>;

export type OpName = keyof typeof rules;

/** A complete rules table; `{ ...rules, sigmoid: wrong }` is one with a planted bug. */
export type Rules = Readonly<Record<OpName, Rule>>;

/** A Float64Array holding a row-major matrix with `cols` columns, as a kernel view. */
function rowMajor(data: Float64Array, cols: number): View {
  return { data, offset: 0, rs: cols, cs: 1 };
}

function addEverywhere(dx: Float64Array, s: number): void {
  for (let q = 0; q < dx.length; q++) dx[q] += s;
}
