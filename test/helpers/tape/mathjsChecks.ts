import fc from "fast-check";
import { derivative, parse, type EvalFunction } from "mathjs";
import { matrix, type Matrix } from "../../../src/linalg/Matrix.ts";
import { grad } from "../../../src/tape/grad.ts";
import type { Rules } from "../../../src/tape/rules.ts";
import { constant, type Value } from "../../../src/tape/Value.ts";
import { close, dim, doubles, matrixOf, upstream } from "./arbitraries.ts";
import { binaryText, expr, run, tame, toText, unaryText, variables, type BinaryOp, type UnaryOp } from "./expressions.ts";

/** Separate tolerances for values and gradients, relative with a floor of 1. */
export const valueTol = 1e-10,
  gradTol = 1e-8;

const compiled = new Map<string, EvalFunction>();
/** mathjs's value (d = "") or symbolic derivative by `d` of a text, compiled once. */
function mathjs(text: string, d = ""): EvalFunction {
  const key = `${d}|${text}`;
  let f = compiled.get(key);
  if (!f) compiled.set(key, (f = (d ? derivative(text, d, { simplify: false }) : parse(text)).compile()));
  return f;
}

const unaryDomain: Readonly<Record<UnaryOp, [number, number]>> = {
  neg: [-5, 5],
  exp: [-5, 5],
  log: [0.05, 5],
  log1p: [-0.9, 5],
  softplus: [-30, 30],
  sigmoid: [-30, 30],
  tanh: [-5, 5],
  relu: [-5, 5],
  square: [-5, 5],
  pow: [0.1, 3],
};

/**
 * (a) One elementwise rule against mathjs: f = Σ C .* op(X) with a random upstream C, so the
 * tape's X̄ must equal C .* (mathjs's d op/dx) entry by entry.
 */
export function unaryRuleProperty(rules: Rules, op: UnaryOp) {
  const [lo, hi] = unaryDomain[op];
  const input = fc
    .tuple(dim, dim, fc.constantFrom(2, 3, 0.5, 1.5, -1, -2.5))
    .chain(([r, c, p]) => fc.tuple(matrixOf(r, c, lo, hi), upstream(r, c), fc.constant(p)))
    // relu has a kink at 0 (relu'(0) = 0 is tested on its own); mathjs says NaN there.
    .filter(([X]) => op !== "relu" || X.data.every((x) => x !== 0));
  return fc.property(input, ([X, C, p]) => {
    const f = (x: Value) => (op === "pow" ? x.pow(p) : x[op]()).mul(C).sum();
    const { value, gradient } = grad(f, rules)(X);
    const text = unaryText[op]("x", p);
    let expected = 0;
    X.data.forEach((x, q) => (expected += C.data[q] * mathjs(text).evaluate({ x })));
    if (!close(value, expected, valueTol)) return false;
    return X.data.every((x, q) => close(gradient.data[q], C.data[q] * mathjs(text, "x").evaluate({ x }), gradTol));
  });
}

const broadcastShapes = (r: number, c: number) => fc.constantFrom<[number, number]>([r, c], [1, c], [r, 1], [1, 1]);

/**
 * (a) One two-input rule against mathjs, with row, column and scalar broadcasting on either
 * side: a broadcast operand's gradient is the sum of C .* ∂f over the axis it was repeated on.
 */
export function binaryRuleProperty(rules: Rules, op: BinaryOp) {
  const input = fc
    .tuple(dim, dim)
    .chain(([r, c]) => fc.tuple(broadcastShapes(r, c), broadcastShapes(r, c)))
    .chain(([[xr, xc], [yr, yc]]) =>
      fc.tuple(
        matrixOf(xr, xc, -3, 3),
        op === "div" ? matrixOf(yr, yc, 0.3, 3) : matrixOf(yr, yc, -3, 3),
        upstream(Math.max(xr, yr), Math.max(xc, yc)),
      ),
    );
  return fc.property(input, ([X, Y, C]) => {
    const {
      value,
      gradient: [gX, gY],
    } = grad((v: Value[]) => v[0][op](v[1]).mul(C).sum(), rules)([X, Y]);
    const text = binaryText[op]("x", "y");
    const eX = new Float64Array(X.data.length),
      eY = new Float64Array(Y.data.length);
    let expected = 0;
    for (let i = 0; i < C.rows; i++) {
      for (let j = 0; j < C.cols; j++) {
        const p = (X.rows === 1 ? 0 : i) * X.cols + (X.cols === 1 ? 0 : j);
        const q = (Y.rows === 1 ? 0 : i) * Y.cols + (Y.cols === 1 ? 0 : j);
        const scope = { x: X.data[p], y: Y.data[q] },
          g = C.data[i * C.cols + j];
        expected += g * mathjs(text).evaluate(scope);
        eX[p] += g * mathjs(text, "x").evaluate(scope);
        eY[q] += g * mathjs(text, "y").evaluate(scope);
      }
    }
    return (
      close(value, expected, valueTol) &&
      eX.every((e, p) => close(gX.data[p], e, gradTol)) &&
      eY.every((e, q) => close(gY.data[q], e, gradTol))
    );
  });
}

/**
 * (a) Random expression trees of the elementwise ops over 1×1 variables x0..x2, compared with
 * mathjs end to end: its value and its symbolic ∂/∂x_i of the whole expression.
 */
export function expressionTreeProperty(rules: Rules) {
  const point = fc.tuple(doubles(-2, 2), doubles(-2, 2), doubles(-2, 2));
  return fc.property(expr(4), point, (e, x) => {
    fc.pre(tame(e, x));
    const text = toText(e);
    const scope = Object.fromEntries(variables.map((v, i) => [v, x[i]]));
    const expectedGrad = variables.map((v) => mathjs(text, v).evaluate(scope) as unknown);
    fc.pre(expectedGrad.every((d) => typeof d === "number" && Number.isFinite(d) && Math.abs(d) < 1e8));
    const at = x.map((xi) => matrix(1, 1, [xi]));
    const { value, gradient } = grad((v: Value[]) => run(e, v, (c) => constant(c)), rules)(at);
    return (
      close(value, mathjs(text).evaluate(scope), valueTol) &&
      gradient.every((G: Matrix, i) => close(G.data[0], expectedGrad[i] as number, gradTol))
    );
  });
}
