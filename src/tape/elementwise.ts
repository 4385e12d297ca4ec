import { VECTOR_MIN_LENGTH, type ArrayMap } from "../linalg/vectorExp.ts";
import type { Rule } from "./Rule.ts";

type Scalar1 = (x: number, p: number) => number;
type Scalar1Prime = (x: number, y: number, p: number) => number;
type Scalar2 = (x: number, y: number) => number;

/**
 * Whole-array forms of a rule's f and f' (f' of x alone), bit for bit the scalar ones, that
 * large operands use: the vector kernel's exponentials (src/linalg/vectorExp.ts).
 */
export interface Vectorised {
  readonly f?: ArrayMap;
  readonly fPrimeOfX?: ArrayMap;
}

/**
 * y = f(x) entry by entry, x̄ += ȳ·f'(x). f' is handed x, y = f(x) and the op's constant p, so
 * each rule can use its cheapest well-conditioned form (σ' = y(1 − y), exp' = y).
 */
export function unary(f: Scalar1, fPrime: Scalar1Prime, vectorised: Vectorised = {}): Rule {
  const forward = ownCopy(unaryForward),
    vjp = ownCopy(unaryVjp);
  return {
    shape: ([x]) => [x.rows, x.cols],
    forward([x], out, [p]) {
      if (vectorised.f && x.data.length >= VECTOR_MIN_LENGTH) vectorised.f(x.data, out.data);
      else forward(f, x.data, out.data, p);
    },
    vjp(g, [x], out, [dx], [p]) {
      if (!dx) return;
      if (vectorised.fPrimeOfX && g.length >= VECTOR_MIN_LENGTH) {
        const slope = workArray(g.length);
        vectorised.fPrimeOfX(x.data, slope);
        for (let q = 0; q < g.length; q++) dx[q] += g[q] * slope[q];
      } else vjp(fPrime, g, x.data, out.data, dx, p);
    },
  };
}

/** f'(x) of the vjp being computed, reused from call to call. */
let slopes = new Float64Array(0);
const workArray = (n: number) => (slopes.length < n ? (slopes = new Float64Array(n)) : slopes).subarray(0, n);

function unaryForward(f: Scalar1, a: Float64Array, o: Float64Array, p: number): void {
  for (let q = 0; q < o.length; q++) o[q] = f(a[q], p);
}

function unaryVjp(fPrime: Scalar1Prime, g: Float64Array, a: Float64Array, y: Float64Array, dx: Float64Array, p: number): void {
  for (let q = 0; q < g.length; q++) dx[q] += g[q] * fPrime(a[q], y[q], p);
}

/**
 * z = f(x, y) entry by entry, with broadcasting: a 1×n row is reused for every row, an m×1
 * column for every column, a 1×1 for everything. A broadcast operand is read with stride 0,
 * and its vjp adds through the same stride 0, which is exactly the sum over the repeated axis.
 */
export function binary(f: Scalar2, dfdx: Scalar2, dfdy: Scalar2): Rule {
  const forward = ownCopy(binaryForward),
    vjpX = ownCopy(binaryVjpX),
    vjpY = ownCopy(binaryVjpY);
  return {
    shape([x, y]) {
      const rows = broadcast(x.rows, y.rows),
        cols = broadcast(x.cols, y.cols);
      if (rows < 0 || cols < 0) return "do not broadcast (each dimension must be equal, or 1 in one of them)";
      return [rows, cols];
    },
    forward: ([x, y], out) => forward(f, x.data, strides(x), y.data, strides(y), out.data, out.rows, out.cols),
    vjp(g, [x, y], out, [dx, dy]) {
      if (dx) vjpX(dfdx, g, x.data, strides(x), y.data, strides(y), dx, out.rows, out.cols);
      if (dy) vjpY(dfdy, g, x.data, strides(x), y.data, strides(y), dy, out.rows, out.cols);
    },
  };
}

function binaryForward(
  f: Scalar2,
  a: Float64Array,
  [ars, acs]: [number, number],
  b: Float64Array,
  [brs, bcs]: [number, number],
  o: Float64Array,
  rows: number,
  cols: number,
): void {
  if (a.length === o.length && b.length === o.length) {
    for (let q = 0; q < o.length; q++) o[q] = f(a[q], b[q]); // no broadcasting: one flat pass
    return;
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) o[i * cols + j] = f(a[i * ars + j * acs], b[i * brs + j * bcs]);
  }
}

/** x̄ += z̄·∂f/∂x, entry by entry; a broadcast x sums through its stride 0. */
function binaryVjpX(
  df: Scalar2,
  g: Float64Array,
  a: Float64Array,
  [ars, acs]: [number, number],
  b: Float64Array,
  [brs, bcs]: [number, number],
  dx: Float64Array,
  rows: number,
  cols: number,
): void {
  if (a.length === g.length && b.length === g.length) {
    for (let q = 0; q < g.length; q++) dx[q] += g[q] * df(a[q], b[q]);
    return;
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const p = i * ars + j * acs;
      dx[p] += g[i * cols + j] * df(a[p], b[i * brs + j * bcs]);
    }
  }
}

/** ȳ += z̄·∂f/∂y, the same for the second operand. */
function binaryVjpY(
  df: Scalar2,
  g: Float64Array,
  a: Float64Array,
  [ars, acs]: [number, number],
  b: Float64Array,
  [brs, bcs]: [number, number],
  dy: Float64Array,
  rows: number,
  cols: number,
): void {
  if (a.length === g.length && b.length === g.length) {
    for (let q = 0; q < g.length; q++) dy[q] += g[q] * df(a[q], b[q]);
    return;
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const r = i * brs + j * bcs;
      dy[r] += g[i * cols + j] * df(a[i * ars + j * acs], b[r]);
    }
  }
}

function broadcast(p: number, q: number): number {
  return p === q || q === 1 ? p : p === 1 ? q : -1;
}

/** [row stride, column stride] of a row-major operand, 0 along an axis it is broadcast over. */
function strides(x: { rows: number; cols: number }): [number, number] {
  return [x.rows === 1 ? 0 : x.cols, x.cols === 1 ? 0 : 1];
}

/**
 * NOTE: V8 keeps one set of call-site feedback per function literal, so a loop shared by every
 * rule calls `f` through a megamorphic site and never inlines it (measured: σ over 125 000
 * entries 2× slower). Each rule gets its own copy of the loop, compiled from the same source;
 * the loops take everything as parameters so the copy needs nothing from this module's scope.
 */
function ownCopy<F extends (...args: never[]) => void>(loop: F): F {
  // The numbered comment keeps V8's compilation cache from handing back one shared copy.
  return new Function(`return (${loop.toString()}) // copy ${++copies}`)() as F;
}
let copies = 0;
