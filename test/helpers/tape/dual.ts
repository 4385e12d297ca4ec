import type { Matrix } from "../../../src/linalg/Matrix.ts";
import { sigmoid } from "../../../src/network/activation.ts";
import { softplus } from "../../../src/network/cost.ts";

/**
 * Forward mode, independent of the tape: every entry is a dual number v + d·ε (ε² = 0), so
 * evaluating f on (θ, direction) gives f(θ) and the directional derivative ∇f·direction in
 * one pass. Matrix ops are written as plain loops over dual arithmetic: there is no
 * transpose or broadcast rule here to get wrong, only the op's definition.
 */
export class Dual {
  constructor(
    readonly v: number,
    readonly d: number,
  ) {}
  static of(x: number): Dual {
    return new Dual(x, 0);
  }
  add(b: Dual): Dual {
    return new Dual(this.v + b.v, this.d + b.d);
  }
  sub(b: Dual): Dual {
    return new Dual(this.v - b.v, this.d - b.d);
  }
  mul(b: Dual): Dual {
    return new Dual(this.v * b.v, this.d * b.v + this.v * b.d);
  }
  div(b: Dual): Dual {
    return new Dual(this.v / b.v, (this.d * b.v - this.v * b.d) / (b.v * b.v));
  }
  neg(): Dual {
    return new Dual(-this.v, -this.d);
  }
  exp(): Dual {
    const e = Math.exp(this.v);
    return new Dual(e, e * this.d);
  }
  log(): Dual {
    return new Dual(Math.log(this.v), this.d / this.v);
  }
  log1p(): Dual {
    return new Dual(Math.log1p(this.v), this.d / (1 + this.v));
  }
  softplus(): Dual {
    return new Dual(softplus(this.v), sigmoid(this.v) * this.d);
  }
  sigmoid(): Dual {
    const s = sigmoid(this.v);
    return new Dual(s, s * (1 - s) * this.d);
  }
  tanh(): Dual {
    const t = Math.tanh(this.v);
    return new Dual(t, (1 - t * t) * this.d);
  }
  relu(): Dual {
    return this.v > 0 ? this : new Dual(0, 0);
  }
  square(): Dual {
    return this.mul(this);
  }
  pow(p: number): Dual {
    return new Dual(this.v ** p, p * this.v ** (p - 1) * this.d);
  }
}

type Arg = DualMatrix | number;

/** A matrix of dual numbers with the tape's op names, so one program runs on both. */
export class DualMatrix {
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly e: Dual[],
  ) {}

  /** value M, tangent T (zero for a constant) */
  static of(M: Matrix, T?: Matrix): DualMatrix {
    return new DualMatrix(
      M.rows,
      M.cols,
      Array.from(M.data, (v, q) => new Dual(v, T ? T.data[q] : 0)),
    );
  }
  at(i: number, j: number): Dual {
    return this.e[i * this.cols + j];
  }
  item(): Dual {
    return this.e[0];
  }

  private map(f: (x: Dual) => Dual): DualMatrix {
    return new DualMatrix(this.rows, this.cols, this.e.map(f));
  }
  /** Elementwise with broadcasting, spelled out: index 0 along any axis of length 1. */
  private zip(b: Arg, f: (x: Dual, y: Dual) => Dual): DualMatrix {
    const B = typeof b === "number" ? new DualMatrix(1, 1, [Dual.of(b)]) : b;
    const rows = Math.max(this.rows, B.rows),
      cols = Math.max(this.cols, B.cols);
    const e: Dual[] = [];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        e.push(f(this.at(this.rows === 1 ? 0 : i, this.cols === 1 ? 0 : j), B.at(B.rows === 1 ? 0 : i, B.cols === 1 ? 0 : j)));
      }
    }
    return new DualMatrix(rows, cols, e);
  }

  add(b: Arg): DualMatrix {
    return this.zip(b, (x, y) => x.add(y));
  }
  sub(b: Arg): DualMatrix {
    return this.zip(b, (x, y) => x.sub(y));
  }
  mul(b: Arg): DualMatrix {
    return this.zip(b, (x, y) => x.mul(y));
  }
  div(b: Arg): DualMatrix {
    return this.zip(b, (x, y) => x.div(y));
  }
  neg(): DualMatrix {
    return this.map((x) => x.neg());
  }
  exp(): DualMatrix {
    return this.map((x) => x.exp());
  }
  log(): DualMatrix {
    return this.map((x) => x.log());
  }
  log1p(): DualMatrix {
    return this.map((x) => x.log1p());
  }
  softplus(): DualMatrix {
    return this.map((x) => x.softplus());
  }
  sigmoid(): DualMatrix {
    return this.map((x) => x.sigmoid());
  }
  tanh(): DualMatrix {
    return this.map((x) => x.tanh());
  }
  relu(): DualMatrix {
    return this.map((x) => x.relu());
  }
  square(): DualMatrix {
    return this.map((x) => x.square());
  }
  pow(p: number): DualMatrix {
    return this.map((x) => x.pow(p));
  }
  sum(): DualMatrix {
    return new DualMatrix(1, 1, [this.e.reduce((s, x) => s.add(x), Dual.of(0))]);
  }
  mean(): DualMatrix {
    return this.sum().div(this.e.length);
  }
  /** log Σ e^x per row, the textbook way (no max-shift): the test inputs are small. */
  logSumExpRows(): DualMatrix {
    const e: Dual[] = [];
    for (let i = 0; i < this.rows; i++) {
      let s = Dual.of(0);
      for (let j = 0; j < this.cols; j++) s = s.add(this.at(i, j).exp());
      e.push(s.log());
    }
    return new DualMatrix(this.rows, 1, e);
  }

  transpose(): DualMatrix {
    const e: Dual[] = [];
    for (let j = 0; j < this.cols; j++) for (let i = 0; i < this.rows; i++) e.push(this.at(i, j));
    return new DualMatrix(this.cols, this.rows, e);
  }
  matmul(B: DualMatrix): DualMatrix {
    const e: Dual[] = [];
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < B.cols; j++) {
        let s = Dual.of(0);
        for (let p = 0; p < this.cols; p++) s = s.add(this.at(i, p).mul(B.at(p, j)));
        e.push(s);
      }
    }
    return new DualMatrix(this.rows, B.cols, e);
  }
  matmulABt(B: DualMatrix): DualMatrix {
    return this.matmul(B.transpose());
  }
  matmulAtB(B: DualMatrix): DualMatrix {
    return this.transpose().matmul(B);
  }
  prependBias(): DualMatrix {
    const e: Dual[] = [];
    for (let i = 0; i < this.rows; i++) {
      e.push(Dual.of(1));
      for (let j = 0; j < this.cols; j++) e.push(this.at(i, j));
    }
    return new DualMatrix(this.rows, this.cols + 1, e);
  }
  affine(theta: DualMatrix): DualMatrix {
    return this.prependBias().matmulABt(theta);
  }
  columns(from: number, to: number = this.cols): DualMatrix {
    const e: Dual[] = [];
    for (let i = 0; i < this.rows; i++) for (let j = from; j < to; j++) e.push(this.at(i, j));
    return new DualMatrix(this.rows, to - from, e);
  }
}
