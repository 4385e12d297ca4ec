import fc from "fast-check";
import { doubles } from "./arbitraries.ts";
import type { Ops } from "./programs.ts";

export const unaryOps = ["neg", "exp", "log", "log1p", "softplus", "sigmoid", "tanh", "relu", "square", "pow"] as const;
export const binaryOps = ["add", "sub", "mul", "div"] as const;
export type UnaryOp = (typeof unaryOps)[number];
export type BinaryOp = (typeof binaryOps)[number];

/** A scalar expression over variables x0, x1, x2 built from the tape's elementwise ops. */
export type Expr =
  | { kind: "var"; i: number }
  | { kind: "const"; c: number }
  | { kind: "unary"; op: UnaryOp; x: Expr; p: number }
  | { kind: "binary"; op: BinaryOp; x: Expr; y: Expr };

/** The same op as mathjs text: an independent system's reading of what the rule differentiates. */
export const unaryText: Readonly<Record<UnaryOp, (x: string, p: number) => string>> = {
  neg: (x) => `-(${x})`,
  exp: (x) => `exp(${x})`,
  log: (x) => `log(${x})`,
  log1p: (x) => `log(1 + (${x}))`,
  softplus: (x) => `log(1 + exp(${x}))`,
  sigmoid: (x) => `1 / (1 + exp(-(${x})))`,
  tanh: (x) => `tanh(${x})`,
  relu: (x) => `((${x}) + abs(${x})) / 2`,
  square: (x) => `(${x})^2`,
  pow: (x, p) => `(${x})^(${p})`,
};

export const binaryText: Readonly<Record<BinaryOp, (x: string, y: string) => string>> = {
  add: (x, y) => `(${x}) + (${y})`,
  sub: (x, y) => `(${x}) - (${y})`,
  mul: (x, y) => `(${x}) * (${y})`,
  div: (x, y) => `(${x}) / (${y})`,
};

export const variables = ["x0", "x1", "x2"];

export function toText(e: Expr): string {
  switch (e.kind) {
    case "var":
      return variables[e.i];
    case "const":
      return `(${e.c})`;
    case "unary":
      return unaryText[e.op](toText(e.x), e.p);
    case "binary":
      return binaryText[e.op](toText(e.x), toText(e.y));
  }
}

/** Runs the expression with any implementation of the ops (tape Values, dual matrices). */
export function run<T extends Ops<T>>(e: Expr, x: T[], constant: (c: number) => T): T {
  switch (e.kind) {
    case "var":
      return x[e.i];
    case "const":
      return constant(e.c);
    case "unary": {
      const a = run(e.x, x, constant);
      return e.op === "pow" ? a.pow(e.p) : a[e.op]();
    }
    case "binary":
      return run(e.x, x, constant)[e.op](run(e.y, x, constant));
  }
}

const positiveConstant = doubles(0.1, 2);

/** e² + c, c > 0: keeps log, fractional powers and divisors on their real domain. */
function positive(e: Expr, c: number): Expr {
  return { kind: "binary", op: "add", x: { kind: "unary", op: "square", x: e, p: 0 }, y: { kind: "const", c } };
}

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: variables.length - 1 }).map((i): Expr => ({ kind: "var", i })) },
  { weight: 1, arbitrary: doubles(-2, 2).map((c): Expr => ({ kind: "const", c })) },
);

/** Random trees up to `depth`; variables repeat, so gradients must accumulate. */
export function expr(depth: number): fc.Arbitrary<Expr> {
  if (depth === 0) return leaf;
  const sub = expr(depth - 1);
  const unaryNode = fc
    .tuple(fc.constantFrom(...unaryOps), sub, positiveConstant, fc.constantFrom(2, 3, 0.5, 1.5, -1))
    .map(([op, x, c, p]): Expr => {
      if (op === "log" || op === "pow") return { kind: "unary", op, x: positive(x, c), p };
      if (op === "log1p") return { kind: "unary", op, x: { kind: "unary", op: "square", x, p: 0 }, p };
      return { kind: "unary", op, x, p };
    });
  const binaryNode = fc
    .tuple(fc.constantFrom(...binaryOps), sub, sub, positiveConstant)
    .map(([op, x, y, c]): Expr => ({ kind: "binary", op, x, y: op === "div" ? positive(y, c) : y }));
  return fc.oneof({ weight: 1, arbitrary: leaf }, { weight: 2, arbitrary: unaryNode }, { weight: 2, arbitrary: binaryNode });
}

/** True when every subexpression is finite and below 1e8 in size at x: the cases worth comparing. */
export function tame(e: Expr, x: readonly number[]): boolean {
  const values: number[] = [];
  const f = (e: Expr): number => {
    let v: number;
    switch (e.kind) {
      case "var":
        v = x[e.i];
        break;
      case "const":
        v = e.c;
        break;
      case "unary": {
        const a = f(e.x);
        v = {
          neg: -a,
          exp: Math.exp(a),
          log: Math.log(a),
          log1p: Math.log1p(a),
          softplus: Math.log1p(Math.exp(a)),
          sigmoid: 1 / (1 + Math.exp(-a)),
          tanh: Math.tanh(a),
          relu: Math.max(a, 0),
          square: a * a,
          pow: a ** e.p,
        }[e.op];
        break;
      }
      case "binary": {
        const a = f(e.x),
          b = f(e.y);
        v = { add: a + b, sub: a - b, mul: a * b, div: a / b }[e.op];
        break;
      }
    }
    values.push(v);
    return v;
  };
  f(e);
  return values.every((v) => Number.isFinite(v) && Math.abs(v) < 1e8);
}
