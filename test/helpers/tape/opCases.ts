import fc from "fast-check";
import type { Matrix } from "../../../src/linalg/Matrix.ts";
import { dim, matrixOf, upstream } from "./arbitraries.ts";
import { unaryOps } from "./expressions.ts";
import type { Ops, Program } from "./programs.ts";

type Shape = [number, number];

/** One op exercised alone: its input shapes from three random sizes, and the op itself. */
export interface OpCase {
  readonly name: string;
  readonly shapes: (r: number, k: number, n: number) => Shape[];
  readonly op: <T extends Ops<T>>(x: T[], r: number, k: number, n: number) => T;
  /** range of the inputs' entries */
  readonly domain?: [number, number];
}

const broadcasting = (["add", "sub", "mul", "div"] as const).flatMap((op): OpCase[] => {
  const domain: [number, number] | undefined = op === "div" ? [0.3, 3] : undefined;
  const forms: Array<[string, (r: number, k: number) => Shape[]]> = [
    [
      "same shape",
      (r, k) => [
        [r, k],
        [r, k],
      ],
    ],
    [
      "row",
      (r, k) => [
        [r, k],
        [1, k],
      ],
    ],
    [
      "column",
      (r, k) => [
        [r, k],
        [r, 1],
      ],
    ],
    [
      "scalar",
      (r, k) => [
        [r, k],
        [1, 1],
      ],
    ],
    [
      "row on the left",
      (r, k) => [
        [1, k],
        [r, k],
      ],
    ],
    [
      "column times row",
      (r, k) => [
        [r, 1],
        [1, k],
      ],
    ],
  ];
  return forms.map(([form, shapes]) => ({ name: `${op} (${form})`, shapes, op: ([a, b]) => a[op](b), domain }));
});

const elementwise = unaryOps.map((op): OpCase => ({
  name: op,
  shapes: (r, k) => [[r, k]],
  op: ([a]) => (op === "pow" ? a.pow(1.5) : a[op]()),
  domain: op === "log" || op === "pow" ? [0.1, 3] : op === "log1p" ? [-0.9, 3] : undefined,
}));

export const opCases: readonly OpCase[] = [
  {
    name: "matmul",
    shapes: (r, k, n) => [
      [r, k],
      [k, n],
    ],
    op: ([A, B]) => A.matmul(B),
  },
  {
    name: "matmulABt",
    shapes: (r, k, n) => [
      [r, k],
      [n, k],
    ],
    op: ([A, B]) => A.matmulABt(B),
  },
  {
    name: "matmulAtB",
    shapes: (r, k, n) => [
      [k, r],
      [k, n],
    ],
    op: ([A, B]) => A.matmulAtB(B),
  },
  {
    name: "affine",
    shapes: (r, k, n) => [
      [r, k],
      [n, k + 1],
    ],
    op: ([A, T]) => A.affine(T),
  },
  { name: "prependBias", shapes: (r, k) => [[r, k]], op: ([A]) => A.prependBias() },
  { name: "columns", shapes: (r, k, n) => [[r, k + n]], op: ([A], _r, k, n) => A.columns(n - 1, n - 1 + k) },
  { name: "sum", shapes: (r, k) => [[r, k]], op: ([A]) => A.sum() },
  { name: "mean", shapes: (r, k) => [[r, k]], op: ([A]) => A.mean() },
  { name: "logSumExpRows", shapes: (r, k) => [[r, k]], op: ([A]) => A.logSumExpRows() },
  {
    name: "softmax from primitives: A − logSumExpRows(A), then exp",
    shapes: (r, k) => [[r, k]],
    op: ([A]) => A.sub(A.logSumExpRows()).exp(),
  },
  // A value used more than once must receive every contribution.
  { name: "reuse: A·A + Aᵀ·A + A.*exp(A)", shapes: (_r, k) => [[k, k]], op: ([A]) => A.matmul(A).add(A.matmulAtB(A)).add(A.mul(A.exp())) },
  ...broadcasting,
  ...elementwise,
];

export interface OpInstance {
  readonly x: Matrix[];
  /** one random direction per input */
  readonly v: Matrix[];
  /** f = Σ C .* op(x): C is the upstream gradient the op's rule receives */
  readonly program: Program;
}

export function opInstance(c: OpCase): fc.Arbitrary<OpInstance> {
  const [lo, hi] = c.domain ?? [-2, 2];
  return fc.tuple(dim, dim, dim).chain(([r, k, n]) => {
    const shapes = c.shapes(r, k, n);
    return fc
      .tuple(
        fc.tuple(...shapes.map(([p, q]) => matrixOf(p, q, lo, hi))),
        fc.tuple(...shapes.map(([p, q]) => matrixOf(p, q, -1, 1))),
        fc.constant([r, k, n] as const),
      )
      .chain(([x, v, sizes]) => {
        const out = outputShape(c, x, sizes);
        return upstream(out[0], out[1]).map((C): OpInstance => ({
          x,
          v,
          program: (vars, lift) =>
            c
              .op(vars, ...sizes)
              .mul(lift(C))
              .sum(),
        }));
      });
  });
}

/** The op's result shape, found by running it on shapes alone. */
function outputShape(c: OpCase, x: Matrix[], [r, k, n]: readonly [number, number, number]): Shape {
  const y = c.op(
    x.map((X) => new ShapeOnly(X.rows, X.cols)),
    r,
    k,
    n,
  );
  return [y.rows, y.cols];
}

/** Runs an op on shapes alone, to size the upstream gradient before anything is computed. */
class ShapeOnly implements Ops<ShapeOnly> {
  constructor(
    readonly rows: number,
    readonly cols: number,
  ) {}
  private zip(b: ShapeOnly | number) {
    const B = typeof b === "number" ? new ShapeOnly(1, 1) : b;
    return new ShapeOnly(Math.max(this.rows, B.rows), Math.max(this.cols, B.cols));
  }
  add(b: ShapeOnly | number) {
    return this.zip(b);
  }
  sub(b: ShapeOnly | number) {
    return this.zip(b);
  }
  mul(b: ShapeOnly | number) {
    return this.zip(b);
  }
  div(b: ShapeOnly | number) {
    return this.zip(b);
  }
  neg() {
    return this;
  }
  exp() {
    return this;
  }
  log() {
    return this;
  }
  log1p() {
    return this;
  }
  softplus() {
    return this;
  }
  sigmoid() {
    return this;
  }
  tanh() {
    return this;
  }
  relu() {
    return this;
  }
  square() {
    return this;
  }
  pow() {
    return this;
  }
  sum() {
    return new ShapeOnly(1, 1);
  }
  logSumExpRows() {
    return new ShapeOnly(this.rows, 1);
  }
  mean() {
    return new ShapeOnly(1, 1);
  }
  matmul(b: ShapeOnly) {
    return new ShapeOnly(this.rows, b.cols);
  }
  matmulABt(b: ShapeOnly) {
    return new ShapeOnly(this.rows, b.rows);
  }
  matmulAtB(b: ShapeOnly) {
    return new ShapeOnly(this.cols, b.cols);
  }
  affine(t: ShapeOnly) {
    return new ShapeOnly(this.rows, t.rows);
  }
  prependBias() {
    return new ShapeOnly(this.rows, this.cols + 1);
  }
  columns(from: number, to = this.cols) {
    return new ShapeOnly(this.rows, to - from);
  }
}
